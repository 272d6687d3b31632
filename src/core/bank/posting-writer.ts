/**
 * Hot-path writes of an import (once per entry, up to 100 000 per file): prepared statements on the raw
 * better-sqlite3 handle, executed inside the import's synchronous drizzle transaction. Column names are those
 * of src/core/db/schema/postings.ts and audit.ts.
 */
import type { SqliteHandle } from '../db/open.ts';
import type { PostingMatchState } from '#shared/domain.ts';
import type { ParsedEntry } from './types.ts';

const COLUMNS = [
  'booking_date',
  'value_date',
  'amount_minor',
  'currency',
  'booking_status',
  'reversal',
  'counterparty_name',
  'counterparty_iban',
  'counterparty_bic',
  'ultimate_debtor',
  'ultimate_creditor',
  'remittance',
  'creditor_reference',
  'end_to_end_id',
  'mandate_id',
  'bank_tx_code',
  'bank_reference',
] as const;

type Row = (string | number | null)[];

function entryValues(e: ParsedEntry): Row {
  return [
    e.bookingDate ?? null,
    e.valueDate ?? null,
    e.amountMinor,
    e.currency,
    e.bookingStatus,
    e.reversal ? 1 : 0,
    e.counterpartyName ?? null,
    e.counterpartyIban ?? null,
    e.counterpartyBic ?? null,
    e.ultimateDebtor ?? null,
    e.ultimateCreditor ?? null,
    e.remittance ?? null,
    e.creditorReference ?? null,
    e.endToEndId ?? null,
    e.mandateId ?? null,
    e.bankTxCode ?? null,
    e.bankReference ?? null,
  ];
}

/** Debits are not matched against orders; credits wait for the matcher (issue 3). */
export function initialMatchState(amountMinor: number): PostingMatchState {
  if (amountMinor < 0) return 'debit';
  return amountMinor > 0 ? 'unassigned' : 'ignored';
}

export type PostingSnapshot = Record<string, string | number | null>;

export class PostingWriter {
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly selectStmt;
  private readonly auditStmt;

  constructor(private readonly sqlite: SqliteHandle) {
    this.insertStmt = sqlite.prepare(
      `INSERT INTO postings (bank_account_id, import_batch_id, ${COLUMNS.join(', ')}, dedupe_key, match_state, assigned_minor, created_at)
       VALUES (?, ?, ${COLUMNS.map(() => '?').join(', ')}, ?, ?, 0, ?)`,
    );
    this.updateStmt = sqlite.prepare(
      `UPDATE postings SET import_batch_id = ?, ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, dedupe_key = ? WHERE id = ?`,
    );
    this.selectStmt = sqlite.prepare<[number], PostingSnapshot>(`SELECT * FROM postings WHERE id = ?`);
    this.auditStmt = sqlite.prepare(
      `INSERT INTO audit_log (at, actor, entity_type, entity_id, action, before, after, details) VALUES (?, ?, 'posting', ?, ?, ?, ?, ?)`,
    );
  }

  insert(accountId: number, batchId: number, entry: ParsedEntry, key: string, now: string): number {
    const info = this.insertStmt.run(
      accountId,
      batchId,
      ...entryValues(entry),
      key,
      initialMatchState(entry.amountMinor),
      now,
    );
    return Number(info.lastInsertRowid);
  }

  /** Pending -> booked: the row keeps its id (and assignments); data and key become the booked version's. */
  replace(
    postingId: number,
    batchId: number,
    entry: ParsedEntry,
    key: string,
  ): { before: PostingSnapshot | undefined; after: PostingSnapshot | undefined } {
    const before = this.selectStmt.get(postingId);
    this.updateStmt.run(batchId, ...entryValues(entry), key, postingId);
    return { before, after: this.selectStmt.get(postingId) };
  }

  audit(
    now: string,
    actor: string,
    postingId: number,
    action: string,
    before: unknown,
    after: unknown,
    details: Record<string, unknown> | string,
  ): void {
    const detailsJson = typeof details === 'string' ? details : JSON.stringify(details);
    this.auditStmt.run(
      now,
      actor,
      String(postingId),
      action,
      before === undefined ? null : JSON.stringify(before),
      after === undefined ? null : JSON.stringify(after),
      detailsJson,
    );
  }
}
