/**
 * Bank CSV exports (Sparkasse CSV-CAMT/CSV-MT940, Deutsche Bank/Postbank, Commerzbank, ING, DKB, N26,
 * Volksbank/Atruvia, PayPal) and user-defined layouts, to parse events. The layout is recognised from the
 * header row (built-in profiles are data: builtin-profiles.ts) unless a profile is given.
 *
 * Decisions (documented for the importer):
 * - One statement per account in the file (column "Auftragskonto"/"IBAN Auftragskonto" where the export has
 *   one, else the IBAN in the preamble, else "paypal:<e-mail>" of the PayPal account, or "paypal" when the export
 *   does not show the e-mail). The 'statement' event comes after its
 *   entries. Balances only where the export states both as rows (old Volksbank "Anfangssaldo"/"Endsaldo");
 *   preamble/footer balances of other banks are a snapshot at export time, not of the listed period.
 * - Pending rows (Sparkasse "Umsatz vorgemerkt", DKB "Vorgemerkt", PayPal "Ausstehend"/"Pending") are entries
 *   with bookingStatus 'pending'; rows with any other status (PayPal "Storniert", "Denied", …) and PayPal "Memo"
 *   rows are skipped and counted in a warning.
 * - PayPal: the sale keeps its gross amount; a non-zero fee is a separate entry (reference "<id>/FEE"), so that
 *   the gross matches the order and gross + fee = net keeps the PayPal balance right.
 * - Trailing lines without a date after the table (balances, totals) are ignored with a warning; a row in the
 *   middle that does not read is an error naming the line. A repeated header row starts a further table (another
 *   account of a multi-account export): the first table is imported, the rest reported (CSV_MORE_TABLES_IGNORED).
 * - A file that ends without a line break inside a row shorter than the header is cut off and refused
 *   (CSV_TRUNCATED): in an unquoted CSV the cut amount ("-12" of "-120,00") would otherwise read as valid.
 * - Without a currency column the currency comes from the preamble ("Währung:;CHF"), else from the amount
 *   column's header ("Gutschrift in EUR", "Amount (USD)"), else from the profile's defaultCurrency.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { ImportProblem, ParseEvent, StatementInfo } from '../types.ts';
import { resolveColumn, resolveColumns, type Resolved } from './columns.ts';
import {
  currencyInHeader,
  currencyInPreamble,
  detectLayout,
  layoutForProfile,
  type Layout,
} from './layout.ts';
import {
  CsvProfileDefinition,
  describeProfileIssues,
  type CsvProfile,
  type CsvProfileInput,
} from './profile.ts';
import { balanceRow, cell, mapRow } from './rows.ts';
import { BUILTIN_PROFILES } from './builtin-profiles.ts';
import { AccountIndex, decimalSeparatorOf, type Row } from './table.ts';
import { CellError, dayMonthOrder, normalizeHeader, parseCsvDate } from './values.ts';

export type { CsvProfile, CsvProfileInput } from './profile.ts';
export { CsvProfileDefinition } from './profile.ts';
export { BUILTIN_PROFILES } from './builtin-profiles.ts';

type Problem = (
  code: string,
  message: string,
  line: number | undefined,
  severity: ImportProblem['severity'],
) => ParseEvent;
type Table = { layout: Layout; profile: CsvProfile; cols: Resolved; rows: Row[] };

export function* parseCsv(
  text: string,
  fileName: string,
  options: { profile?: CsvProfile | CsvProfileInput } = {},
): Generator<ParseEvent> {
  const problem: Problem = (code, message, line, severity) => ({
    kind: 'problem',
    problem: {
      code,
      message: `${fileName}${line ? `, line ${line}` : ''}: ${message}`,
      file: fileName,
      ...(line ? { line } : {}),
      severity,
    },
  });
  const layout = yield* findLayout(text, options.profile, problem);
  if (!layout) return;
  const table = yield* readTable(text, layout, problem);
  if (!table) return;
  yield* emitTable(table, problem);
}

function* findLayout(
  text: string,
  given: CsvProfile | CsvProfileInput | undefined,
  problem: Problem,
): Generator<ParseEvent, Layout | undefined> {
  let layout: Layout | undefined;
  if (given) {
    const checked = CsvProfileDefinition.safeParse(given);
    if (!checked.success) {
      yield problem(
        'CSV_BAD_PROFILE',
        `The CSV profile is not valid: ${describeProfileIssues(checked.error)}`,
        undefined,
        'error',
      );
      return undefined;
    }
    layout = layoutForProfile(text, checked.data);
  } else {
    layout = detectLayout(text);
  }
  if (!layout && given) {
    const { bookingDate, amount, debit, credit } = CsvProfileDefinition.parse(given).columns;
    const names = (refs: unknown) => (refs === undefined ? [] : [refs].flat(2).map((r) => JSON.stringify(r)));
    yield problem(
      'CSV_UNKNOWN_LAYOUT',
      `No header row has the columns of the CSV profile "${given.name}" (booking date ${names(bookingDate).join(' or ')}; amount ${[...names(amount), ...names(debit), ...names(credit)].join(' or ')}). Check that the file is an export of this account, or adjust the profile's column names.`,
      1,
      'error',
    );
  } else if (!layout) {
    const known = BUILTIN_PROFILES.map((b) => b.profile.label ?? b.profile.name).join(', ');
    yield problem(
      'CSV_UNKNOWN_LAYOUT',
      `The header row does not match a known bank export (${known}). Define a CSV profile for this account once (a JSON file naming the columns, delimiter, decimal separator and date format; README "Bank import", CSV), store it with "kassenwart csv-profile add FILE.json" and import with --csv-profile NAME.`,
      1,
      'error',
    );
  }
  return layout;
}

/** Rows of the table: header resolved, footer lines and trailing lines without a date dropped. */
function* readTable(
  text: string,
  layout: Layout,
  problem: Problem,
): Generator<ParseEvent, Table | undefined> {
  const { profile } = layout;
  let rows: Row[];
  try {
    rows = readRows(text, layout);
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = (e as CsvError & { lines?: number }).lines;
    // csv-parse reads quotes leniently (relax_quotes), so what is left is mostly a quote opened and never closed.
    yield problem(
      'CSV_MALFORMED',
      `The file is not well-formed CSV (${e.message}); nothing was imported. Usually a cell starts with a quotation mark (") that is never closed: the file was cut off, or changed by hand or by a spreadsheet program. Export the statement again from your online banking and import that file unchanged; if the new export shows the same, open it in a text editor at the line named here and close or remove the stray quotation mark.`,
      line,
      'error',
    );
    return undefined;
  }
  const header = profile.hasHeader ? rows.shift()?.cells : undefined;
  const cols = resolveColumns(profile, header);
  const missing = resolveColumn(profile.shortRowMissingColumn, header);
  if (header && missing !== undefined) {
    for (const r of rows) if (r.cells.length === header.length - 1) r.cells.splice(missing, 0, '');
  }
  const cut = cutOffRow(text, header, rows, cols.bookingDate);
  if (cut) {
    yield problem(
      'CSV_TRUNCATED',
      `The file ends in this row without a line break, and the row has ${cut.cells.length} of the ${header?.length} columns of the header: the file is cut off (an interrupted download or copy), its last amount may be incomplete. Nothing was imported. Export the statement again and import the complete file.`,
      cut.line,
      'error',
    );
    return undefined;
  }
  if (
    cols.bookingDate === undefined ||
    (cols.amount === undefined && cols.debit === undefined && cols.credit === undefined)
  ) {
    yield problem(
      'CSV_MISSING_COLUMN',
      `The ${profile.name} layout needs a booking date and an amount column; the header row has neither or only one of them.`,
      layout.headerLine + 1,
      'error',
    );
    return undefined;
  }
  // Exports of several accounts in one file (comdirect "Umsätze Girokonto" then "Umsätze Visa-Karte") repeat a
  // header row per account, often with other columns. Only the first table is read: the others belong to other
  // accounts, and the file names none of them by IBAN, so they cannot be told apart safely.
  const dateHeader = header && normalizeHeader(header[cols.bookingDate] ?? '');
  const nextTable = dateHeader
    ? rows.findIndex((r) => normalizeHeader(cell(r.cells, cols.bookingDate)) === dateHeader)
    : -1;
  if (nextTable >= 0) {
    yield problem(
      'CSV_MORE_TABLES_IGNORED',
      `The file holds a further table from this line on (another account of the export); only the first table was imported. Export each account on its own to import the others.`,
      rows[nextTable]?.line,
      'warning',
    );
  }
  const tableEnd = nextTable >= 0 ? nextTable : rows.length - profile.footerLines;
  const dataRows = rows.slice(0, tableEnd);
  const dated = yield* withDayMonthOrder(profile, dataRows, cols.bookingDate, problem, layout.headerLine + 1);
  // A pending row may have no booking date yet; at the end of the table it is a booking, not a footer line.
  const pendingValues = new Set(profile.status?.pending.map((v) => v.toLowerCase()));
  const isBooking = (cells: readonly string[]) =>
    parseCsvDate(cell(cells, cols.bookingDate), dated.dateFormat, dated.acceptIsoDates) !== undefined ||
    (cols.status !== undefined && pendingValues.has(cell(cells, cols.status).toLowerCase()));
  let end = dataRows.length;
  while (end > 0 && !isBooking(dataRows[end - 1]?.cells ?? [])) end--;
  if (end === 0 && dataRows.some((r) => r.cells.some((c) => c.trim() !== ''))) {
    const first = dataRows[0];
    yield problem(
      'CSV_BAD_DATE',
      `No row has a booking date in the format ${dated.dateFormat} (first row: "${cell(first?.cells ?? [], cols.bookingDate)}"). Check the date format of the CSV profile "${profile.name}".`,
      first?.line,
      'error',
    );
    return undefined;
  }
  if (end < dataRows.length) {
    yield problem(
      'CSV_FOOTER_IGNORED',
      `${dataRows.length - end} line(s) after the last booking (balances, totals) were ignored.`,
      dataRows[end]?.line,
      'warning',
    );
  }
  // Without a currency column, the export may name the account currency once: "Währung:;CHF" above the table
  // (PostFinance) or in the amount column's header ("Gutschrift in CHF"). It beats the profile's default.
  const fileCurrency =
    cols.currency === undefined
      ? (currencyInPreamble(layout.preamble) ??
        currencyInHeader(header, [cols.amount, cols.credit, cols.debit]))
      : undefined;
  const tableRows = dataRows.slice(0, end);
  let effective = fileCurrency ? { ...dated, defaultCurrency: fileCurrency } : dated;
  const decimal = profile.detectDecimalSeparator ? decimalSeparatorOf(tableRows, cols) : undefined;
  if (decimal && decimal !== profile.decimalSeparator)
    effective = { ...effective, decimalSeparator: decimal, groupSeparator: decimal === ',' ? '.' : ',' };
  return { layout, profile: effective, cols, rows: tableRows };
}

