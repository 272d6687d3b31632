/** Handlers of the bank area of the API (see src/shared/api/bank.ts). */
import type { bankApi } from '#shared/api/bank.ts';
import type { Core } from '../index.ts';
import type { AreaHandlers } from './area.ts';

export function createBankHandlers(_core: Core): AreaHandlers<typeof bankApi> {
  return {};
}
