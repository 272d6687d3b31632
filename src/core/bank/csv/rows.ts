/** One CSV row to parsed entries (a PayPal row with a fee gives two), per the profile. */
import { looksLikeBic, looksLikeIban } from '../mt940/ids.ts';
import { cleanText, closeKeywordGaps, creditorRef, parseSepaKeywords } from '../mt940/sepa-keywords.ts';
import type { ParsedEntry } from '../types.ts';
import type { Resolved } from './columns.ts';
import type { CsvProfile } from './profile.ts';
import { parseLabels, splitCounterpartyPrefix, splitNameBeforeSepaText } from './text-fields.ts';
import { CellError, parseCsvAmount, parseCsvDate } from './values.ts';

export type RowContext = { profile: CsvProfile; cols: Resolved; statementIndex: number; line: number };
export type RowResult = { kind: 'entries'; entries: ParsedEntry[] } | { kind: 'skip'; reason: string };

export const cell = (row: readonly string[], i: number | undefined): string =>
  i === undefined ? '' : (row[i] ?? '').trim();

export function signedAmount(
  row: readonly string[],
  ctx: Pick<RowContext, 'cols' | 'profile'>,
  currency: string,
): number {
  const { cols, profile } = ctx;
  const amount = cell(row, cols.amount);
  if (amount !== '') {
    const v = parseCsvAmount(amount, currency, profile);
    if (cols.sign === undefined) return v;
    const debit = profile.columns.sign?.debit.some(
      (d) => d.toLowerCase() === cell(row, cols.sign).toLowerCase(),
    );
    return debit ? -Math.abs(v) : Math.abs(v);
  }
  // Separate debit and credit columns: the side decides the sign, whatever sign the bank wrote (never negate twice).
  const debit = cell(row, cols.debit);
  if (debit !== '') return -Math.abs(parseCsvAmount(debit, currency, profile));
  const credit = cell(row, cols.credit);
  if (credit !== '') return Math.abs(parseCsvAmount(credit, currency, profile));
  throw new CellError('CSV_BAD_AMOUNT', 'The row has no amount.');
}

/** Status column: booked or pending values; anything else (PayPal "Storniert", "Denied" …) skips the row. */
function status(row: readonly string[], ctx: RowContext): ParsedEntry['bookingStatus'] | { skip: string } {
  const st = ctx.profile.status;
  if (!st || ctx.cols.status === undefined) return 'booked';
  const v = cell(row, ctx.cols.status).toLowerCase();
  if (st.booked.some((b) => b.toLowerCase() === v)) return 'booked';
  if (st.pending.some((p) => p.toLowerCase() === v)) return 'pending';
  if (st.otherValues === 'booked') return 'booked';
  return { skip: `status "${cell(row, ctx.cols.status)}"` };
}

/** A balance row (profile.balanceRows): which balance, amount and currency; undefined for ordinary rows. */
export function balanceRow(
  row: readonly string[],
  ctx: Pick<RowContext, 'cols' | 'profile'>,
): { kind: 'opening' | 'closing'; amountMinor: number; currency: string } | undefined {
  const br = ctx.profile.balanceRows;
  if (!br || ctx.cols.balance === undefined) return undefined;
  const v = cell(row, ctx.cols.balance).toLowerCase();
  const kind = br.opening.some((o) => o.toLowerCase() === v)
    ? 'opening'
    : br.closing.some((c) => c.toLowerCase() === v)
      ? 'closing'
      : undefined;
  if (!kind) return undefined;
  const currency = (cell(row, ctx.cols.currency) || ctx.profile.defaultCurrency).toUpperCase();
  return { kind, amountMinor: signedAmount(row, ctx, currency), currency };
}

