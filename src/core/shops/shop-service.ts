/**
 * Connected shops: add (test the connection, store credentials in the SecretStore, remember the connection
 * time), list, show, mapping, update (address, file, credentials), remove; and building a shop's connector for the sync. Credentials never touch
 * the database, logs or error messages: shops.secret_name names the SecretStore entry (a JSON object).
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { ShopSystem } from '#shared/domain.ts';
import type { Clock, Logger, SecretStore } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { orders, shops, shopSyncState } from '../db/schema/index.ts';
import { cancelPendingTransfersOfShop } from '../orders/assignment-effects.ts';
import { AWAITING_PAYMENT } from '../orders/state-machine.ts';
import { writeAudit } from '../audit.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { ShopConnector, ShopMapping } from './connector.ts';
import type { ShopCredentials } from './connector-factory.ts';
import { type HttpOptions, redact, ShopError } from './http.ts';
import { connectorFactory } from './registry.ts';
import { checkSameShop } from './same-shop.ts';
import {
  readShopSettings,
  ScheduleSchema,
  ShopMappingSchema,
  ShopSettingsSchema,
  type Schedule,
  type ShopSettings,
} from '../sync/shop-settings.ts';

export type ShopServiceDeps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  secrets: SecretStore;
  http?: HttpOptions;
};

export type ShopRow = typeof shops.$inferSelect;

export type AddShopInput = {
  system: ShopSystem;
  name: string;
  url?: string | undefined;
  filePath?: string | undefined;
  credentials?: ShopCredentials;
};

/** A change of how a shop is reached (`shop update`): only what is given changes. */
export type UpdateShopInput = {
  url?: string | undefined;
  filePath?: string | undefined;
  /** Replaces the stored credentials as a whole (the fields of the shop system's credentialFields). */
  credentials?: ShopCredentials | undefined;
  /**
   * Change it although the shop at the new address or behind the new credentials does not look like this shop
   * (SHOP_IDENTITY_MISMATCH, see same-shop.ts): the dealer says it is.
   */
  force?: boolean | undefined;
};

/** What removing a shop left behind: its orders still awaiting payment (now history) and the write-backs cancelled. */
export type RemoveResult = { name: string; openOrders: number; cancelledTransfers: number };

export type ShopInfo = {
  id: number;
  name: string;
  system: ShopSystem;
  url: string | null;
  filePath: string | null;
  connectedAt: string;
  enabled: boolean;
  mapping: ShopMapping;
  schedule: Schedule;
};

const ACTOR = 'user';

/**
 * How the connection behaves where someone waits for the answer (a command, the app's "sync now", adding, updating or
 * testing a shop): a timeout before the shop answered anything in this run is not retried (HttpOptions.retryTimeouts;
 * after an answer it is a slow page, retried), nor is an address that leads nowhere (the http layer's default). The
 * background scheduler retries both: nobody waits, and a restarting shop recovers.
 */
const SOMEONE_WAITS: HttpOptions = { retryTimeouts: false };
const BACKGROUND: HttpOptions = { retryTimeouts: true, retryConnectErrors: true };

