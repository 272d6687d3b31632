import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, instant, json } from './common.ts';

/**
 * Append-only audit log (design §3.8). A migration adds triggers that reject UPDATE and DELETE, so not even
 * a bug in our code can rewrite history.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    at: instant('at').notNull(),
    actor: text('actor').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: json<unknown>('before'),
    after: json<unknown>('after'),
    details: json<Record<string, unknown>>('details'),
  },
  // No index on `at`: the log is append-only, so id order is time order and time ranges are id ranges.
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId)],
);
