import { InvalidArgumentError } from 'commander';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is a number from 0 to 65535');
  return port;
}

/** A database id as typed on the command line: a positive whole number. */
export function parseId(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('a positive whole number (an id)');
  return n;
}

/** A `--limit` from 1 to `max` (the API method's maximum). */
export function parseLimit(value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new InvalidArgumentError(`a whole number from 1 to ${max}`);
  return n;
}

/** A `--offset`: 0 or more. */
export function parseOffset(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('a whole number from 0');
  return n;
}
