/** Imports the own realistic fixtures (test/fixtures/bank/realistic) through the real import service. */
import { join } from 'node:path';
import type { Core } from '#core/index.ts';
import type { ImportOptions } from '#core/bank/import-service.ts';
import { OWN_BANK_FIXTURES } from './bank-fixtures.ts';

export const REALISTIC = join(OWN_BANK_FIXTURES, 'realistic');

export async function importRealistic(core: Core, name: string, options: ImportOptions = {}) {
  const [r] = await core.bank.importFiles([join(REALISTIC, name)], options);
  if (!r?.ok) throw new Error(`import of ${name} failed: ${JSON.stringify(r)}`);
  return r;
}

/** All postings in insertion order, without the columns a test never asserts. */
export function storedPostings(core: Core) {
  return core.bank
    .listPostings({ limit: 1000 })
    .items.sort((a, b) => a.id - b.id)
    .map(({ id: _id, accountId: _a, status: _s, assignedMinor: _m, importBatchId: _b, ...rest }) => rest);
}
