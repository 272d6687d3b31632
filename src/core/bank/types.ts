/**
 * What every statement parser (CAMT, MT940/MT942, CSV) produces: a stream of events, entries and problems as
 * data (design §4). Storing, dedupe and balance checks happen elsewhere, on these shapes only.
 */
export type StatementFormat = 'camt.052' | 'camt.053' | 'camt.054' | 'mt940' | 'mt942' | 'csv';

export type ImportProblem = {
  /** Stable code, e.g. CAMT_MISSING_AMOUNT, MT940_BAD_61, CSV_BAD_DATE. */
  code: string;
  /** What is wrong and what to do, for a merchant. */
  message: string;
  /** Where: file name plus line number or XML element path. */
  file?: string;
  line?: number;
  path?: string;
  severity: 'error' | 'warning';
};

/** The account a statement belongs to, as the file names it. */
export type StatementAccount = {
  iban?: string;
  otherId?: string;
  bic?: string;
  currency?: string;
  name?: string;
  holder?: string;
};

export type StatementInfo = {
  format: StatementFormat;
  /** e.g. camt.053.001.08, or the CSV profile name. */
  version?: string;
  account: StatementAccount;
  statementId?: string;
  /** Sequence number of the statement (CAMT ElctrncSeqNb / LglSeqNb, MT940 :28C:). */
  sequence?: string;
  fromDate?: string;
  toDate?: string;
  /** Balances in minor units, signed. */
  openingBalanceMinor?: number;
  closingBalanceMinor?: number;
  balanceCurrency?: string;
  /** The currency of each balance where the file gives it per balance (CAMT Bal/Amt/@Ccy, CSV balance rows). */
  openingBalanceCurrency?: string;
  closingBalanceCurrency?: string;
  /** MT942 :13D: / CAMT CreDtTm: when the bank produced the report (UTC ISO instant). */
  createdAt?: string;
  /** MT942 :34F: floor limits (entries below are not reported), minor units, unsigned. */
  floorLimitDebitMinor?: number;
  floorLimitCreditMinor?: number;
  /** MT942 :90D:/:90C: (or CAMT TxsSummry): number and sum of debit / credit entries, minor units, unsigned. */
  debitCount?: number;
  debitSumMinor?: number;
  creditCount?: number;
  creditSumMinor?: number;
};

export type ParsedEntry = {
  /** Index of the statement this entry belongs to within the file (several per file are possible). */
  statementIndex: number;
  bookingDate?: string;
  valueDate?: string;
  /** Signed: credits positive, debits negative. Integer minor units, never via a JS float. */
  amountMinor: number;
  currency: string;
  bookingStatus: 'booked' | 'pending';
  reversal: boolean;
  counterpartyName?: string;
  counterpartyIban?: string;
  counterpartyBic?: string;
  ultimateDebtor?: string;
  ultimateCreditor?: string;
  remittance?: string;
  /** ISO 11649 RF reference or other structured creditor reference. */
  creditorReference?: string;
  endToEndId?: string;
  mandateId?: string;
  /** ISO domain/family/sub-family (e.g. PMNT/RCDT/ESCT), or proprietary/GVC code (e.g. GVC:166). */
  bankTxCode?: string;
  /** The bank's own reference: CAMT AcctSvcrRef of the transaction, else of the entry; MT940 :61: bank reference. */
  bankReference?: string;
  /** Where in the file (line or element path), for error messages. */
  location?: string;
  /** Booking text as the bank words it (MT940 :86: ?00 "GUTSCHRIFT", CSV "Buchungstext"). */
  bookingText?: string;
  /** Creditor identifier of a SEPA direct debit (CRED+ / CdtrSchmeId), e.g. DE98ZZZ09999999999. */
  creditorId?: string;
  /** The ordering party's own reference (MT940 :61: customer reference, KREF+), never NONREF. */
  customerReference?: string;
  /** Counterparty account in a non-IBAN form (legacy BLZ/Kontonummer, MT940 :86: ?30/?31). */
  counterpartyAccount?: string;
  /**
   * Batch bookings (CAMT NtryDtls/Btch, several TxDtls): `part` false for an entry kept as ONE posting of `count`
   * transactions (camt.053 without the details), true for one transaction split from a batch entry (camt.054
   * "Sammlerauflösung", or a camt.053 with details); `totalMinor` is the batch entry's signed amount. Dedupe uses
   * it to recognise the same batch delivered once as a total and once in detail (dedupe.ts). Not stored.
   */
  batch?: { count: number; totalMinor: number; part: boolean; entryReference?: string };
  /** Format-specific extras worth keeping for display and audit (e.g. MT940 primanota, text key extension). */
  details?: Record<string, string>;
};

/**
 * Order of events: a 'statement' event may come AFTER the entries that carry its index (MT940 and CSV emit it
 * when the statement is complete, because the closing balance comes last). Consumers group by statementIndex.
 */
export type ParseEvent =
  | { kind: 'statement'; statement: StatementInfo; index: number }
  | { kind: 'entry'; entry: ParsedEntry }
  | { kind: 'problem'; problem: ImportProblem };