/**
 * The last row of a file cut off inside a row: the text ends without a line break and the row has fewer cells
 * than the header ("…;-12" of "…;-120,00;EUR"; an unquoted CSV gives no other sign). A shorter closing line whose
 * date cell holds a label ("Kontostand;30.6.2026;;;1.237,10;EUR", "Alter Kontostand;…") is a footer, not a cut row.
 */
function cutOffRow(
  text: string,
  header: readonly string[] | undefined,
  rows: readonly Row[],
  dateColumn: number | undefined,
): Row | undefined {
  const last = rows.at(-1);
  if (!header || !last || /[\r\n]$/.test(text) || last.cells.length >= header.length) return undefined;
  const label = /\p{L}/u.test(cell(last.cells, dateColumn ?? 0));
  return label ? undefined : last;
}

/** The profile with the day/month order the file's dates show (CsvProfile.detectDayMonthOrder). */
function* withDayMonthOrder(
  profile: CsvProfile,
  rows: readonly Row[],
  dateColumn: number,
  problem: Problem,
  line: number,
): Generator<ParseEvent, CsvProfile> {
  const format = profile.dateFormat;
  if (!profile.detectDayMonthOrder || (format !== 'MM/DD/YYYY' && format !== 'DD/MM/YYYY')) return profile;
  const order = dayMonthOrder(
    rows.map((r) => cell(r.cells, dateColumn)),
    format,
  );
  if (order.ambiguous)
    yield problem(
      'CSV_DATE_ORDER_AMBIGUOUS',
      `The dates of this file read both as day/month and as month/day; they were read as ${order.format}. Check the booking dates, or import with a CSV profile that sets the date format.`,
      line,
      'warning',
    );
  return order.format === format ? profile : { ...profile, dateFormat: order.format };
}

