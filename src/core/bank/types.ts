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
};

export type ParseEvent =
  | { kind: 'statement'; statement: StatementInfo; index: number }
  | { kind: 'entry'; entry: ParsedEntry }
  | { kind: 'problem'; problem: ImportProblem };
