/** Shared by the CLI walkthrough tests: a fresh database through `kassenwart init`, filled directly. */
import { join } from 'node:path';
import { expect } from 'vitest';
import { openStore } from '#core/secrets/open-store.ts';
import type { Db } from '#core/db/open.ts';
import { runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/db.ts';

export const ENV = { KASSENWART_PASSPHRASE: 'test-passphrase-1' };

/** A fresh database (through `kassenwart init`) and a function to fill it directly before the CLI runs. */
export function freshDb(): {
  db: string;
  fill: <T>(fn: (db: Db) => T) => T;
  cli: (...args: string[]) => ReturnType<typeof runCli>;
} {
  const db = join(tempDir(), 'k.db');
  expect(runCli(['--db', db, 'init'], ENV).status).toBe(0);
  return {
    db,
    fill: (fn) => {
      const store = openStore(db, { passphrase: () => 'test-passphrase-1' });
      try {
        return fn(store.db);
      } finally {
        store.db.$client.close();
      }
    },
    cli: (...args) => runCli(['--db', db, ...args], ENV),
  };
}

export const json = <T>(r: { stdout: string; stderr: string; status: number | null }): T => {
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};
