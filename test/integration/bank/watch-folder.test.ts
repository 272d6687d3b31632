/** Watch folder with real files in a temp dir; waits for the watcher's own events, no sleeps. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWatchFolder, type WatchEvent } from '#core/bank/watch-folder.ts';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { camtXml } from '../../helpers/camt-builder.ts';

describe('watch folder', () => {
  it('imports new files and moves them to imported/ or failed/ with the reason next to it', async () => {
    const { core } = makeTestDb();
    const folder = tempDir();
    core.bank.setWatchFolder(folder);
    expect(core.bank.getWatchFolder()).toBe(folder);
    const seen: WatchEvent[] = [];
    let release: (() => void) | undefined;
    const two = new Promise<void>((resolve) => (release = resolve));
    const watcher = startWatchFolder({
      folder,
      bank: core.bank,
      logger: { log: () => undefined },
      stabilityMs: 50,
      onFile: (e) => {
        seen.push(e);
        if (seen.length === 2) release?.();
      },
    });
    try {
      await watcher.ready;
      writeFileSync(join(folder, 'good.xml'), camtXml('053', [{ entries: [{ amount: '9.99' }] }]));
      writeFileSync(
        join(folder, 'broken.xml'),
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt></BkToCstmrStmt></Document>',
      );
      await two;
    } finally {
      await watcher.stop();
    }
    expect(existsSync(join(folder, 'imported', 'good.xml'))).toBe(true);
    expect(existsSync(join(folder, 'failed', 'broken.xml'))).toBe(true);
    expect(readFileSync(join(folder, 'failed', 'broken.xml.error.txt'), 'utf8')).toMatch(
      /^CAMT_NO_STATEMENT: /,
    );
    expect(existsSync(join(folder, 'good.xml'))).toBe(false);
    expect(core.bank.listPostings().items.map((p) => p.amountMinor)).toEqual([999]);
  });
});
