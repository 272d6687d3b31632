/**
 * Per-statement bookkeeping of an import: which bank account a statement belongs to (unknown accounts are
 * created and reported), the balance check (opening + booked entries = closing) and statement sequence gaps
 * per account (CAMT.053 ElctrncSeqNb/LglSeqNb, MT940 :28C:). Runs inside the import's transaction.
 */
import { and, desc, eq, inArray, isNotNull, like } from 'drizzle-orm';
import { composeIBAN } from 'ibantools';
import type { Db } from '../db/open.ts';
import { bankAccounts, bankStatements } from '../db/schema/index.ts';
import { writeAudit } from '../audit.ts';
import { importError } from './import-error.ts';
import type { StatementAccount, StatementInfo } from './types.ts';

export type ImportWarning = { code: string; message: string };

export type ImportedAccount = { id: number; iban: string | null; otherId: string | null; created: boolean };

export type FileContext = { db: Db; now: string; actor: string; accountIban?: string };

/** accountId is resolved when the first entry is stored (or at the end), so an account-less fragment without entries imports as empty. */
export type StatementState = {
  info: StatementInfo;
  accountId: number | undefined;
  sum: number;
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
    entries: 0,
    date: info.toDate ?? info.createdAt?.slice(0, 10),
    scope,
  };
}

/**
 * German accounts appear as IBAN in CAMT and CSV but often as "BLZ/Kontonummer" in MT940 :25:. The German IBAN
 * is DE + check digits + BLZ (8) + account number (10, zero-padded) (DK IBAN rules), so both spellings can be
 * recognised as one account. Only used to FIND an account, never stored as if the bank had said it.
 */
function germanIbanFor(otherId: string): string | undefined {
  const m = /^(\d{8})\/(\d{1,10})$/.exec(otherId.trim());
  if (!m?.[1] || !m[2]) return undefined;
  return composeIBAN({ countryCode: 'DE', bban: `${m[1]}${m[2].padStart(10, '0')}` }) ?? undefined;
}

/** A German IBAN's bank code (BLZ, 8 digits) and account number (10 digits, zero-padded); undefined for others. */
function germanIbanParts(iban: string): { bankCode: string; accountNumber: string } | undefined {
  const m = /^DE\d{2}(\d{8})(\d{10})$/.exec(iban);
  return m?.[1] && m[2] ? { bankCode: m[1], accountNumber: m[2] } : undefined;
}

/** The BLZ/Kontonummer spellings MT940 files use for a German IBAN: account number with or without leading zeros. */
function legacyIdsFor(iban: string): string[] {
  const parts = germanIbanParts(iban);
  if (!parts) return [];
  const { bankCode, accountNumber } = parts;
  return [...new Set([`${bankCode}/${accountNumber.replace(/^0+/, '')}`, `${bankCode}/${accountNumber}`])];
}

function lookupIban(ctx: FileContext, iban: string | undefined) {
  return iban ? ctx.db.select().from(bankAccounts).where(eq(bankAccounts.iban, iban)).get() : undefined;
}

/**
 * An account known only by another id learns its IBAN from a statement that names it: BLZ/Kontonummer (from
 * MT940), or the MT940 `:25:` forms "BIC/IBAN" and "/IBAN" that earlier versions stored as they were written.
 */
function adoptLegacyAccount(ctx: FileContext, iban: string) {
  const legacy = [...legacyIdsFor(iban), iban, `/${iban}`];
  const row =
    ctx.db.select().from(bankAccounts).where(inArray(bankAccounts.otherId, legacy)).get() ??
    ctx.db
      .select()
      .from(bankAccounts)
      .where(like(bankAccounts.otherId, `%/${iban}`))
      .get();
  if (!row || row.iban) return undefined;
  const updated = ctx.db
    .update(bankAccounts)
    .set({ iban })
    .where(eq(bankAccounts.id, row.id))
    .returning()
    .get();
  writeAudit(
    ctx.db,
    { now: () => new Date(ctx.now) },
    {
      actor: ctx.actor,
      entityType: 'bank_account',
      entityId: row.id,
      action: 'iban_learned_from_statement',
      before: row,
      after: updated,
    },
  );
  return updated;
}

