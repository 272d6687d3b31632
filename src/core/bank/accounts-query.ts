/**
 * The known bank accounts for `kassenwart accounts`: how each is identified (the IBAN, or the id an `--account`
 * takes for an account without one), what the statements said about it, and how much has been imported into it.
 * The JSON shape is a public interface (camelCase, stable).
 */
import { asc, count, max } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { bankAccounts, bankStatements, postings } from '../db/schema/index.ts';
import { postingDate } from './postings-query.ts';

export type AccountView = {
  id: number;
  /** The IBAN, or null for an account known by another id only. */
  iban: string | null;
  /** The bank's other id (MT940 "BLZ/Kontonummer", a CSV export's account number, `paypal:<e-mail>`, `stripe`). */
  otherId: string | null;
  bic: string | null;
  /** The account's name as a statement gave it (CAMT Acct/Nm), and the holder (CAMT Acct/Ownr/Nm). */
  name: string | null;
  holder: string | null;
  currency: string;
  /** The CSV profile stored with the account (used for its CSV exports without --csv-profile). */
  csvProfile: string | null;
  postings: number;
  /** The newest booking date (value date for pending postings) among its postings, `YYYY-MM-DD`. */
  lastBookingDate: string | null;
  /** The end date of its newest statement, where the statement gives one (CAMT FrToDt, MT940 closing balance). */
  lastStatementDate: string | null;
  /** When a statement of this account was last imported (UTC ISO instant). */
  lastImportedAt: string | null;
  createdAt: string;
};

export function listAccounts(db: Db): AccountView[] {
  const counts = db
    .select({
      accountId: postings.bankAccountId,
      n: count(),
      lastBookingDate: max(postingDate),
    })
    .from(postings)
    .groupBy(postings.bankAccountId)
    .all();
  const statements = db
    .select({
      accountId: bankStatements.bankAccountId,
      lastStatementDate: max(bankStatements.toDate),
      lastImportedAt: max(bankStatements.createdAt),
    })
    .from(bankStatements)
    .groupBy(bankStatements.bankAccountId)
    .all();
  const byAccount = new Map(counts.map((c) => [c.accountId, c]));
  const statementsOf = new Map(statements.map((s) => [s.accountId, s]));
  return db
    .select()
    .from(bankAccounts)
    .orderBy(asc(bankAccounts.id))
    .all()
    .map((a) => {
      const c = byAccount.get(a.id);
      const s = statementsOf.get(a.id);
      return {
        id: a.id,
        iban: a.iban,
        otherId: a.otherId,
        bic: a.bic,
        name: a.name,
        holder: a.holder,
        currency: a.currency,
        csvProfile: a.csvProfile,
        postings: c?.n ?? 0,
        lastBookingDate: c?.lastBookingDate ?? null,
        lastStatementDate: s?.lastStatementDate ?? null,
        lastImportedAt: s?.lastImportedAt ?? null,
        createdAt: a.createdAt,
      };
    });
}
