/**
 * Turns one collected CAMT entry (Ntry) into postings, and a collected statement into StatementInfo.
 *
 * Amounts: `parseDecimalToMinor` on the decimal string. CAMT allows 5 fraction digits
 * (ActiveOrHistoricCurrencyAndAmount, fractionDigits 5); digits beyond the currency's minor unit that are zero
 * ("18.150 EUR") are exact and kept silently. Non-zero sub-minor digits are rounded half-even ON THE DECIMAL
 * STRING (never a float) and reported as warning CAMT_AMOUNT_ROUNDED with the original text.
 *
 * Batches (ISO 20022 NtryDtls/TxDtls): one Ntry with n ≥ 2 TxDtls becomes n postings when every TxDtls has an
 * amount (TxDtls/Amt, v04+, else TxDtls/AmtDtls/TxAmt/Amt) in the entry currency and their signed sum equals
 * the entry amount. Otherwise (amounts missing, in another currency, or not adding up) the entry stays ONE
 * posting of the entry amount and warning CAMT_BATCH_NOT_SPLIT says why: the booked account total is the
 * authority, we never invent or drop money. With exactly one TxDtls the entry amount is used (TxDtls amounts
 * may be the instructed foreign amount) and the details come from that TxDtls.
 */
import { parseDecimalToMinor } from '../../money.ts';
import { isIsoDate } from '../../dates.ts';
import { isValidIBAN } from 'ibantools';
import { checkCreditorReference } from '../creditor-reference.ts';
import { importError } from '../import-error.ts';
import { cleanText } from '../mt940/sepa-keywords.ts';
import type { ImportProblem, ParsedEntry, StatementInfo } from '../types.ts';
import { returnText, type Amount, type NtryAcc, type PartyAcc, type StmtAcc, type TxAcc } from './fields.ts';

export type BuildContext = {
  file: string;
  statementIndex: number;
  statementCurrency: string | undefined;
  fallbackDate: string | undefined;
  /** The statement account's IBAN and owner (Acct/Id/IBAN, Acct/Ownr/Nm): never the counterparty. */
  accountIban?: string | undefined;
  accountOwner?: string | undefined;
};

export type AmountResult = { minor: number; problem?: ImportProblem };

export function toMinor(
  amount: Amount,
  fallbackCcy: string | undefined,
  file: string,
  path: string,
): AmountResult & { currency: string } {
  // Both are upper case and trimmed as read: the Ccy attribute (CamtReader) and the account's Ccy (fields.ts).
  const currency = amount.ccy ?? fallbackCcy ?? '';
  if (!/^[A-Z]{3}$/.test(currency)) {
    // An amount's own Ccy that is no ISO 4217 code is never replaced by the account's currency: it is in doubt.
    const said =
      amount.ccy !== undefined
        ? `has Ccy="${amount.ccy}", which is no ISO 4217 currency code (three letters, such as EUR)`
        : fallbackCcy
          ? `has no Ccy attribute, and the account's currency "${fallbackCcy}" is no ISO 4217 currency code`
          : 'has no Ccy attribute and the account names no currency';
    throw importError(
      'CAMT_MISSING_CURRENCY',
      `The amount "${amount.text}" ${said}. The file is damaged or incomplete; ask the bank for a new export.`,
      { file, path },
    );
  }
  // ISO 20022 amounts are unsigned (minInclusive 0); CdtDbtInd gives the direction. Some banks still write
  // "-12.00" (with DBIT, or on a negative balance): the direction is taken from CdtDbtInd, never twice.
  if (/^[+-]/.test(amount.text)) {
    const unsigned = amount.text.slice(1).trim();
    const r = toMinor({ text: unsigned, ccy: amount.ccy }, fallbackCcy, file, path);
    return {
      ...r,
      problem: r.problem ?? {
        code: 'CAMT_SIGNED_AMOUNT',
        severity: 'warning',
        file,
        path,
        message: `Amount "${amount.text}" carries a sign, which CAMT does not allow; the direction is taken from CdtDbtInd.`,
      },
    };
  }
  try {
    return { minor: parseDecimalToMinor(amount.text, currency), currency };
  } catch (error) {
    if ((error as { code?: string }).code !== 'MONEY_TOO_PRECISE') {
      throw importError(
        'CAMT_BAD_AMOUNT',
        `"${amount.text}" is not an amount. The file is damaged; export it again from your online banking.`,
        { file, path },
      );
    }
    const minor = parseDecimalToMinor(amount.text, currency, { excess: 'round-half-even' });
    return {
      minor,
      currency,
      problem: {
        code: 'CAMT_AMOUNT_ROUNDED',
        severity: 'warning',
        file,
        path,
        message: `Amount ${amount.text} ${currency} has more decimals than ${currency} has; stored rounded half-even as ${minor} minor units.`,
      },
    };
  }
}

