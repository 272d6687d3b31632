/**
 * Per-statement bookkeeping of an import: the balance check (opening + booked entries = closing) and statement
 * sequence gaps per account (CAMT.053 ElctrncSeqNb/LglSeqNb, MT940 :28C:); which bank account a statement belongs
 * to is statement-account.ts. Runs inside the import's transaction.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { bankStatements } from '../db/schema/index.ts';
import { formatMinorAsDecimal } from '../money.ts';
import type { StatementInfo } from './types.ts';

export type ImportWarning = { code: string; message: string };

export type ImportedAccount = { id: number; iban: string | null; otherId: string | null; created: boolean };

/**
 * accountIban / accountOtherId: the account given with the import (--account), already checked
 * (account-option.ts); at most one of them is set.
 */
export type FileContext = {
  db: Db;
  now: string;
  actor: string;
  accountIban?: string;
  accountOtherId?: string;
};

/** accountId is resolved when the first entry is stored (or at the end), so an account-less fragment without entries imports as empty. */
export type StatementState = {
  info: StatementInfo;
  accountId: number | undefined;
  /** Sum of the booked entries in the balances' currency. */
  sum: number;
  /** Booked entries in another currency than the balances (currency -> count): the check cannot include them. */
  foreign: Map<string, number>;
  entries: number;
  date: string | undefined;
  scope: string;
};

/**
 * The dedupe scope of a statement (dedupe.ts). Account statements (CAMT.053, MT940 incl. its pages, CAMT.054
 * notifications, CSV) never repeat each other's entries, so a whole file is one scope: identical twins in two
 * statements of a file stay two postings. Intraday reports (CAMT.052 Rpt, MT942) are often cumulative — each
 * repeats the earlier ones — so each report is its own scope and finds what an earlier one stored.
 */
export function openStatement(info: StatementInfo, index: number): StatementState {
  const cumulative = info.format === 'camt.052' || info.format === 'mt942';
  const scope = cumulative ? `report:${index}` : 'file';
  return {
    info,
    accountId: undefined,
    sum: 0,
    foreign: new Map(),
    entries: 0,
    date: info.toDate ?? info.createdAt?.slice(0, 10),
    scope,
  };
}

/** Numeric statement number: CAMT ElctrncSeqNb/LglSeqNb "12", MT940 :28C: "12/1" or "00012". */
function sequenceNumber(sequence: string | undefined): number | null {
  const m = /^\s*0*(\d{1,9})/.exec(sequence ?? '');
  return m?.[1] ? Number(m[1]) : null;
}

/** "18.15 EUR": minor units in major units with the currency, as the other core messages write amounts. */
function amount(minor: number, currency: string | undefined): string {
  return currency ? `${formatMinorAsDecimal(minor, currency)} ${currency}` : String(minor);
}

/**
 * The balance check: opening balance + booked entries = closing balance. It only means something in one
 * currency: balances in different currencies (seen in CAMT samples: OPBD in EUR, CLBD in SEK), or booked entries
 * in another currency than the balances, cannot be added up, so the check is reported as not done, with the
 * reason (BALANCE_NOT_CHECKED), rather than as a mismatch of numbers in different currencies.
 */
function checkBalances(
  st: StatementState,
  warn: (w: ImportWarning) => void,
): 'ok' | 'mismatch' | 'not_available' {
  const { info } = st;
  const opening = info.openingBalanceMinor;
  const closing = info.closingBalanceMinor;
  if (opening === undefined || closing === undefined) return 'not_available';
  const statement = `Statement ${info.statementId ?? ''}`;
  const openingCurrency = info.openingBalanceCurrency ?? info.balanceCurrency;
  const closingCurrency = info.closingBalanceCurrency ?? info.balanceCurrency;
  if (openingCurrency !== closingCurrency) {
    warn({
      code: 'BALANCE_NOT_CHECKED',
      message: `${statement}: the opening balance is ${amount(opening, openingCurrency)}, the closing balance ${amount(closing, closingCurrency)}: balances in different currencies cannot be compared, so the balances were not checked. Check the statement's balances with the bank.`,
    });
    return 'not_available';
  }
  if (st.foreign.size > 0) {
    const others = [...st.foreign].map(([currency, n]) => `${n} in ${currency}`).join(', ');
    warn({
      code: 'BALANCE_NOT_CHECKED',
      message: `${statement}: the balances are in ${closingCurrency ?? '?'}, but booked entries are in another currency (${others}), so the balances were not checked. The postings were imported with their own currency.`,
    });
    return 'not_available';
  }
  const expected = opening + st.sum;
  if (expected === closing) return 'ok';
  const c = closingCurrency;
  warn({
    code: 'BALANCE_MISMATCH',
    message: `${statement}: opening balance ${amount(opening, c)} + entries ${amount(st.sum, c)} = ${amount(expected, c)}, but the closing balance is ${amount(closing, c)}. Entries may be missing; ask the bank.`,
  });
  return 'mismatch';
}

export function finishStatement(
  st: StatementState & { accountId: number },
  batchId: number,
  ctx: FileContext,
  warn: (w: ImportWarning) => void,
): 'ok' | 'mismatch' | 'not_available' {
  const { info } = st;
  const check = checkBalances(st, warn);
  const seq = sequenceNumber(info.sequence);
  // Gaps are meaningful for account statements only (CAMT.053, MT940); reports and notifications are not numbered without gaps.
  if (seq !== null && (info.format === 'camt.053' || info.format === 'mt940')) {
    const previous = ctx.db
      .select({ n: bankStatements.sequenceNumber })
      .from(bankStatements)
      .where(
        and(
          eq(bankStatements.bankAccountId, st.accountId),
          eq(bankStatements.format, info.format),
          isNotNull(bankStatements.sequenceNumber),
        ),
      )
      .orderBy(desc(bankStatements.id))
      .limit(1)
      .get();
    const prev = previous?.n ?? null;
    if (prev !== null && seq > prev + 1 && seq !== 1) {
      warn({
        code: 'STATEMENT_SEQUENCE_GAP',
        message: `Statement number ${seq} follows ${prev}: statement${seq - prev > 2 ? 's' : ''} ${prev + 1}${seq - prev > 2 ? `–${seq - 1}` : ''} of this account ${seq - prev > 2 ? 'are' : 'is'} missing. Import ${seq - prev > 2 ? 'them' : 'it'} too.`,
      });
    }
  }
  ctx.db
    .insert(bankStatements)
    .values({
      importBatchId: batchId,
      bankAccountId: st.accountId,
      format: info.format,
      statementId: info.statementId ?? null,
      sequence: info.sequence ?? null,
      sequenceNumber: seq,
      fromDate: info.fromDate ?? null,
      toDate: info.toDate ?? null,
      openingBalanceMinor: info.openingBalanceMinor ?? null,
      closingBalanceMinor: info.closingBalanceMinor ?? null,
      entriesSumMinor: st.sum,
      currency: info.balanceCurrency ?? null,
      balanceCheck: check,
      createdAt: ctx.now,
    })
    .run();
  return check;
}
