/**
 * Sync jobs per shop (issue 4 §5–§7):
 *  - `new`  (every 30 min) and `poll` (the same job every 3 min where the shop cannot push and we send payment
 *    information): orders changed since the high-water mark, page by page. Each page is stored in one
 *    transaction together with the new mark (the last stored order's modified time), so a failing page never
 *    loses earlier pages and never moves the mark past unstored orders. The next run re-reads the boundary
 *    inclusively; storing is idempotent, so re-read orders are deduplicated.
 *  - `full` (twice a day): the incremental part, then the shop's open set compared with our open orders; every
 *    order missing from it is read once: deleted -> removed externally, otherwise its changes are applied.
 * Runs never overlap per shop, are recorded in sync_runs, and take `now` from the injected clock.
 */
import { and, desc, eq, inArray, lt, ne } from 'drizzle-orm';
import { PAYMENT_CODES } from '#shared/domain.ts';
import type { Clock, Logger } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { dealerNotifications, orders, shops, shopSyncState, syncRuns } from '../db/schema/index.ts';
import { KassenwartError } from '../errors.ts';
import { notice, sameNotice } from '../notifications/notice.ts';
import { AWAITING_PAYMENT } from '../orders/state-machine.ts';
import {
  ORDER_OUT_OF_REACH,
  type OrderPage,
  type ShopConnector,
  type ShopOrder,
} from '../shops/connector.ts';
import { ShopError } from '../shops/http.ts';
import type { ShopRow, ShopService } from '../shops/shop-service.ts';
import { PROTECTED_DATA_ACCESS_HINT } from '../shops/shopify/index.ts';
import {
  applyDeleted,
  applyShopOrder,
  findOrders,
  type ApplyContext,
  type ApplyOutcome,
  type OrderRow,
  type Tx,
} from './apply-order.ts';
import { readShopSettings, type ShopSettings } from './shop-settings.ts';
import {
  mergeFindings,
  newFindings,
  notifyOnce,
  reportFindings,
  type SyncFindings,
} from './sync-findings.ts';

export type SyncKind = 'new' | 'poll' | 'full';

export type SyncRunResult = {
  runId: number;
  shopId: number;
  shop: string;
  kind: SyncKind;
  state: 'ok' | 'failed';
  startedAt: string;
  finishedAt: string;
  ordersSeen: number;
  ordersNew: number;
  ordersChanged: number;
  ordersRemoved: number;
  requests: number;
  error: { code: string; message: string } | null;
};

/** A stored run: like SyncRunResult, but it may still be running. */
export type SyncRunRecord = Omit<SyncRunResult, 'state' | 'finishedAt'> & {
  state: 'running' | 'ok' | 'failed';
  finishedAt: string | null;
};

/** sync_runs.error is stored as "CODE: message". */
function splitError(stored: string): { code: string; message: string } {
  const at = stored.indexOf(': ');
  return at > 0
    ? { code: stored.slice(0, at), message: stored.slice(at + 2) }
    : { code: 'SYNC_FAILED', message: stored };
}

export type SyncDeps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  shops: ShopService;
  afterSync?: (result: SyncRunResult) => unknown;
  /** Page size asked of connectors (tests use small pages). */
  pageSize?: number;
};

/** Systems whose "full comparison" costs no requests (a local file): compare on every run. */
const CHEAP_COMPARISON = new Set(['csv']);

/** A `running` sync run older than this is from a process that died (a first sync of 20 000 orders takes < 1 min;
 * retries and Retry-After waits are bounded well below this). */
const STALE_MS = 20 * 60_000;

/**
 * A shop that does not tell its time is compared with our clock: a few minutes of difference between two clocks
 * is no "modified in the future" worth telling the dealer (the mark is held at our time all the same).
 */
const CLOCK_SKEW_MS = 10 * 60_000;

