/** API methods of the bank area (postings, statement import, watch folder); merged into the one table in ../api.ts. */
import { z } from 'zod';
import { POSTING_MATCH_STATES } from '../domain.ts';
import type { ApiTable } from './types.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Nullable = z.string().nullable();

export const PostingStatusFilter = z.enum([...POSTING_MATCH_STATES, 'pending', 'booked']);

export const PostingsQuery = z
  .object({
    status: PostingStatusFilter.optional(),
    accountIban: z.string().min(5).max(34).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    limit: z.number().int().min(1).max(1000).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

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
    csvProfile: z.string().min(1).optional(),
  })
  .strict();

export const bankApi = {
  'postings.list': { input: PostingsQuery, output: PostingsPage },
  'import.files': { input: ImportFilesInput, output: z.object({ results: z.array(FileImportResultDto) }) },
  'bank.watchFolder.get': {
    input: z.object({}).strict(),
    output: z.object({ folder: z.string().nullable() }),
  },
  'bank.watchFolder.set': {
    input: z.object({ folder: z.string().min(1).nullable() }).strict(),
    output: z.object({ folder: z.string().nullable() }),
  },
} as const satisfies ApiTable;