// Statements repeat the same few days thousands of times; remember the ones already validated.
const validDays = new Set<string>();

export function toDate(text: string | undefined, file: string, path: string): string | undefined {
  if (text === undefined || text === '') return undefined;
  const day = text.slice(0, 10);
  if (validDays.has(day)) return day;
  if (isIsoDate(day)) {
    if (validDays.size > 10_000) validDays.clear();
    validDays.add(day);
  } else {
    throw importError(
      'CAMT_BAD_DATE',
      `"${text}" is not a date (YYYY-MM-DD). The file is damaged; export it again.`,
      { file, path },
    );
  }
  return day;
}

function sign(cdi: string | undefined, file: string, path: string): 1 | -1 {
  if (cdi === 'CRDT') return 1;
  if (cdi === 'DBIT') return -1;
  throw importError(
    'CAMT_MISSING_CDTDBTIND',
    `CdtDbtInd is "${cdi ?? ''}" (expected CRDT or DBIT), so the direction of the amount is unknown. Ask the bank for a corrected file.`,
    { file, path },
  );
}

function bankTxCode(a: {
  domain?: string;
  family?: string;
  subFamily?: string;
  prtry?: string;
  prtryIssuer?: string;
}): string | undefined {
  if (a.domain) return [a.domain, a.family, a.subFamily].filter(Boolean).join('/');
  if (!a.prtry) return undefined;
  // DK (Deutsche Kreditwirtschaft) proprietary code "NTRF+166+9310+997": the second part is the GVC.
  const gvc = /^[A-Z]{4}\+(\d{3})\b/.exec(a.prtry);
  return gvc ? `GVC:${gvc[1]}` : `PRTRY:${a.prtry}`;
}

const absent = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return !t || t.toUpperCase() === 'NOTPROVIDED' || t.toUpperCase() === 'NONREF' ? undefined : t;
};

/** A party name as shown and matched: soft hyphens dropped, runs of blanks and line breaks as one blank. */
function cleanName(name: string | undefined): string | undefined {
  return name === undefined ? undefined : cleanText(name) || undefined;
}

function joinRemittance(parts: (string | undefined)[]): string | undefined {
  const text = parts
    .filter((p): p is string => Boolean(p?.trim()))
    .join(' ')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}

function status(
  raw: string | undefined,
  ctx: BuildContext,
  path: string,
  problems: ImportProblem[],
): 'booked' | 'pending' {
  const code = raw?.trim().toUpperCase();
  if (code === 'BOOK') return 'booked';
  if (code === 'PDNG' || code === 'FUTR') return 'pending';
  problems.push({
    code: 'CAMT_STATUS_ASSUMED_BOOKED',
    severity: 'warning',
    file: ctx.file,
    path: `${path}/Sts`,
    message: code
      ? `Unknown entry status "${raw}"; treated as booked.`
      : 'Entry has no status (Sts); treated as booked.',
  });
  return 'booked';
}

/** RvslInd set: the entry reverses an earlier one (its CdtDbtInd is the opposite of the original's). */
function isReversal(n: NtryAcc): boolean {
  return n.reversal?.trim().toLowerCase() === 'true' || n.reversal?.trim() === '1';
}

/** ISO 20022 EntryStatus INFO ("information only, no booking"): `<Sts>INFO</Sts>` (≤ v07) or `<Sts><Cd>INFO</Cd>`. */
function isInformationOnly(n: NtryAcc): boolean {
  return n.status?.trim().toUpperCase() === 'INFO';
}

