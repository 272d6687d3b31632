/**
 * Which bank account a statement belongs to: found by IBAN, by the bank's other id (MT940 "BLZ/Kontonummer", a
 * plain account number of a CSV export) or by --account; unknown accounts are created and reported. Runs inside
 * the import's transaction.
 */
import { eq, inArray, like } from 'drizzle-orm';
import { composeIBAN } from 'ibantools';
import { bankAccounts } from '../db/schema/index.ts';
import { writeAudit } from '../audit.ts';
import { importError } from './import-error.ts';
import type { FileContext, ImportedAccount, ImportWarning } from './statement-checks.ts';
import type { StatementAccount, StatementInfo } from './types.ts';

/**
 * German accounts appear as IBAN in CAMT and CSV but often as "BLZ/Kontonummer" in MT940 :25:. The German IBAN
 * is DE + check digits + BLZ (8) + account number (10, zero-padded) (DK IBAN rules), so both spellings can be
 * recognised as one account. Only used to FIND an account, never stored as if the bank had said it.
 */
export function germanIbanFor(otherId: string): string | undefined {
  const m = /^(\d{8})\/(\d{1,10})$/.exec(otherId.trim());
  if (!m?.[1] || !m[2]) return undefined;
  return composeIBAN({ countryCode: 'DE', bban: `${m[1]}${m[2].padStart(10, '0')}` }) ?? undefined;
}

/** A German IBAN's bank code (BLZ, 8 digits) and account number (10 digits, zero-padded); undefined for others. */
function germanIbanParts(iban: string): { bankCode: string; accountNumber: string } | undefined {
  const m = /^DE\d{2}(\d{8})(\d{10})$/.exec(iban);
  return m?.[1] && m[2] ? { bankCode: m[1], accountNumber: m[2] } : undefined;
}

/** The BLZ/Kontonummer spellings MT940 files use for a German IBAN: account number with or without leading zeros. */
export function legacyIdsFor(iban: string): string[] {
  const parts = germanIbanParts(iban);
  if (!parts) return [];
  const { bankCode, accountNumber } = parts;
  return [...new Set([`${bankCode}/${accountNumber.replace(/^0+/, '')}`, `${bankCode}/${accountNumber}`])];
}

function lookupIban(ctx: FileContext, iban: string | undefined) {
  return iban ? ctx.db.select().from(bankAccounts).where(eq(bankAccounts.iban, iban)).get() : undefined;
}

/** The plain account numbers (no bank code) a German IBAN carries: with and without leading zeros. */
function plainNumbersFor(iban: string): string[] {
  const accountNumber = germanIbanParts(iban)?.accountNumber;
  return accountNumber ? [...new Set([accountNumber.replace(/^0+/, ''), accountNumber])] : [];
}

/**
 * The existing accounts whose German IBAN carries the plain account number `plain` (a CSV "Auftragskonto" or
 * "Kontonummer", an MT940 ":25:" without bank code) as its account number part.
 */
function accountsWithNumber(ctx: FileContext, plain: string) {
  const accountNumber = plain.padStart(10, '0');
  return ctx.db
    .select()
    .from(bankAccounts)
    .where(like(bankAccounts.iban, `DE%${accountNumber}`))
    .all()
    .filter((row) => row.iban && germanIbanParts(row.iban)?.accountNumber === accountNumber);
}

/**
 * A file that names only a plain account number, without --account: the one existing account whose German IBAN
 * carries that number is the file's account (otherwise the same postings would be stored again under a second
 * account). Several such accounts (same number at different banks): the file does not say which, so it is refused.
 */
function accountByNumber(ctx: FileContext, plain: string | undefined) {
  if (!plain) return undefined;
  const rows = accountsWithNumber(ctx, plain);
  if (rows.length > 1) {
    throw importError(
      'IMPORT_ACCOUNT_AMBIGUOUS',
      `The statement names only the account number ${plain}, without a bank code, and ${rows.length} accounts have that number: ${rows.map((r) => r.iban ?? '').join(', ')}. Import it again with --account IBAN of the account it belongs to.`,
      {},
    );
  }
  return rows[0];
}

/** The one account known only by a plain account number that `iban` carries (see adoptLegacyAccount). */
function numberOnlyAccount(ctx: FileContext, iban: string, warn: (w: ImportWarning) => void) {
  const plain = plainNumbersFor(iban);
  if (plain.length === 0) return undefined;
  const rows = ctx.db
    .select()
    .from(bankAccounts)
    .where(inArray(bankAccounts.otherId, plain))
    .all()
    .filter((r) => !r.iban);
  if (rows.length > 1) {
    warn({
      code: 'ACCOUNT_NUMBER_AMBIGUOUS',
      message: `Accounts ${rows.map((r) => r.otherId ?? '').join(', ')} (known only by account number) may be ${iban}; none was chosen, so ${iban} is kept apart. If one of them is this account, its postings may now appear twice: check them.`,
    });
    return undefined;
  }
  return rows[0];
}

