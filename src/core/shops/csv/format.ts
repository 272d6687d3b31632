/**
 * The CSV "shop" format (issue 4 §2), for any system without a connector. UTF-8, a header row, comma separated,
 * amounts with a dot:
 *
 *   number,invoice_number,created_at,amount,currency,customer_name,customer_company,customer_email,country,payment_method,status
 *   10001,RE-2026-001,2026-11-02T09:15:00Z,49.90,EUR,Erika Mustermann,,erika@example.org,DE,prepayment,open
 *
 * `created_at` is ISO 8601; `payment_method` is free text (default mapping: prepayment|invoice|cod); status
 * `open` means open, any other value means no longer open. Parsed with csv-parse (RFC 4180 quoting).
 */
import { parse } from 'csv-parse/sync';
import { parseDecimalToMinor } from '../../money.ts';
import type { ShopOrder } from '../connector.ts';
import { ShopError } from '../http.ts';

export const CSV_COLUMNS = [
  'number',
  'invoice_number',
  'created_at',
  'amount',
  'currency',
  'customer_name',
  'customer_company',
  'customer_email',
  'country',
  'payment_method',
  'status',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

/** Parses one orders file. Throws ShopError('CSV_BAD_FILE') naming the file and line. */
export function parseOrdersCsv(text: string, fileName: string): ShopOrder[] {
  const input = text.replace(/^\uFEFF/, '');
  if (input.trim() === '') {
    throw new ShopError(
      'CSV_EMPTY_FILE',
      `${fileName} is empty: not even the header row. An export still being written? Nothing was changed; the next ` +
        `sync reads the file again.`,
    );
  }
  let records: Record<string, string>[];
  try {
    records = parse<Record<string, string>>(input, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    });
  } catch (error) {
    throw new ShopError(
      'CSV_BAD_FILE',
      `${fileName}: not a readable CSV file (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const header = input.split(/\r?\n/, 1)[0] ?? '';
  const missing = CSV_COLUMNS.filter(
    (c) =>
      !header
        .split(',')
        .map((h) => h.trim().replace(/^"|"$/g, ''))
        .includes(c),
  );
  if (missing.length) {
    throw new ShopError(
      'CSV_BAD_HEADER',
      `${fileName}: the header row lacks ${missing.join(', ')}. Expected: ${CSV_COLUMNS.join(',')}`,
    );
  }
  return records.map((record, index) => toOrder(record as Row, fileName, index + 2));
}

function toOrder(row: Row, fileName: string, line: number): ShopOrder {
  const where = `${fileName} line ${line}`;
  if (!row.number) throw new ShopError('CSV_BAD_ROW', `${where}: the order number is empty.`);
  const currency = (row.currency || 'EUR').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    throw new ShopError('CSV_BAD_ROW', `${where}: "${row.currency}" is not a currency code like EUR.`);
  const created = Date.parse(row.created_at);
  if (Number.isNaN(created))
    throw new ShopError(
      'CSV_BAD_ROW',
      `${where}: created_at "${row.created_at}" is not an ISO 8601 date/time.`,
    );
  let totalMinor: number;
  try {
    totalMinor = parseDecimalToMinor(row.amount, currency);
  } catch {
    throw new ShopError(
      'CSV_BAD_ROW',
      `${where}: amount "${row.amount}" is not an amount with a dot, like 49.90.`,
    );
  }
  return {
    externalId: row.number,
    number: row.number,
    invoiceNumber: row.invoice_number || undefined,
    createdAt: new Date(created).toISOString(),
    totalMinor,
    currency,
    customerName: row.customer_name || undefined,
    company: row.customer_company || undefined,
    email: row.customer_email || undefined,
    billingCountry: row.country ? row.country.toUpperCase() : undefined,
    paymentMethod: row.payment_method || undefined,
    status: row.status || 'open',
  };
}

/** One CSV field, quoted when needed (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