export function buildEntries(n: NtryAcc, ctx: BuildContext, problems: ImportProblem[]): ParsedEntry[] {
  if (isInformationOnly(n)) {
    // Not a booking, neither now nor later: stored as a posting it would wait for a match that never moves money.
    problems.push({
      code: 'CAMT_INFO_ENTRY_SKIPPED',
      severity: 'warning',
      file: ctx.file,
      path: `${n.path}/Sts`,
      message: `Entry${n.amt ? ` of ${n.amt.text} ${n.amt.ccy ?? ctx.statementCurrency ?? ''}`.trimEnd() : ''} has status INFO (information only, not booked) and was not imported.`,
    });
    return [];
  }
  if (!n.amt) {
    throw importError(
      'CAMT_MISSING_AMOUNT',
      'Entry (Ntry) has no Amt. The file is incomplete; export it again from your online banking.',
      { file: ctx.file, path: n.path },
    );
  }
  const s = sign(n.cdi, ctx.file, `${n.path}/CdtDbtInd`);
  const amount = toMinor(n.amt, ctx.statementCurrency, ctx.file, `${n.path}/Amt`);
  if (amount.problem) problems.push(amount.problem);
  const reversal = isReversal(n);
  const bookingStatus = status(n.status, ctx, n.path, problems);
  const valueDate = toDate(n.valueDate, ctx.file, `${n.path}/ValDt`);
  let bookingDate = toDate(n.bookingDate, ctx.file, `${n.path}/BookgDt`);
  if (!bookingDate && valueDate && bookingStatus === 'booked') {
    // A booked entry has a booking date; without BookgDt it would drop out of every date filter. The value date
    // is the nearest date the bank gave (the dedupe key already falls back to it, so re-imports still match).
    bookingDate = valueDate;
    problems.push({
      code: 'CAMT_NO_BOOKING_DATE',
      severity: 'warning',
      file: ctx.file,
      path: n.path,
      message: `Booked entry without BookgDt; its value date ${valueDate} (ValDt) is used as booking date.`,
    });
  }
  if (!bookingDate && !valueDate) {
    // Kept faithful (no invented date); the importer keys such entries on the statement date (see dedupe.ts).
    problems.push({
      code: 'CAMT_NO_DATE',
      severity: 'warning',
      file: ctx.file,
      path: n.path,
      message: `Entry without BookgDt and ValDt${ctx.fallbackDate ? `; the statement date ${ctx.fallbackDate} is used to recognise it again` : ''}.`,
    });
  }
  const base: ParsedEntry = {
    statementIndex: ctx.statementIndex,
    amountMinor: s * amount.minor,
    currency: amount.currency,
    bookingStatus,
    reversal,
    location: n.path,
  };
  if (bookingDate) base.bookingDate = bookingDate;
  if (valueDate) base.valueDate = valueDate;
  const ntryCode = bankTxCode(n);
  if (ntryCode) base.bankTxCode = ntryCode;
  const ntryRef = absent(n.acctSvcrRef);
  if (ntryRef) base.bankReference = ntryRef;

  if (n.txs.length === 0) {
    const remittance = joinRemittance([n.addtlNtryInf]);
    const count = Number(n.batchCount?.trim());
    const one: ParsedEntry = remittance ? { ...base, remittance } : { ...base };
    if (Number.isInteger(count) && count >= 2)
      one.batch = { count, totalMinor: base.amountMinor, part: false };
    return [one];
  }
  // The original direction decides who the counterparty is: for a reversal CdtDbtInd is the opposite of the
  // original payment's (ISO 20022 RvslInd definition).
  const originallyCredit = (s === 1) !== reversal;
  if (n.txs.length === 1) {
    return [withTx(base, n.txs[0] as TxAcc, originallyCredit, ctx, problems, n)];
  }
  const split = splitAmounts(n, s, amount.minor * s, amount.currency, ctx);
  if (typeof split === 'string') {
    problems.push({
      code: 'CAMT_BATCH_NOT_SPLIT',
      severity: 'warning',
      file: ctx.file,
      path: n.path,
      message: `Batch entry with ${n.txs.length} transactions kept as one posting of the entry amount: ${split}.`,
    });
    const remittance = joinRemittance([n.addtlNtryInf ?? `Batch of ${n.txs.length} transactions`]);
    const batch = { count: n.txs.length, totalMinor: base.amountMinor, part: false };
    return [remittance ? { ...base, remittance, batch } : { ...base, batch }];
  }
  // The entry's AcctSvcrRef, which a total of this batch stored from another file carries (TxDtls may have their own).
  const batch = {
    count: n.txs.length,
    totalMinor: base.amountMinor,
    part: true,
    ...(ntryRef ? { entryReference: ntryRef } : {}),
  };
  return n.txs.map((tx, i) =>
    withTx(
      { ...base, amountMinor: split[i] ?? 0, location: `${n.path}/NtryDtls/TxDtls[${tx.index}]`, batch },
      tx,
      originallyCredit,
      ctx,
      problems,
      n,
    ),
  );
}

