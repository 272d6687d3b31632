/**
 * Errors that cross a boundary (CLI, IPC, HTTP) carry a stable code and a message a merchant can act on:
 * what went wrong, where, and what to do. `KassenwartError` is the base; the subclasses only group codes.
 */
export class KassenwartError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** The database cannot be opened or used (wrong key, newer schema, missing file). */
export class DatabaseError extends KassenwartError {}

/** Keys and secrets (keyring unavailable, wrong passphrase, missing key file). */
export class SecretError extends KassenwartError {}

/** Input from a user or API caller failed validation. */
export class ValidationError extends KassenwartError {}

/** An order state transition that the state machine does not allow. */
export class TransitionError extends KassenwartError {}

/** Something asked for does not exist. */
export class NotFoundError extends KassenwartError {}

export function isKassenwartError(error: unknown): error is KassenwartError {
  return error instanceof KassenwartError;
}

/** The shape errors take when they cross the API boundary (design §3.4). */
export type ErrorPayload = { code: string; message: string };

export function toErrorPayload(error: unknown): ErrorPayload {
  if (isKassenwartError(error)) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
