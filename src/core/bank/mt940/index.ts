/**
 * Streaming parser for SWIFT MT940 (customer statement) and MT942 (interim transaction report) text that is
 * already decoded to a string. Emits entries as soon as their :61:/:86: pair is complete and one 'statement'
 * event per message when it ends (after its entries: the closing balance :62F: comes last).
 *
 * Decisions (documented for the importer):
 * - MT942 entries are 'pending': the MT942 is an intraday report (DFÜ-Abkommen Anlage 3: "Vormerkposten" /
 *   interim report) and the SWIFT format has no per-entry booked marker; the day's MT940 or camt.053 later brings
 *   the booked version that replaces them. Entries marked EC/ED (expected credit/debit) are pending in any file.
 * - The :61: customer reference (subfield 7, "reference for the account owner") is kept as customerReference,
 *   not as endToEndId: SWIFT defines it as the account owner's own reference, German banks fill it with KREF
 *   or NONREF; the SEPA end-to-end id travels in :86: as EREF+ (or /EREF/ in Dutch layouts).
 * - bookingDate is the :61: entry date; without one, the value date (SWIFT leaves the entry date optional
 *   when it equals the value date).
 * - bankTxCode is "GVC:nnn" from the structured :86:, else "SWIFT:Nxxx" from the :61: transaction type.
 */
import type { ImportProblem, ParseEvent, ParsedEntry, StatementInfo } from '../types.ts';
import { readFields, type Mt940Token } from './fields.ts';
import { parseField61, type Line61 } from './field61.ts';
import { parseField86 } from './field86.ts';
import { looksLikeIban } from './ids.ts';
import {
  FieldError,
  parseAccount,
  parseBalance,
  parseDateTime,
  parseFloorLimit,
  parseSum,
} from './values.ts';

type OpenStatement = {
  index: number;
  info: StatementInfo;
  currency?: string;
  mt942: boolean;
  warnedCurrency: boolean;
  line: number;
};

type PendingEntry = { l61: Line61; line: number; lines86?: string[] };

const ACTION =
  'Export the statement again from your online banking; if the error stays, send the file to the bank.';

class Mt940Parser {
  private statement: OpenStatement | undefined;
  private pending: PendingEntry | undefined;
  private nextIndex = 0;
  private fieldCount = 0;
  private strayLines = 0;
  private firstStrayLine = 0;
  /** Last line of the last token read: where a cut-off file ends. */
  private lastLine = 1;

  constructor(private readonly fileName: string) {}

  handle(token: Mt940Token): ParseEvent[] {
    this.lastLine = token.kind === 'field' ? token.line + token.lines.length - 1 : token.line;
    switch (token.kind) {
      case 'end':
        return this.finishStatement();
      case 'stray':
        if (this.strayLines++ === 0) this.firstStrayLine = token.line;
        return [];
      case 'unknown-tag':
        return [
          this.problem(
            'MT940_UNKNOWN_TAG',
            `Field :${token.tag}: is not part of MT940/MT942 and was ignored.`,
            token.line,
            'warning',
          ),
        ];
      case 'field': {
        this.fieldCount++;
        // Events produced before a field fails (e.g. the previous entry, flushed by the next :61:) are kept.
        const out: ParseEvent[] = [];
        try {
          this.field(token.tag, token.lines, token.line, out);
        } catch (e) {
          if (!(e instanceof FieldError)) throw e;
          out.push(this.problem(e.code, `${e.message} ${ACTION}`, token.line, 'error'));
        }
        return out;
      }
    }
  }

  finishFile(): ParseEvent[] {
    const cut = this.cutOff();
    const events = this.finishStatement();
    if (cut) events.push(cut);
    if (this.fieldCount === 0) {
      events.push(
        this.problem(
          'MT940_NO_STATEMENT',
          `The file contains no MT940/MT942 fields (no line starts with a tag like ":20:" or ":61:"). Is it really an MT940 statement?`,
          1,
          'error',
        ),
      );
    } else if (this.strayLines > 0) {
      events.push(
        this.problem(
          'MT940_STRAY_LINES',
          `${this.strayLines} line(s) outside any MT940 field were ignored.`,
          this.firstStrayLine,
          'warning',
        ),
      );
    }
    return events;
  }

