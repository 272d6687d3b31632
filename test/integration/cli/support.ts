/**
 * Shared by the CLI walkthrough tests: a fresh database, filled directly. It is made in-process with a cheap scrypt
 * cost (N=2^10; the key file stores the parameters, so every CLI call opens it the way it opens any key file) instead
 * of `kassenwart init`, whose N=2^17 costs ~0.7 s in every CLI call of a test; `init` itself is tested in
 * foundation/cli.test.ts.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { createStore, openStore } from '#core/secrets/open-store.ts';
import type { Db } from '#core/db/open.ts';
import { runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/db.ts';

export const ENV = { KASSENWART_PASSPHRASE: 'test-passphrase-1' };

/** A German user's shell: the language from the POSIX locale only (no KASSENWART_LANG, no LC_ALL/LC_MESSAGES). */
export const GERMAN_SHELL = {
  ...ENV,
  KASSENWART_LANG: undefined,
  LC_ALL: undefined,
  LC_MESSAGES: undefined,
  LANG: 'de_DE.UTF-8',
};

/** A fresh database (`k.db` in `dir`, a new temp folder by default) and a function to fill it before the CLI runs. */
export function freshDb(dir = tempDir()): {
  db: string;
  fill: <T>(fn: (db: Db) => T) => T;
  cli: (...args: string[]) => ReturnType<typeof runCli>;
} {
  const db = join(dir, 'k.db');
  createStore(db, 'passphrase', {
    passphrase: () => ENV.KASSENWART_PASSPHRASE,
    scrypt: { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 },
  }).db.$client.close();
  return {
    db,
    fill: (fn) => {
      const store = openStore(db, { passphrase: () => ENV.KASSENWART_PASSPHRASE });
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
