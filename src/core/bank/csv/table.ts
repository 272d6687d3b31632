/**
 * Helpers of the CSV parser that look at the whole table: which statement (account) a row belongs to, the PayPal
 * account's own e-mail address, and the decimal separator a file really uses.
 */
import type { StatementAccount } from '../types.ts';
import { looksLikeIban } from '../mt940/ids.ts';
import type { Resolved } from './columns.ts';
import { bankCodeAccountInPreamble, ibanInPreamble, type Layout } from './layout.ts';
import type { CsvProfile } from './profile.ts';
import { cell } from './rows.ts';

export type Row = { cells: string[]; line: number };

/**
 * The decimal separator an export really uses, for layouts whose number format follows the user's language
 * (Stripe writes "60.00" or "60,00"): amounts end in a separator and one or two digits, a thousands group has
 * three. Undefined when the amounts do not tell (no such cell, or both spellings).
 */
export function decimalSeparatorOf(rows: Row[], cols: Resolved): ',' | '.' | undefined {
  let comma = 0;
  let point = 0;
  const columns = [cols.amount, cols.fee, cols.debit, cols.credit].filter((c) => c !== undefined);
  for (const r of rows) {
    for (const c of columns) {
      const v = cell(r.cells, c);
      if (/,\d{1,2}-?$/.test(v)) comma++;
      else if (/\.\d{1,2}-?$/.test(v)) point++;
    }
  }
  if (comma > 0 && point === 0) return ',';
  if (point > 0 && comma === 0) return '.';
  return undefined;
}

/** Statements of the file: one per account value (account column), else one for the whole file. */
export class AccountIndex {
  private readonly byKey = new Map<string, number>();
  private readonly accounts: StatementAccount[] = [];
  private readonly fallback: StatementAccount;
  /** True when the PayPal account could not be identified by its e-mail address. */
  guessed = false;

  constructor(
    private readonly profile: CsvProfile,
    layout: Layout,
    rows: Row[],
    private readonly cols: Resolved,
  ) {
    const fallback: StatementAccount = {};
    const iban = ibanInPreamble(layout.preamble);
    if (iban) fallback.iban = iban;
    else {
      const numbered = bankCodeAccountInPreamble(layout.preamble);
      if (numbered) fallback.otherId = numbered;
    }
    // PayPal: the own address is on every row (sender of payments out, recipient of payments in). The newer
    // compact export has no recipient column; then the account is the installation's one PayPal account.
    if (profile.accountFromEmails) {
      const email = ownEmail(rows, cols);
      fallback.otherId = email ? `paypal:${email}` : 'paypal';
      this.guessed = !email;
    }
    if (profile.accountId && !fallback.iban && !fallback.otherId) fallback.otherId = profile.accountId;
    if (profile.accountName) fallback.name = profile.accountName;
    this.fallback = fallback;
  }

  indexFor(cells: readonly string[]): number {
    const key =
      this.cols.account === undefined ? '' : cell(cells, this.cols.account).replace(/\s/g, '').toUpperCase();
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.accounts.length;
      this.byKey.set(key, index);
      const account: StatementAccount =
        key === '' ? { ...this.fallback } : looksLikeIban(key) ? { iban: key } : { otherId: key };
      if (this.profile.accountName && !account.name) account.name = this.profile.accountName;
      this.accounts.push(account);
    }
    return index;
  }

  statements(): [number, StatementAccount][] {
    if (this.accounts.length === 0) this.indexFor([]);
    return this.accounts.map((a, i) => [i, a]);
  }
}

/** The PayPal account's own address: the one that appears (as sender or recipient) on the most rows. */
function ownEmail(rows: Row[], cols: Resolved): string | undefined {
  if (cols.emailFrom === undefined || cols.emailTo === undefined) return undefined;
  const counts = new Map<string, number>();
  for (const r of rows) {
    for (const i of [cols.emailFrom, cols.emailTo]) {
      const e = cell(r.cells, i).toLowerCase();
      if (e.includes('@')) counts.set(e, (counts.get(e) ?? 0) + 1);
    }
  }
  let best: [string, number] | undefined;
  for (const [e, n] of counts) if (!best || n > best[1]) best = [e, n];
  return best?.[0];
}
