/** Focused findings of the third robustness round (bank import), each with a small input built here. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReturnedCredit } from '#core/matching/payment-nature.ts';
import { isReturn } from '#core/matching/passes/returns.ts';
import { OWN_BANK_FIXTURES } from '../../helpers/bank-fixtures.ts';
import { camtXml } from '../../helpers/camt-builder.ts';
import { makeTestDb } from '../../helpers/db.ts';
import { storedPostings } from '../../helpers/realistic-bank.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function importOne(name: string, bytes: Uint8Array) {
  const { core } = makeTestDb();
  const [r] = await core.bank.importBytes(name, bytes);
  if (!r?.ok) throw new Error(JSON.stringify(r));
  return { r, postings: storedPostings(core) };
}

const RETURN_INFO = '<RtrInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>Konto erloschen</AddtlInf></RtrInf></TxDtls>';

describe('bank import, third round', () => {
  it('a CAMT return without Ustrd keeps its reason as remittance, so the matcher sees the return', async () => {
    const xml = camtXml('053', [
      {
        entries: [
          // A returned direct debit (the dealer collected, the customer's account is closed) ...
          { amount: '49.90', cdi: 'DBIT', iban: 'DE02120300000000202051', name: 'Erika Mustermann' },
          // ... and the dealer's refund transfer coming back.
          { amount: '20.00', cdi: 'CRDT', iban: 'DE44500105175407324931', name: 'Hans Weber' },
        ],
      },
    ]).replaceAll('</TxDtls>', RETURN_INFO);
    const { postings } = await importOne('returns.xml', utf8(xml));
    expect(postings.map((p) => [p.amountMinor, p.remittance])).toEqual([
      [-4990, 'Rücklastschrift AC04 Konto erloschen'],
      [2000, 'Rücküberweisung AC04 Konto erloschen'],
    ]);
    const [debit, credit] = postings;
    expect(debit && isReturn(debit)).toBe(true);
    expect(isReturnedCredit(credit?.remittance)).toBe(true);
  });

  it('a CAMT amount with Ccy="EURO" is refused with a message that says so (the account does name EUR)', async () => {
    const xml = camtXml('053', [{ entries: [{ amount: '12.00' }] }]).replace(
      '<Ntry><Amt Ccy="EUR">',
      '<Ntry><Amt Ccy="EURO">',
    );
    expect(xml).toContain('<Ccy>EUR</Ccy>');
    const { core } = makeTestDb();
    const [r] = await core.bank.importBytes('euro.xml', utf8(xml));
    expect(r).toMatchObject({ ok: false, error: { code: 'CAMT_MISSING_CURRENCY' } });
    const message = r?.ok === false ? r.error.message : '';
    expect(message).toMatch(/"12\.00" has Ccy="EURO", which is no ISO 4217 currency code/);
    expect(message).not.toMatch(/names no currency/);
  });

  it('an MT940 statement whose :60F: and :62F: currencies differ is refused (its entries name no currency)', async () => {
    const mt940 = (closing: string) =>
      [
        ':20:STARTUMSE',
        ':25:50010517/0137075030',
        ':28C:00001/001',
        ':60F:C261125EUR0,00',
        ':61:2611261126C1234,56NTRFNONREF',
        ':86:166?00GUTSCHRIFT?20SVWZ+Test',
        `:62F:C261126${closing}1234,56`,
        '-',
        '',
      ].join('\r\n');
    const { core } = makeTestDb();
    const [bad] = await core.bank.importBytes('usd.sta', utf8(mt940('USD')));
    expect(bad).toMatchObject({ ok: false, error: { code: 'MT940_CURRENCY_MISMATCH' } });
    expect(bad?.ok === false && bad.error.message).toMatch(/line 7.*:62F: is in USD.*in EUR/);
    expect(await core.bank.postingCount()).toBe(0);
    const [good] = await core.bank.importBytes('eur.sta', utf8(mt940('EUR')));
    expect(good).toMatchObject({ ok: true, new: 1, balanceCheck: 'ok' });
  });

  it('CSV_NO_ACCOUNT with --account given names that account instead of asking for it', async () => {
    const file = readFileSync(join(OWN_BANK_FIXTURES, 'csv', 'n26.csv'));
    const { core } = makeTestDb();
    const [r] = await core.bank.importBytes('n26.csv', file, { accountIban: 'DE89 3704 0044 0532 0130 00' });
    if (!r?.ok) throw new Error(JSON.stringify(r));
    const warning = r.warnings.find((w) => w.code === 'CSV_NO_ACCOUNT');
    expect(warning?.message).toBe(
      'n26.csv: the file does not say which account it belongs to; its postings are imported into DE89370400440532013000, given with --account.',
    );
    const { core: other } = makeTestDb();
    const [without] = await other.bank.importBytes('n26.csv', file);
    expect(without).toMatchObject({ ok: false, error: { code: 'IMPORT_NO_ACCOUNT' } });
  });

  it('party names lose soft hyphens and runs of blanks (CAMT; MT940 and CSV share cleanText)', async () => {
    const xml = camtXml('053', [
      {
        entries: [
          { amount: '1.00', name: 'M&amp;M Handels&#173;gesellschaft', iban: 'DE02120300000000202051' },
          { amount: '2.00', name: '  Leer   Zeichen  ', iban: 'DE44500105175407324931' },
        ],
      },
    ]);
    const { postings } = await importOne('names.xml', utf8(xml));
    expect(postings.map((p) => p.counterpartyName)).toEqual(['M&M Handelsgesellschaft', 'Leer Zeichen']);

    const mt940 = [
      ':20:STARTUMSE',
      ':25:50010517/0137075030',
      ':28C:00001/001',
      ':60F:C261125EUR0,00',
      ':61:2611261126C1,00NTRFNONREF',
      ':86:166?00GUTSCHRIFT?20SVWZ+Test?32Handels\u00adgesell?33schaft  GmbH',
      ':62F:C261126EUR1,00',
      '-',
      '',
    ].join('\r\n');
    const { postings: fromMt940 } = await importOne('names.sta', utf8(mt940));
    expect(fromMt940[0]?.counterpartyName).toBe('Handelsgesellschaft GmbH');
  });

  it('a file of only blank lines is reported as empty, like a 0-byte file', async () => {
    const { core } = makeTestDb();
    for (const bytes of [new Uint8Array(), utf8('\r\n  \r\n'), utf8('\uFEFF\n\n')]) {
      const [r] = await core.bank.importBytes('blank.sta', bytes);
      expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_EMPTY_FILE' } });
    }
  });
});
