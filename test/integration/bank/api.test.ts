/** Bank API methods through invokeApi (zod-validated input, same path as IPC and HTTP). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api } from '#shared/api.ts';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { camtXml } from '../../helpers/camt-builder.ts';
import { apiCaller } from '../../helpers/api.ts';
import { makeOrder, makeShop } from '../../helpers/factories.ts';

/** An MT940 statement naming its account as `:25:` writes it (none without `account`), with one credit. */
const mt940 = (account: string | undefined, amount: string) =>
  [
    ':20:STMT',
    ...(account ? [`:25:${account}`] : []),
    ':28C:1/1',
    ':60F:C261127EUR0,00',
    `:61:2611271127CR${amount}NTRFNONREF`,
    ':86:166?20Spende',
    `:62F:C261127EUR${amount}`,
    '-',
    '',
  ].join('\r\n');

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

  it('postings.list takes the account as postings --account does (account), and says ACCOUNT_NOT_FOUND as the CLI', async () => {
    const { core } = makeTestDb();
    const call = apiCaller(core);
    const dir = tempDir();
    const files = {
      giro: camtXml('053', [{ entries: [{ amount: '49.90' }] }]),
      blz: mt940('50010517/5407324924', '7,00'),
      paypal: mt940('paypal:shop@example.de', '3,00'),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, 'latin1');
    const imported = api['import.files'].output.parse(
      await call('import.files', { paths: Object.keys(files).map((f) => join(dir, f)) }),
    );
    const accountIds = imported.results.map((r) => (r.ok ? r.accounts[0]?.id : undefined));
    const amounts = async (input: object) =>
      api['postings.list'].output.parse(await call('postings.list', input)).items.map((p) => p.amountMinor);
    expect(await amounts({ account: ' de89 3704 0044 0532 0130 00 ' })).toEqual([4990]);
    expect(await amounts({ account: '37040044/532013000' })).toEqual([4990]); // BLZ/Kontonummer of a known IBAN
    expect(await amounts({ account: 'DE39500105175407324924' })).toEqual([700]); // IBAN of a BLZ/Kontonummer
    expect(await amounts({ account: 'PayPal:Shop@Example.de' })).toEqual([300]);
    expect(await amounts({ account: `id:${accountIds[1]}` })).toEqual([700]);
    // accountIban stays what it was: that exact IBAN only, nothing for an unknown one.
    expect(await amounts({ accountIban: 'DE89370400440532013000' })).toEqual([4990]);
    expect(await amounts({ accountIban: 'DE02120300000000202051' })).toEqual([]);

    for (const [account, why] of [
      ['DE02120300000000202051', 'no known account has that IBAN or id'],
      ['DE89370400440532013001', 'it is not a valid IBAN'],
      ['id:999', 'there is no account with the id 999'],
    ] as const)
      await expect(call('postings.list', { account }), account).rejects.toMatchObject({
        code: 'ACCOUNT_NOT_FOUND',
        message: expect.stringMatching(
          new RegExp(`^--account ${account}: ${why}.*"kassenwart accounts"`),
        ) as unknown,
      });
    for (const input of [
      { account: '  ' },
      { account: 'DE89370400440532013000\nDE02120300000000202051' },
      { account: 'x'.repeat(271) },
      { account: 'id:1', accountIban: 'DE89370400440532013000' },
    ])
      await expect(call('postings.list', input), JSON.stringify(input)).rejects.toMatchObject({
        code: 'API_INVALID_INPUT',
        message: expect.stringContaining('postings.list at account') as unknown,
      });
  });

  it('import.files takes the account as import --account does, id:N included, and returns what the matcher did (matching)', async () => {
    const { core, db } = makeTestDb();
    const call = apiCaller(core);
    const shop = makeShop(db, { name: 'Laden' });
    makeOrder(db, { shopId: shop.id, number: 'WC-5001', totalMinor: 2350 });
    const dir = tempDir();
    const camt = join(dir, 'camt.xml');
    writeFileSync(
      camt,
      camtXml('053', [
        {
          entries: [
            { amount: '23.50', name: 'Erika Mustermann', remittance: 'Bestellung WC-5001', e2e: 'E2E-1' },
            { amount: '35.00', name: 'Irgendwer', remittance: 'Danke' },
          ],
        },
      ]),
    );
    const first = api['import.files'].output.parse(await call('import.files', { paths: [camt] }));
    expect(first.results).toMatchObject([{ ok: true, new: 2 }]);
    expect(first.matching).toEqual({
      auto: 1,
      suggested: 0,
      none: 1,
      returns: 0,
      debits: 0,
      assignmentsCreated: 1,
      assignmentsUndone: 0,
    });
    // Nothing new: the matcher did not run (null, as in `kassenwart import --json`).
    const again = api['import.files'].output.parse(await call('import.files', { paths: [camt] }));
    expect(again.matching).toBeNull();

    // A file that names no account goes to the one given as id:N (4 characters: shorter than any IBAN).
    const giro = first.results[0]?.ok ? first.results[0].accounts[0]?.id : undefined;
    const unnamed = join(dir, 'unnamed.sta');
    writeFileSync(unnamed, mt940(undefined, '7,00'), 'latin1');
    const byId = api['import.files'].output.parse(
      await call('import.files', { paths: [unnamed], account: `id:${giro}` }),
    );
    expect(byId.results).toMatchObject([{ ok: true, new: 1, accounts: [{ id: giro, created: false }] }]);
    expect(byId.matching).toMatchObject({ auto: 0, none: 2 });
    await expect(call('import.files', { paths: [unnamed], account: 'id:999' })).rejects.toMatchObject({
      code: 'IMPORT_ACCOUNT_NOT_FOUND',
    });
    await expect(
      call('import.files', {
        paths: [unnamed],
        account: `id:${giro}`,
        accountIban: 'DE89370400440532013000',
      }),
    ).rejects.toMatchObject({ code: 'API_INVALID_INPUT' });
  });
});