function splitAmounts(
  n: NtryAcc,
  entrySign: 1 | -1,
  entryMinor: number,
  currency: string,
  ctx: BuildContext,
): number[] | string {
  const amounts: number[] = [];
  for (const tx of n.txs) {
    const amt = tx.amt ?? tx.txAmt;
    if (!amt) return `TxDtls[${tx.index}] has no amount`;
    if (amt.ccy && amt.ccy !== currency)
      return `TxDtls[${tx.index}] is in ${amt.ccy}, the entry in ${currency}`;
    let txSign = entrySign;
    if (tx.cdi === 'CRDT') txSign = 1;
    else if (tx.cdi === 'DBIT') txSign = -1;
    const path = `${n.path}/NtryDtls/TxDtls[${tx.index}]/Amt`;
    const r = toMinor(amt, currency, ctx.file, path);
    amounts.push(txSign * r.minor);
  }
  const sum = amounts.reduce((a, b) => a + b, 0);
  if (sum !== entryMinor)
    return `the transaction amounts add up to ${sum}, the entry is ${entryMinor} minor units`;
  return amounts;
}

function withTx(
  base: ParsedEntry,
  tx: TxAcc,
  entryOriginallyCredit: boolean,
  ctx: BuildContext,
  problems: ImportProblem[],
  n: NtryAcc,
): ParsedEntry {
  const e: ParsedEntry = { ...base };
  // A return (TxDtls/RtrInf) describes the parties of the original transaction, like a reversal, even where the
  // bank does not set RvslInd (German banks' returned direct debits: a DBIT whose Cdtr is the account holder who
  // collected, and whose Dbtr is the customer the money came from). A reversal that is also a return flips once.
  const originallyCredit =
    tx.returnReason !== undefined && !isReversal(n) ? !entryOriginallyCredit : entryOriginallyCredit;
  const named: PartyAcc = originallyCredit ? tx.dbtr : tx.cdtr;
  const other: PartyAcc = originallyCredit ? tx.cdtr : tx.dbtr;
  // Without a counterparty name or account, the other role's party is used (name, account and BIC together),
  // unless that is the statement account itself (a cash deposit or a fee names only the account holder).
  const otherIsOwn =
    (other.iban !== undefined && other.iban.replace(/\s+/g, '').toUpperCase() === ctx.accountIban) ||
    (other.name !== undefined && other.name === ctx.accountOwner);
  const counter = named.name || named.iban || otherIsOwn ? named : other;
  const name = cleanName(counter.name);
  if (name) e.counterpartyName = name;
  const iban = counter.iban?.replace(/\s+/g, '').toUpperCase();
  if (iban) e.counterpartyIban = iban;
  if (counter.bic) e.counterpartyBic = counter.bic.trim();
  const ultimateDebtor = cleanName(tx.dbtr.ultimate);
  if (ultimateDebtor) e.ultimateDebtor = ultimateDebtor;
  const ultimateCreditor = cleanName(tx.cdtr.ultimate);
  if (ultimateCreditor) e.ultimateCreditor = ultimateCreditor;
  const ref = checkCreditorReference(tx.strdRef);
  // A reference that fails the RF check (a payer's typo) is not a creditor reference, but still the payer's text.
  const remittance =
    joinRemittance([
      ...tx.ustrd,
      ...tx.docNumbers,
      ...tx.addtlRmt,
      ...tx.moreRefs,
      ref.problem ? tx.strdRef : undefined,
    ]) ?? joinRemittance([returnText(tx, n.family, e.amountMinor < 0), tx.addtlTxInf, n.addtlNtryInf]);
  if (remittance) e.remittance = remittance;
  if (ref.reference) e.creditorReference = ref.reference;
  if (ref.problem)
    problems.push({
      code: 'CAMT_BAD_CREDITOR_REFERENCE',
      severity: 'warning',
      file: ctx.file,
      path: `${e.location ?? n.path}/RmtInf/Strd`,
      message: `${ref.problem}; not stored as creditor reference, kept in the remittance text.`,
    });
  const e2e = absent(tx.endToEndId);
  if (e2e) e.endToEndId = e2e;
  const mandate = absent(tx.mandateId);
  if (mandate) e.mandateId = mandate;
  const code = bankTxCode(tx);
  if (code) e.bankTxCode = code;
  const txRef = absent(tx.acctSvcrRef);
  if (txRef) e.bankReference = txRef;
  return e;
}

