/**
 * Shopware 6 connector (issue 4 §2) over the Admin API (https://shopware.stoplight.io/docs/admin-api).
 * Polling only: a desktop behind NAT cannot receive Shopware's webhooks.
 */
import type { OrderPage, ShopConnector, ShopDiscovery, ShopOrder } from '../connector.ts';
import { ShopError } from '../http.ts';
import {
  changedOrdersCriteria,
  changedTransactionsCriteria,
  openOrdersCriteria,
  orderByIdCriteria,
  ordersByIdsCriteria,
  paymentMethodsCriteria,
  stateMachineStatesCriteria,
  type Keyset,
} from './criteria.ts';
import {
  compositeStatus,
  ORDER_ACTION_TO,
  parseCompositeStatus,
  TRANSACTION_ACTION_ALIASES,
  TRANSACTION_ACTION_TO,
} from './mapping.ts';
import {
  currentTransaction,
  orderStatusOf,
  toShopOrder,
  toIsoInstant,
  toShopwareDate,
  type SwOrder,
} from './order-mapping.ts';
import {
  createShopware6Transport,
  ShopwareApiError,
  type Shopware6TransportOptions,
  type ShopwareTransport,
} from './transport.ts';

export type Shopware6ConnectorOptions = Shopware6TransportOptions;

type SearchResult<T> = { total?: number; data: T[] };
type StreamName = 'updated' | 'created' | 'transactions';
type StreamCursor = Keyset & { done: boolean };
type ChangedCursor = {
  v: 2;
  since?: string;
  updated: StreamCursor;
  created: StreamCursor;
  transactions: StreamCursor;
};
/** One row of a stream: its keyset key (order or transaction id), its date, and the order (absent: deleted since). */
type StreamItem = { key: string; at: string; order: SwOrder | undefined };
type SwTransactionRow = { id: string; orderId: string; updatedAt?: string | null };

const UUID = /^[0-9a-f]{32}$/;

