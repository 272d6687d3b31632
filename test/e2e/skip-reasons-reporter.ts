/**
 * Prints why a test was skipped (the list reporter only shows a dash), so a conditional skip such as the
 * Electron test's never passes silently. https://playwright.dev/docs/test-reporters#custom-reporters
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonsReporter implements Reporter {
  private readonly reasons = new Map<string, number>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    // The same skip annotation can appear on the test and on its result: count each reason once per test.
    const reasons = new Set(
      [...test.annotations, ...result.annotations].filter((a) => a.type === 'skip').map((a) => a.description),
    );
    for (const reason of reasons) {
      const text = reason || '(no reason given)';
      this.reasons.set(text, (this.reasons.get(text) ?? 0) + 1);
    }
  }

  onEnd(_result: FullResult): void {
    for (const [reason, count] of this.reasons)
      process.stdout.write(`  skipped ${count} test(s): ${reason}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