/** Is `modifiedAt` later than the shop's time (`serverTime`), or, where unknown, clearly later than ours? */
function isFuture(modifiedAt: string, serverTime: string | undefined, now: number): boolean {
  return serverTime
    ? Date.parse(modifiedAt) > Date.parse(serverTime)
    : Date.parse(modifiedAt) > now + CLOCK_SKEW_MS;
}

/** Orders per batch read in the full comparison (WooCommerce's per_page maximum). */
const BATCH = 100;

type Counts = { seen: number; new: number; changed: number; removed: number; requests: number };

/**
 * What one run did so far; `readIds` are orders already read fresh in this run (the comparison skips them);
 * `withheld` the customer fields the shop withheld from any order read.
 */
type RunProgress = Counts & { readIds: Set<string>; withheld: Set<string>; findings: SyncFindings };

export class SyncBusyError extends KassenwartError {}

export function createSyncService(deps: SyncDeps) {
  const { db, clock, logger } = deps;
  const running = new Set<number>();
  let afterSync = deps.afterSync;

  function state(shopId: number, kind: SyncKind) {
    return db
      .select()
      .from(shopSyncState)
      .where(and(eq(shopSyncState.shopId, shopId), eq(shopSyncState.kind, kind)))
      .get();
  }

  function saveState(
    tx: Pick<Db, 'insert'>,
    shopId: number,
    kind: SyncKind,
    values: Partial<typeof shopSyncState.$inferInsert>,
  ): void {
    tx.insert(shopSyncState)
      .values({ shopId, kind, ...values })
      .onConflictDoUpdate({ target: [shopSyncState.shopId, shopSyncState.kind], set: values })
      .run();
  }

  function tally(counts: Counts, outcome: ApplyOutcome): void {
    if (outcome === 'skipped') return;
    if (outcome === 'new') counts.new += 1;
    else if (outcome === 'changed') counts.changed += 1;
    else if (outcome === 'removed') counts.removed += 1;
  }

  /**
   * A page's context: its findings go into `findings`, a page's own collection that the caller merges into the run's
   * once the page's transaction has committed (a page that rolls back must not be reported as done).
   */
  function context(tx: Tx, shop: ShopRow, settings: ShopSettings, findings: SyncFindings): ApplyContext {
    return {
      tx,
      clock,
      logger,
      shop: { id: shop.id, name: shop.name, connectedAt: shop.connectedAt },
      mapping: settings.mapping,
      findings,
    };
  }

  async function incremental(
    shop: ShopRow,
    settings: ShopSettings,
    connector: ShopConnector,
    counts: RunProgress,
  ): Promise<void> {
    let since = state(shop.id, 'new')?.highWaterMark ?? undefined;
    let start = since;
    let cursor: string | undefined;
    let checked = false;
    for (;;) {
      const page = await connector.listChangedOrders({ since, cursor, pageSize: deps.pageSize });
      counts.requests += page.requests;
      if (!checked) {
        checked = true;
        refuseEmptyListing(shop, page);
        // A stored mark later than the shop's time (its Date; else ours) hides every order changed before it: put
        // there by a version that let an order's future modified date carry it, or by a shop clock that ran ahead
        // and was corrected. Orders were missed since then, from an unknown point: the shop is read again from
        // the start, once (storing is idempotent).
        const limit = page.serverTime ?? clock.now().toISOString();
        if (since && Date.parse(since) > Date.parse(limit)) {
          logger.log('warn', 'sync mark lies in the future; reading the shop again from the start', {
            shop: shop.name,
            mark: since,
            shopTime: limit,
          });
          since = undefined;
          start = undefined;
          continue;
        }
      }
      const pageFindings = newFindings();
      db.transaction((tx) => {
        const ctx = context(tx, shop, settings, pageFindings);
        const stored = findOrders(
          tx,
          shop.id,
          page.orders.map((o) => o.externalId),
        );
        const handled = new Set<string>();
        let mark = since;
        // The mark never passes the shop's current time (its Date header; else ours), not even by its own skew:
        // an order modified "in 2099" would carry it past every order created afterwards.
        const shopNow = page.serverTime ?? clock.now().toISOString();
        for (const order of page.orders) {
          counts.seen += 1;
          counts.readIds.add(order.externalId);
          for (const field of order.withheld ?? []) counts.withheld.add(field);
          // The page's lookup is valid for the first occurrence of an order; a repeat is looked up afresh.
          const known = handled.has(order.externalId) ? undefined : { row: stored.get(order.externalId) };
          tally(counts, applyShopOrder(ctx, order, known));
          handled.add(order.externalId);
          let changedAt = order.listedAt ?? order.updatedAt;
          if (changedAt && Date.parse(changedAt) > Date.parse(shopNow)) {
            if (order.updatedAt && isFuture(order.updatedAt, page.serverTime, clock.now().getTime()))
              pageFindings.futureDated.set(order.externalId, {
                number: order.number,
                modifiedAt: order.updatedAt,
                shopNow,
                ourClock: page.serverTime === undefined,
              });
            changedAt = shopNow;
          }
          if (changedAt && (!mark || Date.parse(changedAt) > Date.parse(mark))) mark = changedAt;
        }
        // Pages that are not oldest-modified first (holdMark) keep the stored mark where the run started until
        // the last page is stored; `since` carries the largest listedAt/updatedAt seen meanwhile.
        const kept = page.holdMark && page.nextCursor ? start : mark;
        saveState(tx, shop.id, 'new', { highWaterMark: kept ?? null, cursor: page.nextCursor ?? null });
        since = mark;
      });
      mergeFindings(counts.findings, pageFindings);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
  }

  /**
   * A complete listing (the CSV file) without a single order while orders are open here: an export caught
   * half-written or an empty filter, far likelier than every order gone at once. Refused before anything is stored.
   */
  function refuseEmptyListing(shop: ShopRow, page: OrderPage): void {
    if (!page.complete || page.orders.length > 0 || page.nextCursor) return;
    const open = waitingOrders(shop.id).length;
    if (open === 0) return;
    const source = shop.filePath ? `The orders file ${shop.filePath}` : `Shop "${shop.name}"`;
    throw new ShopError(
      'SHOP_NO_ORDERS',
      `${source} lists no orders while ${open} order(s) are open in Kassenwart; nothing was changed. An export ` +
        `caught half-written, or a filter that matched nothing? Once the file lists the orders again, the next sync ` +
        `reads it.`,
    );
  }

  /** Our orders waiting for payment: what the full comparison checks against the shop. */
  function waitingOrders(shopId: number) {
    return db
      .select()
      .from(orders)
      .where(and(eq(orders.shopId, shopId), inArray(orders.status, [...AWAITING_PAYMENT])))
      .orderBy(orders.id)
      .all();
  }

  function applyChecked(
    shop: ShopRow,
    settings: ShopSettings,
    counts: RunProgress,
    checked: { row: OrderRow; order: ShopOrder | undefined }[],
  ): void {
    const pageFindings = newFindings();
    db.transaction((tx) => {
      const ctx = context(tx, shop, settings, pageFindings);
      // The rows as they are now, not as they were before the shop was asked: a payment assigned meanwhile (the
      // dealer in the app, an import and its matcher run) must not be overwritten with the old amounts.
      const current = findOrders(
        tx,
        shop.id,
        checked.map((c) => c.row.externalId),
      );
      for (const { row: before, order } of checked) {
        const row = current.get(before.externalId);
        if (!row) continue;
        for (const field of order?.withheld ?? []) counts.withheld.add(field);
        tally(counts, order ? applyShopOrder(ctx, order, { row }) : applyDeleted(ctx, row));
      }
    });
    mergeFindings(counts.findings, pageFindings);
  }

  /**
   * Full comparison. With a batch read (`getOrders`), every order we wait for is read again, 100 per request:
   * the cost follows our open orders, not the shop's size; absent means deleted. Otherwise the shop's open set
   * is listed per payment code (codes with the same open statuses share one listing) and each of our orders
   * missing from its code's set is read once, to tell "deleted" from "changed status" (and to catch a race).
   */
  async function comparison(
    shop: ShopRow,
    settings: ShopSettings,
    connector: ShopConnector,
    counts: RunProgress,
  ): Promise<void> {
    // Orders the incremental part of this run just read are current already (on a first sync: all of them).
    const waiting = waitingOrders(shop.id).filter((row) => !counts.readIds.has(row.externalId));
    if (connector.getOrders) {
      for (let i = 0; i < waiting.length; i += BATCH) {
        const chunk = waiting.slice(i, i + BATCH);
        const { orders: found, requests } = await connector.getOrders(chunk.map((r) => r.externalId));
        counts.requests += requests;
        counts.seen += found.length;
        const byId = new Map(found.map((o) => [o.externalId, o]));
        applyChecked(
          shop,
          settings,
          counts,
          chunk.map((row) => ({ row, order: byId.get(row.externalId) })),
        );
      }
      return;
    }
    const openByCode = new Map<string, Set<string>>();
    const byStatuses = new Map<string, Set<string>>();
    for (const code of PAYMENT_CODES) {
      const statuses = [...settings.mapping.openStatuses[code]].sort();
      const key = statuses.join('\u0000');
      let ids = byStatuses.get(key);
      if (!ids) {
        const listed = await connector.listOpenOrderIds({ openStatuses: statuses });
        counts.requests += listed.requests;
        ids = new Set(listed.ids);
        byStatuses.set(key, ids);
      }
      openByCode.set(code, ids);
    }
    for (const row of waiting.filter(
      (r) => !(r.paymentCode && openByCode.get(r.paymentCode)?.has(r.externalId)),
    )) {
      let order: ShopOrder | undefined;
      try {
        order = await connector.getOrder(row.externalId, { createdAt: row.createdAtShop });
      } catch (error) {
        if (!(error instanceof KassenwartError && error.code === ORDER_OUT_OF_REACH)) throw error;
        counts.requests += 1;
        reportOutOfReach(shop, row, error.message);
        continue;
      }
      counts.requests += connector.system === 'csv' ? 0 : 1;
      counts.seen += 1;
      applyChecked(shop, settings, counts, [{ row, order }]);
    }
  }

  /**
   * An order the shop does not show us (Shopify without read_all_orders, older than 60 days) is neither deleted nor
   * changed as far as we can tell: it stays as it is, and the dealer is told once per order (every full comparison
   * would repeat it); the log has it on every run.
   */
  function reportOutOfReach(shop: ShopRow, row: OrderRow, message: string): void {
    logger.log('warn', 'order not visible in the shop; left as it is', {
      shop: shop.name,
      order: row.number,
    });
    notifyOnce(
      db,
      clock,
      {
        ...notice('order_out_of_reach', {
          shopName: shop.name,
          orderNumber: row.number,
          errorMessage: message,
        }),
        level: 'warning',
        orderId: row.id,
      },
      eq(dealerNotifications.orderId, row.id),
    );
  }

  /**
   * The shop withholds customer data (Shopify's protected customer data without approval): the stored names and
   * emails are kept (apply-order.ts), but new orders arrive without them and the matcher has fewer signals. The
   * dealer is told once per shop; the client's log warning repeats it on every run.
   */
  function reportWithheld(shop: ShopRow, fields: string[]): void {
    const params = {
      shopName: shop.name,
      fields,
      ...(shop.system === 'shopify' ? { accessHint: PROTECTED_DATA_ACCESS_HINT } : {}),
    };
    notifyOnce(
      db,
      clock,
      { ...notice('customer_data_withheld', params), level: 'warning' },
      sameNotice('customer_data_withheld', params, ['shopName']),
    );
  }

  /**
   * Records the run as `running`, unless another process (the desktop app, `kassenwart run`, a manual
   * `kassenwart sync`) is syncing this shop right now: jobs never overlap, across processes too. A `running`
   * row older than STALE_MS belongs to a process that died; it is closed as interrupted.
   */
  function claim(shop: ShopRow, kind: SyncKind, startedAt: string) {
    return db.transaction((tx) => {
      const active = tx
        .select()
        .from(syncRuns)
        .where(and(eq(syncRuns.shopId, shop.id), eq(syncRuns.state, 'running')))
        .all();
      for (const other of active) {
        // A run "started" more than STALE_MS in our future is from before our clock was put back: stale as well.
        if (Math.abs(Date.parse(startedAt) - Date.parse(other.startedAt)) < STALE_MS) {
          throw new SyncBusyError(
            'SYNC_BUSY',
            `A sync of shop "${shop.name}" started at ${other.startedAt} is still running; this one was not started.`,
          );
        }
        tx.update(syncRuns)
          .set({
            state: 'failed',
            finishedAt: startedAt,
            error: 'SYNC_INTERRUPTED: the process running this sync ended before it finished.',
          })
          .where(eq(syncRuns.id, other.id))
          .run();
      }
      return tx
        .insert(syncRuns)
        .values({ shopId: shop.id, kind, state: 'running', startedAt })
        .returning()
        .get();
    });
  }

  async function execute(shop: ShopRow, kind: SyncKind, background: boolean): Promise<SyncRunResult> {
    const startedAt = clock.now().toISOString();
    const run = claim(shop, kind, startedAt);
    saveState(db, shop.id, kind, { lastRunAt: startedAt });
    const counts: RunProgress = {
      seen: 0,
      new: 0,
      changed: 0,
      removed: 0,
      requests: 0,
      readIds: new Set(),
      withheld: new Set(),
      findings: newFindings(),
    };
    let error: { code: string; message: string } | null = null;
    let mapping: ShopSettings['mapping'] | undefined;
    try {
      const settings = readShopSettings(shop.settings, shop.name);
      mapping = settings.mapping;
      const connector = deps.shops.connectorFor(shop, { background });
      await incremental(shop, settings, connector, counts);
      if (kind === 'full' || CHEAP_COMPARISON.has(shop.system))
        await comparison(shop, settings, connector, counts);
    } catch (caught) {
      // ShopErrors are redacted where they arise; anything else (a bug, a library error) is redacted here.
      const message = deps.shops.redactFor(shop, caught instanceof Error ? caught.message : String(caught));
      error =
        caught instanceof KassenwartError ? { code: caught.code, message } : { code: 'SYNC_FAILED', message };
      // Logged as an error where nobody waits for the run (the scheduler): the log is where it is seen. Whoever
      // waits gets the result and reports the error itself (`kassenwart sync`, the app), so a second copy on the same
      // console would only repeat it.
      logger.log(background ? 'error' : 'info', 'sync failed', {
        shop: shop.name,
        kind,
        code: error.code,
        error: error.message,
      });
    }
    if (counts.withheld.size > 0) reportWithheld(shop, [...counts.withheld]);
    reportFindings(db, clock, shop, counts.findings, mapping);
    const finishedAt = clock.now().toISOString();
    db.update(syncRuns)
      .set({
        state: error ? 'failed' : 'ok',
        finishedAt,
        ordersSeen: counts.seen,
        ordersNew: counts.new,
        ordersChanged: counts.changed,
        ordersRemoved: counts.removed,
        requests: counts.requests,
        error: error ? `${error.code}: ${error.message}` : null,
      })
      .where(eq(syncRuns.id, run.id))
      .run();
    if (!error) saveState(db, shop.id, kind, { lastSuccessAt: finishedAt, cursor: null });
    else notifyFailure(shop, run.id, error);
    return {
      runId: run.id,
      shopId: shop.id,
      shop: shop.name,
      kind,
      state: error ? 'failed' : 'ok',
      startedAt,
      finishedAt,
      ordersSeen: counts.seen,
      ordersNew: counts.new,
      ordersChanged: counts.changed,
      ordersRemoved: counts.removed,
      requests: counts.requests,
      error,
    };
  }

  /**
   * Tells the dealer when a shop starts failing (tray and log), once per failure streak: every 3 minutes the
   * same message would only be noise. The run records keep every failure.
   */
  function notifyFailure(shop: ShopRow, runId: number, error: { code: string; message: string }): void {
    const previous = db
      .select({ state: syncRuns.state })
      .from(syncRuns)
      .where(and(eq(syncRuns.shopId, shop.id), lt(syncRuns.id, runId), ne(syncRuns.state, 'running')))
      .orderBy(desc(syncRuns.id))
      .limit(1)
      .get();
    if (previous?.state === 'failed') return;
    db.insert(dealerNotifications)
      .values({
        ...notice('sync_failed', { shopName: shop.name, errorCode: error.code, errorMessage: error.message }),
        level:
          error.code === 'SHOP_AUTH_FAILED' || error.code === 'SHOP_CREDENTIALS_MISSING'
            ? 'error'
            : 'warning',
        createdAt: clock.now().toISOString(),
      })
      .run();
  }

  /**
   * Runs one job for one shop. Throws SYNC_BUSY if a job for that shop is still running. `background`: the scheduler's
   * run, which nobody waits for (retries a refused connection, logs its failure; see connectorFor).
   */
  async function run(
    ref: string | number,
    kind: SyncKind,
    options: { background?: boolean } = {},
  ): Promise<SyncRunResult> {
    const shop = deps.shops.get(ref);
    if (running.has(shop.id)) {
      throw new SyncBusyError(
        'SYNC_BUSY',
        `A sync of shop "${shop.name}" is still running; this one was not started.`,
      );
    }
    running.add(shop.id);
    let result: SyncRunResult;
    try {
      result = await execute(shop, kind, options.background ?? false);
    } finally {
      running.delete(shop.id);
    }
    try {
      await afterSync?.(result);
    } catch (error) {
      logger.log('error', 'after-sync step failed', {
        shop: shop.name,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return result;
  }

  /** Runs `kind` for every enabled shop (or just one), one after the other. */
  async function runAll(options: { kind: SyncKind; shop?: string | number }): Promise<SyncRunResult[]> {
    const targets =
      options.shop !== undefined
        ? [deps.shops.get(options.shop)]
        : deps.shops.list().filter((s) => s.enabled);
    const results: SyncRunResult[] = [];
    for (const shop of targets) results.push(await run(shop.id, options.kind));
    return results;
  }

  /** Recent runs, newest first, in the same shape `run` returns (the CLI's and the API's public JSON). */
  function runs(options: { shop?: string | number; limit?: number } = {}): SyncRunRecord[] {
    const shopId = options.shop !== undefined ? deps.shops.get(options.shop).id : undefined;
    return db
      .select({ run: syncRuns, shop: shops.name })
      .from(syncRuns)
      .innerJoin(shops, eq(shops.id, syncRuns.shopId))
      .where(shopId !== undefined ? eq(syncRuns.shopId, shopId) : undefined)
      .orderBy(desc(syncRuns.id))
      .limit(options.limit ?? 20)
      .all()
      .map(({ run: r, shop }) => ({
        runId: r.id,
        shopId: r.shopId,
        shop,
        kind: r.kind,
        state: r.state,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        ordersSeen: r.ordersSeen,
        ordersNew: r.ordersNew,
        ordersChanged: r.ordersChanged,
        ordersRemoved: r.ordersRemoved,
        requests: r.requests,
        error: r.error ? splitError(r.error) : null,
      }));
  }

  return {
    run,
    runAll,
    runs,
    state,
    isRunning: (shopId: number) => running.has(shopId),
    setAfterSync(fn: SyncDeps['afterSync']) {
      afterSync = fn;
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
