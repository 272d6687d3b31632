/**
 * What a newcomer's walkthrough of the command line ran into: each case is the command as a user types it,
 * through the real `kassenwart` child process (test/helpers/cli.ts).
 */
import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/db.ts';
import { freshDb, json } from './support.ts';

describe('watch, serve, import: clear errors', () => {
  it('watch refuses a folder that does not exist or is a file', () => {
    const { cli, db } = freshDb();
    const missing = cli('watch', '/nope/folder');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('WATCH_FOLDER_NOT_FOUND');
    const file = cli('watch', db);
    expect(file.status).toBe(1);
    expect(file.stderr).toContain('WATCH_FOLDER_NOT_A_FOLDER');
    expect(json<{ watchFolder: string | null }>(cli('--json', 'watch')).watchFolder).toBeNull();
    const folder = join(tempDir(), 'inbox');
    mkdirSync(folder);
    expect(json<{ watchFolder: string }>(cli('--json', 'watch', folder)).watchFolder).toBe(folder);
  });

  it('serve --port with the port taken says so, with a code and what to do', async () => {
    const { cli } = freshDb();
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    try {
      const port = (blocker.address() as AddressInfo).port;
      const r = cli('serve', '--port', String(port));
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('PORT_IN_USE');
      expect(r.stderr).toContain('--port');
      expect(r.stderr).not.toContain('EADDRINUSE');
    } finally {
      await new Promise((done) => blocker.close(done));
    }
  });

  it('import of a folder says it is a folder', () => {
    const { cli } = freshDb();
    const folder = tempDir();
    const r = cli('--json', 'import', folder);
    expect(r.status).toBe(1);
    const results = (JSON.parse(r.stdout) as { results: { ok: boolean; error: { code: string } }[] }).results;
    expect(results).toEqual([
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'IMPORT_IS_A_FOLDER' }) }),
    ]);
  });
});