type Balances = Pick<
  StatementInfo,
  | 'openingBalanceMinor'
  | 'closingBalanceMinor'
  | 'balanceCurrency'
  | 'openingBalanceCurrency'
  | 'closingBalanceCurrency'
>;

function* emitTable({ layout, profile, cols, rows }: Table, problem: Problem): Generator<ParseEvent> {
  const accounts = new AccountIndex(profile, layout, rows, cols);
  const skipped = new Map<string, number>();
  const dates = new Map<number, { from: string; to: string }>();
  const balances = new Map<number, Balances>();
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    try {
      const balance = balanceRow(row.cells, { profile, cols });
      if (balance) {
        const b = balances.get(accounts.indexFor(row.cells)) ?? {};
        b[balance.kind === 'opening' ? 'openingBalanceMinor' : 'closingBalanceMinor'] = balance.amountMinor;
        b.balanceCurrency = balance.currency;
        b[balance.kind === 'opening' ? 'openingBalanceCurrency' : 'closingBalanceCurrency'] =
          balance.currency;
        balances.set(accounts.indexFor(row.cells), b);
        continue;
      }
      const result = mapRow(row.cells, {
        profile,
        cols,
        statementIndex: accounts.indexFor(row.cells),
        line: row.line,
      });
      if (result.kind === 'skip') {
        skipped.set(result.reason, (skipped.get(result.reason) ?? 0) + 1);
        continue;
      }
      for (const entry of result.entries) {
        const d = entry.bookingDate;
        const span = dates.get(entry.statementIndex);
        if (d)
          dates.set(
            entry.statementIndex,
            span
              ? { from: d < span.from ? d : span.from, to: d > span.to ? d : span.to }
              : { from: d, to: d },
          );
        yield { kind: 'entry', entry };
      }
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      yield problem(
        e.code,
        `${e.message} Check the file or the CSV profile "${profile.name}".`,
        row.line,
        'error',
      );
    }
  }
  if (accounts.guessed) {
    yield problem(
      'CSV_PAYPAL_ACCOUNT_UNNAMED',
      'This PayPal export does not show your PayPal e-mail address; the postings go to the PayPal account "paypal". Export the full activity report ("Alle Transaktionen") to tell several PayPal accounts apart.',
      undefined,
      'warning',
    );
  }
  for (const [reason, count] of skipped) {
    yield problem(
      'CSV_ROWS_SKIPPED',
      `${count} row(s) skipped (${reason}): only booked and pending transactions are imported.`,
      undefined,
      'warning',
    );
  }
  for (const [index, account] of accounts.statements()) {
    if (!account.iban && !account.otherId) {
      yield problem(
        'CSV_NO_ACCOUNT',
        'The file does not say which account it belongs to; choose the account when importing (--account IBAN).',
        undefined,
        'warning',
      );
    }
    const span = dates.get(index);
    const statement: StatementInfo = {
      format: 'csv',
      version: profile.name,
      account,
      ...(span ? { fromDate: span.from, toDate: span.to } : {}),
      ...balances.get(index),
    };
    yield { kind: 'statement', statement, index };
  }
}

function readRows(text: string, layout: Layout): Row[] {
  const records = parse(text, {
    delimiter: layout.delimiter,
    from_line: layout.headerLine + 1,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return records.map((r) => ({ cells: r.record, line: r.info.lines }));
}
