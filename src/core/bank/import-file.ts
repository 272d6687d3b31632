/**
 * Stores the events of ONE statement file; runs inside the import's synchronous transaction (the caller
 * opens it), so a thrown error leaves nothing behind. Dedupes every entry (dedupe.ts), writes postings and
 * their audit entries, and closes each statement with its checks (statement-checks.ts).
 */
import { eq } from 'drizzle-orm';
import { importBatches } from '../db/schema/index.ts';
import { Deduper, doubtfulDuplicate } from './dedupe.ts';
import { formatMinorAsDecimal } from '../money.ts';
import { importErrorFromProblem } from './import-error.ts';
import { PostingWriter } from './posting-writer.ts';
import type { StatementFile } from './read-statement.ts';
import { resolveAccount } from './statement-account.ts';
import {
  finishStatement,
  openStatement,
  type FileContext,
  type ImportedAccount,
  type ImportWarning,
  type StatementState,
} from './statement-checks.ts';
import type { ImportProblem, ParsedEntry, ParseEvent, StatementFormat, StatementInfo } from './types.ts';

/** Parser warnings of a file that names no account (answered by --account). */
const NO_ACCOUNT_WARNINGS = new Set(['CSV_NO_ACCOUNT', 'MT940_NO_ACCOUNT']);

export type { FileContext, ImportedAccount, ImportWarning } from './statement-checks.ts';

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

const MAX_WARNINGS = 200;

export function importStatementFile(file: StatementFile, ctx: FileContext): FileImportSummary {
  return new FileImport(file, ctx).run();
}

class FileImport {
  private readonly summary: FileImportSummary;
  private readonly writer: PostingWriter;
  private readonly deduper: Deduper;
  private readonly batchId: number;
  private readonly format: StatementFormat;
  /** Every new posting gets its own audit entry (design §3.8); the details are the same for the whole file. */
  private readonly importedDetails: string;
  private readonly statements = new Map<number, StatementState>();
  private readonly announced = new Map<number, StatementInfo>();
  private readonly waiting = new Map<number, ParsedEntry[]>();
  private dropped = 0;

  constructor(
    private readonly file: StatementFile,
    private readonly ctx: FileContext,
  ) {
    const { db, now } = ctx;
    this.format =
      file.format.kind === 'camt'
        ? file.format.message === 'unknown'
          ? 'camt.053'
          : file.format.message
        : (file.format.kind as StatementFormat);
    this.batchId = db
      .insert(importBatches)
      .values({
        fileName: file.name,
        fileSha256: '',
        format: this.format,
        formatVersion: file.format.kind === 'camt' ? (file.format.version ?? null) : null,
        importedAt: now,
      })
      .returning({ id: importBatches.id })
      .get().id;
    this.writer = new PostingWriter(db.$client);
    this.deduper = new Deduper(db.$client);
    this.importedDetails = JSON.stringify({ importBatchId: this.batchId, file: file.name });
    this.summary = {
      file: file.name,
      format: this.format,
      version: null,
      encoding: file.encoding,
      importBatchId: this.batchId,
      accounts: [],
      statements: 0,
      entries: 0,
      new: 0,
      duplicate: 0,
      replaced: 0,
      balanceCheck: 'not_available',
      warnings: [],
      postingIds: [],
    };
    for (const w of file.warnings ?? []) this.warn(w);
  }

  run(): FileImportSummary {
    // MT940/MT942 and CSV parsers announce a statement AFTER its entries (the closing balance comes last).
    // Rather than holding 100 000 entries until then, a first pass over the (in-memory) text collects the
    // statements; the second pass stores entries as they come. CAMT announces statements first: read once.
    if (this.file.format.kind !== 'camt') {
      for (const event of this.file.events())
        if (event.kind === 'statement') this.announced.set(event.index, event.statement);
    }
    for (const event of this.file.events()) this.handle(event);
    for (const [index, entries] of this.waiting) {
      // Entries without a statement event (a parser that reports none): only possible with --account.
      const st = openStatement({ format: this.format, account: {} }, index);
      this.statements.set(index, st);
      for (const entry of entries) this.store(st, entry);
    }
    return this.finish();
  }

  private warn(w: ImportWarning): void {
    if (this.summary.warnings.length < MAX_WARNINGS) this.summary.warnings.push(w);
    else this.dropped++;
  }

  /**
   * The parsers advise "choose the account when importing" for a file that names no account; with --account
   * given, the warning says which account the postings went to instead.
   */
  private warningText(problem: ImportProblem): string {
    const given = this.ctx.accountIban?.replace(/\s+/g, '').toUpperCase() ?? this.ctx.accountOtherId;
    if (!given || !NO_ACCOUNT_WARNINGS.has(problem.code)) return problem.message;
    return `${this.file.name}: the file does not say which account it belongs to; its postings are imported into ${given}, given with --account.`;
  }

  private handle(event: ParseEvent): void {
    if (event.kind === 'problem') {
      if (event.problem.severity === 'error')
        throw importErrorFromProblem({ ...event.problem, file: event.problem.file ?? this.file.name });
      this.warn({ code: event.problem.code, message: this.warningText(event.problem) });
    } else if (event.kind === 'statement') {
      let st = this.statements.get(event.index);
      if (st) st.info = event.statement;
      else {
        st = openStatement(event.statement, event.index);
        this.statements.set(event.index, st);
      }
      this.summary.version ??= event.statement.version ?? null;
      for (const entry of this.waiting.get(event.index) ?? []) this.store(st, entry);
      this.waiting.delete(event.index);
    } else {
      const st = this.statementFor(event.entry.statementIndex);
      if (st) this.store(st, event.entry);
      else {
        const list = this.waiting.get(event.entry.statementIndex);
        if (list) list.push(event.entry);
        else this.waiting.set(event.entry.statementIndex, [event.entry]);
      }
    }
  }

