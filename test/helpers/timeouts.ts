/**
 * Timeouts a test ends itself, for HttpOptions.timeoutSignal: one signal per attempt, and `expire()` aborts the
 * newest one as AbortSignal.timeout would (a TimeoutError). A simulator's hang fault calls expire() when the hanging
 * request arrives, so exactly that attempt times out, however slow the test machine is: a short real timeout could
 * also end a request that the shop answers, only late.
 */
export function manualTimeouts(): { timeoutSignal: (ms: number) => AbortSignal; expire: () => void } {
  let newest: AbortController | undefined;
  return {
    timeoutSignal: () => (newest = new AbortController()).signal,
    expire: () => newest?.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
  };
}