export function createShopware6Connector(
  options: Shopware6ConnectorOptions,
): ShopConnector & { readonly requestCount: number } {
  const api: ShopwareTransport = createShopware6Transport(options);
  const search = <T>(entity: string, body: unknown) =>
    api.call<SearchResult<T>>({ method: 'POST', path: `/search/${entity}`, body });

  async function readOrder(id: string): Promise<SwOrder | undefined> {
    if (!UUID.test(id)) return undefined;
    const result = await search<SwOrder>('order', orderByIdCriteria(id));
    return result.data[0];
  }

  /**
   * One page of a stream. Order streams: orders by updatedAt, never-updated orders by createdAt. The transactions
   * stream (payment state changed in the admin, which leaves the order's updatedAt alone: criteria.ts) pages the
   * order-transaction entity and reads the orders of the page in one more request.
   */
  async function fetchStream(
    name: StreamName,
    since: string | undefined,
    cursor: StreamCursor,
    limit: number,
  ): Promise<{ name: StreamName; items: StreamItem[]; more: boolean }> {
    if (name === 'transactions') {
      const result = await search<SwTransactionRow>(
        'order-transaction',
        changedTransactionsCriteria(since, cursor, limit),
      );
      const ids = [...new Set(result.data.map((t) => t.orderId))];
      const found =
        ids.length > 0 ? (await search<SwOrder>('order', ordersByIdsCriteria(ids))).data : ([] as SwOrder[]);
      const byId = new Map(found.map((o) => [o.id, o]));
      return {
        name,
        items: result.data.map((t) => ({
          key: t.id,
          at: toShopwareDate(t.updatedAt ?? ''),
          order: byId.get(t.orderId),
        })),
        more: (result.total ?? 0) > result.data.length,
      };
    }
    const result = await search<SwOrder>('order', changedOrdersCriteria(name, since, cursor, limit));
    // With total-count-mode next-pages, total counts rows up to a few pages ahead: more than we got = more follow.
    return {
      name,
      items: result.data.map((o) => ({
        key: o.id,
        at: toShopwareDate(name === 'updated' ? (o.updatedAt ?? '') : (o.createdAt ?? '')),
        order: o,
      })),
      more: (result.total ?? 0) > result.data.length,
    };
  }

  return {
    system: 'shopware6',
    capabilities: { canPushNewOrders: false, hasInvoiceNumbers: true, customStatuses: true },
    get requestCount() {
      return api.requestCount;
    },

    async testConnection() {
      try {
        const info = await api.call<{ version?: string }>({ method: 'GET', path: '/_info/version' });
        // A search proves the integration may read orders, which /_info/version does not need.
        await search('order', { limit: 1, 'total-count-mode': 'none' });
        return { ok: true, shopName: info.version ? `Shopware ${info.version}` : 'Shopware' };
      } catch (error) {
        if (error instanceof ShopError) return { ok: false, code: error.code, message: error.message };
        throw error;
      }
    },

    async discover(): Promise<ShopDiscovery> {
      const methods = await search<{
        id: string;
        technicalName?: string | null;
        name?: string;
        translated?: { name?: string };
      }>('payment-method', paymentMethodsCriteria());
      const states = await search<{
        technicalName: string;
        name: string;
        translated?: { name?: string };
        stateMachine?: { technicalName?: string };
      }>('state-machine-state', stateMachineStatesCriteria());
      const of = (machine: string) => states.data.filter((s) => s.stateMachine?.technicalName === machine);
      const orderStates = of('order.state');
      const txStates = of('order_transaction.state');
      const label = (s: { name: string; translated?: { name?: string } }) => s.translated?.name ?? s.name;
      return {
        paymentMethods: methods.data.map((m) => ({
          id: m.technicalName ?? m.id,
          name: m.translated?.name ?? m.name ?? m.technicalName ?? m.id,
        })),
        statuses: orderStates.flatMap((o) =>
          txStates.map((t) => ({
            id: compositeStatus(o.technicalName, t.technicalName),
            name: `${label(o)} / ${label(t)}`,
          })),
        ),
      };
    },

    async listChangedOrders({ since, cursor, pageSize = 100 }): Promise<OrderPage> {
      const before = api.requestCount;
      const parsed = cursor
        ? (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as ChangedCursor)
        : undefined;
      const state: ChangedCursor =
        parsed?.v === 2
          ? parsed
          : {
              v: 2,
              since: since ? toShopwareDate(since) : undefined,
              updated: { skipIds: [], done: false },
              created: { skipIds: [], done: false },
              transactions: { skipIds: [], done: false },
            };
      const streams: StreamName[] = (['updated', 'created', 'transactions'] as const).filter(
        (n) => !state[n].done,
      );
      const fetched = [];
      for (const name of streams) fetched.push(await fetchStream(name, state.since, state[name], pageSize));
      // Merge the streams by their date (the change each stands for), oldest first.
      const merged = fetched
        .flatMap((f) => f.items.map((item) => ({ stream: f.name, ...item })))
        .sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key))
        .slice(0, pageSize);
      for (const f of fetched) {
        const taken = merged.filter((m) => m.stream === f.name);
        const s = state[f.name];
        for (const m of taken) {
          if (m.at !== s.at) {
            s.at = m.at;
            s.skipIds = [];
          }
          s.skipIds.push(m.key);
        }
        s.done = !f.more && taken.length === f.items.length;
      }
      // Each order says the date of the change it was listed for (listedAt): the high-water mark then follows the
      // merged order exactly, while updatedAt stays the order's own (an order paid in the admin keeps an older one).
      const orders: ShopOrder[] = merged.flatMap((m) =>
        m.order ? [{ ...toShopOrder(m.order), listedAt: toIsoInstant(m.at) }] : [],
      );
      const finished = state.updated.done && state.created.done && state.transactions.done;
      return {
        orders,
        nextCursor: finished ? undefined : Buffer.from(JSON.stringify(state), 'utf8').toString('base64url'),
        requests: api.requestCount - before,
      };
    },

    async listOpenOrderIds({ openStatuses }) {
      const before = api.requestCount;
      const wanted = new Set(openStatuses);
      const orderStates = [
        ...new Set(openStatuses.map((s) => parseCompositeStatus(s).order).filter((s): s is string => !!s)),
      ];
      const ids: string[] = [];
      let after: number | undefined;
      for (;;) {
        const page = await search<SwOrder>('order', openOrdersCriteria(orderStates, after, 250));
        for (const order of page.data) if (wanted.has(orderStatusOf(order))) ids.push(order.id);
        const last = page.data.at(-1);
        if (!last || (page.total ?? 0) <= page.data.length) break;
        if (last.autoIncrement === undefined)
          throw new ShopError('SHOP_BAD_RESPONSE', `${api.label} sent orders without autoIncrement.`);
        after = last.autoIncrement;
      }
      return { ids, requests: api.requestCount - before };
    },

    async getOrder(externalId) {
      const order = await readOrder(externalId);
      return order ? toShopOrder(order) : undefined;
    },

    async setOrderStatus(externalId, target) {
      const wanted = parseCompositeStatus(target.status);
      if (target.paid) wanted.transaction = 'paid';
      const order = await readOrder(externalId);
      if (!order)
        throw new ShopError(
          'SHOP_NOT_FOUND',
          `${api.label}: order ${externalId} no longer exists in the shop.`,
        );
      if (wanted.transaction) await transitionTransaction(order, wanted.transaction, target.note);
      if (wanted.order && order.stateMachineState?.technicalName !== wanted.order) {
        const action = ORDER_ACTION_TO[wanted.order];
        if (!action)
          throw new ShopError(
            'SHOP_CONFIG',
            `${api.label}: "${wanted.order}" is not an order state Kassenwart can set.`,
          );
        await api.call({
          method: 'POST',
          path: `/_action/order/${order.id}/state/${action}`,
          body: note(target.note),
        });
      }
    },
  };

  /**
   * Moves the order's current transaction to `targetState`. Shopware answers 400 SYSTEM__ILLEGAL_STATE_TRANSITION
   * for a transition that is not available from the current state (e.g. `paid` when already paid), so the state
   * is read first, and re-read after such an error: if the transaction reached the target meanwhile (someone
   * else marked it paid), that is success.
   */
  async function transitionTransaction(
    order: SwOrder,
    targetState: string,
    comment: string | undefined,
  ): Promise<void> {
    const tx = currentTransaction(order);
    if (!tx)
      throw new ShopError(
        'SHOP_REQUEST_REJECTED',
        `${api.label}: order ${order.orderNumber ?? order.id} has no payment transaction.`,
      );
    if (tx.stateMachineState?.technicalName === targetState) return;
    const action = TRANSACTION_ACTION_TO[targetState];
    if (!action)
      throw new ShopError(
        'SHOP_CONFIG',
        `${api.label}: "${targetState}" is not a payment state Kassenwart can set.`,
      );
    const post = (name: string) =>
      api.call({
        method: 'POST',
        path: `/_action/order_transaction/${tx.id}/state/${name}`,
        body: note(comment),
      });
    try {
      await post(action);
    } catch (error) {
      if (error instanceof ShopwareApiError && error.status === 400) {
        // The same transition under its older name, where this Shopware version has only that one (`pay`).
        const alias = olderActionName(error, targetState);
        if (alias) return void (await post(alias));
        const again = await readOrder(order.id);
        const now = again ? currentTransaction(again) : undefined;
        if (now?.id === tx.id && now.stateMachineState?.technicalName === targetState) return;
      }
      throw error;
    }
  }
}

