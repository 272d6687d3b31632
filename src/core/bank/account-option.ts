/**
 * The account given with the import (`import --account`, the app's account choice), checked before anything is
 * read: there is no command that removes an account or undoes an import, so a typing error must not create an
 * account and file the postings there.
 *
 * - The id of a known account without IBAN (bank_accounts.other_id) names that account.
 * - `id:N` names the account with the database id N, as `kassenwart accounts` prints it (and `accountId` in
 *   `postings --json`): the one form that is the same for every account. An N that no account has is refused at
 *   once (IMPORT_ACCOUNT_NOT_FOUND): it can never create an account.
 * - Otherwise a value shaped like an IBAN (ISO 13616: two letters, two check digits, …) must be a valid IBAN
 *   (ibantools: check digits MOD 97-10, the country's length and BBAN layout); otherwise IMPORT_ACCOUNT_INVALID.
 * - Any other value names an account that is not identified by an IBAN. It is taken when it is one of the ids the
 *   importer itself gives accounts: "BLZ/Kontonummer" (MT940 :25:; also finds the account of the IBAN it makes),
 *   `paypal:<e-mail>` / `paypal` and `stripe` (CSV exports). Anything else (a free word, a plain account number
 *   that names no bank) cannot be checked and is refused with IMPORT_ACCOUNT_UNKNOWN, listing the known ids.
 *   Such an id cannot be checked either (no check digits): when no known account has it, the file must name that
 *   account itself for it to be created (statement-account.ts, IMPORT_ACCOUNT_NOT_FOUND otherwise).
 *
 * `postings --account` takes the same values (findAccount), but only for accounts that exist.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { electronicFormatIBAN, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import type { Db } from '../db/open.ts';
import { bankAccounts } from '../db/schema/index.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { germanIbanFor, legacyIdsFor } from './statement-account.ts';

/** The account to import into: by IBAN (the usual case) or by the id of an account without IBAN. */
export type AccountChoice = { iban: string } | { otherId: string };

/** `id:N`: the account's database id, as `kassenwart accounts` prints it. */
const ACCOUNT_ID = /^id:(\d{1,15})$/i;
/** Two letters and two digits at the start: meant as an IBAN (ISO 13616), so it must be one. */
const IBAN_LIKE = /^[A-Z]{2}\d{2}/i;
/** German "BLZ/Kontonummer" as MT940 :25: writes it (8-digit bank code, account number up to 10 digits). */
const BANK_CODE_ACCOUNT = /^(\d{8})\/(\d{1,10})$/;
/** Ids the CSV import gives accounts that have no IBAN (csv/table.ts): PayPal by its e-mail address, Stripe. */
const PROVIDER_ID = /^(?:paypal:[^\s@]+@[^\s@]+\.[^\s@]+|paypal|stripe)$/i;

function ibanProblem(iban: string): string {
  const { errorCodes } = validateIBAN(iban);
  if (errorCodes.includes(ValidationErrorsIBAN.NoIBANCountry))
    return `${iban.slice(0, 2)} is not a country with IBANs`;
  if (
    errorCodes.includes(ValidationErrorsIBAN.WrongBBANLength) ||
    errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat)
  )
    return `it has ${iban.length} characters, and an IBAN of ${iban.slice(0, 2)} has another length or layout (a character missing or too many?)`;
  return 'its check digits do not match the rest (a mistyped or swapped digit?)';
}

function knownIds(db: Db): string {
  const rows = db.select({ iban: bankAccounts.iban, otherId: bankAccounts.otherId }).from(bankAccounts).all();
  const ids = rows.map((r) => r.iban ?? r.otherId).filter((id): id is string => Boolean(id));
  if (ids.length === 0) return 'No account is known yet';
  const shown = ids.slice(0, 10).join(', ');
  return `Known accounts: ${shown}${ids.length > 10 ? ` and ${ids.length - 10} more` : ''}`;
}

/** What a value of --account names, before it is looked up or an account is created (see the module comment). */
type Identified =
  AccountChoice | { invalidIban: string; problem: string } | { unrecognised: true } | { noAccountId: number };

