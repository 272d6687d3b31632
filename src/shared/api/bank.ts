/** API methods of the bank area (postings, statement import, watch folder); merged into the one table in ../api.ts. */
import { z } from 'zod';
import { POSTING_MATCH_STATES } from '../domain.ts';
import type { ApiTable } from './types.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Nullable = z.string().nullable();
const Count = z.number().int().nonnegative();

export const PostingStatusFilter = z.enum([...POSTING_MATCH_STATES, 'pending', 'booked']);

/**
 * A bank account as the CLI's `--account` names it (README "Bank import"): an IBAN in any spacing and case, `id:N`
 * (the id `kassenwart accounts` prints, `accountId` of a posting), `BLZ/Kontonummer`, `paypal:<e-mail>`, `stripe` or
 * another bank's id. Which account that is, the core decides (bank/account-option.ts); here only the shape: one line
 * of up to 270 characters (an e-mail address is up to 254), blanks around it ignored.
 */
export const AccountSelector = z
  .string()
  .trim()
  .min(1, { error: 'give the account: its IBAN, id:N or the id "kassenwart accounts" shows' })
  .max(270)
  .regex(/^[^\r\n\t]*$/, { error: 'an account is named on one line' });

const notBothAccounts = {
  error: 'give the account either as account or as accountIban, not both',
  path: ['account'],
};

export const PostingsQuery = z
  .object({
    status: PostingStatusFilter.optional(),
    /** Only this exact IBAN (an IBAN no account has lists nothing). `account` takes every form `--account` takes. */
    accountIban: z.string().min(5).max(34).optional(),
    /** Only this account, as `postings --account` takes it; one that is not known fails with ACCOUNT_NOT_FOUND. */
    account: AccountSelector.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    limit: z.number().int().min(1).max(1000).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict()
  .refine((q) => q.account === undefined || q.accountIban === undefined, notBothAccounts);

export const PostingDto = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  accountIban: Nullable,
  accountOtherId: Nullable,
  bookingDate: Nullable,
  valueDate: Nullable,
  amountMinor: z.number().int(),
  currency: z.string(),
  counterpartyName: Nullable,
  counterpartyIban: Nullable,
  counterpartyBic: Nullable,
  ultimateDebtor: Nullable,
  ultimateCreditor: Nullable,
  remittance: Nullable,
  endToEndId: Nullable,
  mandateId: Nullable,
  creditorReference: Nullable,
  bankReference: Nullable,
  bankTxCode: Nullable,
  status: z.enum(POSTING_MATCH_STATES),
  bookingStatus: z.enum(['booked', 'pending']),
  reversal: z.boolean(),
  assignedMinor: z.number().int(),
  importBatchId: z.number().int().nullable(),
});
export type PostingDto = z.infer<typeof PostingDto>;

export const PostingsPage = z.object({ total: z.number().int().nonnegative(), items: z.array(PostingDto) });

const Warning = z.object({ code: z.string(), message: z.string() });

export const FileImportResultDto = z.union([
  z.object({
    ok: z.literal(true),
    file: z.string(),
    format: z.string(),
    version: Nullable,
    encoding: z.string(),
    importBatchId: z.number().int(),
    accounts: z.array(
      z.object({ id: z.number().int(), iban: Nullable, otherId: Nullable, created: z.boolean() }),
    ),
    statements: z.number().int(),
    entries: z.number().int(),
    new: z.number().int(),
    duplicate: z.number().int(),
    replaced: z.number().int(),
    balanceCheck: z.enum(['ok', 'mismatch', 'not_available']),
    warnings: z.array(Warning),
  }),
  z.object({
    ok: z.literal(false),
    file: z.string(),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);

export const ImportFilesInput = z
  .object({
    paths: z.array(z.string().min(1)).min(1).max(500),
    // The account the files belong to, as `import --account` takes it: an IBAN, or an id the import gives accounts
    // without one (`BLZ/Kontonummer`, `paypal:<e-mail>`, `stripe`; bank/account-option.ts checks it), so longer
    // than an IBAN can be (an e-mail address is up to 254 characters).
    accountIban: z.string().min(5).max(270).optional(),
    /** The same as `accountIban`, in every form `import --account` takes, `id:N` included (the newer name). */
    account: AccountSelector.optional(),
    csvProfile: z.string().min(1).optional(),
  })
  .strict()
  .refine((q) => q.account === undefined || q.accountIban === undefined, notBothAccounts);

/**
 * What the matcher did after the import (as `kassenwart import --json` reports it in `matching`): postings assigned
 * automatically, returns processed, debits set aside, assignments made and undone, summed over the runs after the
 * files; `suggested` / `none` the manual queue after the last run. Null when it did not run (no file added postings)
 * or failed (logged; `matching.run` runs it again).
 */
export const MatchingAfterImportDto = z.object({
  auto: Count,
  suggested: Count,
  none: Count,
  returns: Count,
  debits: Count,
  assignmentsCreated: Count,
  assignmentsUndone: Count,
});

export const bankApi = {
  'postings.list': { input: PostingsQuery, output: PostingsPage },
  'import.files': {
    input: ImportFilesInput,
    output: z.object({
      results: z.array(FileImportResultDto),
      matching: MatchingAfterImportDto.nullable(),
    }),
  },
  'bank.watchFolder.get': {
    input: z.object({}).strict(),
    output: z.object({ folder: z.string().nullable() }),
  },
  'bank.watchFolder.set': {
    input: z.object({ folder: z.string().min(1).nullable() }).strict(),
    output: z.object({ folder: z.string().nullable() }),
  },
} as const satisfies ApiTable;