  private statementFor(index: number): StatementState | undefined {
    let st = this.statements.get(index);
    const info = this.announced.get(index);
    if (!st && info) {
      st = openStatement(info, index);
      this.statements.set(index, st);
      this.summary.version ??= info.version ?? null;
    }
    return st;
  }

  private accountOf(st: StatementState): number {
    if (st.accountId === undefined) {
      const account = resolveAccount(st.info.account, this.ctx, st.info, (w) => this.warn(w));
      if (!this.summary.accounts.some((a) => a.id === account.id)) this.summary.accounts.push(account);
      st.accountId = account.id;
    }
    return st.accountId;
  }

  private store(st: StatementState, entry: ParsedEntry): void {
    const { summary, writer, deduper, batchId } = this;
    const { now, actor } = this.ctx;
    const accountId = this.accountOf(st);
    summary.entries++;
    st.entries++;
    if (entry.bookingStatus === 'booked') {
      if (!st.info.balanceCurrency || st.info.balanceCurrency === entry.currency) st.sum += entry.amountMinor;
      else st.foreign.set(entry.currency, (st.foreign.get(entry.currency) ?? 0) + 1);
    }
    const d = deduper.decide(accountId, entry, st.info.format, st.date, st.scope);
    if (d.action === 'duplicate') {
      deduper.claim(d.postingId);
      summary.duplicate++;
      if (d.stored && doubtfulDuplicate(entry, st.info.format, d.stored)) this.warnDoubtful(entry, d.stored);
    } else if (d.action === 'insert') {
      const id = writer.insert(accountId, batchId, entry, d.key, now);
      deduper.claim(id);
      if (entry.bookingStatus === 'pending') deduper.notePending(accountId);
      writer.audit(now, actor, id, 'imported', undefined, undefined, this.importedDetails);
      summary.new++;
      summary.postingIds.push(id);
    } else {
      const { before, after } = writer.replace(d.postingId, batchId, entry, d.key);
      deduper.claim(d.postingId);
      writer.audit(
        now,
        actor,
        d.postingId,
        d.reason === 'batch_details' ? 'replaced_by_batch_details' : 'replaced_by_booked',
        before,
        after,
        { importBatchId: batchId, dedupeKey: d.key },
      );
      summary.replaced++;
      summary.postingIds.push(d.postingId);
    }
  }

  private warnDoubtful(entry: ParsedEntry, stored: { id: number; counterpartyName: string | null }): void {
    const where = entry.location ? `, ${entry.location}` : '';
    const date = entry.bookingDate ?? entry.valueDate ?? '';
    const amount = `${formatMinorAsDecimal(entry.amountMinor, entry.currency)} ${entry.currency}`;
    this.warn({
      code: 'DUPLICATE_NAME_DIFFERS',
      message: `${this.file.name}${where}: ${amount} on ${date} from "${entry.counterpartyName ?? ''}" was counted as already imported: posting #${stored.id} of the same day and amount is stored from "${stored.counterpartyName ?? ''}", and the names share no word. If these are two different payments, this one was not stored: check the bank statement of that day (a CAMT or MT940 statement tells such payments apart by IBAN or reference) and import it.`,
    });
  }

  private finish(): FileImportSummary {
    const { summary } = this;
    if (this.statements.size === 0)
      this.warn({ code: 'IMPORT_NO_ENTRIES', message: `${this.file.name} contains no statement.` });
    const checks = [...this.statements.values()].map((st) => {
      const named = Boolean(
        st.info.account.iban ?? st.info.account.otherId ?? this.ctx.accountIban ?? this.ctx.accountOtherId,
      );
      if (st.accountId === undefined && !named) {
        this.warn({
          code: 'IMPORT_STATEMENT_WITHOUT_ACCOUNT',
          message: 'A statement without entries names no account; skipped.',
        });
        return 'not_available' as const;
      }
      const accountId = this.accountOf(st);
      return finishStatement({ ...st, accountId }, this.batchId, this.ctx, (w) => this.warn(w));
    });
    summary.statements = this.statements.size;
    summary.balanceCheck = checks.includes('mismatch')
      ? 'mismatch'
      : checks.includes('ok')
        ? 'ok'
        : 'not_available';
    if (this.dropped > 0)
      summary.warnings.push({
        code: 'IMPORT_MORE_WARNINGS',
        message: `${this.dropped} more warnings not listed.`,
      });
    this.ctx.db
      .update(importBatches)
      .set({
        fileSha256: this.file.sha256(),
        bankAccountId: summary.accounts[0]?.id ?? null,
        formatVersion: summary.version,
        entriesNew: summary.new,
        entriesDuplicate: summary.duplicate,
        entriesReplaced: summary.replaced,
        balanceCheck: summary.balanceCheck,
        warnings: summary.warnings,
      })
      .where(eq(importBatches.id, this.batchId))
      .run();
    return summary;
  }
}