const stringValues = (credentials: ShopCredentials): string[] =>
  Object.values(credentials).filter((v): v is string => typeof v === 'string');

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function createShopService(deps: ShopServiceDeps) {
  const { db, clock, logger, secrets } = deps;

  function info(row: ShopRow): ShopInfo {
    const settings = readShopSettings(row.settings, row.name);
    return {
      id: row.id,
      name: row.name,
      system: row.system,
      url: row.url,
      filePath: row.filePath,
      connectedAt: row.connectedAt,
      enabled: row.enabled,
      mapping: settings.mapping,
      schedule: settings.schedule,
    };
  }

  function rows(): ShopRow[] {
    return db.select().from(shops).where(isNull(shops.removedAt)).orderBy(shops.name).all();
  }

  /** A shop by name or id (active shops only). */
  function get(ref: string | number): ShopRow {
    const row = rows().find((r) => r.id === Number(ref) || r.name === String(ref));
    if (!row)
      throw new NotFoundError(
        'SHOP_NOT_FOUND',
        `There is no shop "${ref}". "kassenwart shop list" shows the connected shops.`,
      );
    return row;
  }

  function credentialsOf(row: ShopRow): ShopCredentials {
    if (!row.secretName) return {};
    const raw = secrets.get(row.secretName);
    if (raw === undefined) {
      throw new ShopError(
        'SHOP_CREDENTIALS_MISSING',
        `The credentials of shop "${row.name}" are not in the key store any more. Give them again: kassenwart shop update "${row.name}" --credentials.`,
      );
    }
    return JSON.parse(raw) as ShopCredentials;
  }

  function build(
    system: ShopSystem,
    name: string,
    url: string | null | undefined,
    filePath: string | null | undefined,
    credentials: ShopCredentials,
    http: HttpOptions = {},
  ): ShopConnector {
    return connectorFactory(system).create({
      shopName: name,
      url: url ?? undefined,
      filePath: filePath ?? undefined,
      credentials,
      // A connector serves one run (a sync, a test, an add or update): what the shop answered is known for that run.
      http: {
        logger,
        now: () => clock.now().getTime(),
        ...SOMEONE_WAITS,
        ...deps.http,
        ...http,
        contact: { answered: false },
      },
      clock,
      logger,
    });
  }

  /** Removes this shop's credentials (and credential-looking parameters) from a text, e.g. an unexpected error. */
  function redactFor(row: ShopRow, text: string): string {
    let values: string[] = [];
    try {
      values = stringValues(credentialsOf(row));
    } catch {
      // no credentials stored: nothing of theirs to remove
    }
    return redact(text, values);
  }

  /**
   * The connector of a stored shop. `background`: nobody waits for the answer (the scheduler), so a refused
   * connection, an unknown host and a timeout are retried like other network errors (HttpOptions.retryConnectErrors,
   * retryTimeouts); otherwise they fail on the first attempt. Either way the message says how to give the shop a new
   * address.
   */
  function connectorFor(row: ShopRow, options: { background?: boolean } = {}): ShopConnector {
    return build(row.system, row.name, row.url, row.filePath, credentialsOf(row), {
      ...(options.background ? BACKGROUND : {}),
      addressHint: `If the shop has moved, give its new address: kassenwart shop update "${row.name}" --url <new address>.`,
    });
  }

  async function add(input: AddShopInput): Promise<ShopInfo> {
    const factory = connectorFactory(input.system);
    const name = input.name.trim();
    if (!name) throw new ValidationError('SHOP_NAME_MISSING', 'Give the shop a name (--name).');
    if (rows().some((r) => r.name === name))
      throw new ValidationError('SHOP_NAME_TAKEN', `A shop named "${name}" is already connected.`);
    if (factory.needsUrl && !input.url)
      throw new ValidationError(
        'SHOP_URL_MISSING',
        `A ${factory.label} shop needs its address (--url https://…).`,
      );
    if (factory.needsFile && !input.filePath)
      throw new ValidationError(
        'SHOP_FILE_MISSING',
        `A ${factory.label} shop needs the orders file or folder (--file).`,
      );
    const credentials: ShopCredentials = {};
    for (const field of factory.credentialFields) {
      const value = input.credentials?.[field.name];
      if (value) credentials[field.name] = value;
    }
    const connector = build(input.system, name, input.url, input.filePath, credentials);
    const test = await connector.testConnection();
    if (!test.ok) throw new ShopError(test.code, test.message);
    const discovery = await connector.discover().catch((error: unknown) => {
      logger.log('warn', 'shop discovery failed; using the default mapping', {
        shop: name,
        error: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    });
    const settings: ShopSettings = {
      mapping: factory.defaultMapping(discovery),
      schedule: ScheduleSchema.parse({}),
      ...(test.shopIdentity !== undefined ? { shopIdentity: test.shopIdentity } : {}),
    };
    const now = clock.now().toISOString();
    const secretName = factory.credentialFields.length > 0 ? `kassenwart.shop.${randomUUID()}` : null;
    if (secretName) secrets.set(secretName, JSON.stringify(credentials));
    try {
      const row = db.transaction((tx) => {
        const inserted = tx
          .insert(shops)
          .values({
            name,
            system: input.system,
            url: input.url ?? null,
            filePath: input.filePath ?? null,
            secretName,
            settings,
            connectedAt: now,
            createdAt: now,
          })
          .returning()
          .get();
        writeAudit(tx, clock, {
          actor: ACTOR,
          entityType: 'shop',
          entityId: inserted.id,
          action: 'connected',
          after: {
            name,
            system: input.system,
            url: input.url ?? null,
            filePath: input.filePath ?? null,
            connectedAt: now,
          },
        });
        return inserted;
      });
      return info(row);
    } catch (error) {
      if (secretName) secrets.delete(secretName);
      throw error;
    }
  }

  /** Replaces one part of shops.settings (other areas' keys stay as they are), audited as `<part>_changed`. */
  function writeSettingsPart(
    row: ShopRow,
    part: 'mapping' | 'schedule',
    before: unknown,
    after: unknown,
    also?: (tx: Pick<Db, 'update' | 'insert'>) => void,
  ): void {
    db.transaction((tx) => {
      tx.update(shops)
        .set({ settings: { ...row.settings, [part]: after } })
        .where(eq(shops.id, row.id))
        .run();
      also?.(tx);
      writeAudit(tx, clock, {
        actor: ACTOR,
        entityType: 'shop',
        entityId: row.id,
        action: `${part}_changed`,
        before,
        after,
      });
    });
  }

  /**
   * Other areas keep their own keys in shops.settings (e.g. matching); they are preserved on every write. `patch` may
   * be worked out from the current mapping. Damaged settings (SHOP_SETTINGS_INVALID, whose advice is to set the
   * mapping again) are repaired by the change: it starts from the shop system's default mapping plus every stored
   * field still valid (and a valid schedule), in the same transaction (a refused change leaves the row as it was),
   * audited as `mapping_repaired` too.
   */
  function setMapping(
    ref: string | number,
    patch: Partial<ShopMapping> | ((current: ShopMapping) => Partial<ShopMapping>),
  ): ShopMapping {
    let row = get(ref);
    const stored = ShopSettingsSchema.safeParse(row.settings);
    const damaged = stored.success ? undefined : row.settings;
    const settings = stored.success ? stored.data : repairedSettings(row.system, row.settings);
    if (damaged !== undefined) row = { ...row, settings: { ...row.settings, schedule: settings.schedule } };
    const change = typeof patch === 'function' ? patch(settings.mapping) : patch;
    const parsed = ShopMappingSchema.safeParse({ ...settings.mapping, ...change });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ValidationError(
        'SHOP_MAPPING_INVALID',
        `Mapping not changed: ${issue?.path.join('.') ?? '?'} ${issue?.message ?? 'is invalid'}.`,
      );
    }
    for (const pattern of [parsed.data.orderNumberPattern, parsed.data.invoiceNumberPattern]) {
      if (pattern === undefined) continue;
      try {
        new RegExp(pattern);
      } catch {
        throw new ValidationError(
          'SHOP_MAPPING_INVALID',
          `Mapping not changed: "${pattern}" is not a regular expression.`,
        );
      }
    }
    // Orders skipped for a payment method the mapping lacked, or closed for a status it lacked, lie behind the
    // incremental mark, and the full comparison reads only orders we wait for: after a change to what the mapping
    // imports or keeps open, the next sync reads the shop's orders from the start again (storing is idempotent),
    // so they arrive or reopen.
    const rereads = (['paymentMethods', 'openStatuses', 'cancelledStatuses'] as const).some(
      (k) => JSON.stringify(settings.mapping[k]) !== JSON.stringify(parsed.data[k]),
    );
    writeSettingsPart(row, 'mapping', settings.mapping, parsed.data, (tx) => {
      if (damaged !== undefined)
        writeAudit(tx, clock, {
          actor: ACTOR,
          entityType: 'shop',
          entityId: row.id,
          action: 'mapping_repaired',
          before: damaged,
          after: { ...row.settings, mapping: parsed.data },
        });
      if (!rereads) return;
      tx.update(shopSyncState)
        .set({ highWaterMark: null, cursor: null })
        .where(and(eq(shopSyncState.shopId, row.id), eq(shopSyncState.kind, 'new')))
        .run();
    });
    return parsed.data;
  }

  /** The settings of a damaged row: the default mapping plus every stored field still valid, a valid schedule. */
  function repairedSettings(system: ShopSystem, raw: unknown): ShopSettings {
    const stored = isRecord(raw) ? raw : {};
    let mapping: ShopMapping = connectorFactory(system).defaultMapping();
    if (isRecord(stored['mapping']))
      for (const [key, value] of Object.entries(stored['mapping'])) {
        const trial = ShopMappingSchema.safeParse({ ...mapping, [key]: value });
        if (trial.success) mapping = trial.data;
      }
    const schedule = ScheduleSchema.safeParse(stored['schedule'] ?? {});
    return { mapping, schedule: schedule.success ? schedule.data : ScheduleSchema.parse({}) };
  }

  function setSchedule(ref: string | number, patch: Partial<Schedule>): Schedule {
    const row = get(ref);
    const settings = readShopSettings(row.settings, row.name);
    const parsed = ScheduleSchema.safeParse({ ...settings.schedule, ...patch });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ValidationError(
        'SHOP_SCHEDULE_INVALID',
        `Schedule not changed: ${issue?.path.join('.') ?? '?'} ${issue?.message ?? 'is invalid'}.`,
      );
    }
    writeSettingsPart(row, 'schedule', settings.schedule, parsed.data);
    return parsed.data;
  }

  /**
   * Disconnects a shop: its credentials are deleted and the name becomes free. Its orders stay as history with their
   * assignments and audit, but the shop is gone: its write-backs still waiting are cancelled (nothing can be sent),
   * and its orders leave matching, search, the status counts and manual assignment (orders/connected-shops.ts).
   * To change the file, address or credentials of a shop, `update` keeps the shop and its orders instead.
   */
  function remove(ref: string | number): RemoveResult {
    const row = get(ref);
    const now = clock.now().toISOString();
    const openOrders =
      db
        .select({ n: count() })
        .from(orders)
        .where(and(eq(orders.shopId, row.id), inArray(orders.status, [...AWAITING_PAYMENT])))
        .get()?.n ?? 0;
    const cancelledTransfers = db.transaction((tx) => {
      tx.update(shops)
        .set({ removedAt: now, enabled: false, name: `${row.name} (removed ${row.id})` })
        .where(eq(shops.id, row.id))
        .run();
      const cancelled = cancelPendingTransfersOfShop(tx, clock, ACTOR, row.id, 'shop removed');
      writeAudit(tx, clock, {
        actor: ACTOR,
        entityType: 'shop',
        entityId: row.id,
        action: 'removed',
        before: { name: row.name },
        details: { openOrders, cancelledTransfers: cancelled },
      });
      return cancelled;
    });
    if (row.secretName) secrets.delete(row.secretName);
    return { name: row.name, openOrders, cancelledTransfers };
  }

  /**
   * Changes how a shop is reached: its address, its orders file or folder, its credentials. The new connection is
   * tested first (a failing one changes nothing); the shop, its orders, mapping and history stay. The next sync reads
   * the shop's orders from the start again (storing is idempotent), so nothing missed meanwhile is left behind.
   */
  async function update(ref: string | number, input: UpdateShopInput): Promise<ShopInfo> {
    const row = get(ref);
    const factory = connectorFactory(row.system);
    const url = input.url?.trim();
    const filePath = input.filePath?.trim();
    if (url === undefined && filePath === undefined && input.credentials === undefined)
      throw new ValidationError(
        'SHOP_UPDATE_EMPTY',
        `Nothing to change for shop "${row.name}": give ${factory.needsFile ? '--file' : '--url or --credentials'}.`,
      );
    if (url !== undefined && !factory.needsUrl)
      throw new ValidationError(
        'SHOP_URL_NOT_USED',
        `A ${factory.label} shop has no address; change its orders file or folder with --file.`,
      );
    if (filePath !== undefined && !factory.needsFile)
      throw new ValidationError(
        'SHOP_FILE_NOT_USED',
        `A ${factory.label} shop is reached by its address (--url), not by a file.`,
      );
    if (url === '') throw new ValidationError('SHOP_URL_MISSING', `Give the new address (--url https://…).`);
    if (filePath === '')
      throw new ValidationError('SHOP_FILE_MISSING', `Give the new orders file or folder (--file).`);
    let credentials = credentialsOrEmpty(row);
    if (input.credentials !== undefined) {
      credentials = {};
      for (const field of factory.credentialFields) {
        const value = input.credentials[field.name];
        if (value) credentials[field.name] = value;
      }
      if (factory.credentialFields.length === 0)
        throw new ValidationError('SHOP_CREDENTIALS_NOT_USED', `A ${factory.label} shop has no credentials.`);
      if (Object.keys(credentials).length === 0)
        throw new ValidationError(
          'SHOP_CREDENTIALS_MISSING',
          `No new credentials were given for shop "${row.name}" (KASSENWART_SHOP_KEY / SECRET / TOKEN, or the prompt).`,
        );
    } else if (row.secretName && secrets.get(row.secretName) === undefined) {
      credentialsOf(row); // throws SHOP_CREDENTIALS_MISSING with the advice to give them again
    }
    const next = { url: url ?? row.url, filePath: filePath ?? row.filePath };
    const connector = build(row.system, row.name, next.url, next.filePath, credentials);
    const test = await connector.testConnection();
    if (!test.ok) throw new ShopError(test.code, redact(test.message, stringValues(credentials)));
    const stored = isRecord(row.settings) ? row.settings['shopIdentity'] : undefined;
    const storedIdentity = typeof stored === 'string' ? stored : undefined;
    // A new address or new credentials may lead to another shop. Not checked for an orders file: an export may list
    // only some orders (the open ones), so ours missing from it says nothing.
    if (!factory.needsFile && !input.force) {
      const verdict = await checkSameShop({
        db,
        shopId: row.id,
        connector,
        storedIdentity,
        newIdentity: test.shopIdentity,
      });
      if (!verdict.same)
        throw new ShopError(
          'SHOP_IDENTITY_MISMATCH',
          redact(
            `The ${factory.label} shop at ${next.url ?? '?'} does not look like shop "${row.name}": ${verdict.evidence}. Nothing was changed. Check the address and the credentials. If it is this shop all the same (its orders deleted or renumbered), repeat the command with --force; orders waiting for payment here that it does not have are then taken as removed externally.`,
            stringValues(credentials),
          ),
        );
    }
    const identity = test.shopIdentity ?? storedIdentity;
    const secretName =
      input.credentials !== undefined
        ? (row.secretName ?? `kassenwart.shop.${randomUUID()}`)
        : row.secretName;
    const previousSecret = secretName ? secrets.get(secretName) : undefined;
    if (input.credentials !== undefined && secretName) secrets.set(secretName, JSON.stringify(credentials));
    try {
      const updated = db.transaction((tx) => {
        // The settings as they are now, not as read before the connection test: a mapping or schedule saved in the
        // meantime (the desktop app, `serve`) stays.
        const settingsNow =
          identity !== storedIdentity
            ? tx.select({ settings: shops.settings }).from(shops).where(eq(shops.id, row.id)).get()?.settings
            : undefined;
        const changed = tx
          .update(shops)
          .set({
            url: next.url,
            filePath: next.filePath,
            secretName,
            ...(identity !== storedIdentity
              ? {
                  settings: {
                    ...(isRecord(settingsNow) ? settingsNow : row.settings),
                    shopIdentity: identity,
                  },
                }
              : {}),
          })
          .where(eq(shops.id, row.id))
          .returning()
          .get();
        tx.update(shopSyncState)
          .set({ highWaterMark: null, cursor: null })
          .where(and(eq(shopSyncState.shopId, row.id), eq(shopSyncState.kind, 'new')))
          .run();
        writeAudit(tx, clock, {
          actor: ACTOR,
          entityType: 'shop',
          entityId: row.id,
          action: 'connection_changed',
          before: { url: row.url, filePath: row.filePath },
          after: { url: next.url, filePath: next.filePath },
          details: {
            credentialsChanged: input.credentials !== undefined,
            ...(input.force ? { force: true } : {}),
          },
        });
        return changed ?? row;
      });
      return info(updated);
    } catch (error) {
      if (input.credentials !== undefined && secretName) {
        if (previousSecret === undefined) secrets.delete(secretName);
        else secrets.set(secretName, previousSecret);
      }
      throw error;
    }
  }

  function credentialsOrEmpty(row: ShopRow): ShopCredentials {
    if (!row.secretName) return {};
    const raw = secrets.get(row.secretName);
    return raw === undefined ? {} : (JSON.parse(raw) as ShopCredentials);
  }

  /** Tests the stored connection again (credentials, reachability); never throws for shop-side problems. */
  async function test(
    ref: string | number,
  ): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
    const row = get(ref);
    try {
      const result = await connectorFor(row).testConnection();
      return result.ok
        ? { ok: true }
        : { ok: false, code: result.code, message: redactFor(row, result.message) };
    } catch (error) {
      if (error instanceof ShopError)
        return { ok: false, code: error.code, message: redactFor(row, error.message) };
      throw error;
    }
  }

  return {
    add,
    test,
    list: () => rows().map(info),
    get,
    show: (ref: string | number) => info(get(ref)),
    getMapping: (ref: string | number) => info(get(ref)).mapping,
    setMapping,
    setSchedule,
    remove,
    update,
    connectorFor,
    redactFor,
  };
}

export type ShopService = ReturnType<typeof createShopService>;