  /**
   * The closing balance :62F: (or :62M: on a page of a multi-page statement) is mandatory in MT940 and comes
   * last (SWIFT MT940 field 62a; MT942 has none). A message opened by :20: that is still open at the end of the
   * file without it was cut off (an interrupted download, a partial copy): its last entry may be incomplete, and
   * once stored it would claim the complete entry of a later import as a duplicate, so the file is refused.
   * That includes a message of which only the reference line :20: arrived after an earlier message (a file cut
   * right after the start of its next message): that statement's account, balances and entries are all missing,
   * and the earlier ones alone would pass every check. A file of nothing but a :20: line (library snippets of a
   * one-message file) stores nothing either way and is read as before (it imports no entry, with a warning).
   * Loose field snippets without :20: (library test sets, FinTS continuation fragments) are read as before.
   */
  private cutOff(): ParseEvent | undefined {
    const st = this.statement;
    if (!st || !this.statementStartedByTag20) return undefined;
    if (st.mt942 || st.info.closingBalanceMinor !== undefined) return undefined;
    if (this.fieldCountInStatement === 0 && st.index === 0) return undefined;
    const id = st.info.statementId ? ` (:20:${st.info.statementId})` : '';
    const what =
      this.fieldCountInStatement === 0
        ? 'right after its reference line, without account (:25:), balances (:60F:, :62F:) or entries: the file is cut off, that statement is missing.'
        : 'without its closing balance (:62F:): the file is cut off, its last entry may be incomplete.';
    return this.problem(
      'MT940_TRUNCATED',
      `The statement starting at line ${st.line}${id} ends with the file at line ${this.lastLine}, ${what} Nothing was imported. Download or export the statement again and import the complete file.`,
      this.lastLine,
      'error',
    );
  }

  private field(tag: string, lines: string[], line: number, events: ParseEvent[]): void {
    const content = lines[0] ?? '';
    if (tag === '20') {
      if (this.statement && this.fieldCountInStatement > 0) events.push(...this.finishStatement());
      const st = this.open(line);
      this.statementStartedByTag20 = true;
      const id = lines.join('').trim();
      if (id) st.info.statementId = id;
      return;
    }
    const st = this.open(line);
    this.fieldCountInStatement++;
    if (tag === '86') {
      if (this.pending && !this.pending.lines86) this.pending.lines86 = lines;
      return;
    }
    events.push(...this.flushEntry());
    if (tag === '61') this.startEntry(st, lines, line, events);
    else if (tag === '25') {
      st.info.account = parseAccount(lines.join(''));
      st.currency ??= st.info.account.currency;
    } else if (tag === '28' || tag === '28C') st.info.sequence = content.trim();
    else if (tag.startsWith('60') || tag.startsWith('62')) applyBalance(st, tag, content);
    else if (tag === '34F' || tag.startsWith('13') || tag.startsWith('90')) applyMt942(st, tag, content);
    // :21:, :64:, :65:, :NS: carry nothing a posting needs.
  }

  private fieldCountInStatement = 0;
  private statementStartedByTag20 = false;
  /** Currency of the previous message: a fragment after `-` without its own :20:/:60F: continues it. */
  private lastCurrency: string | undefined;

  private open(line: number): OpenStatement {
    if (!this.statement) {
      this.statement = {
        index: this.nextIndex++,
        info: { format: 'mt940', account: {} },
        mt942: false,
        warnedCurrency: false,
        line,
      };
      this.statementStartedByTag20 = false;
      this.fieldCountInStatement = 0;
    }
    return this.statement;
  }

