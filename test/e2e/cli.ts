/**
 * Helpers for e2e tests: a temp encrypted database made with the real CLI, and `kassenwart serve` as a child
 * process whose first stdout line is the URL (with its token).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { StatusSummary } from '#shared/api.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(REPO_ROOT, 'bin', 'kassenwart.mjs');

export type TempDb = { dir: string; dbPath: string; env: NodeJS.ProcessEnv; cleanup(): void };

export function makeSeededDb(passphrase = 'e2e-passphrase-01'): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'kassenwart-e2e-'));
  const dbPath = join(dir, 'kassenwart.db');
  const env = { ...process.env, KASSENWART_PASSPHRASE: passphrase };
  runCli(['--db', dbPath, 'init'], env);
  runCli(['--db', dbPath, 'dev', 'seed'], env);
  return { dir, dbPath, env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env, encoding: 'utf8' });
}

export function cliStatus(db: TempDb): StatusSummary {
  return JSON.parse(runCli(['--db', db.dbPath, '--json', 'status'], db.env)) as StatusSummary;
}

export type Served = { url: string; origin: string; token: string; stop(): Promise<void> };

export async function serve(db: TempDb): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, [CLI, '--db', db.dbPath, 'serve'], {
    cwd: REPO_ROOT,
    env: db.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    exited.then(([code]) => {
      throw new Error(`kassenwart serve exited with ${String(code)} before printing its URL`);
    }),
  ]);
  lines.close();
  const url = new URL(first);
  const token = url.searchParams.get('token') ?? '';
  return {
    url: first,
    origin: url.origin,
    token,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
