/**
 * Shopify connector (issue 4 §2) over the Admin GraphQL API (https://shopify.dev/docs/api/admin-graphql).
 * Polling only. Note: without the `read_all_orders` scope Shopify only returns orders of the last 60 days
 * (https://shopify.dev/docs/api/usage/access-scopes#orders-permissions); open orders older than that need it.
 */
import { parseDecimalToMinor } from '../../money.ts';
import {
  ORDER_OUT_OF_REACH,
  type OrderPage,
  type ShopConnector,
  type ShopDiscovery,
  type ShopOrder,
  type WithheldField,
} from '../connector.ts';
import { ShopError } from '../http.ts';
import { createShopifyGraphQL, type ShopifyClientOptions } from './client.ts';
import {
  APP_SCOPES_QUERY,
  CHANGED_ORDERS_QUERY,
  MARK_AS_PAID_MUTATION,
  MAX_SINGLE_QUERY_COST,
  OPEN_ORDERS_QUERY,
  ORDER_NODE_COST,
  ORDER_QUERY,
  RECENT_GATEWAYS_QUERY,
  SHOP_QUERY,
  TAGS_ADD_MUTATION,
} from './documents.ts';
import { CANCELLED, defaultMapping, FINANCIAL_STATUSES, TAG_PREFIX } from './mapping.ts';

export type ShopifyConnectorOptions = ShopifyClientOptions;

type Money = { amount: string; currencyCode: string };
export type ShopifyOrderNode = {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  test: boolean;
  email: string | null;
  displayFinancialStatus: string | null;
  paymentGatewayNames: string[];
  canMarkAsPaid: boolean;
  tags: string[];
  currentTotalPriceSet: { shopMoney: Money; presentmentMoney?: Money };
  billingAddress: {
    firstName: string | null;
    lastName: string | null;
    name: string | null;
    company: string | null;
    countryCodeV2: string | null;
  } | null;
};
type Connection<T> = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: T[] };
type UserErrors = { userErrors: { field: string[] | null; message: string }[] };

/** Largest `first` whose requested cost stays within the single-query limit: 2 + first x node cost <= 1000. */
export const MAX_ORDERS_PER_PAGE = Math.floor((MAX_SINGLE_QUERY_COST - 2) / ORDER_NODE_COST);

/**
 * Order fields of protected customer data (https://shopify.dev/docs/apps/launch/protected-customer-data) that we can
 * do without: an app not approved for them gets null and an ACCESS_DENIED error; the order is still read.
 */
const CUSTOMER_FIELDS = ['email', 'billingAddress'] as const;

/** Gateways that are not the customer's payment method (gift cards, store credit pay part of an order). */
const NOT_A_METHOD = new Set(['gift_card', 'shopify_store_credit']);

export function statusOf(order: Pick<ShopifyOrderNode, 'cancelledAt' | 'displayFinancialStatus'>): string {
  return order.cancelledAt ? CANCELLED : (order.displayFinancialStatus ?? 'PENDING');
}

/** The ShopOrder fields read from each withheld Shopify field. */
const WITHHELD_AS: Record<(typeof CUSTOMER_FIELDS)[number], WithheldField[]> = {
  email: ['email'],
  billingAddress: ['customerName', 'company', 'billingCountry'],
};

