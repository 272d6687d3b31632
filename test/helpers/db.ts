import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core } from '#core/index.ts';
import { silentLogger } from '#core/deps.ts';
import { type Db, openDatabase } from '#core/db/open.ts';
import { MemorySecretStore } from '#core/secrets/memory-store.ts';
import { FakeClock } from './clock.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A fresh temp folder, removed after the test. */
export function tempDir(prefix = 'kassenwart-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export type TestDb = {
  db: Db;
  path: string;
  keyHex: string;
  clock: FakeClock;
  core: Core;
  secrets: MemorySecretStore;
};

/** A fresh encrypted database per test (real SQLCipher file in a temp folder), closed and removed after it. */
export function makeTestDb(options: { clock?: FakeClock } = {}): TestDb {
  const dir = tempDir();
  const path = join(dir, 'test.db');
  const keyHex = randomBytes(32).toString('hex');
  const db = openDatabase({ path, keyHex, mode: 'create' });
  const clock = options.clock ?? new FakeClock();
  const secrets = new MemorySecretStore();
  const core = createCore({ db, clock, logger: silentLogger, secrets });
  cleanups.push(() => {
    if (db.$client.open) db.$client.close();
  });
  return { db, path, keyHex, clock, core, secrets };
}