  private startEntry(st: OpenStatement, lines: string[], line: number, events: ParseEvent[]): void {
    if (!st.currency && !this.statementStartedByTag20 && this.lastCurrency) st.currency = this.lastCurrency;
    let currency = st.currency;
    if (!currency) {
      currency = 'XXX';
      if (!st.warnedCurrency) {
        st.warnedCurrency = true;
        events.push(
          this.problem(
            'MT940_NO_CURRENCY',
            'The statement names no currency (no :60F: opening balance before the first :61:); amounts are read with two decimals and currency XXX.',
            line,
            'warning',
          ),
        );
      }
    }
    const l61 = parseField61(lines, currency);
    if (l61.clampedDate) {
      events.push(
        this.problem(
          'MT940_DATE_CLAMPED',
          'A date beyond the end of its month (e.g. 30 February) was moved to the last day of the month.',
          line,
          'warning',
        ),
      );
    }
    this.pending = { l61, line };
  }

  private flushEntry(): ParseEvent[] {
    const p = this.pending;
    const st = this.statement;
    if (!p || !st) return [];
    this.pending = undefined;
    return [{ kind: 'entry', entry: buildEntry(st, p) }];
  }

  private finishStatement(): ParseEvent[] {
    const st = this.statement;
    if (!st) return [];
    const events = this.flushEntry();
    this.statement = undefined;
    if (st.currency) this.lastCurrency = st.currency;
    if (st.mt942) st.info.format = 'mt942';
    st.info.version = st.info.format === 'mt942' ? 'MT942' : 'MT940';
    if (!st.info.account.iban && !st.info.account.otherId) {
      events.push(
        this.problem(
          'MT940_NO_ACCOUNT',
          'The statement has no account identification (:25:); choose the account when importing.',
          st.line,
          'warning',
        ),
      );
    }
    events.push({ kind: 'statement', statement: st.info, index: st.index });
    return events;
  }

  private problem(
    code: string,
    message: string,
    line: number,
    severity: ImportProblem['severity'],
  ): ParseEvent {
    return {
      kind: 'problem',
      problem: {
        code,
        message: `${this.fileName}, line ${line}: ${message}`,
        file: this.fileName,
        line,
        severity,
      },
    };
  }
}

/**
 * :60F:/:60M: opening (the first one counts), :62F:/:62M: closing balance. All balances of a statement are in
 * its account's currency; one in another currency (:60F: EUR, :62F: USD) leaves in doubt which currency the
 * entries' amounts are in (they carry none), so the statement is refused rather than stored in a guessed one.
 */
function applyBalance(st: OpenStatement, tag: string, content: string): void {
  const b = parseBalance(content, st.currency);
  const before = st.info.balanceCurrency;
  if (before !== undefined && b.currency !== before) {
    throw new FieldError(
      'MT940_CURRENCY_MISMATCH',
      `The balance :${tag}: is in ${b.currency}, an earlier balance of the same statement in ${before}: it is unclear which currency the entries are in.`,
    );
  }
  if (tag.startsWith('60')) {
    if (st.info.openingBalanceMinor === undefined) {
      st.info.openingBalanceMinor = b.amountMinor;
      st.info.fromDate = b.date;
      st.info.balanceCurrency = b.currency;
    }
    st.currency = b.currency;
  } else {
    st.info.closingBalanceMinor = b.amountMinor;
    st.info.toDate = b.date;
    st.info.balanceCurrency ??= b.currency;
    st.currency ??= b.currency;
  }
}

/** MT942 fields: :34F: floor limit(s), :13D: date-time, :90D:/:90C: number and sum of entries. */
function applyMt942(st: OpenStatement, tag: string, content: string): void {
  st.mt942 = true;
  if (tag === '34F') {
    const f = parseFloorLimit(content);
    st.currency ??= f.currency;
    if (f.mark !== 'C') st.info.floorLimitDebitMinor = f.amountMinor;
    if (f.mark !== 'D') st.info.floorLimitCreditMinor = f.amountMinor;
  } else if (tag.startsWith('13')) {
    st.info.createdAt = parseDateTime(content);
  } else {
    const s = parseSum(content);
    st.currency ??= s.currency;
    if (tag === '90D') Object.assign(st.info, { debitCount: s.count, debitSumMinor: s.amountMinor });
    else Object.assign(st.info, { creditCount: s.count, creditSumMinor: s.amountMinor });
  }
}

