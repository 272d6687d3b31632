/**
 * Cut-off statement files (an interrupted download, a partial copy) are refused as a whole: nothing is stored, so
 * the complete file imported later brings every posting complete (no incomplete posting claims it as a duplicate).
 */
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../helpers/db.ts';
import { readFileSync } from 'node:fs';
import { MT940_SAMPLE as MT940 } from '../../helpers/mt940-sample.ts';
import { SHARED_BANK_FIXTURES } from '../../helpers/bank-fixtures.ts';

describe('cut-off statement files', () => {
  it('MT940 cut inside :86: (no :62F:) stores nothing; the complete file then imports in full', async () => {
    const { core } = makeTestDb();
    const cut = Buffer.from(MT940.slice(0, MT940.indexOf('Lagerraum')), 'latin1');
    const [r] = await core.bank.importBytes('cut.sta', cut, { accountIban: 'DE38500502010123456789' });
    expect(r).toMatchObject({ ok: false, error: { code: 'MT940_TRUNCATED' } });
    expect(r?.ok === false && r.error.message).toMatch(/cut\.sta, line 8: .*Nothing was imported/);
    expect(await core.bank.postingCount()).toBe(0);
    expect(core.bank.accounts()).toEqual([]);

    const [full] = await core.bank.importBytes('full.sta', Buffer.from(MT940, 'latin1'), {
      accountIban: 'DE38500502010123456789',
    });
    expect(full).toMatchObject({ ok: true, new: 2, duplicate: 0 });
    expect(await core.bank.postingCount()).toBe(2);
    expect(core.bank.accounts()).toHaveLength(1);
    const debit = core.bank.listPostings({ limit: 10 }).items.find((p) => p.amountMinor < 0);
    expect(debit).toMatchObject({ amountMinor: -4990, remittance: 'Miete Lagerraum Januar 2026' });
  });

  it("MT940 cut right after the next message's :20: line stores nothing (the second statement would be lost)", async () => {
    const { core } = makeTestDb();
    const file = readFileSync(
      `${SHARED_BANK_FIXTURES}mt940/wolph__mt940/betterplace/sepa_mt9401.sta`,
      'latin1',
    );
    const lines = file.split(/\r?\n/);
    expect(lines[25]).toMatch(/^:20:/); // line 26 opens the second message
    const cut = Buffer.from(`${lines.slice(0, 26).join('\r\n')}\r\n`, 'latin1');
    const [r] = await core.bank.importBytes('head26.sta', cut);
    expect(r).toMatchObject({ ok: false, error: { code: 'MT940_TRUNCATED' } });
    expect(r?.ok === false && r.error.message).toMatch(
      /^head26\.sta, line 26: The statement starting at line 26 \(:20:T089413956000001\) .*right after its reference line/,
    );
    expect(await core.bank.postingCount()).toBe(0);
    expect(core.bank.accounts()).toEqual([]);
    // Cut one line later (the account named, no balances): refused just the same; the whole file imports.
    const [later] = await core.bank.importBytes(
      'head27.sta',
      Buffer.from(lines.slice(0, 27).join('\r\n'), 'latin1'),
    );
    expect(later).toMatchObject({ ok: false, error: { code: 'MT940_TRUNCATED' } });
    const [full] = await core.bank.importBytes('full.sta', Buffer.from(file, 'latin1'));
    expect(full).toMatchObject({ ok: true, statements: 26, balanceCheck: 'ok' });
  });

  it('MT940 cut inside the :61: amount ("DR49" of "DR49,90") stores nothing', async () => {
    const { core } = makeTestDb();
    const cut = Buffer.from(MT940.slice(0, MT940.indexOf(',90N005')), 'latin1');
    const [r] = await core.bank.importBytes('cut61.sta', cut, { accountIban: 'DE38500502010123456789' });
    expect(r).toMatchObject({ ok: false, error: { code: 'MT940_BAD_AMOUNT' } });
    expect(await core.bank.postingCount()).toBe(0);
    expect(core.bank.accounts()).toEqual([]);
  });

  it('CSV cut inside the last amount ("-12" of "-120,00") stores nothing', async () => {
    const { core } = makeTestDb();
    const csv = [
      'Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung;IBAN Kontoinhaber;Kategorie',
      '26.11.2026;26.11.2026;Gutschrift;Max Kunde Bestellung 10001;1.500,50;EUR;DE89370400440532013000;Sonstige Einnahmen',
      '25.11.2026;25.11.2026;Lastschrift;Telekom Deutschland GmbH Kd-Nr 123;-120,00;EUR;DE89370400440532013000;Telefon',
    ].join('\r\n');
    const cut = Buffer.from(csv.slice(0, csv.lastIndexOf('0,00;EUR')), 'latin1');
    const [r] = await core.bank.importBytes('cut.csv', cut, { accountIban: 'DE89370400440532013000' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CSV_TRUNCATED' } });
    expect(r?.ok === false && r.error.message).toMatch(/cut\.csv, line 3: /);
    expect(await core.bank.postingCount()).toBe(0);
    expect(core.bank.accounts()).toEqual([]);
  });
});