/** An older action name for the target state that an illegal-transition error lists as possible. */
function olderActionName(error: ShopwareApiError, targetState: string): string | undefined {
  if (error.shopwareCode !== 'SYSTEM__ILLEGAL_STATE_TRANSITION') return undefined;
  const possible = possibleTransitions(error.body.errors?.[0]?.meta?.parameters);
  return TRANSACTION_ACTION_ALIASES[targetState]?.find((name) => possible.includes(name));
}

/**
 * The action names an IllegalTransitionException lists. Shopware passes them as `possibleTransitions`, a PHP array:
 * JSON encodes it as a list, or as an object where its keys are not 0…n-1; `possibleTransitionsString` holds the
 * same names joined by ", " (src/Core/System/StateMachine/Exception/IllegalTransitionException.php).
 */
export function possibleTransitions(parameters: Record<string, unknown> | undefined): string[] {
  const listed = parameters?.possibleTransitions;
  const values = Array.isArray(listed)
    ? (listed as unknown[])
    : listed !== null && typeof listed === 'object'
      ? Object.values(listed)
      : typeof listed === 'string'
        ? listed.split(',')
        : typeof parameters?.possibleTransitionsString === 'string'
          ? parameters.possibleTransitionsString.split(',')
          : [];
  return values.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
}

function note(comment: string | undefined): Record<string, unknown> {
  return comment ? { sendMail: false, internalComment: comment } : { sendMail: false };
}
