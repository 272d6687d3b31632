import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyringStore } from '#core/secrets/keyring-store.ts';
import { createStore, openStore } from '#core/secrets/open-store.ts';
import { keyFilePathFor } from '#core/secrets/key-file.ts';
import { tempDir } from '../../helpers/db.ts';
import { runCli } from '../../helpers/cli.ts';

// CI runs the suite inside `dbus-run-session` with an unlocked gnome-keyring (.ci/run), so there the keyring
// must work; a developer machine without a Secret Service skips with this reason instead.
const available = KeyringStore.available();
const reason =
  'no OS keyring (Secret Service) on this machine; CI provides one via dbus-run-session + gnome-keyring';

describe.skipIf(!available && !process.env['CI'])(`OS keyring (${available ? 'available' : reason})`, () => {
  it('keeps the database key in the keyring, not in the key file', () => {
    const path = join(tempDir(), 'kr.db');
    const store = createStore(path, 'keyring', {});
    const key = store.secrets.get('db-key');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    store.db.$client.close();
    const keyFile = JSON.parse(readFileSync(keyFilePathFor(path), 'utf8')) as Record<string, unknown>;
    expect(keyFile).toMatchObject({ mode: 'keyring' });
    expect(JSON.stringify(keyFile)).not.toContain(key);
    const again = openStore(path, {});
    expect(again.keyMode).toBe('keyring');
    again.db.$client.close();
    again.secrets.delete('db-key');
    expect(() => openStore(path, {})).toThrow(expect.objectContaining({ code: 'DB_KEY_MISSING' }));
  });

  it('the CLI uses the keyring when no passphrase is given', () => {
    const db = join(tempDir(), 'cli.db');
    const init = runCli(['--db', db, '--json', 'init']);
    expect(init.status).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ keyMode: 'keyring' });
    expect(runCli(['--db', db, 'status']).status).toBe(0);
  });
});
