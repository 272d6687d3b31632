import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant } from './common.ts';

/** Installation-wide settings, one JSON value per key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: instant('updated_at').notNull(),
});
