/**
 * Stores the events of ONE statement file; runs inside the import's synchronous transaction (the caller
 * opens it), so a thrown error leaves nothing behind. Maps statement accounts to bank_accounts (creating
 * unknown ones), dedupes every entry (dedupe.ts), checks balances and statement sequences per statement.
 */
import { and, desc, eq, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { bankAccounts, bankStatements, importBatches } from '../db/schema/index.ts';
import { writeAudit } from '../audit.ts';
import { Deduper } from './dedupe.ts';
import { importError, importErrorFromProblem } from './import-error.ts';
import { PostingWriter } from './posting-writer.ts';
import type { StatementFile } from './read-statement.ts';
import type { ParsedEntry, StatementAccount, StatementFormat, StatementInfo } from './types.ts';

export type ImportWarning = { code: string; message: string };

export type ImportedAccount = { id: number; iban: string | null; otherId: string | null; created: boolean };

export type FileImportSummary = {
  file: string;
  format: string;
  version: string | null;
  encoding: string;
  importBatchId: number;
  accounts: ImportedAccount[];
  statements: number;
  entries: number;
  new: number;
  duplicate: number;
  replaced: number;
  balanceCheck: 'ok' | 'mismatch' | 'not_available';
  warnings: ImportWarning[];
  /** New and replaced postings (for the matcher hook). */
  postingIds: number[];
};

export type FileContext = { db: Db; now: string; actor: string; accountIban?: string };

const MAX_WARNINGS = 200;

/** accountId is resolved when the first entry is stored (or at the end), so an account-less fragment without entries imports as empty. */
type StatementState = { info: StatementInfo; accountId: number | undefined; sum: number; entries: number; date: string | undefined };

export function importStatementFile(file: StatementFile, ctx: FileContext): FileImportSummary {
  const { db, now } = ctx;
  const format: StatementFormat = file.format.kind === 'camt' ? (file.format.message === 'unknown' ? 'camt.053' : file.format.message) : (file.format.kind as StatementFormat);
  const batch = db
    .insert(importBatches)
    .values({ fileName: file.name, fileSha256: '', format, formatVersion: file.format.kind === 'camt' ? (file.format.version ?? null) : null, importedAt: now })
    .returning({ id: importBatches.id })
    .get();
  const writer = new PostingWriter(db.$client);
  // Every new posting gets its own audit entry (design §3.8); the details are the same for the whole file.
  const importedDetails = JSON.stringify({ importBatchId: batch.id, file: file.name });
  const deduper = new Deduper(db.$client);
  const summary: FileImportSummary = {
    file: file.name, format, version: null, encoding: file.encoding, importBatchId: batch.id, accounts: [], statements: 0, entries: 0,
    new: 0, duplicate: 0, replaced: 0, balanceCheck: 'not_available', warnings: [], postingIds: [],
  };
  let dropped = 0;
  const warn = (w: ImportWarning) => {
    if (summary.warnings.length < MAX_WARNINGS) summary.warnings.push(w);
    else dropped++;
  };
  const statements = new Map<number, StatementState>();
  const waiting = new Map<number, ParsedEntry[]>();

  const accountOf = (st: StatementState): number => (st.accountId ??= attachAccount(st.info, ctx, summary, warn));
  const store = (st: StatementState, entry: ParsedEntry) => {
    const accountId = accountOf(st);
    summary.entries++;
    st.entries++;
    if (entry.bookingStatus === 'booked' && (!st.info.balanceCurrency || st.info.balanceCurrency === entry.currency)) st.sum += entry.amountMinor;
    const d = deduper.decide(accountId, entry, st.info.format, st.date);
    if (d.action === 'duplicate') {
      deduper.claim(d.postingId);
      summary.duplicate++;
    } else if (d.action === 'insert') {
      const id = writer.insert(accountId, batch.id, entry, d.key, now);
      deduper.claim(id);
      if (entry.bookingStatus === 'pending') deduper.notePending(accountId);
      writer.audit(now, ctx.actor, id, 'imported', undefined, undefined, importedDetails);
      summary.new++;
      summary.postingIds.push(id);
    } else {
      const { before, after } = writer.replace(d.postingId, batch.id, entry, d.key);
      deduper.claim(d.postingId);
      writer.audit(now, ctx.actor, d.postingId, 'replaced_by_booked', before, after, { importBatchId: batch.id, dedupeKey: d.key });
      summary.replaced++;
      summary.postingIds.push(d.postingId);
    }
  };

  // MT940/MT942 and CSV parsers announce a statement AFTER its entries (the closing balance comes last). Rather
  // than holding 100 000 entries until then, a first pass over the (in-memory) text collects the statements;
  // the second pass stores entries as they come. CAMT announces statements first and is read once.
  const announced = new Map<number, StatementInfo>();
  if (file.format.kind !== 'camt') {
    for (const event of file.events()) if (event.kind === 'statement') announced.set(event.index, event.statement);
  }
  const statementFor = (index: number): StatementState | undefined => {
    let st = statements.get(index);
    const info = announced.get(index);
    if (!st && info) {
      st = openStatement(info);
      statements.set(index, st);
      summary.version ??= info.version ?? null;
    }
    return st;
  };

  for (const event of file.events()) {
    if (event.kind === 'problem') {
      if (event.problem.severity === 'error') throw importErrorFromProblem({ ...event.problem, file: event.problem.file ?? file.name });
      warn({ code: event.problem.code, message: event.problem.message });
    } else if (event.kind === 'statement') {
      let st = statements.get(event.index);
      if (st) st.info = event.statement;
      else {
        st = openStatement(event.statement);
        statements.set(event.index, st);
      }
      summary.version ??= event.statement.version ?? null;
      for (const entry of waiting.get(event.index) ?? []) store(st, entry);
      waiting.delete(event.index);
    } else {
      const st = statementFor(event.entry.statementIndex);
      if (st) store(st, event.entry);
      else {
        const list = waiting.get(event.entry.statementIndex);
        if (list) list.push(event.entry);
        else waiting.set(event.entry.statementIndex, [event.entry]);
      }
    }
  }
  for (const [index, entries] of waiting) {
    // Entries without a statement event (a parser that reports none): only possible with --account.
    const st = openStatement({ format, account: {} });
    statements.set(index, st);
    for (const entry of entries) store(st, entry);
  }
  if (statements.size === 0) warn({ code: 'IMPORT_NO_ENTRIES', message: `${file.name} contains no statement.` });
  const checks = [...statements.values()].map((st) => {
    const named = Boolean(st.info.account.iban ?? st.info.account.otherId ?? ctx.accountIban);
    if (st.accountId === undefined && !named) {
      warn({ code: 'IMPORT_STATEMENT_WITHOUT_ACCOUNT', message: 'A statement without entries names no account; skipped.' });
      return 'not_available' as const;
    }
    st.accountId ??= accountOf(st);
    return finishStatement({ ...st, accountId: st.accountId }, batch.id, ctx, warn);
  });
  summary.statements = statements.size;
  summary.balanceCheck = checks.includes('mismatch') ? 'mismatch' : checks.includes('ok') ? 'ok' : 'not_available';
  if (dropped > 0) summary.warnings.push({ code: 'IMPORT_MORE_WARNINGS', message: `${dropped} more warnings not listed.` });
  db.update(importBatches)
    .set({
      fileSha256: file.sha256(),
      bankAccountId: summary.accounts[0]?.id ?? null, formatVersion: summary.version, entriesNew: summary.new,
      entriesDuplicate: summary.duplicate, entriesReplaced: summary.replaced, balanceCheck: summary.balanceCheck, warnings: summary.warnings,
    })
    .where(eq(importBatches.id, batch.id))
    .run();
  return summary;
}

function openStatement(info: StatementInfo): StatementState {
  return { info, accountId: undefined, sum: 0, entries: 0, date: info.toDate ?? info.createdAt?.slice(0, 10) };
}

function attachAccount(info: StatementInfo, ctx: FileContext, summary: FileImportSummary, warn: (w: ImportWarning) => void): number {
  const account = resolveAccount(info.account, ctx, info, warn);
  if (!summary.accounts.some((a) => a.id === account.id)) summary.accounts.push(account);
  return account.id;
}

function resolveAccount(acct: StatementAccount, ctx: FileContext, info: StatementInfo, warn: (w: ImportWarning) => void): ImportedAccount {
  const { db } = ctx;
  const iban = acct.iban?.replace(/\s+/g, '').toUpperCase();
  const forced = ctx.accountIban?.replace(/\s+/g, '').toUpperCase();
  if (iban && forced && iban !== forced) {
    throw importError('IMPORT_ACCOUNT_MISMATCH', `The statement is for account ${iban}, not ${forced} given with --account. Check which file you picked, or leave --account out.`, {});
  }
  const useIban = iban ?? (acct.otherId ? undefined : forced);
  const row = useIban
    ? db.select().from(bankAccounts).where(eq(bankAccounts.iban, useIban)).get()
    : acct.otherId
      ? db.select().from(bankAccounts).where(eq(bankAccounts.otherId, acct.otherId)).get()
      : undefined;
  if (row) return { id: row.id, iban: row.iban, otherId: row.otherId, created: false };
  if (!useIban && !acct.otherId) {
    throw importError('IMPORT_NO_ACCOUNT', 'The file does not name the account it belongs to. Import it again with --account IBAN (or pick the account in the app).', {});
  }
  const created = db
    .insert(bankAccounts)
    .values({ iban: useIban ?? null, otherId: useIban ? null : (acct.otherId ?? null), bic: acct.bic ?? null, name: acct.name ?? null, holder: acct.holder ?? null, currency: acct.currency ?? info.balanceCurrency ?? 'EUR', createdAt: ctx.now })
    .returning()
    .get();
  writeAudit(db, { now: () => new Date(ctx.now) }, { actor: ctx.actor, entityType: 'bank_account', entityId: created.id, action: 'created_by_import', after: created });
  warn({ code: 'ACCOUNT_CREATED', message: `New bank account ${useIban ?? acct.otherId ?? ''} created from the statement.` });
  return { id: created.id, iban: created.iban, otherId: created.otherId, created: true };
}

/** Numeric statement number: CAMT ElctrncSeqNb/LglSeqNb "12", MT940 :28C: "12/1" or "00012". */
function sequenceNumber(sequence: string | undefined): number | null {
  const m = /^\s*0*(\d{1,9})/.exec(sequence ?? '');
  return m?.[1] ? Number(m[1]) : null;
}

function finishStatement(st: StatementState & { accountId: number }, batchId: number, ctx: FileContext, warn: (w: ImportWarning) => void): 'ok' | 'mismatch' | 'not_available' {
  const { info } = st;
  let check: 'ok' | 'mismatch' | 'not_available' = 'not_available';
  if (info.openingBalanceMinor !== undefined && info.closingBalanceMinor !== undefined) {
    const expected = info.openingBalanceMinor + st.sum;
    check = expected === info.closingBalanceMinor ? 'ok' : 'mismatch';
    if (check === 'mismatch') {
      warn({ code: 'BALANCE_MISMATCH', message: `Statement ${info.statementId ?? ''}: opening balance ${info.openingBalanceMinor} + entries ${st.sum} = ${expected}, but the closing balance is ${info.closingBalanceMinor} (minor units ${info.balanceCurrency ?? ''}). Entries may be missing; ask the bank.` });
    }
  }
  const seq = sequenceNumber(info.sequence);
  // Gaps are meaningful for account statements only (CAMT.053, MT940); reports and notifications are not numbered without gaps.
  if (seq !== null && (info.format === 'camt.053' || info.format === 'mt940')) {
    const previous = ctx.db
      .select({ n: bankStatements.sequenceNumber })
      .from(bankStatements)
      .where(and(eq(bankStatements.bankAccountId, st.accountId), eq(bankStatements.format, info.format), isNotNull(bankStatements.sequenceNumber), lt(bankStatements.importBatchId, batchId + 1)))
      .orderBy(desc(bankStatements.id))
      .limit(1)
      .get();
    const prev = previous?.n ?? null;
    if (prev !== null && seq > prev + 1 && seq !== 1) {
      warn({ code: 'STATEMENT_SEQUENCE_GAP', message: `Statement number ${seq} follows ${prev}: statement${seq - prev > 2 ? 's' : ''} ${prev + 1}${seq - prev > 2 ? `–${seq - 1}` : ''} of this account ${seq - prev > 2 ? 'are' : 'is'} missing. Import ${seq - prev > 2 ? 'them' : 'it'} too.` });
    }
  }
  ctx.db
    .insert(bankStatements)
    .values({
      importBatchId: batchId, bankAccountId: st.accountId, format: info.format, statementId: info.statementId ?? null, sequence: info.sequence ?? null,
      sequenceNumber: seq, fromDate: info.fromDate ?? null, toDate: info.toDate ?? null, openingBalanceMinor: info.openingBalanceMinor ?? null,
      closingBalanceMinor: info.closingBalanceMinor ?? null, entriesSumMinor: st.sum, currency: info.balanceCurrency ?? null, balanceCheck: check, createdAt: ctx.now,
    })
    .run();
  return check;
}
