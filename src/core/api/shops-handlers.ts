/** Handlers of the shops area of the API (see src/shared/api/shops.ts). */
import type { shopsApi } from '#shared/api/shops.ts';
import type { Core } from '../index.ts';
import type { AreaHandlers } from './area.ts';

export function createShopsHandlers(_core: Core): AreaHandlers<typeof shopsApi> {
  return {};
}