export function mapRow(row: readonly string[], ctx: RowContext): RowResult {
  const { profile, cols } = ctx;
  if (
    cols.skip !== undefined &&
    profile.skip?.values.some((v) => v.toLowerCase() === cell(row, cols.skip).toLowerCase())
  ) {
    return { kind: 'skip', reason: `${cell(row, cols.skip)} row` };
  }
  const bookingStatus = status(row, ctx);
  if (typeof bookingStatus === 'object') return { kind: 'skip', reason: bookingStatus.skip };
  const bookingDateText = cell(row, cols.bookingDate);
  const bookingDate = parseCsvDate(bookingDateText, profile.dateFormat, profile.acceptIsoDates);
  // A pending row may have no booking date yet (empty, or comdirect "offen"); the importer keys it on the
  // statement date. Anything with digits that is not a date is a damaged date, also for pending rows.
  if (!bookingDate && (bookingStatus === 'booked' || /\d/.test(bookingDateText))) {
    throw new CellError(
      'CSV_BAD_DATE',
      `Booking date "${bookingDateText}" is not a date (${profile.dateFormat}).`,
    );
  }
  const valueText = cell(row, cols.valueDate);
  const valueDate = valueText
    ? parseCsvDate(valueText, profile.dateFormat, profile.acceptIsoDates)
    : undefined;
  if (valueText && !valueDate && /\d/.test(valueText)) {
    throw new CellError('CSV_BAD_DATE', `Value date "${valueText}" is not a date (${profile.dateFormat}).`);
  }
  const currency = (cell(row, cols.currency) || profile.defaultCurrency).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    throw new CellError('CSV_BAD_CURRENCY', `"${currency}" is not a currency code.`);
  const amountMinor = signedAmount(row, ctx, currency);
  const entry: ParsedEntry = {
    statementIndex: ctx.statementIndex,
    amountMinor,
    currency,
    bookingStatus,
    reversal: false,
    location: `line ${ctx.line}`,
  };
  if (bookingDate) entry.bookingDate = bookingDate;
  if (valueDate) entry.valueDate = valueDate;
  fillText(entry, row, ctx);
  const entries = [entry];
  const feeText = cell(row, cols.fee);
  if (feeText !== '') {
    const fee = parseCsvAmount(feeText, currency, profile);
    const signed =
      profile.feeSign === 'deducted' ? -fee : profile.feeSign === 'charge' ? -Math.abs(fee) : fee;
    if (fee !== 0)
      entries.push(feeEntry(entry, signed, profile.accountName ?? profile.label ?? profile.name));
  }
  return { kind: 'entries', entries };
}

/**
 * The lines of a wrapped remittance cell (Volksbank "Vorgang/Verwendungszweck"): a full bank line (27 characters,
 * as in MT940 `:86:`) was cut wherever it was full and joins the next without a blank; a shorter line ended where
 * the text did ("EREF: RE-2026-0815" / "SVWZ: …", "Rechnung 4711" / "Kunde 12") and is followed by a blank.
 */
function joinBankLines(lines: readonly string[]): string {
  let text = '';
  let previous: string | undefined;
  for (const line of lines) {
    text += previous === undefined || previous.length >= 27 ? line : ` ${line}`;
    previous = line;
  }
  return text;
}

/** Cells that stand for "no value": SEPA's NOTPROVIDED, and "N/A" that fintech exports (Finom) write in empty cells. */
const NO_VALUE = /^(?:NOTPROVIDED|N\/A)$/i;

