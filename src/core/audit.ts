/**
 * Audit entries for every state change of an order, posting, assignment or transfer (design §3.8).
 * Call inside the same (synchronous) transaction as the change it records.
 */
import type { Clock } from './deps.ts';
import type { Db } from './db/open.ts';
import { auditLog } from './db/schema/index.ts';

export type AuditEntry = {
  actor: string;
  entityType:
    | 'order'
    | 'posting'
    | 'assignment'
    | 'transfer'
    | 'shop'
    | 'bank_account'
    | 'import'
    | 'settings'
    | 'message';
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
};

export function writeAudit(db: Pick<Db, 'insert'>, clock: Clock, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      at: clock.now().toISOString(),
      actor: entry.actor,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      action: entry.action,
      before: entry.before ?? null,
      after: entry.after ?? null,
      details: entry.details ?? null,
    })
    .run();
}