/**
 * An account known only by another id learns its IBAN from a statement that names it: BLZ/Kontonummer (from
 * MT940), the MT940 `:25:` forms "BIC/IBAN" and "/IBAN" that earlier versions stored as they were written, or a
 * plain account number (CSV export imported first without --account) that the German IBAN carries — the latter
 * only where exactly one account without IBAN has that number; with several, a new account is created (their
 * postings are never merged) and a warning says so.
 */
function adoptLegacyAccount(ctx: FileContext, iban: string, warn: (w: ImportWarning) => void) {
  const legacy = [...legacyIdsFor(iban), iban, `/${iban}`];
  const row =
    ctx.db.select().from(bankAccounts).where(inArray(bankAccounts.otherId, legacy)).get() ??
    ctx.db
      .select()
      .from(bankAccounts)
      .where(like(bankAccounts.otherId, `%/${iban}`))
      .get() ??
    numberOnlyAccount(ctx, iban, warn);
  if (!row || row.iban) return undefined;
  const updated = ctx.db
    .update(bankAccounts)
    .set({ iban })
    .where(eq(bankAccounts.id, row.id))
    .returning()
    .get();
  writeAudit(
    ctx.db,
    { now: () => new Date(ctx.now) },
    {
      actor: ctx.actor,
      entityType: 'bank_account',
      entityId: row.id,
      action: 'iban_learned_from_statement',
      before: row,
      after: updated,
    },
  );
  return updated;
}

/** The file's account after the id given with --account is applied (see withGivenId). */
type GivenIdApplied = {
  acct: StatementAccount;
  /** The file names no account: the id given is the only word for it (it cannot be checked against the file). */
  givenOnly: boolean;
  /** The file names only the account number of the BLZ/Kontonummer given (no bank code in the file). */
  numberOnly: boolean;
};

/**
 * An account given by its id rather than an IBAN (--account 45050050/76198810, paypal:…; checked by
 * account-option.ts) is the account of a file that names none. A file that names its account must name that one:
 * the same id, the IBAN a German bank code and account number make, or — a file that names no bank code (CSV
 * "Kontonummer", MT940 ":25:" without BLZ) — the same account number, leading zeros aside.
 */
function withGivenId(acct: StatementAccount, ctx: FileContext): GivenIdApplied {
  const given = ctx.accountOtherId;
  if (!given) return { acct, givenOnly: false, numberOnly: false };
  if (!acct.iban && !acct.otherId)
    return { acct: { ...acct, otherId: given }, givenOnly: true, numberOnly: false };
  const fileIban =
    acct.iban?.replace(/\s+/g, '').toUpperCase() ?? (acct.otherId ? germanIbanFor(acct.otherId) : undefined);
  const givenIban = germanIbanFor(given);
  if (acct.otherId?.trim().toLowerCase() === given.toLowerCase() || (givenIban && givenIban === fileIban))
    return { acct, givenOnly: false, numberOnly: false };
  const plain = !acct.iban ? /^\d{1,10}$/.exec(acct.otherId?.trim() ?? '')?.[0] : undefined;
  const givenNumber = /^\d{8}\/(\d{1,10})$/.exec(given)?.[1];
  if (plain && givenNumber && plain.replace(/^0+/, '') === givenNumber.replace(/^0+/, ''))
    return { acct: { ...acct, otherId: given }, givenOnly: false, numberOnly: true };
  throw importError(
    'IMPORT_ACCOUNT_MISMATCH',
    `The statement is for account ${acct.iban ?? acct.otherId ?? ''}, not ${given} given with --account. Check which file you picked, or leave --account out.`,
    {},
  );
}

/**
 * An id given with --account (not an IBAN, so without check digits) that no known account has, for a file that
 * names no account: a typing error would otherwise create an account and file the postings there, and no command
 * removes either. The account is created when a statement names it, or when it is given by IBAN.
 */
function unknownGivenId(given: string) {
  const iban = germanIbanFor(given);
  const ibanHint = iban
    ? ` (for ${given} that is probably ${iban.replace(/(.{4})(?=.)/g, '$1 ')}; copy it from the statement to be sure)`
    : '';
  return importError(
    'IMPORT_ACCOUNT_NOT_FOUND',
    `No known account has the id ${given} given with --account, and the file does not name its account, so the id cannot be checked; nothing was imported and no account was created. Check the id against the list of "kassenwart accounts". If the account is new here, give its IBAN with --account instead${ibanHint}, or first import a statement that names the account (its CAMT or MT940 statement, or the PayPal or Stripe CSV export).`,
    {},
  );
}

