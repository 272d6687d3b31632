import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, instant, json } from './common.ts';

/**
 * A bank account postings are imported into. Identified by IBAN, or by the bank's other account id where a
 * statement has no IBAN. `countries` and `shopIds` say which customers' payments it receives (for payment
 * information and matching); empty means all.
 */
export const bankAccounts = sqliteTable(
  'bank_accounts',
  {
    id: id(),
    iban: text('iban'),
    otherId: text('other_id'),
    bic: text('bic'),
    name: text('name'),
    holder: text('holder'),
    currency: text('currency').notNull().default('EUR'),
    countries: json<string[]>('countries').notNull().default([]),
    shopIds: json<number[]>('shop_ids').notNull().default([]),
    /** CSV mapping profile used for this account's CSV exports, by name (issue 3). */
    csvProfile: text('csv_profile'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('bank_accounts_iban_uq').on(t.iban),
    uniqueIndex('bank_accounts_other_uq').on(t.otherId),
  ],
);