export function resolveAccount(
  acct: StatementAccount,
  ctx: FileContext,
  info: StatementInfo,
  warn: (w: ImportWarning) => void,
): ImportedAccount {
  const { db } = ctx;
  const iban = acct.iban?.replace(/\s+/g, '').toUpperCase();
  const forced = ctx.accountIban?.replace(/\s+/g, '').toUpperCase();
  if (iban && forced && iban !== forced) {
    throw importError(
      'IMPORT_ACCOUNT_MISMATCH',
      `The statement is for account ${iban}, not ${forced} given with --account. Check which file you picked, or leave --account out.`,
      {},
    );
  }
  // A file that names its account only by bank code and account number (MT940 ":25:37040044/532013000"): --account
  // says which account that is. It must be the same account where the German IBAN can be derived from it.
  const derived = !iban && acct.otherId ? germanIbanFor(acct.otherId) : undefined;
  if (derived && forced && derived !== forced) {
    throw importError(
      'IMPORT_ACCOUNT_MISMATCH',
      `The statement is for account ${acct.otherId ?? ''} (IBAN ${derived}), not ${forced} given with --account. Check which file you picked, or leave --account out.`,
      {},
    );
  }
  // A file that names only a plain account number (CSV "Kontonummer" of HypoVereinsbank, "Auftragskonto" of the
  // Sparkasse CSV-MT940 export, MT940 ":25:" without bank code): a German IBAN carries it as its last 10 digits.
  // (Such an id has no slash, so it is never one `derived` was read from.)
  const plain = !iban && acct.otherId ? /^\d{1,10}$/.exec(acct.otherId.trim())?.[0] : undefined;
  const forcedNumber = forced ? germanIbanParts(forced)?.accountNumber : undefined;
  if (plain && forcedNumber && plain.replace(/^0+/, '') !== forcedNumber.replace(/^0+/, '')) {
    throw importError(
      'IMPORT_ACCOUNT_MISMATCH',
      `The statement is for account number ${plain}, but ${forced} given with --account is account number ${forcedNumber}. Check which file you picked, or give the IBAN of account ${plain} with --account.`,
      {},
    );
  }
  const useIban = iban ?? forced;
  const byOtherId = acct.otherId
    ? db.select().from(bankAccounts).where(eq(bankAccounts.otherId, acct.otherId)).get()
    : undefined;
  if (!iban && forced && byOtherId?.iban && byOtherId.iban !== forced) {
    throw importError(
      'IMPORT_ACCOUNT_MISMATCH',
      `The statement is for account ${acct.otherId ?? ''}, which is ${byOtherId.iban}, not ${forced} given with --account. Check which file you picked, or leave --account out.`,
      {},
    );
  }
  const row = useIban
    ? (lookupIban(ctx, useIban) ?? adoptLegacyAccount(ctx, useIban) ?? (iban ? undefined : byOtherId))
    : (byOtherId ?? lookupIban(ctx, derived));
  if (row) return { id: row.id, iban: row.iban, otherId: row.otherId, created: false };
  if (!useIban && !acct.otherId) {
    throw importError(
      'IMPORT_NO_ACCOUNT',
      'The file does not name the account it belongs to (no IBAN, or one whose check digits are wrong). Import it again with --account IBAN (or pick the account in the app).',
      {},
    );
  }
  const created = db
    .insert(bankAccounts)
    .values({
      iban: useIban ?? null,
      // Kept next to the IBAN given with --account, so the same file is recognised without it.
      otherId: iban ? null : (acct.otherId ?? null),
      bic: acct.bic ?? null,
      name: acct.name ?? null,
      holder: acct.holder ?? null,
      currency: acct.currency ?? info.balanceCurrency ?? 'EUR',
      createdAt: ctx.now,
    })
    .returning()
    .get();
  writeAudit(
    db,
    { now: () => new Date(ctx.now) },
    {
      actor: ctx.actor,
      entityType: 'bank_account',
      entityId: created.id,
      action: 'created_by_import',
      after: created,
    },
  );
  warn({
    code: 'ACCOUNT_CREATED',
    message: `New bank account ${useIban ?? acct.otherId ?? ''} created from the statement.`,
  });
  return { id: created.id, iban: created.iban, otherId: created.otherId, created: true };
}

/** Numeric statement number: CAMT ElctrncSeqNb/LglSeqNb "12", MT940 :28C: "12/1" or "00012". */
function sequenceNumber(sequence: string | undefined): number | null {
  const m = /^\s*0*(\d{1,9})/.exec(sequence ?? '');
  return m?.[1] ? Number(m[1]) : null;
}

export function finishStatement(
  st: StatementState & { accountId: number },
  batchId: number,
  ctx: FileContext,
  warn: (w: ImportWarning) => void,
): 'ok' | 'mismatch' | 'not_available' {
  const { info } = st;
  let check: 'ok' | 'mismatch' | 'not_available' = 'not_available';
  if (info.openingBalanceMinor !== undefined && info.closingBalanceMinor !== undefined) {
    const expected = info.openingBalanceMinor + st.sum;
    check = expected === info.closingBalanceMinor ? 'ok' : 'mismatch';
    if (check === 'mismatch') {
      warn({
        code: 'BALANCE_MISMATCH',
        message: `Statement ${info.statementId ?? ''}: opening balance ${info.openingBalanceMinor} + entries ${st.sum} = ${expected}, but the closing balance is ${info.closingBalanceMinor} (minor units ${info.balanceCurrency ?? ''}). Entries may be missing; ask the bank.`,
      });
    }
  }
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