/** `withheld`: the node's fields Shopify withheld (ACCESS_DENIED), null in `order` but not empty. */
export function toShopOrder(order: ShopifyOrderNode, withheld: ReadonlySet<string> = new Set()): ShopOrder {
  // What the customer owes, in the currency they were billed in: with Shopify Markets that is the presentment
  // currency ("the amount in the customer's selected currency", MoneyBag docs), and a bank transfer comes in it.
  // shopMoney is the same in the shop's base currency, kept for bookkeeping when it differs.
  const shop = order.currentTotalPriceSet.shopMoney;
  const money = order.currentTotalPriceSet.presentmentMoney ?? shop;
  const billing = order.billingAddress;
  const result: ShopOrder = {
    externalId: order.id,
    number: order.name,
    createdAt: new Date(order.createdAt).toISOString(),
    updatedAt: new Date(order.updatedAt).toISOString(),
    // MoneyV2.amount is a Decimal scalar serialised as a string ("119.90"): parsed without floats.
    totalMinor: parseDecimalToMinor(money.amount, money.currencyCode),
    currency: money.currencyCode,
    status: statusOf(order),
    extra: {
      financialStatus: order.displayFinancialStatus,
      canMarkAsPaid: order.canMarkAsPaid,
      tags: order.tags,
      test: order.test,
      ...(shop.currencyCode !== money.currencyCode
        ? { shopTotal: `${shop.amount} ${shop.currencyCode}` }
        : {}),
    },
  };
  const name = billing?.name ?? [billing?.firstName, billing?.lastName].filter(Boolean).join(' ');
  if (name) result.customerName = name;
  if (billing?.company) result.company = billing.company;
  if (order.email) result.email = order.email;
  if (billing?.countryCodeV2) result.billingCountry = billing.countryCodeV2;
  const method = order.paymentGatewayNames.find((g) => !NOT_A_METHOD.has(g));
  if (method) result.paymentMethod = method;
  const hidden = CUSTOMER_FIELDS.filter((f) => withheld.has(f)).flatMap((f) => WITHHELD_AS[f]);
  if (hidden.length > 0) result.withheld = hidden;
  return result;
}

/**
 * Request options for reading orders: the customer fields optional, and a record of which of them Shopify
 * withheld for which node. `of(path)` names the withheld fields of the node at `path` (['order'],
 * ['orders', 'nodes', 2]).
 */
function withheldRecorder() {
  const byNode = new Map<string, Set<string>>();
  return {
    options: {
      optional: CUSTOMER_FIELDS,
      onWithheld(path: readonly (string | number)[]) {
        const key = JSON.stringify(path.slice(0, -1));
        const fields = byNode.get(key) ?? new Set<string>();
        fields.add(String(path[path.length - 1]));
        byNode.set(key, fields);
      },
    },
    of: (path: (string | number)[]): ReadonlySet<string> => byNode.get(JSON.stringify(path)) ?? new Set(),
  };
}

/**
 * "Only the last 60 days' worth of orders from a store are accessible from the Order object by default"
 * (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order); older ones need the `read_all_orders` scope.
 * A day less than that, so an order near the edge is never taken for deleted because of clock differences.
 */
const DEFAULT_ORDER_WINDOW_MS = 59 * 86_400_000;

/** Shopify search syntax (https://shopify.dev/docs/api/usage/search-syntax): values with spaces or colons quoted. */
const since = (iso: string) => `updated_at:>='${new Date(iso).toISOString()}'`;