const OPENING = ['OPBD', 'PRCD'];
const CLOSING = ['CLBD'];

export function buildStatement(
  s: StmtAcc,
  format: StatementInfo['format'],
  version: string | undefined,
  file: string,
  problems: ImportProblem[],
): StatementInfo {
  const info: StatementInfo = { format, account: {} };
  if (version) info.version = version;
  if (s.iban) info.account.iban = s.iban.replace(/\s+/g, '').toUpperCase();
  // Some banks put the IBAN into Acct/Id/Othr/Id (or BBAN): it names the same account as an IBAN elsewhere.
  const otherIban = s.otherId?.replace(/\s+/g, '').toUpperCase();
  if (!s.iban && otherIban && isValidIBAN(otherIban)) info.account.iban = otherIban;
  else if (s.otherId) info.account.otherId = s.otherId.trim();
  if (s.bic) info.account.bic = s.bic.trim();
  if (s.currency) info.account.currency = s.currency;
  if (s.name) info.account.name = s.name;
  if (s.holder) info.account.holder = s.holder;
  if (s.id) info.statementId = s.id;
  const seq = s.electronicSeq ?? s.legalSeq;
  if (seq) info.sequence = seq.trim();
  const from = toDate(s.from, file, `${s.path}/FrToDt/FrDtTm`);
  const to = toDate(s.to, file, `${s.path}/FrToDt/ToDtTm`);
  if (from) info.fromDate = from;
  if (s.createdAt) {
    const created = Date.parse(s.createdAt);
    if (!Number.isNaN(created)) info.createdAt = new Date(created).toISOString();
  }
  if (to) info.toDate = to;
  const pick = (codes: string[]) => codes.map((c) => s.balances.find((b) => b.code === c)).find(Boolean);
  const opening = pick(OPENING);
  const closing = pick(CLOSING);
  for (const [bal, key] of [
    [opening, 'openingBalanceMinor'],
    [closing, 'closingBalanceMinor'],
  ] as const) {
    if (!bal?.amt) continue;
    const path = `${s.path}/Bal(${bal.code ?? ''})/Amt`;
    const r = toMinor(bal.amt, s.currency, file, path);
    if (r.problem) problems.push(r.problem);
    // A balance without CdtDbtInd (mandatory in the schema, left out by some banks' generators, e.g. the Lithuanian
    // camt.053.001.08 samples of Subite-eu/camt-to-coda) cannot be signed: the entries are still fine, only the
    // balance check is skipped. A zero balance needs no direction. Any other value than CRDT/DBIT stays an error.
    const undirected = (bal.cdi ?? '').trim() === '';
    if (undirected && r.minor !== 0) {
      problems.push({
        code: 'CAMT_BALANCE_WITHOUT_DIRECTION',
        severity: 'warning',
        file,
        path: `${s.path}/Bal(${bal.code ?? ''})/CdtDbtInd`,
        message: `The ${key === 'openingBalanceMinor' ? 'opening' : 'closing'} balance ${bal.amt.text} ${r.currency} has no CdtDbtInd (credit or debit), so its sign is unknown; the entries are imported, the balance check is skipped for this statement.`,
      });
      continue;
    }
    info[key] = undirected ? 0 : sign(bal.cdi, file, `${s.path}/Bal(${bal.code ?? ''})/CdtDbtInd`) * r.minor;
    info.balanceCurrency = r.currency;
    info[key === 'openingBalanceMinor' ? 'openingBalanceCurrency' : 'closingBalanceCurrency'] = r.currency;
  }
  return info;
}
