import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bool, id, instant, json } from './common.ts';

import { SHOP_SYSTEMS } from '#shared/domain.ts';
export { SHOP_SYSTEMS };
export type { ShopSystem } from '#shared/domain.ts';

/**
 * A connected shop (or marketplace / invoicing tool). Credentials never live here: `secretName` names the
 * entry in the SecretStore. `settings` holds the payment-method and status mappings.
 */
export const shops = sqliteTable(
  'shops',
  {
    id: id(),
    name: text('name').notNull(),
    system: text('system', { enum: SHOP_SYSTEMS }).notNull(),
    url: text('url'),
    filePath: text('file_path'),
    secretName: text('secret_name'),
    settings: json<Record<string, unknown>>('settings').notNull().default({}),
    /** When the shop was first connected: orders created before are "not managed" (issue 4 §4). */
    connectedAt: instant('connected_at').notNull(),
    enabled: bool('enabled').notNull().default(true),
    createdAt: instant('created_at').notNull(),
    removedAt: instant('removed_at'),
  },
  (t) => [uniqueIndex('shops_name_uq').on(t.name)],
);

/** Progress of each sync kind per shop, so a sync resumes where it stopped. */
export const shopSyncState = sqliteTable(
  'shop_sync_state',
  {
    shopId: integer('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['new', 'poll', 'full'] }).notNull(),
    highWaterMark: text('high_water_mark'),
    cursor: text('cursor'),
    lastRunAt: instant('last_run_at'),
    lastSuccessAt: instant('last_success_at'),
  },
  (t) => [
    uniqueIndex('shop_sync_state_uq').on(t.shopId, t.kind),
    index('shop_sync_state_shop_idx').on(t.shopId),
  ],
);

export const syncRuns = sqliteTable(
  'sync_runs',
  {
    id: id(),
    shopId: integer('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['new', 'poll', 'full'] }).notNull(),
    state: text('state', { enum: ['running', 'ok', 'failed'] }).notNull(),
    startedAt: instant('started_at').notNull(),
    finishedAt: instant('finished_at'),
    ordersSeen: integer('orders_seen').notNull().default(0),
    ordersNew: integer('orders_new').notNull().default(0),
    ordersChanged: integer('orders_changed').notNull().default(0),
    ordersRemoved: integer('orders_removed').notNull().default(0),
    requests: integer('requests').notNull().default(0),
    error: text('error'),
  },
  (t) => [index('sync_runs_shop_started_idx').on(t.shopId, t.startedAt)],
);