export function createShopifyConnector(
  options: ShopifyConnectorOptions,
): ShopConnector & { readonly requestCount: number } {
  const gql = createShopifyGraphQL(options);
  const pageSize = (requested: number | undefined) =>
    Math.max(1, Math.min(requested ?? 100, MAX_ORDERS_PER_PAGE));

  let scopes: Promise<Set<string>> | undefined;
  /** The app's granted scopes, asked once per connector (one sync run). */
  function grantedScopes(): Promise<Set<string>> {
    scopes ??= gql
      .request<{ currentAppInstallation: { accessScopes: { handle: string }[] } }>(APP_SCOPES_QUERY)
      .then((d) => new Set(d.currentAppInstallation.accessScopes.map((a) => a.handle)))
      .catch((error: unknown) => {
        scopes = undefined;
        throw error;
      });
    return scopes;
  }

  async function readOrder(
    id: string,
  ): Promise<{ node: ShopifyOrderNode; withheld: ReadonlySet<string> } | undefined> {
    if (!id.startsWith('gid://shopify/Order/')) return undefined;
    const recorder = withheldRecorder();
    const data = await gql.request<{ order: ShopifyOrderNode | null }>(ORDER_QUERY, { id }, recorder.options);
    return data.order ? { node: data.order, withheld: recorder.of(['order']) } : undefined;
  }

  return {
    system: 'shopify',
    capabilities: { canPushNewOrders: false, hasInvoiceNumbers: false, customStatuses: false },
    get requestCount() {
      return gql.requestCount;
    },

    async testConnection() {
      try {
        const data = await gql.request<{ shop: { id: string; name: string; myshopifyDomain: string } }>(
          SHOP_QUERY,
        );
        // Reading one order proves the read_orders scope, which `shop` does not need.
        await gql.request(RECENT_GATEWAYS_QUERY, { first: 1 });
        // The store's id stays when its domains change: `shop update` recognises the store by it (../same-shop.ts).
        return { ok: true, shopName: data.shop.name, shopIdentity: data.shop.id };
      } catch (error) {
        if (error instanceof ShopError) return { ok: false, code: error.code, message: error.message };
        throw error;
      }
    },

    async discover(): Promise<ShopDiscovery> {
      const recent = await gql.request<{ orders: { nodes: { paymentGatewayNames: string[] }[] } }>(
        RECENT_GATEWAYS_QUERY,
        { first: 250 },
      );
      const names = new Set<string>(Object.values(defaultMapping.paymentMethods).flat());
      for (const node of recent.orders.nodes)
        for (const g of node.paymentGatewayNames) if (!NOT_A_METHOD.has(g)) names.add(g);
      const tags = [defaultMapping.overdueStatus, defaultMapping.debtCollectionStatus].filter(
        (t): t is string => !!t,
      );
      return {
        paymentMethods: [...names].map((n) => ({ id: n, name: n })),
        statuses: [
          ...FINANCIAL_STATUSES.map((s) => ({
            id: s,
            name: s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' '),
          })),
          { id: CANCELLED, name: 'Cancelled' },
          ...tags.map((t) => ({ id: t, name: `Tag "${t.slice(TAG_PREFIX.length)}"` })),
        ],
      };
    },

    async listChangedOrders(params): Promise<OrderPage> {
      const before = gql.requestCount;
      // Cursor paging with sortKey UPDATED_AT: Shopify's cursors are keyset positions, so an order updated while
      // we page moves behind the cursor instead of shifting others. `>=` because updatedAt has whole seconds.
      // Our cursor carries the search query of the first page, so every page of one listing uses the same query.
      const resume = params.cursor
        ? (JSON.parse(Buffer.from(params.cursor, 'base64url').toString('utf8')) as {
            q: string | null;
            c: string;
          })
        : undefined;
      const query = resume ? resume.q : params.since ? since(params.since) : null;
      const recorder = withheldRecorder();
      const data = await gql.request<{ orders: Connection<ShopifyOrderNode> }>(
        CHANGED_ORDERS_QUERY,
        { first: pageSize(params.pageSize), after: resume?.c ?? null, query },
        recorder.options,
      );
      const { pageInfo, nodes } = data.orders;
      const next =
        pageInfo.hasNextPage && pageInfo.endCursor ? { q: query, c: pageInfo.endCursor } : undefined;
      return {
        orders: nodes.map((node, i) => toShopOrder(node, recorder.of(['orders', 'nodes', i]))),
        nextCursor: next ? Buffer.from(JSON.stringify(next), 'utf8').toString('base64url') : undefined,
        requests: gql.requestCount - before,
      };
    },

    async listOpenOrderIds({ openStatuses }) {
      const before = gql.requestCount;
      const wanted = new Set(openStatuses);
      const ids: string[] = [];
      // One listing per financial status (search syntax `financial_status:pending`); cancelled orders keep their
      // financial status, so the CANCELLED check happens on the result.
      for (const status of openStatuses.filter((s) => s !== CANCELLED && !s.startsWith(TAG_PREFIX))) {
        let after: string | null = null;
        for (;;) {
          const data: {
            orders: Connection<Pick<ShopifyOrderNode, 'id' | 'cancelledAt' | 'displayFinancialStatus'>>;
          } = await gql.request(OPEN_ORDERS_QUERY, {
            first: MAX_ORDERS_PER_PAGE,
            after,
            query: `financial_status:${status.toLowerCase()}`,
          });
          for (const node of data.orders.nodes) if (wanted.has(statusOf(node))) ids.push(node.id);
          if (!data.orders.pageInfo.hasNextPage || !data.orders.pageInfo.endCursor) break;
          after = data.orders.pageInfo.endCursor;
        }
      }
      return { ids: [...new Set(ids)], requests: gql.requestCount - before };
    },

    /**
     * Null from `order(id)` means deleted only where Shopify would show the order: for one created more than ~60
     * days ago, only when the app has `read_all_orders`. Otherwise it is ORDER_OUT_OF_REACH, never "deleted".
     */
    async getOrder(externalId, known) {
      const order = await readOrder(externalId);
      if (order) return toShopOrder(order.node, order.withheld);
      const created = known ? Date.parse(known.createdAt) : Number.NaN;
      const old = created < options.clock.now().getTime() - DEFAULT_ORDER_WINDOW_MS;
      if (old && !(await grantedScopes()).has('read_all_orders')) {
        throw new ShopError(
          ORDER_OUT_OF_REACH,
          `${gql.label} does not show order ${externalId}, created ${known?.createdAt.slice(0, 10) ?? '?'}: without the read_all_orders scope Shopify shows an app only the last 60 days' orders, so it cannot be checked and was not marked as deleted. Grant the app read_all_orders (app settings, Admin API access scopes) to have older orders compared.`,
        );
      }
      return undefined;
    },

    async setOrderStatus(externalId, target) {
      if (target.status.startsWith(TAG_PREFIX)) {
        const data = await gql.request<{ tagsAdd: UserErrors | null }>(TAGS_ADD_MUTATION, {
          id: externalId,
          tags: [target.status.slice(TAG_PREFIX.length)],
        });
        throwUserErrors(data.tagsAdd, `tag order ${externalId}`);
        if (!target.paid) return;
      } else if (!target.paid && target.status !== 'PAID') {
        throw new ShopError(
          'SHOP_CONFIG',
          `${gql.label}: Shopify has no order status "${target.status}"; Kassenwart can only mark orders paid or add tags ("tag:…").`,
        );
      }
      // orderMarkAsPaid only works while canMarkAsPaid (https://shopify.dev/docs/api/admin-graphql/latest/mutations/orderMarkAsPaid).
      const order = (await readOrder(externalId))?.node;
      if (!order)
        throw new ShopError(
          'SHOP_NOT_FOUND',
          `${gql.label}: order ${externalId} no longer exists in the shop.`,
        );
      if (order.displayFinancialStatus === 'PAID') return;
      if (!order.canMarkAsPaid) {
        throw new ShopError(
          'SHOP_REQUEST_REJECTED',
          `${gql.label}: order ${order.name} cannot be marked as paid in Shopify (status ${statusOf(order)}).`,
        );
      }
      const data = await gql.request<{
        orderMarkAsPaid: (UserErrors & { order: { displayFinancialStatus: string | null } | null }) | null;
      }>(MARK_AS_PAID_MUTATION, {
        input: { id: externalId },
      });
      if (data.orderMarkAsPaid?.userErrors.length) {
        const again = (await readOrder(externalId))?.node;
        if (again?.displayFinancialStatus === 'PAID') return; // paid meanwhile by someone else
      }
      throwUserErrors(data.orderMarkAsPaid, `mark order ${order.name} as paid`);
    },
  };

  function throwUserErrors(payload: UserErrors | null, what: string): void {
    const errors = payload?.userErrors ?? [];
    if (errors.length > 0)
      throw new ShopError(
        'SHOP_REQUEST_REJECTED',
        `${gql.label} refused to ${what}: ${errors.map((e) => e.message).join('; ')}`,
      );
  }
}
