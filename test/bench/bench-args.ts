/**
 * Command-line options of the benchmark tools (`--name value`, `--flag`), read from this process's arguments.
 * Shared so every tool parses them the same way.
 */
export const benchArgs: readonly string[] = process.argv.slice(2);

/** The value after `--name`, or undefined. */
export function option(name: string): string | undefined {
  const i = benchArgs.indexOf(`--${name}`);
  return i >= 0 ? benchArgs[i + 1] : undefined;
}

/** The number after `--name`, or `fallback`. */
export function numberOption(name: string, fallback: number): number {
  const value = option(name);
  return value === undefined ? fallback : Number(value);
}

/** Is `--name` given? */
export function flag(name: string): boolean {
  return benchArgs.includes(`--${name}`);
}
