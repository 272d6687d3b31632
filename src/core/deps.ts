/**
 * Ports: everything the core needs from the outside world is passed in (design §3.3).
 */
export interface Clock {
  now(): Date;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

/**
 * Named secrets (database key, shop credentials, SMTP passwords). Implementations: OS keyring
 * (`@napi-rs/keyring`), Electron `safeStorage`, a passphrase-wrapped vault file, and memory for tests.
 */
export interface SecretStore {
  readonly kind: 'keyring' | 'safeStorage' | 'passphrase' | 'memory';
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
}

export const systemClock: Clock = { now: () => new Date() };

/** A logger that drops everything; for tests that do not look at logs. */
export const silentLogger: Logger = { log: () => undefined };

/** Writes JSON lines to stderr, never secrets: callers pass ids, not credentials. */
export function createStderrLogger(minLevel: LogLevel = 'info'): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  return {
    log(level, message, fields) {
      if (order.indexOf(level) < order.indexOf(minLevel)) return;
      const at = new Date().toISOString();
      // The event's own keys come first and cannot be overwritten: a field of the same name (an error's `message`)
      // is kept under `fields` instead of replacing what the line is about.
      const clash = fields !== undefined && ('at' in fields || 'level' in fields || 'message' in fields);
      const line = clash ? { at, level, message, fields } : { at, level, message, ...fields };
      process.stderr.write(`${JSON.stringify(line)}\n`);
    },
  };
}
