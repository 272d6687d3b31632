/**
 * The balance check (opening balance + booked entries = closing balance) only compares amounts in one currency:
 * balances in different currencies, or booked entries in another currency than the balances, are reported as not
 * checked with the reason (BALANCE_NOT_CHECKED), never as a mismatch; amounts in messages are in major units.
 */
import { describe, expect, it } from 'vitest';
import type { FileResult } from '#core/bank/import-service.ts';
import { camtXml } from '../../helpers/camt-builder.ts';
import { runCli } from '../../helpers/cli.ts';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { SHARED_BANK_FIXTURES } from '../../helpers/bank-fixtures.ts';
import { ENV, freshDb } from '../cli/support.ts';

const MINIMAL = `${SHARED_BANK_FIXTURES}camt053/genkgo__camt/camt053.v2.minimal.xml`;
const bytes = (s: string) => Buffer.from(s, 'utf8');

function ok(r: FileResult | undefined) {
  if (!r?.ok) throw new Error(`import failed: ${JSON.stringify(r)}`);
  return r;
}

describe('balance check across currencies', () => {
  it('opening balance in EUR, closing balance in SEK (genkgo minimal): not checked, and why', async () => {
    const { core, db } = makeTestDb();
    const r = ok((await core.bank.importFiles([MINIMAL]))[0]);
    expect(r.balanceCheck).toBe('not_available');
    expect(r.warnings.map((w) => w.code)).not.toContain('BALANCE_MISMATCH');
    expect(r.warnings).toContainEqual({
      code: 'BALANCE_NOT_CHECKED',
      message:
        "Statement 253EURNL26VAYB8060476890: the opening balance is 18.15 EUR, the closing balance -27.00 SEK: balances in different currencies cannot be compared, so the balances were not checked. Check the statement's balances with the bank.",
    });
    expect(db.$client.prepare('SELECT balance_check AS c FROM bank_statements').all()).toEqual([
      { c: 'not_available' },
    ]);
  });

  it('a booked entry in another currency than the balances: not checked (it used to be left out of the sum)', async () => {
    const { core } = makeTestDb();
    const file = camtXml('053', [
      {
        id: 'FX',
        opening: '100.00',
        closing: '110.00',
        entries: [{ amount: '10.00' }, { amount: '5.00', ccy: 'USD' }],
      },
    ]);
    const r = ok((await core.bank.importBytes('fx.xml', bytes(file)))[0]);
    expect(r.balanceCheck).toBe('not_available');
    expect(r.warnings).toContainEqual({
      code: 'BALANCE_NOT_CHECKED',
      message:
        'Statement FX: the balances are in EUR, but booked entries are in another currency (1 in USD), so the balances were not checked. The postings were imported with their own currency.',
    });
    // The same statement in one currency is checked as before.
    const same = camtXml('053', [
      { id: 'EU', opening: '100.00', closing: '115.00', entries: [{ amount: '15.00' }] },
    ]);
    expect(ok((await core.bank.importBytes('eu.xml', bytes(same)))[0]).balanceCheck).toBe('ok');
  });

  it('a mismatch names the amounts in major units with their currency', async () => {
    const { core } = makeTestDb();
    const file = camtXml('053', [
      { id: 'MM', opening: '-18.15', closing: '999.00', entries: [{ amount: '8.85', cdi: 'DBIT' }] },
    ]);
    const r = ok((await core.bank.importBytes('mm.xml', bytes(file)))[0]);
    expect(r.balanceCheck).toBe('mismatch');
    expect(r.warnings).toContainEqual({
      code: 'BALANCE_MISMATCH',
      message:
        'Statement MM: opening balance -18.15 EUR + entries -8.85 EUR = -27.00 EUR, but the closing balance is 999.00 EUR. Entries may be missing; ask the bank.',
    });
  });

  it('kassenwart import says "not checked" on the balance line', () => {
    const dir = tempDir();
    const { db } = freshDb(dir);
    const run = runCli(['--db', db, 'import', MINIMAL], ENV);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /balance check: not checked, currencies differ \(see warning BALANCE_NOT_CHECKED\)/,
    );
    expect(run.stdout).toMatch(/warning BALANCE_NOT_CHECKED: .*18\.15 EUR.*-27\.00 SEK/);
  });
});