function buildEntry(st: OpenStatement, p: PendingEntry): ParsedEntry {
  const { l61 } = p;
  const d = p.lines86 ? parseField86(p.lines86) : {};
  const details: Record<string, string> = { debitCreditMark: l61.mark };
  if (l61.transactionType) details.transactionType = l61.transactionType;
  if (l61.fundsCode) details.fundsCode = l61.fundsCode;
  if (l61.supplementary) details.supplementaryDetails = l61.supplementary;
  if (d.gvc) details.gvc = d.gvc;
  if (d.primanota) details.primanota = d.primanota;
  if (d.textKeyExtension) details.textKeyExtension = d.textKeyExtension;
  if (d.purposeCode) details.purposeCode = d.purposeCode;
  const entry: ParsedEntry = {
    statementIndex: st.index,
    bookingDate: l61.entryDate ?? l61.valueDate,
    valueDate: l61.valueDate,
    amountMinor: l61.amountMinor,
    currency: st.currency ?? 'XXX',
    bookingStatus: st.mt942 || l61.expected ? 'pending' : 'booked',
    reversal: l61.reversal,
    location: `line ${p.line}`,
  };
  // Plain assignments (no spread / Object.entries): this runs once per entry of 100 000-entry files.
  if (d.counterpartyName) entry.counterpartyName = d.counterpartyName;
  // Rabobank writes the counterparty's IBAN as the :61: supplementary details (subfield 9) instead of in :86:.
  const suppIban = l61.supplementary?.replace(/\s/g, '').toUpperCase();
  const ibanIn61 = suppIban && looksLikeIban(suppIban) ? suppIban : undefined;
  if (d.counterpartyIban ?? ibanIn61) entry.counterpartyIban = d.counterpartyIban ?? ibanIn61;
  if (d.counterpartyBic) entry.counterpartyBic = d.counterpartyBic;
  if (d.counterpartyAccount) entry.counterpartyAccount = d.counterpartyAccount;
  if (d.ultimateDebtor) entry.ultimateDebtor = d.ultimateDebtor;
  if (d.ultimateCreditor) entry.ultimateCreditor = d.ultimateCreditor;
  if (d.remittance) entry.remittance = d.remittance;
  else if (!p.lines86) {
    // Without a :86: text (Danske Bank and other banks that send none), the :61: reference for the account owner
    // and its supplementary details are the only description of the payment (SWIFT MT940 field 61, subfields 7
    // and 9): they become the remittance text.
    const text = [l61.customerReference, ibanIn61 ? undefined : l61.supplementary].filter(Boolean).join(' ');
    if (text) entry.remittance = text;
  }
  if (d.creditorReference) entry.creditorReference = d.creditorReference;
  if (d.endToEndId) entry.endToEndId = d.endToEndId;
  if (d.mandateId) entry.mandateId = d.mandateId;
  if (d.creditorId) entry.creditorId = d.creditorId;
  const customerReference = l61.customerReference ?? d.customerReference;
  if (customerReference) entry.customerReference = customerReference;
  if (d.gvc) entry.bankTxCode = `GVC:${d.gvc}`;
  else if (l61.transactionType) entry.bankTxCode = `SWIFT:${l61.transactionType}`;
  if (l61.bankReference) entry.bankReference = l61.bankReference;
  if (d.bookingText) entry.bookingText = d.bookingText;
  entry.details = details;
  return entry;
}

/** Parses MT940/MT942 text (already decoded) into entries, statements and problems; see module comment. */
export function* parseMt940(text: string, fileName: string): Generator<ParseEvent> {
  const parser = new Mt940Parser(fileName);
  for (const token of readFields(withLineBreaks(text))) yield* parser.handle(token);
  yield* parser.finishFile();
}

/**
 * MT940 as delivered inside FinTS/HBCI responses (and saved as-is by some banking programs) uses "@@" instead of
 * a line break (phpFinTS and hbci4java split such data on "@@"). Without this every field would sit on one line.
 */
function withLineBreaks(text: string): string {
  if (!text.includes('@@') || !/@@(?::(?:\d{2}[A-Z]?|NS):|-)/.test(text)) return text;
  return text.replaceAll('@@', '\n');
}
