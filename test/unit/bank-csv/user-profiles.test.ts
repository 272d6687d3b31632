/** User-defined CSV profiles: parsing with one, and storing them (csv_profiles) in a real encrypted database. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvProfileInput } from '#core/bank/csv/index.ts';
import { getCsvProfile, listCsvProfiles, saveCsvProfile } from '#core/bank/csv/profiles.ts';
import { makeCsvParse } from '#core/bank/csv/adapter.ts';
import { isKassenwartError } from '#core/errors.ts';
import { makeTestDb } from '../../helpers/db.ts';
import { OWN_BANK_FIXTURES, collect, errorsOf, readText } from '../bank-mt940/fixture-helpers.ts';

const tsv = () => readText(join(OWN_BANK_FIXTURES, 'csv/user-profile-tab.tsv'));

const profile: CsvProfileInput = {
  name: 'bank-xy-giro',
  delimiter: '\t',
  decimalSeparator: '.',
  dateFormat: 'YYYY-MM-DD',
  headerLines: 2,
  footerLines: 1,
  columns: {
    bookingDate: 'Datum',
    debit: 'Soll',
    credit: 'Haben',
    currency: 'Waehrung',
    name: 'Empfaenger',
    remittance: ['Text'],
  },
};

function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isKassenwartError(e) ? e.code : `untyped: ${String(e)}`;
  }
  return undefined;
}

describe('user-defined CSV profiles', () => {
  it('a profile whose columns the file lacks says which profile and which columns', () => {
    // Without headerLines the header row is the one with the profile's column names: there is none.
    const { headerLines: _lines, ...byNames } = profile;
    const r = collect(parseCsv('Datum;Foo\n01.11.2026;1', 'x.csv', { profile: byNames }));
    const [error] = errorsOf(r);
    expect(error?.code).toBe('CSV_UNKNOWN_LAYOUT');
    expect(error?.message).toContain('"bank-xy-giro"');
    expect(error?.message).toContain('"Soll" or "Haben"');
  });

  it('detectDayMonthOrder reads the order from the dates, and warns where they do not tell', () => {
    const dated: CsvProfileInput = {
      name: 'slash-dates',
      delimiter: ';',
      dateFormat: 'MM/DD/YYYY',
      detectDayMonthOrder: true,
      defaultCurrency: 'EUR',
      columns: { bookingDate: 'Date', amount: 'Amount' },
    };
    const read = (rows: string[]) =>
      collect(parseCsv(['Date;Amount', ...rows].join('\n'), 'd.csv', { profile: dated }));
    const uk = read(['29/10/2026;10,00', '02/11/2026;5,00']);
    expect(errorsOf(uk)).toEqual([]);
    expect(uk.entries.map((e) => e.bookingDate)).toEqual(['2026-10-29', '2026-11-02']);
    const unclear = read(['03/04/2026;10,00']);
    expect(unclear.entries.map((e) => e.bookingDate)).toEqual(['2026-03-04']);
    expect(unclear.problems.map((p) => p.code)).toContain('CSV_DATE_ORDER_AMBIGUOUS');
  });

  it('reads a layout with header lines, footer lines, tab delimiter, debit/credit columns and ISO dates', () => {
    const r = collect(parseCsv(tsv(), 'user-profile-tab.tsv', { profile }));
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries.map((e) => [e.bookingDate, e.amountMinor, e.counterpartyName, e.remittance])).toEqual([
      ['2025-06-01', 1250, 'Erika Mustermann', 'Bestellung 10055'],
      ['2025-06-02', -300, 'Bank XY', 'Gebuehr'],
    ]);
    expect(r.statements[0]).toMatchObject({ format: 'csv', version: 'bank-xy-giro' });
  });

  it('finds the header row by column names when headerLines is not given, and sniffs the delimiter', () => {
    const { headerLines: _h, delimiter: _d, ...rest } = profile;
    const r = collect(parseCsv(tsv(), 'user-profile-tab.tsv', { profile: rest }));
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries).toHaveLength(2);
  });

  it('columns by index work without a header row', () => {
    const text = '01.02.2025;12,34;Kunde A\n02.02.2025;-1,00;Bank\n';
    const r = collect(
      parseCsv(text, 'plain.csv', {
        profile: { name: 'plain', hasHeader: false, columns: { bookingDate: 0, amount: 1, name: 2 } },
      }),
    );
    expect(errorsOf(r)).toEqual([]);
    expect(r.entries.map((e) => [e.bookingDate, e.amountMinor, e.counterpartyName])).toEqual([
      ['2025-02-01', 1234, 'Kunde A'],
      ['2025-02-02', -100, 'Bank'],
    ]);
  });

  it('an invalid profile is an error problem, not a crash', () => {
    const bad = { name: '', columns: {} } as unknown as CsvProfileInput;
    const r = collect(parseCsv(tsv(), 'x.tsv', { profile: bad }));
    expect(errorsOf(r).map((p) => p.code)).toEqual(['CSV_BAD_PROFILE']);
  });

  it('a quotation mark never closed is CSV_MALFORMED: where, what, and what to do', () => {
    const byNames: CsvProfileInput = {
      name: 'semicolons',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      defaultCurrency: 'EUR',
      columns: { bookingDate: 'Datum', amount: 'Betrag', remittance: ['Text'] },
    };
    const text = ['Datum;Betrag;Text', '01.11.2026;10,00;Bestellung 1', '02.11.2026;5,00;"Bestellung 2', ''];
    const r = collect(parseCsv(text.join('\n'), 'cut.csv', { profile: byNames }));
    expect(r.entries).toEqual([]);
    const [error] = errorsOf(r);
    expect(error).toMatchObject({ code: 'CSV_MALFORMED', line: 3 });
    expect(error?.message).toMatch(/^cut\.csv, line 3: The file is not well-formed CSV \(Quote Not Closed/);
    expect(error?.message).toContain('nothing was imported');
    expect(error?.message).toContain('quotation mark (") that is never closed');
    expect(error?.message).toContain('Export the statement again from your online banking');
  });

  it('a wrong date format for the file gives CSV_BAD_DATE with the line', () => {
    const r = collect(
      parseCsv(tsv(), 'user-profile-tab.tsv', { profile: { ...profile, dateFormat: 'DD.MM.YYYY' } }),
    );
    expect(r.entries).toEqual([]);
    expect(errorsOf(r)).toMatchObject([{ code: 'CSV_BAD_DATE', line: 4 }]);
  });

  it('stores, lists and loads profiles; names are unique and built-in names reserved', () => {
    const { db, clock } = makeTestDb();
    const saved = saveCsvProfile({ db, clock }, profile);
    expect(saved).toMatchObject({ name: 'bank-xy-giro', builtin: false, replaced: false });
    expect(getCsvProfile({ db }, 'bank-xy-giro').profile).toMatchObject({
      delimiter: '\t',
      headerLines: 2,
      decimalSeparator: '.',
    });
    expect(thrownCode(() => saveCsvProfile({ db, clock }, profile))).toBe('CSV_PROFILE_EXISTS');
    expect(saveCsvProfile({ db, clock }, { ...profile, footerLines: 0 }, { replace: true }).replaced).toBe(
      true,
    );
    expect(getCsvProfile({ db }, 'bank-xy-giro').profile.footerLines).toBe(0);
    expect(thrownCode(() => saveCsvProfile({ db, clock }, { ...profile, name: 'dkb' }))).toBe(
      'CSV_PROFILE_RESERVED',
    );
    expect(thrownCode(() => saveCsvProfile({ db, clock }, { ...profile, dateFormat: 'D/M' as never }))).toBe(
      'CSV_PROFILE_INVALID',
    );
    // What, where (the profile and its fields) and what to do.
    expect(() => saveCsvProfile({ db, clock }, { ...profile, dateFormat: 'D/M' as never })).toThrow(
      /^The CSV profile "bank-xy-giro" is not valid: dateFormat: .*\. Nothing was stored\. Correct these fields \(README, "Bank import", CSV, lists each field and its values\) and store the profile again\.$/,
    );
    expect(thrownCode(() => getCsvProfile({ db }, 'nope'))).toBe('CSV_PROFILE_NOT_FOUND');
    expect(getCsvProfile({ db }, 'paypal-de')).toMatchObject({ builtin: true });
    const names = listCsvProfiles({ db }).map((p) => [p.name, p.builtin]);
    expect(names).toContainEqual(['bank-xy-giro', false]);
    expect(names).toContainEqual(['sparkasse-csv-camt', true]);
  });

  it('a stored profile parses the file it was made for', () => {
    const { db, clock } = makeTestDb();
    saveCsvProfile({ db, clock }, profile);
    const stored = getCsvProfile({ db }, 'bank-xy-giro').profile;
    expect(collect(parseCsv(tsv(), 'user-profile-tab.tsv', { profile: stored })).entries).toHaveLength(2);
  });

  it('the pipeline adapter resolves profiles by name: built-in, stored, unknown', () => {
    const { db, clock } = makeTestDb();
    saveCsvProfile({ db, clock }, profile);
    const csvParse = makeCsvParse((name) => getCsvProfile({ db }, name).profile);
    expect(collect(csvParse(tsv(), 'a.tsv', { profile: 'bank-xy-giro' })).entries).toHaveLength(2);
    const dkb = readText(join(OWN_BANK_FIXTURES, 'csv/dkb.csv'));
    expect(collect(csvParse(dkb, 'dkb.csv', { profile: 'dkb' })).entries).toHaveLength(3);
    expect(collect(csvParse(dkb, 'dkb.csv')).statements[0]?.version).toBe('dkb');
    expect(errorsOf(collect(csvParse(dkb, 'dkb.csv', { profile: 'missing' }))).map((p) => p.code)).toEqual([
      'CSV_PROFILE_NOT_FOUND',
    ]);
  });
});
