/**
 * Orders of the Shopify simulator and the behaviour of the operations on them: cursor connections (Relay,
 * opaque keyset cursors like Shopify's base64 `{"last_id":…,"last_value":…}`), the search filters we use
 * (`updated_at`, `created_at`, `financial_status`, `status`), orderMarkAsPaid (only while canMarkAsPaid) and tagsAdd.
 */
import type { SearchTerm } from './simulator-schema.ts';

export type SimOrderSeed = {
  amount: string;
  currency?: string;
  /**
   * The amount in the customer's currency (Shopify Markets: presentmentMoney), when it is not the shop's own
   * (shopMoney: `amount` in `currency`).
   */
  presentment?: { amount: string; currency: string };
  createdAtMs: number;
  gateway?: string;
  financialStatus?: string;
  email?: string | null;
  firstName?: string;
  lastName?: string;
  company?: string | null;
  country?: string;
  tags?: string[];
};

type SimOrder = {
  numericId: number;
  name: string;
  createdAtMs: number;
  updatedAtMs: number;
  cancelledAtMs: number | null;
  financialStatus: string;
  gateways: string[];
  tags: string[];
  email: string | null;
  amount: string;
  currency: string;
  presentment: { amount: string; currency: string } | null;
  firstName: string;
  lastName: string;
  company: string | null;
  country: string;
};

export type SimOrderStore = {
  add(seed: SimOrderSeed): string;
  edit(
    id: string,
    change: { amount?: string; email?: string; financialStatus?: string; cancelled?: boolean },
  ): void;
  remove(id: string): void;
  /** The raw stored state, for assertions. */
  get(
    id: string,
  ): { financialStatus: string; tags: string[]; cancelled: boolean; updatedAt: string } | undefined;
  ids(): string[];
  view(id: string): Record<string, unknown> | null;
  connection(args: {
    first?: number | null;
    after?: string | null;
    sortKey?: string;
    reverse?: boolean;
    terms: SearchTerm[];
  }): Record<string, unknown>;
  markAsPaid(id: string): Record<string, unknown>;
  addTags(id: string, tags: string[]): Record<string, unknown>;
};

const gid = (n: number) => `gid://shopify/Order/${n}`;
/** Shopify timestamps have whole seconds. */
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const MARKABLE = new Set(['PENDING', 'PARTIALLY_PAID']);

