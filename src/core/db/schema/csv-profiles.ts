import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, instant } from './common.ts';

/**
 * User-defined CSV mapping profiles (issue 3): a merchant defines once per account how a bank's CSV export
 * reads (columns, delimiter, decimal comma, date format, encoding, header and footer lines). The definition is
 * JSON validated by `CsvProfileDefinition` in src/core/bank/csv/profile.ts; built-in profiles are not stored.
 */
export const csvProfiles = sqliteTable(
  'csv_profiles',
  {
    id: id(),
    name: text('name').notNull(),
    definition: text('definition').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('csv_profiles_name_uq').on(t.name)],
);