function identify(db: Db, value: string): Identified {
  const compact = value.replace(/\s+/g, '');
  const id = value.trim();
  // A known account's own id comes first: a bank's id may start like an IBAN without being one.
  const row = db.select().from(bankAccounts).where(eq(bankAccounts.otherId, id)).get();
  if (row) return row.iban ? { iban: row.iban } : { otherId: id };
  const byId = ACCOUNT_ID.exec(compact);
  if (byId) {
    const accountId = Number(byId[1]);
    const account = db.select().from(bankAccounts).where(eq(bankAccounts.id, accountId)).get();
    if (account?.iban) return { iban: account.iban };
    if (account?.otherId) return { otherId: account.otherId };
    return { noAccountId: accountId };
  }
  if (IBAN_LIKE.test(compact)) {
    const iban = electronicFormatIBAN(compact) ?? compact.toUpperCase();
    return validateIBAN(iban).valid ? { iban } : { invalidIban: iban, problem: ibanProblem(iban) };
  }
  if (BANK_CODE_ACCOUNT.test(compact)) {
    // The IBAN a German bank code and account number make (DK IBAN rules): the account may be known by it, or by
    // the same BLZ/Kontonummer written with(out) the account number's leading zeros (as MT940 files differ).
    const derived = germanIbanFor(compact);
    const byIban = derived
      ? db.select().from(bankAccounts).where(eq(bankAccounts.iban, derived)).get()
      : undefined;
    if (byIban?.iban) return { iban: byIban.iban };
    const spelt = derived
      ? db
          .select()
          .from(bankAccounts)
          .where(inArray(bankAccounts.otherId, legacyIdsFor(derived)))
          .get()
      : undefined;
    if (spelt?.otherId) return spelt.iban ? { iban: spelt.iban } : { otherId: spelt.otherId };
    return { otherId: compact };
  }
  if (PROVIDER_ID.test(id)) return { otherId: id.toLowerCase() };
  return { unrecognised: true };
}

/**
 * Checks the value of --account and says which account it is (see the module comment). Throws ValidationError
 * IMPORT_ACCOUNT_INVALID (an IBAN with a wrong check digit or length), IMPORT_ACCOUNT_UNKNOWN, or
 * IMPORT_ACCOUNT_NOT_FOUND for an `id:N` no account has. An id that is not an IBAN and names no known account is
 * checked against the file itself when it is imported (statement-account.ts: IMPORT_ACCOUNT_NOT_FOUND unless the
 * file names that account).
 */
export function chooseAccount(db: Db, value: string): AccountChoice {
  const found = identify(db, value);
  if ('noAccountId' in found)
    throw new ValidationError(
      'IMPORT_ACCOUNT_NOT_FOUND',
      `--account ${value}: there is no account with the id ${found.noAccountId}, so nothing was imported and no account was created. Run "kassenwart accounts" to list the known accounts with their ids (id:N), or give the account's IBAN. ${knownIds(db)}.`,
    );
  if ('invalidIban' in found)
    throw new ValidationError(
      'IMPORT_ACCOUNT_INVALID',
      `--account ${value} is not a valid IBAN: ${found.problem}. Nothing was imported and no account was created. Copy the IBAN from the bank statement or your online banking and import again.`,
    );
  if ('unrecognised' in found)
    throw new ValidationError(
      'IMPORT_ACCOUNT_UNKNOWN',
      `--account ${value} is neither an IBAN nor the id of a known account, so it cannot be checked; nothing was imported and no account was created. Give the account's IBAN (as on the statement), or the id a known account has ("kassenwart accounts" lists them). ${knownIds(db)}.`,
    );
  return found;
}

export type BankAccountRow = typeof bankAccounts.$inferSelect;

/**
 * The known account an `--account` value names (`postings --account`, the API's `account`): whatever
 * `import --account` takes — an IBAN in any spacing or case, `id:N`, the id of an account without IBAN,
 * BLZ/Kontonummer (also of an account known by its IBAN), paypal:…, stripe. An IBAN also finds the account known so
 * far only by its BLZ/Kontonummer. Throws NotFoundError ACCOUNT_NOT_FOUND, naming `kassenwart accounts`, for
 * anything else (the API's `account` gives the same message as the CLI).
 */
export function findAccount(db: Db, value: string): BankAccountRow {
  const found = identify(db, value);
  const byIban = (iban: string) =>
    db.select().from(bankAccounts).where(eq(bankAccounts.iban, iban)).get() ??
    db
      .select()
      .from(bankAccounts)
      .where(and(isNull(bankAccounts.iban), inArray(bankAccounts.otherId, legacyIdsFor(iban))))
      .get();
  const row =
    'iban' in found
      ? byIban(found.iban)
      : 'otherId' in found
        ? db.select().from(bankAccounts).where(eq(bankAccounts.otherId, found.otherId)).get()
        : undefined;
  if (row) return row;
  const why =
    'invalidIban' in found
      ? `it is not a valid IBAN (${found.problem})`
      : 'noAccountId' in found
        ? `there is no account with the id ${found.noAccountId}`
        : 'no known account has that IBAN or id';
  throw new NotFoundError(
    'ACCOUNT_NOT_FOUND',
    `--account ${value}: ${why}. Run "kassenwart accounts" to list the known accounts and give one of their IBANs or ids. ${knownIds(db)}.`,
  );
}