export function createOrderStore(now: () => number): SimOrderStore {
  const orders = new Map<string, SimOrder>();
  let next = 5_000_000_001;
  let lastStamp = 0;
  /** Change times advance by at least one second per change, so every edit is visible to `updated_at:>=`. */
  const stamp = () => (lastStamp = Math.max(now(), lastStamp + 1000));

  const canMarkAsPaid = (o: SimOrder) => o.cancelledAtMs === null && MARKABLE.has(o.financialStatus);
  function view(o: SimOrder): Record<string, unknown> {
    const money = { amount: o.amount, currencyCode: o.currency };
    const presentment = o.presentment
      ? { amount: o.presentment.amount, currencyCode: o.presentment.currency }
      : money;
    return {
      __typename: 'Order',
      id: gid(o.numericId),
      name: o.name,
      createdAt: iso(o.createdAtMs),
      updatedAt: iso(o.updatedAtMs),
      cancelledAt: o.cancelledAtMs === null ? null : iso(o.cancelledAtMs),
      test: false,
      email: o.email,
      displayFinancialStatus: o.financialStatus,
      paymentGatewayNames: o.gateways,
      canMarkAsPaid: canMarkAsPaid(o),
      tags: [...o.tags].sort(),
      currentTotalPriceSet: { shopMoney: money, presentmentMoney: presentment },
      totalPriceSet: { shopMoney: money, presentmentMoney: presentment },
      billingAddress: {
        __typename: 'MailingAddress',
        id: `gid://shopify/MailingAddress/${o.numericId}`,
        firstName: o.firstName,
        lastName: o.lastName,
        name: `${o.firstName} ${o.lastName}`,
        company: o.company,
        countryCodeV2: o.country,
      },
    };
  }

  function matches(o: SimOrder, t: SearchTerm): boolean {
    let result: boolean;
    if (t.field === 'updated_at' || t.field === 'created_at') {
      const value = Math.floor((t.field === 'updated_at' ? o.updatedAtMs : o.createdAtMs) / 1000) * 1000;
      const bound = Date.parse(t.value);
      result = {
        '=': value === bound,
        '>': value > bound,
        '>=': value >= bound,
        '<': value < bound,
        '<=': value <= bound,
      }[t.op];
    } else if (t.field === 'financial_status') {
      result = o.financialStatus === t.value.toUpperCase();
    } else if (t.field === 'status') {
      result =
        t.value === 'cancelled'
          ? o.cancelledAtMs !== null
          : t.value === 'open'
            ? o.cancelledAtMs === null
            : true;
    } else {
      result = true; // Shopify ignores unknown filters (with a search warning)
    }
    return t.negated ? !result : result;
  }

  const sortValue = (o: SimOrder, key: string) =>
    key === 'UPDATED_AT'
      ? Math.floor(o.updatedAtMs / 1000)
      : key === 'CREATED_AT' || key === 'PROCESSED_AT'
        ? o.createdAtMs
        : o.numericId;
  const cursorOf = (o: SimOrder, key: string) =>
    Buffer.from(JSON.stringify({ last_id: o.numericId, last_value: sortValue(o, key) })).toString('base64');

  const find = (id: string) => orders.get(id);
  const userError = (message: string) => ({ field: ['id'], message });

  return {
    add(seed) {
      const n = next++;
      const id = gid(n);
      orders.set(id, {
        numericId: n,
        name: `#${1000 + orders.size + 1}`,
        createdAtMs: seed.createdAtMs,
        updatedAtMs: seed.createdAtMs,
        cancelledAtMs: null,
        financialStatus: seed.financialStatus ?? 'PENDING',
        gateways: [seed.gateway ?? 'Bank Deposit'],
        tags: seed.tags ?? [],
        email: seed.email === undefined ? 'kunde@example.de' : seed.email,
        amount: seed.amount,
        currency: seed.currency ?? 'EUR',
        presentment: seed.presentment ?? null,
        firstName: seed.firstName ?? 'Erika',
        lastName: seed.lastName ?? 'Mustermann',
        company: seed.company ?? null,
        country: seed.country ?? 'DE',
      });
      return id;
    },
    edit(id, change) {
      const o = find(id);
      if (!o) throw new Error(`no order ${id}`);
      if (change.amount !== undefined) o.amount = change.amount;
      if (change.email !== undefined) o.email = change.email;
      if (change.financialStatus) o.financialStatus = change.financialStatus;
      if (change.cancelled) o.cancelledAtMs = now();
      o.updatedAtMs = stamp();
    },
    remove: (id) => void orders.delete(id),
    get(id) {
      const o = find(id);
      return (
        o && {
          financialStatus: o.financialStatus,
          tags: [...o.tags],
          cancelled: o.cancelledAtMs !== null,
          updatedAt: iso(o.updatedAtMs),
        }
      );
    },
    ids: () => [...orders.keys()],
    view: (id) => {
      const o = find(id);
      return o ? view(o) : null;
    },
    connection({ first, after, sortKey = 'ID', reverse = false, terms }) {
      const key = sortKey;
      let rows = [...orders.values()].filter((o) => terms.every((t) => matches(o, t)));
      const compare = (a: SimOrder, b: SimOrder) =>
        sortValue(a, key) - sortValue(b, key) || a.numericId - b.numericId;
      rows.sort((a, b) => (reverse ? -compare(a, b) : compare(a, b)));
      if (after) {
        const c = JSON.parse(Buffer.from(after, 'base64').toString('utf8')) as {
          last_id: number;
          last_value: number;
        };
        rows = rows.filter((o) => {
          const d = sortValue(o, key) - c.last_value || o.numericId - c.last_id;
          return reverse ? d < 0 : d > 0;
        });
      }
      const size = Math.min(first ?? 50, 250);
      const page = rows.slice(0, size);
      const nodes = page.map(view);
      return {
        nodes,
        edges: page.map((o, i) => ({ cursor: cursorOf(o, key), node: nodes[i] })),
        pageInfo: {
          hasNextPage: rows.length > size,
          hasPreviousPage: !!after,
          startCursor: page[0] ? cursorOf(page[0], key) : null,
          endCursor: page.at(-1) ? cursorOf(page.at(-1)!, key) : null,
        },
      };
    },
    markAsPaid(id) {
      const o = find(id);
      if (!o) return { order: null, userErrors: [userError('Order does not exist')] };
      if (!canMarkAsPaid(o))
        return { order: view(o), userErrors: [userError('Order cannot be marked as paid.')] };
      o.financialStatus = 'PAID';
      o.updatedAtMs = stamp();
      return { order: view(o), userErrors: [] };
    },
    addTags(id, tags) {
      const o = find(id);
      if (!o) return { node: null, userErrors: [userError('Resource does not exist')] };
      for (const t of tags) if (!o.tags.includes(t)) o.tags.push(t);
      o.updatedAtMs = stamp();
      return { node: view(o), userErrors: [] };
    },
  };
}
