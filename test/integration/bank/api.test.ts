/** Bank API methods through invokeApi (zod-validated input, same path as IPC and HTTP). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { camtXml } from '../../helpers/camt-builder.ts';
import { apiCaller } from '../../helpers/api.ts';

describe('bank API', () => {
  it('imports files by path and lists postings with filters and paging', async () => {
    const { core } = makeTestDb();
    const call = apiCaller(core);
    const path = join(tempDir(), 'a.xml');
    writeFileSync(
      path,
      camtXml('053', [
        { entries: [{ amount: '1.00' }, { amount: '2.00', cdi: 'DBIT' }, { amount: '3.00' }] },
      ]),
    );
    const imported = (await call('import.files', { paths: [path] })) as {
      results: { ok: boolean; new: number }[];
    };
    expect(imported.results).toMatchObject([{ ok: true, new: 3 }]);
    const page = (await call('postings.list', { status: 'unassigned', limit: 1 })) as {
      total: number;
      items: { amountMinor: number }[];
    };
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    const debits = (await call('postings.list', { status: 'debit' })) as {
      items: { amountMinor: number }[];
    };
    expect(debits.items.map((p) => p.amountMinor)).toEqual([-200]);
    await expect(call('postings.list', { status: 'nonsense' })).rejects.toMatchObject({
      code: 'API_INVALID_INPUT',
    });
    await expect(call('import.files', { paths: ['relative.xml'] })).rejects.toMatchObject({
      code: 'IMPORT_PATH_NOT_ABSOLUTE',
    });
  });

  it('takes the account ids --account takes, also longer than an IBAN (paypal:<e-mail>), and checks them alike', async () => {
    const { core } = makeTestDb();
    const call = apiCaller(core);
    const path = join(tempDir(), 'a.xml');
    writeFileSync(path, camtXml('053', [{ entries: [{ amount: '1.00' }] }]));
    // Past the API's input check (35+ characters), the import's own account check answers, as for the CLI.
    const id = `paypal:${'buchhaltung.kassenwart'.repeat(2)}@example.org`;
    expect(id.length).toBeGreaterThan(34);
    const r = (await call('import.files', { paths: [path], accountIban: id })) as {
      results: { ok: boolean; error?: { code: string } }[];
    };
    expect(r.results).toEqual([
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'IMPORT_ACCOUNT_MISMATCH' }),
      }),
    ]);
    await expect(call('import.files', { paths: [path], accountIban: 'x'.repeat(271) })).rejects.toMatchObject(
      { code: 'API_INVALID_INPUT' },
    );
  });

  it('refuses a folder to import and a watch folder that does not exist or is a file, as the CLI does', async () => {
    const { core } = makeTestDb();
    const call = apiCaller(core);
    const dir = tempDir();
    const file = join(dir, 'a.xml');
    writeFileSync(file, 'x');
    const imported = (await call('import.files', { paths: [dir] })) as {
      results: { ok: boolean; error?: { code: string } }[];
    };
    expect(imported.results).toEqual([
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'IMPORT_IS_A_FOLDER' }) }),
    ]);
    await expect(call('bank.watchFolder.set', { folder: join(dir, 'missing') })).rejects.toMatchObject({
      code: 'WATCH_FOLDER_NOT_FOUND',
    });
    await expect(call('bank.watchFolder.set', { folder: file })).rejects.toMatchObject({
      code: 'WATCH_FOLDER_NOT_A_FOLDER',
    });
    await expect(call('bank.watchFolder.set', { folder: dir })).resolves.toEqual({
      folder: dir,
    });
  });
});