function fillText(entry: ParsedEntry, row: readonly string[], ctx: RowContext): void {
  const { cols, profile } = ctx;
  const set = <K extends keyof ParsedEntry>(key: K, value: ParsedEntry[K] | undefined) => {
    if (value !== undefined && value !== '' && entry[key] === undefined) entry[key] = value;
  };
  const text = (i: number | undefined) => {
    const v = cleanText(cell(row, i));
    return v === '' || NO_VALUE.test(v) ? undefined : v;
  };
  // Several remittance columns join with a blank; a value already contained (PayPal invoice number) is not repeated.
  let remittance = '';
  for (const i of cols.remittance) {
    const v = cell(row, i);
    if (v && !NO_VALUE.test(v.trim()) && !remittance.includes(v))
      remittance = remittance ? `${remittance} ${v}` : v;
  }
  if (profile.remittanceWrapped) {
    const [first = '', ...more] = remittance.split(/\r?\n/);
    set('bookingText', cleanText(first) || undefined);
    remittance = joinBankLines(more);
  }
  let textBookingText: string | undefined;
  if (profile.counterpartyInText) {
    const prefix = splitCounterpartyPrefix(remittance);
    if (prefix.name) {
      set('counterpartyName', prefix.name);
      set('counterpartyBic', prefix.bic);
      set('counterpartyIban', prefix.iban);
      remittance = prefix.rest;
    }
  }
  if (profile.nameBeforeSepaText) {
    const prefix = splitNameBeforeSepaText(remittance);
    if (prefix.name) {
      set('counterpartyName', prefix.name);
      textBookingText = prefix.bookingText;
      remittance = prefix.rest;
    }
  }
  const name = text(cols.name) ?? (entry.amountMinor >= 0 ? text(cols.payerName) : text(cols.payeeName));
  set('counterpartyName', name);
  const iban = text(cols.iban)?.replace(/\s/g, '').toUpperCase();
  if (iban && looksLikeIban(iban)) set('counterpartyIban', iban);
  else set('counterpartyAccount', iban);
  const bic = text(cols.bic)?.replace(/\s/g, '').toUpperCase();
  if (bic && looksLikeBic(bic)) set('counterpartyBic', bic);
  set('endToEndId', text(cols.endToEndId));
  set('mandateId', text(cols.mandateId));
  set('creditorId', text(cols.creditorId));
  set('customerReference', text(cols.customerReference));
  // The booking text column where there is one, else the one read from the text (nameBeforeSepaText).
  set('bookingText', text(cols.bookingText) ?? textBookingText);
  set('bankReference', text(cols.reference));
  const parsed =
    profile.remittanceKeywords === 'plus'
      ? parseSepaKeywords(profile.keywordGaps ? closeKeywordGaps(remittance) : remittance, { anywhere: true })
      : profile.remittanceKeywords === 'labels'
        ? parseLabels(remittance)
        : { remittance: cleanText(remittance) || undefined };
  for (const [from, to] of [
    ['endToEndId', 'endToEndId'],
    ['mandateId', 'mandateId'],
    ['creditorId', 'creditorId'],
    ['ultimateDebtor', 'ultimateDebtor'],
    ['ultimateCreditor', 'ultimateCreditor'],
    ['customerReference', 'customerReference'],
    ['creditorReference', 'creditorReference'],
  ] as const) {
    set(to, (parsed as Record<string, string | undefined>)[from]);
  }
  const p = parsed as { iban?: string; bic?: string; remittance?: string };
  if (p.iban && looksLikeIban(p.iban)) set('counterpartyIban', p.iban);
  if (p.bic && looksLikeBic(p.bic)) set('counterpartyBic', p.bic);
  set('remittance', p.remittance);
  set('counterpartyName', (parsed as { name?: string }).name);
  set('creditorReference', creditorRef(entry.remittance).creditorReference);
}

/**
 * A fee (PayPal, Stripe, Revolut) as its own entry: the sale stays at its gross amount (what the shop order says),
 * and the balance still adds up (gross + fee = net, PayPal's "Netto"). Its reference is the transaction's plus
 * "/FEE".
 */
function feeEntry(sale: ParsedEntry, fee: number, provider: string): ParsedEntry {
  const e: ParsedEntry = {
    statementIndex: sale.statementIndex,
    amountMinor: fee,
    currency: sale.currency,
    bookingStatus: sale.bookingStatus,
    reversal: false,
    bookingText: 'Gebühr',
    remittance: `${provider}-Gebühr${sale.bankReference ? ` für ${sale.bankReference}` : ''}`,
    details: { feeFor: sale.bankReference ?? '' },
  };
  if (sale.bookingDate) e.bookingDate = sale.bookingDate;
  if (sale.valueDate) e.valueDate = sale.valueDate;
  if (sale.bankReference) e.bankReference = `${sale.bankReference}/FEE`;
  if (sale.location) e.location = sale.location;
  return e;
}
