/** Handlers of the shops area of the API (see src/shared/api/shops.ts). */
import type { shopsApi } from '#shared/api/shops.ts';
import type { Core } from '../index.ts';
import type { AreaHandlers } from './area.ts';

export function createShopsHandlers(core: Core): AreaHandlers<typeof shopsApi> {
  const { shops } = core;
  return {
    'shops.list': () => shops.list(),
    'shops.add': (input) => shops.add(input),
    'shops.test': ({ shop }) => shops.test(shop),
    'shops.update': ({ shop, ...change }) => shops.update(shop, change),
    'shops.remove': ({ shop }) => {
      const { openOrders, cancelledTransfers } = shops.remove(shop);
      return { removed: true as const, openOrders, cancelledTransfers };
    },
    'shops.mapping.get': ({ shop }) => shops.getMapping(shop),
    'shops.mapping.set': ({ shop, mapping }) => shops.setMapping(shop, mapping),
    'shops.schedule.set': ({ shop, schedule }) => shops.setSchedule(shop, schedule),
    'orders.list': ({ status, shop, limit, offset }) =>
      shops.listOrders({
        status,
        shopId: shop !== undefined ? shops.get(shop).id : undefined,
        limit,
        offset,
      }),
    'sync.run': ({ shop, full }) => shops.sync.runAll({ kind: full ? 'full' : 'new', shop }),
    'sync.runs': ({ shop, limit }) => shops.sync.runs({ shop, limit }),
  };
}
