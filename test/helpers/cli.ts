import { spawnSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

// A test of the real command starts a Node process per call (about a second each with the TypeScript loader, more
// while other test files keep both cores busy): one with twenty calls needs more than the default 30 s there. The
// limit stays a guard against a hang (each call has its own 60 s timeout below), for the files that use this helper.
vi.setConfig({ testTimeout: 120_000 });

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/kassenwart.mjs', import.meta.url));

export type CliResult = { status: number | null; stdout: string; stderr: string };

/**
 * The environment of a CLI child: the test runner's, without a passphrase, and with English human-readable
 * output unless the test asks for another language (the CLI's default is German; cli-i18n tests cover it).
 */
function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, KASSENWART_PASSPHRASE: undefined, KASSENWART_LANG: 'en', ...env };
}

/** Runs the real `kassenwart` command in a child process (the public interface, exactly as users call it). */
export function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  input?: string,
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: childEnv(env),
    encoding: 'utf8',
    input,
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Starts a long-running command (serve, demo, run) and resolves with its first stdout line; `nextLine` waits for
 * the next stdout line that matches (lines before it are skipped).
 */
export async function startCli(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{
  child: ChildProcessWithoutNullStreams;
  firstLine: string;
  nextLine: (match?: RegExp) => Promise<string>;
  stop: () => Promise<number | null>;
}> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: childEnv(env),
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout });
  const later: string[] = [];
  let waiting: (() => void) | undefined;
  const firstLine = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => {
      resolve(line);
      lines.on('line', (next) => {
        later.push(next);
        waiting?.();
      });
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing: ${stderr}`)));
  });
  child.once('exit', () => waiting?.());
  const nextLine = async (match = /^/): Promise<string> => {
    for (;;) {
      const line = later.shift();
      if (line !== undefined) {
        if (match.test(line)) return line;
        continue;
      }
      if (child.exitCode !== null)
        throw new Error(`exited with ${child.exitCode} before printing ${match}: ${stderr}`);
      await new Promise<void>((resolve) => (waiting = resolve));
    }
  };
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { child, firstLine, nextLine, stop };
}
