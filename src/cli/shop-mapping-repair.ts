/**
 * `shop mapping NAME --…` on a shop whose stored settings are damaged (SHOP_SETTINGS_INVALID, whose advice is
 * "Set the mapping again with kassenwart shop mapping"): the mapping is rebuilt from the shop system's default
 * mapping plus every stored field that is still valid, then the requested change is applied on top, all in one
 * transaction (a refused change leaves the damaged row as it was). The repair is audited (`mapping_repaired`).
 */
import { eq } from 'drizzle-orm';
import type { ShopSystem } from '#shared/domain.ts';
import type { Core } from '#core/index.ts';
import { writeAudit } from '#core/audit.ts';
import { shops } from '#core/db/schema/index.ts';
import type { ShopMapping } from '#core/shops/connector.ts';
import { connectorFactory } from '#core/shops/registry.ts';
import { ScheduleSchema, ShopMappingSchema } from '#core/sync/shop-settings.ts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The default mapping of the shop's system with every stored field that is still valid on its own. */
export function salvageMapping(system: ShopSystem, stored: unknown): ShopMapping {
  let mapping: ShopMapping = connectorFactory(system).defaultMapping();
  if (!isRecord(stored)) return mapping;
  for (const [key, value] of Object.entries(stored)) {
    const trial = ShopMappingSchema.safeParse({ ...mapping, [key]: value });
    if (trial.success) mapping = trial.data;
  }
  return mapping;
}

/**
 * Repairs the damaged settings of shop `ref` and applies `change(repairedMapping)` with the shop service's own
 * validation. Returns the saved mapping.
 */
export function repairMappingAndSet(
  core: Core,
  ref: string,
  change: (current: ShopMapping) => Partial<ShopMapping>,
): ShopMapping {
  const db = core.deps.db;
  return db.transaction(() => {
    const row = core.shops.get(ref);
    const settings = isRecord(row.settings) ? row.settings : {};
    const mapping = salvageMapping(row.system, settings['mapping']);
    const schedule = ScheduleSchema.safeParse(settings['schedule'] ?? {});
    const repaired = {
      ...settings,
      mapping,
      schedule: schedule.success ? schedule.data : ScheduleSchema.parse({}),
    };
    db.update(shops).set({ settings: repaired }).where(eq(shops.id, row.id)).run();
    writeAudit(db, core.deps.clock, {
      actor: 'cli',
      entityType: 'shop',
      entityId: row.id,
      action: 'mapping_repaired',
      before: row.settings,
      after: repaired,
    });
    return core.shops.setMapping(row.id, change(mapping));
  });
}
