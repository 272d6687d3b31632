/**
 * CSV mapping profile: how one bank's CSV export reads. Built-in profiles (builtin-profiles.ts) are data in this
 * shape; a merchant defines their own once per account and it is stored as JSON in `csv_profiles`.
 * Columns are referenced by header name (case-insensitive, surrounding blanks and quotes ignored) or by
 * 0-based index; a list means "the first of these that exists" (banks renamed columns over the years).
 */
import { z } from 'zod';

const ColumnRef = z.union([z.string().min(1), z.number().int().min(0)]);
const ColumnRefs = z.union([ColumnRef, z.array(ColumnRef).min(1)]);
export type ColumnRef = z.infer<typeof ColumnRef>;
export type ColumnRefs = z.infer<typeof ColumnRefs>;

export const DATE_FORMATS = [
  'DD.MM.YYYY',
  'DD.MM.YY',
  'YYYY-MM-DD',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  // Wise statements, Qonto's French export.
  'DD-MM-YYYY',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const CsvProfileDefinition = z
  .object({
    /** Unique name, e.g. "sparkasse-csv-camt" or "mein-konto-bank-xy". */
    name: z.string().min(1).max(80),
    label: z.string().max(200).optional(),
    /** Field delimiter; sniffed from the header line (; , tab) when absent. */
    delimiter: z.enum([';', ',', '\t', '|']).optional(),
    decimalSeparator: z.enum([',', '.']).default(','),
    /**
     * The number format follows the exporting user's language (Stripe): the separator is read from the amounts
     * of the file ("60,00" vs "60.00"); decimalSeparator applies when they do not tell.
     */
    detectDecimalSeparator: z.boolean().default(false),
    /** Thousands separator to drop; defaults to the other of "." and "," (so "1.234,56" reads). */
    groupSeparator: z.enum(['.', ',', ' ', "'", '']).optional(),
    /** Day/month order of dates; two- and four-digit years and 1–2 digit day/month are accepted for every format. */
    dateFormat: z.enum(DATE_FORMATS).default('DD.MM.YYYY'),
    /**
     * MM/DD/YYYY or DD/MM/YYYY follows the exporting account's country (PayPal's English report): the order is read
     * from the file's dates (values.ts dayMonthOrder); dateFormat applies when they do not tell, with a warning.
     */
    detectDayMonthOrder: z.boolean().default(false),
    /** Also accept YYYY-MM-DD dates (unambiguous) besides dateFormat: exports that changed their date spelling. */
    acceptIsoDates: z.boolean().default(false),
    /** Character set of the file (informational for the decoder: utf-8, windows-1252, iso-8859-1, cp850, utf-16le). */
    encoding: z.string().max(40).optional(),
    /** Lines before the header row. When absent the header row is found by the profile's column names. */
    headerLines: z.number().int().min(0).max(1000).optional(),
    /**
     * A column some rows leave out entirely (one cell fewer than the header): ING omits an empty "Buchungstext",
     * which would shift the amount into the wrong column.
     */
    shortRowMissingColumn: ColumnRef.optional(),
    /** False when the file has no header row (columns by index only). */
    hasHeader: z.boolean().default(true),
    /** Lines after the table (balances, totals) to ignore. Trailing rows without a valid date are ignored anyway. */
    footerLines: z.number().int().min(0).max(1000).default(0),
    /** Currency when the file has no currency column. */
    defaultCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('EUR'),
    columns: z.object({
      bookingDate: ColumnRefs,
      valueDate: ColumnRefs.optional(),
      /** Signed amount. With debit/credit as well, an empty amount cell falls back to them. */
      amount: ColumnRefs.optional(),
      /** Debit amount (sign ignored: always a debit) and credit amount, for exports with two columns. */
      debit: ColumnRefs.optional(),
      credit: ColumnRefs.optional(),
      /** Unsigned amount plus a D/C indicator column (e.g. old Volksbank "S"/"H"). */
      sign: z.object({ column: ColumnRefs, debit: z.array(z.string()).min(1) }).optional(),
      currency: ColumnRefs.optional(),
      /** Counterparty name; or payer/payee when the export names both sides (the counterparty is the payer of a credit). */
      name: ColumnRefs.optional(),
      payerName: ColumnRefs.optional(),
      payeeName: ColumnRefs.optional(),
      iban: ColumnRefs.optional(),
      bic: ColumnRefs.optional(),
      /** Remittance text; several columns are joined with a blank. */
      remittance: z.array(ColumnRefs).optional(),
      bookingText: ColumnRefs.optional(),
      /** The bank's or provider's reference of the transaction (e.g. PayPal Transaktionscode). */
      reference: ColumnRefs.optional(),
      endToEndId: ColumnRefs.optional(),
      mandateId: ColumnRefs.optional(),
      creditorId: ColumnRefs.optional(),
      customerReference: ColumnRefs.optional(),
      /** The statement account per row (e.g. Sparkasse "Auftragskonto"); several accounts give several statements. */
      account: ColumnRefs.optional(),
      /** Fee column (PayPal): a non-zero fee becomes its own entry. */
      fee: ColumnRefs.optional(),
    }),
    /**
     * Booking status from a column: values (case-insensitive) for booked and pending; other values skip the row,
     * or are booked with `otherValues: 'booked'` (comdirect marks pending rows by "offen" in the booking date column).
     */
    status: z
      .object({
        column: ColumnRefs,
        booked: z.array(z.string()),
        pending: z.array(z.string()).default([]),
        otherValues: z.enum(['skip', 'booked']).default('skip'),
      })
      .optional(),
    /** Rows that carry the opening or closing balance instead of a booking (old Volksbank "Anfangssaldo"/"Endsaldo"). */
    balanceRows: z
      .object({ column: ColumnRefs, opening: z.array(z.string()), closing: z.array(z.string()) })
      .optional(),
    /** Rows whose value in `column` is listed are skipped (e.g. PayPal "Memo" rows that do not move money). */
    skip: z.object({ column: ColumnRefs, values: z.array(z.string()).min(1) }).optional(),
    /**
     * SEPA references inside the remittance text: 'plus' = DFÜ keywords (EREF+ MREF+ SVWZ+ …, Sparkasse CSV-MT940),
     * 'labels' = plain-text labels (EREF: MREF: CRED: IBAN: BIC: ABWA:, End-to-End-Ref.: Mandatsref: Gläubiger-ID:).
     */
    remittanceKeywords: z.enum(['none', 'plus', 'labels']).default('none'),
    /**
     * With 'plus': the text is the bank's 27-character fragments joined with a blank wherever they end, also inside
     * a keyword ("AB WA+", "KREF +"), so those blanks are closed before the keywords are read (Sparda-Bank).
     */
    keywordGaps: z.boolean().default(false),
    /**
     * The remittance cell spans several lines: the booking text, then the text in 27-character lines that join
     * without a blank (old Volksbank/Fiducia "Umsatzanzeige").
     */
    remittanceWrapped: z.boolean().default(false),
    /** The counterparty's name, BIC and IBAN lead the remittance text (Commerzbank "Buchungstext"). */
    counterpartyInText: z.boolean().default(false),
    /**
     * The counterparty's name leads the text, directly followed by the SEPA booking text, glued or after one blank
     * ("Erika Kundin GmbHSEPA-ÜBERWEISUNG IBAN+ …", "Heinrich Arndt SEPA-ÜBERWEISUNG SVWZ+ …"; Sparda-Bank).
     */
    nameBeforeSepaText: z.boolean().default(false),
    /** PayPal: the account is the PayPal account, identified by the e-mail address seen on every row. */
    accountFromEmails: z.object({ from: ColumnRefs, to: ColumnRefs }).optional(),
    /** Name of the account when the file itself does not say (e.g. "PayPal"). */
    accountName: z.string().max(80).optional(),
    /** Account id when the file names none and there is one such account per installation (e.g. "stripe"). */
    accountId: z.string().min(1).max(80).optional(),
    /**
     * How the fee column is written: 'signed' = as it moves the balance (PayPal "-1,05"), 'deducted' = a positive
     * number taken off the gross amount (Stripe "Fee" 1.04 for a 60.00 charge, net 58.96), 'charge' = always a
     * charge, whatever sign the export writes (Revolut: "0.50" or "-0.50"; a fee never adds to the balance).
     */
    feeSign: z.enum(['signed', 'deducted', 'charge']).default('signed'),
  })
  .strict();

export type CsvProfile = z.infer<typeof CsvProfileDefinition>;
/** A profile as written by hand (defaults not yet applied). */
export type CsvProfileInput = z.input<typeof CsvProfileDefinition>;

/**
 * What is wrong with a profile, from the schema's verdict: "field: problem" per issue, joined by "; " (an issue
 * of the object itself, e.g. an unknown key, is named "profile").
 */
export function describeProfileIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'profile'}: ${i.message}`).join('; ');
}