export function resolveAccount(
  fileAccount: StatementAccount,
  ctx: FileContext,
  info: StatementInfo,
  warn: (w: ImportWarning) => void,
): ImportedAccount {
  const { db } = ctx;
  const { acct, givenOnly, numberOnly } = withGivenId(fileAccount, ctx);
  const iban = acct.iban?.replace(/\s+/g, '').toUpperCase();
  const forced = ctx.accountIban?.replace(/\s+/g, '').toUpperCase();
  if (iban && forced && iban !== forced) {
    throw importError(
      'IMPORT_ACCOUNT_MISMATCH',
      `The statement is for account ${iban}, not ${forced} given with --account. Check which file you picked, or leave --account out.`,
      {},
    );
  }
  // A file that names its account only by bank code and account number (MT940 ":25:37040044/532013000"): --account
  // says which account that is. It must be the same account where the German IBAN can be derived from it.
  const derived = !iban && acct.otherId ? germanIbanFor(acct.otherId) : undefined;
  if (derived && forced && derived !== forced) {
    throw importError(
      'IMPORT_ACCOUNT_MISMATCH',
      `The statement is for account ${acct.otherId ?? ''} (IBAN ${derived}), not ${forced} given with --account. Check which file you picked, or leave --account out.`,
      {},
    );
  }
  // A file that names only a plain account number (CSV "Kontonummer" of HypoVereinsbank, "Auftragskonto" of the
  // Sparkasse CSV-MT940 export, MT940 ":25:" without bank code): a German IBAN carries it as its last 10 digits.
  // (Such an id has no slash, so it is never one `derived` was read from.)
  const plain = !iban && acct.otherId ? /^\d{1,10}$/.exec(acct.otherId.trim())?.[0] : undefined;
  const forcedNumber = forced ? germanIbanParts(forced)?.accountNumber : undefined;
  if (plain && forcedNumber && plain.replace(/^0+/, '') !== forcedNumber.replace(/^0+/, '')) {
    throw importError(
      'IMPORT_ACCOUNT_MISMATCH',
      `The statement is for account number ${plain}, but ${forced} given with --account is account number ${forcedNumber}. Check which file you picked, or give the IBAN of account ${plain} with --account.`,
      {},
    );
  }
  const useIban = iban ?? forced;
  const byOtherId = acct.otherId
    ? db.select().from(bankAccounts).where(eq(bankAccounts.otherId, acct.otherId)).get()
    : undefined;
  if (!iban && forced && byOtherId?.iban && byOtherId.iban !== forced) {
    throw importError(
      'IMPORT_ACCOUNT_MISMATCH',
      `The statement is for account ${acct.otherId ?? ''}, which is ${byOtherId.iban}, not ${forced} given with --account. Check which file you picked, or leave --account out.`,
      {},
    );
  }
  const byNumber = useIban || byOtherId || !plain ? undefined : accountByNumber(ctx, plain);
  const row = useIban
    ? (lookupIban(ctx, useIban) ?? adoptLegacyAccount(ctx, useIban, warn) ?? (iban ? undefined : byOtherId))
    : (byOtherId ??
      lookupIban(ctx, derived) ??
      byNumber ??
      // --account BLZ/Kontonummer for a file that names only the number: the account known so far by that number.
      (numberOnly && derived ? numberOnlyAccount(ctx, derived, warn) : undefined));
  // Tied by the account number alone (the file names no bank code): say which account was assumed, so a file of
  // another bank's account with the same number is noticed (give --account to choose).
  if (row && row === byNumber)
    warn({
      code: 'ACCOUNT_ASSUMED_BY_NUMBER',
      message: `The file names only the account number ${plain ?? ''}; it was imported into ${row.iban ?? row.otherId ?? ''}, the one known account with that number. Check that it is; a file of another bank's account with the same number must be imported with --account IBAN.`,
    });
  if (row) return { id: row.id, iban: row.iban, otherId: row.otherId, created: false };
  if (!useIban && !acct.otherId) {
    throw importError(
      'IMPORT_NO_ACCOUNT',
      'The file does not name the account it belongs to (no IBAN, or one whose check digits are wrong). Import it again with --account IBAN (or pick the account in the app).',
      {},
    );
  }
  if (givenOnly && ctx.accountOtherId) throw unknownGivenId(ctx.accountOtherId);
  const created = db
    .insert(bankAccounts)
    .values({
      iban: useIban ?? null,
      // Kept next to the IBAN given with --account, so the same file is recognised without it.
      otherId: iban ? null : (acct.otherId ?? null),
      bic: acct.bic ?? null,
      name: acct.name ?? null,
      holder: acct.holder ?? null,
      currency: acct.currency ?? info.balanceCurrency ?? 'EUR',
      createdAt: ctx.now,
    })
    .returning()
    .get();
  writeAudit(
    db,
    { now: () => new Date(ctx.now) },
    {
      actor: ctx.actor,
      entityType: 'bank_account',
      entityId: created.id,
      action: 'created_by_import',
      after: created,
    },
  );
  warn({
    code: 'ACCOUNT_CREATED',
    message: `New bank account ${useIban ?? acct.otherId ?? ''} created from the statement.`,
  });
  return { id: created.id, iban: created.iban, otherId: created.otherId, created: true };
}
