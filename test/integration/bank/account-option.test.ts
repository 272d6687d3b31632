/**
 * The account given with the import (--account) is checked before anything is stored: no command removes an account
 * or undoes an import, so a typing error must neither create an account nor file postings there.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { runCli } from '../../helpers/cli.ts';
import type { FileResult } from '#core/bank/import-service.ts';
import { ENV, freshDb } from '../cli/support.ts';

/** An MT940 statement; without `account` it names none (no :25:), as the merchant then chooses it. */
const mt940 = (account?: string, amount = '49,00') =>
  Buffer.from(
    [
      ':20:STMT',
      ...(account ? [`:25:${account}`] : []),
      ':28C:1/1',
      ':60F:C261127EUR100,00',
      `:61:2611271127CR${amount}NTRFNONREF`,
      ':86:166?20Bestellung 1',
      `:62F:C261127EUR${(100 + Number(amount.replace(',', '.'))).toFixed(2).replace('.', ',')}`,
      '-',
      '',
    ].join('\r\n'),
    'latin1',
  );

function ok(r: FileResult | undefined) {
  if (!r?.ok) throw new Error(`import failed: ${JSON.stringify(r)}`);
  return r;
}

describe('--account is checked before anything is stored', () => {
  it.each([
    ['DE89370400440532013001', 'IMPORT_ACCOUNT_INVALID', /not a valid IBAN: its check digits do not match/],
    ['DE00123', 'IMPORT_ACCOUNT_INVALID', /not a valid IBAN: it has 7 characters/],
    ['XX12345678901234', 'IMPORT_ACCOUNT_INVALID', /XX is not a country with IBANs/],
    ['hello', 'IMPORT_ACCOUNT_UNKNOWN', /neither an IBAN nor the id of a known account/],
    ['0532013000', 'IMPORT_ACCOUNT_UNKNOWN', /neither an IBAN nor the id of a known account/],
  ])('%s is refused with %s; no account, no posting', async (value, code, message) => {
    const { core } = makeTestDb();
    await expect(core.bank.importBytes('a.sta', mt940(), { accountIban: value })).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message) as unknown,
    });
    await expect(core.bank.importBytes('a.sta', mt940(), { accountIban: value })).rejects.toThrow(
      /Nothing was imported|nothing was imported/,
    );
    expect(core.bank.accounts()).toEqual([]);
    expect(await core.bank.postingCount()).toBe(0);
  });

  it('a valid IBAN (with or without blanks, any case) is taken as before', async () => {
    const { core } = makeTestDb();
    const r = ok(
      (await core.bank.importBytes('a.sta', mt940(), { accountIban: 'de89 3704 0044 0532 0130 00' }))[0],
    );
    expect(r.accounts).toEqual([expect.objectContaining({ iban: 'DE89370400440532013000', created: true })]);
  });

  it('the id of a known account without IBAN is taken; an unknown one is refused, naming the known ones', async () => {
    const { core } = makeTestDb();
    // A file that names its account by a foreign bank's id creates that account (the import's own naming).
    const first = ok((await core.bank.importBytes('t.sta', mt940('TRIODOSBANK/0454545454')))[0]);
    expect(first.accounts).toEqual([
      expect.objectContaining({ otherId: 'TRIODOSBANK/0454545454', created: true }),
    ]);
    const again = ok(
      (
        await core.bank.importBytes('n.sta', mt940(undefined, '5,00'), {
          accountIban: 'TRIODOSBANK/0454545454',
        })
      )[0],
    );
    expect(again.accounts).toEqual([expect.objectContaining({ id: first.accounts[0]?.id, created: false })]);
    expect(again.new).toBe(1);
    await expect(
      core.bank.importBytes('n.sta', mt940(), { accountIban: 'TRIODOSBANK/0454545455' }),
    ).rejects.toMatchObject({
      code: 'IMPORT_ACCOUNT_UNKNOWN',
      message: expect.stringContaining('Known accounts: TRIODOSBANK/0454545454.') as unknown,
    });
    // A known id that starts like an IBAN (two letters, two digits) is that account, not a wrong IBAN.
    const odd = ok((await core.bank.importBytes('odd.sta', mt940('AB12XYZ/123', '7,00')))[0]);
    const oddAgain = ok(
      (await core.bank.importBytes('odd2.sta', mt940(undefined, '8,00'), { accountIban: 'AB12XYZ/123' }))[0],
    );
    expect(oddAgain.accounts).toEqual([expect.objectContaining({ id: odd.accounts[0]?.id, created: false })]);
    // A file that names another account than the id given is a mismatch, as with an IBAN.
    const [other] = await core.bank.importBytes('o.sta', mt940('DE89370400440532013000'), {
      accountIban: 'TRIODOSBANK/0454545454',
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'IMPORT_ACCOUNT_MISMATCH' } });
    expect(core.bank.accounts()).toHaveLength(2);
  });

  it.each([
    ['37040044/532013000', /probably DE89 3704 0044 0532 0130 00/],
    ['paypal:Shop@Example.de', /PayPal or Stripe CSV export/],
    ['stripe', /PayPal or Stripe CSV export/],
  ])(
    'an id (%s) that no known account has, for a file that names no account, is refused: no account, no posting',
    async (value, advice) => {
      const { core } = makeTestDb();
      const [r] = await core.bank.importBytes('a.sta', mt940(), { accountIban: value });
      expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_ACCOUNT_NOT_FOUND' } });
      const message = r?.ok === false ? r.error.message : '';
      expect(message).toMatch(/^a\.sta: No known account has the id .* given with --account/);
      expect(message).toContain('nothing was imported and no account was created');
      expect(message).toContain('"kassenwart accounts"');
      expect(message).toMatch(advice);
      expect(core.bank.accounts()).toEqual([]);
      expect(await core.bank.postingCount()).toBe(0);
    },
  );

  it('ids the importer itself gives accounts are taken once a statement has named the account: BLZ/Kontonummer, paypal:…', async () => {
    const { core } = makeTestDb();
    // The file names the account given: it is created from the statement, as without --account.
    const blz = ok(
      (
        await core.bank.importBytes('a.sta', mt940('37040044/532013000'), {
          accountIban: '37040044/532013000',
        })
      )[0],
    );
    expect(blz.accounts).toEqual([
      expect.objectContaining({ iban: null, otherId: '37040044/532013000', created: true }),
    ]);
    // Known now: a file that names no account goes there, also with the account number's leading zeros written.
    const named = ok(
      (
        await core.bank.importBytes('b.sta', mt940(undefined, '1,00'), { accountIban: '37040044/0532013000' })
      )[0],
    );
    expect(named.accounts).toEqual([expect.objectContaining({ id: blz.accounts[0]?.id, created: false })]);
    const byIban = ok(
      (
        await core.bank.importBytes('c.sta', mt940('DE89370400440532013000', '2,00'), {
          accountIban: '37040044/532013000',
        })
      )[0],
    );
    expect(byIban.accounts).toEqual([
      expect.objectContaining({ id: blz.accounts[0]?.id, iban: 'DE89370400440532013000' }),
    ]);
    // Once known by its IBAN, the BLZ/Kontonummer finds that account.
    const later = ok(
      (
        await core.bank.importBytes('d.sta', mt940(undefined, '6,00'), { accountIban: '37040044/532013000' })
      )[0],
    );
    expect(later.accounts).toEqual([expect.objectContaining({ id: blz.accounts[0]?.id, created: false })]);
    // A PayPal account named by its statement (the CSV export, here an MT940 :25:) is then found in any case.
    const paypal = ok(
      (
        await core.bank.importBytes('p.sta', mt940('paypal:shop@example.de', '3,00'), {
          accountIban: 'paypal:Shop@Example.de',
        })
      )[0],
    );
    expect(paypal.accounts).toEqual([
      expect.objectContaining({ otherId: 'paypal:shop@example.de', created: true }),
    ]);
    const paypalAgain = ok(
      (
        await core.bank.importBytes('q.sta', mt940(undefined, '4,00'), {
          accountIban: 'PAYPAL:shop@example.de',
        })
      )[0],
    );
    expect(paypalAgain.accounts).toEqual([expect.objectContaining({ id: paypal.accounts[0]?.id })]);
    expect(core.bank.accounts()).toHaveLength(2);
    expect(await core.bank.postingCount()).toBe(6);
  });

  it('postings --account (findAccount) takes what import --account takes, for known accounts only', async () => {
    const { core } = makeTestDb();
    const id = async (file: string, account: string) =>
      ok((await core.bank.importBytes(file, mt940(account)))[0]).accounts[0]?.id;
    const giro = await id('g.sta', 'DE89370400440532013000');
    const legacy = await id('l.sta', '50010517/0005407324');
    const triodos = await id('t.sta', 'TRIODOSBANK/0454545454');
    const paypal = await id('p.sta', 'paypal:shop@example.de');
    const found = (value: string) => core.bank.findAccount(value).id;
    expect(found('de89 3704 0044 0532 0130 00')).toBe(giro);
    expect(found('37040044/532013000')).toBe(giro); // BLZ/Kontonummer of a known IBAN
    expect(found('37040044/0532013000')).toBe(giro);
    expect(found('50010517/5407324')).toBe(legacy); // the number written without its leading zeros
    expect(found('DE83500105170005407324')).toBe(legacy); // its IBAN, not learned yet
    expect(found('TRIODOSBANK/0454545454')).toBe(triodos);
    expect(found('PayPal:Shop@Example.de')).toBe(paypal);
    for (const [value, why] of [
      ['DE02120300000000202051', 'no known account has that IBAN or id'],
      ['DE89370400440532013001', 'it is not a valid IBAN (its check digits do not match'],
      ['paypal:other@example.de', 'no known account has that IBAN or id'],
      ['hello', 'no known account has that IBAN or id'],
    ] as const)
      expect(() => core.bank.findAccount(value), value).toThrow(
        expect.objectContaining({
          code: 'ACCOUNT_NOT_FOUND',
          message: expect.stringMatching(
            new RegExp(`^--account ${value}: ${why.replace(/[()]/g, '\\$&')}.*Run "kassenwart accounts"`),
          ) as unknown,
        }),
      );
  });

  it('id:N, the id kassenwart accounts prints, names that account for import and postings; an unknown N is refused before anything is read', async () => {
    const { core } = makeTestDb();
    const giro = ok((await core.bank.importBytes('g.sta', mt940('DE89370400440532013000')))[0]).accounts[0];
    const triodos = ok((await core.bank.importBytes('t.sta', mt940('TRIODOSBANK/0454545454', '2,00')))[0])
      .accounts[0];
    if (!giro || !triodos) throw new Error('accounts not created');
    // A file that names no account goes to the account given by its id, with or without IBAN.
    const intoGiro = ok(
      (await core.bank.importBytes('a.sta', mt940(undefined, '3,00'), { accountIban: `id:${giro.id}` }))[0],
    );
    expect(intoGiro.accounts).toEqual([
      expect.objectContaining({ id: giro.id, iban: 'DE89370400440532013000', created: false }),
    ]);
    const intoTriodos = ok(
      (
        await core.bank.importBytes('b.sta', mt940(undefined, '4,00'), { accountIban: ` ID:${triodos.id} ` })
      )[0],
    );
    expect(intoTriodos.accounts).toEqual([expect.objectContaining({ id: triodos.id, created: false })]);
    // A file that names another account than the one given by id is a mismatch, as with its IBAN.
    const [other] = await core.bank.importBytes('o.sta', mt940('DE02120300000000202051'), {
      accountIban: `id:${giro.id}`,
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'IMPORT_ACCOUNT_MISMATCH' } });

    expect(core.bank.findAccount(`id:${giro.id}`).id).toBe(giro.id);
    expect(core.bank.findAccount(`id:${triodos.id}`).id).toBe(triodos.id);
    const missing = triodos.id + 1;
    expect(() => core.bank.findAccount(`id:${missing}`)).toThrow(
      expect.objectContaining({
        code: 'ACCOUNT_NOT_FOUND',
        message: expect.stringMatching(
          new RegExp(
            `^--account id:${missing}: there is no account with the id ${missing}\\. Run "kassenwart accounts"`,
          ),
        ) as unknown,
      }),
    );
    await expect(
      core.bank.importBytes('c.sta', mt940(undefined, '5,00'), { accountIban: `id:${missing}` }),
    ).rejects.toMatchObject({
      code: 'IMPORT_ACCOUNT_NOT_FOUND',
      message: expect.stringMatching(
        new RegExp(
          `^--account id:${missing}: there is no account with the id ${missing}, so nothing was imported`,
        ),
      ) as unknown,
    });
    expect(core.bank.accounts()).toHaveLength(2);
    expect(await core.bank.postingCount()).toBe(4);
  });

  it('kassenwart import --account with a mistyped IBAN fails with exit code 1 and says why; nothing stored', () => {
    const dir = tempDir();
    const { db } = freshDb(dir);
    const file = join(dir, 'a.sta');
    writeFileSync(file, mt940());
    const wrong = runCli(['--db', db, 'import', file, '--account', 'DE89370400440532013001'], ENV);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(
      /--account DE89370400440532013001 is not a valid IBAN: its check digits do not match.*no account was created.*\(IMPORT_ACCOUNT_INVALID\)/,
    );
    const listed = runCli(['--db', db, '--json', 'postings'], ENV);
    expect(JSON.parse(listed.stdout)).toMatchObject({ total: 0 });
    const right = runCli(['--db', db, 'import', file, '--account', 'DE89370400440532013000'], ENV);
    expect(right.status).toBe(0);
  });
});
