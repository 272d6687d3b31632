/**
 * Criteria bodies for the Admin API search endpoints (`POST /api/search/{entity}`), per the DAL search syntax
 * (https://developer.shopware.com/docs/guides/integrations-api/general-concepts/search-criteria.html) and the
 * `Criteria` schema of adminApiSchema.json (6.7: `total-count-mode` is the string enum none|exact|next-pages).
 * Pure functions, exported so the spec test can validate exactly what the connector sends.
 */
export type Filter =
  | { type: 'equals'; field: string; value: string | number | boolean | null }
  | { type: 'equalsAny'; field: string; value: string[] }
  | {
      type: 'range';
      field: string;
      parameters: {
        gte?: string | number;
        gt?: string | number;
        lte?: string | number;
        lt?: string | number;
      };
    }
  | { type: 'multi' | 'not'; operator: 'and' | 'or'; queries: Filter[] };

export type Criteria = {
  page?: number;
  limit?: number;
  ids?: string[];
  filter?: Filter[];
  sort?: { field: string; order: 'ASC' | 'DESC' }[];
  associations?: Record<string, Criteria>;
  'total-count-mode'?: 'none' | 'exact' | 'next-pages';
};

/** Everything the order mapping reads (order-mapping.ts). */
export const ORDER_ASSOCIATIONS: Record<string, Criteria> = {
  stateMachineState: {},
  currency: {},
  orderCustomer: {},
  billingAddress: { associations: { country: {} } },
  transactions: {
    associations: { stateMachineState: {}, paymentMethod: {} },
    sort: [{ field: 'createdAt', order: 'ASC' }],
  },
  documents: {
    associations: { documentType: {} },
    filter: [{ type: 'equals', field: 'documentType.technicalName', value: 'invoice' }],
  },
};

/** One keyset position in a date-ordered stream: the last date consumed and the ids already seen at that date. */
export type Keyset = { at?: string; skipIds: string[] };

/**
 * Orders changed since a point, oldest first. Shopware leaves `updatedAt` NULL until an order is first changed,
 * so "changed since" is two streams merged by the connector: orders with `updatedAt >= since` ordered by
 * updatedAt, and never-updated orders with `createdAt >= since` ordered by createdAt. Paging is by keyset
 * (date >= last date, minus the ids already returned at exactly that date) instead of page numbers, so an order
 * that changes while we page moves to the end instead of shifting a page boundary and hiding another order.
 * `next-pages` makes Shopware tell us whether more rows follow (total > rows returned) without an exact count.
 */
export function changedOrdersCriteria(
  stream: 'updated' | 'created',
  since: string | undefined,
  keyset: Keyset,
  limit: number,
): Criteria {
  const field = stream === 'updated' ? 'updatedAt' : 'createdAt';
  const page = keysetPage(field, since, keyset, stream === 'updated');
  const neverUpdated: Filter[] =
    stream === 'created' ? [{ type: 'equals', field: 'updatedAt', value: null }] : [];
  return {
    page: 1,
    limit,
    filter: [...neverUpdated, ...page.filter],
    sort: page.sort,
    associations: ORDER_ASSOCIATIONS,
    'total-count-mode': 'next-pages',
  };
}

/**
 * Order transactions changed since a point, oldest first, by the same keyset as changedOrdersCriteria (on the
 * transaction's updatedAt and id). A payment state change made in the Shopware admin goes through the state
 * machine, which writes only `order_transaction.stateId` (StateMachineRegistry::transition): the transaction's
 * updatedAt moves, the order's does not, so the changed-orders streams alone would miss an order paid there until
 * the full comparison. Paged on the transaction entity (`POST /api/search/order-transaction`) rather than as an
 * `or` of `transactions.updatedAt` in the order search: an order has no single sortable "changed" date across its
 * transactions (the DAL sorts a to-many field by MIN/MAX), and keyset paging needs one.
 * Filters: https://developer.shopware.com/docs/resources/references/core-reference/dal-reference/filters-reference.html
 */
export function changedTransactionsCriteria(
  since: string | undefined,
  keyset: Keyset,
  limit: number,
): Criteria {
  const page = keysetPage('updatedAt', since, keyset, true);
  return { page: 1, limit, ...page, 'total-count-mode': 'next-pages' };
}

/**
 * The keyset part of a date-ordered stream on `field`: rows from the keyset's date (else from `since`; with
 * neither, every row whose `field` is set, when `onlySet`), minus the ids already returned at exactly that date,
 * sorted by `field`, then id.
 */
function keysetPage(
  field: 'updatedAt' | 'createdAt',
  since: string | undefined,
  keyset: Keyset,
  onlySet: boolean,
): { filter: Filter[]; sort: NonNullable<Criteria['sort']> } {
  const filter: Filter[] = [];
  const from = keyset.at ?? since;
  if (from) filter.push({ type: 'range', field, parameters: { gte: from } });
  else if (onlySet)
    filter.push({ type: 'not', operator: 'and', queries: [{ type: 'equals', field, value: null }] });
  if (keyset.skipIds.length > 0) {
    filter.push({
      type: 'not',
      operator: 'or',
      queries: [{ type: 'equalsAny', field: 'id', value: keyset.skipIds }],
    });
  }
  return {
    filter,
    sort: [
      { field, order: 'ASC' },
      { field: 'id', order: 'ASC' },
    ],
  };
}

/** The orders of changed transactions, with everything the mapping reads. */
export function ordersByIdsCriteria(ids: string[]): Criteria {
  return { ids, associations: ORDER_ASSOCIATIONS, 'total-count-mode': 'none' };
}

/**
 * Orders in the given order states, by `autoIncrement` keyset (stable while states change during paging).
 * Only the state associations are loaded: the full comparison needs ids and states, not customers.
 */
export function openOrdersCriteria(
  orderStates: string[],
  afterAutoIncrement: number | undefined,
  limit: number,
): Criteria {
  const filter: Filter[] = [
    { type: 'equalsAny', field: 'stateMachineState.technicalName', value: orderStates },
  ];
  if (afterAutoIncrement !== undefined)
    filter.push({ type: 'range', field: 'autoIncrement', parameters: { gt: afterAutoIncrement } });
  return {
    page: 1,
    limit,
    filter,
    sort: [{ field: 'autoIncrement', order: 'ASC' }],
    associations: { stateMachineState: {}, transactions: { associations: { stateMachineState: {} } } },
    'total-count-mode': 'next-pages',
  };
}

/** One order by id, loaded like {@link ordersByIdsCriteria}. */
export function orderByIdCriteria(id: string): Criteria {
  return ordersByIdsCriteria([id]);
}

export function paymentMethodsCriteria(): Criteria {
  return { page: 1, limit: 500, sort: [{ field: 'position', order: 'ASC' }], 'total-count-mode': 'none' };
}

export function stateMachineStatesCriteria(): Criteria {
  return {
    page: 1,
    limit: 500,
    filter: [
      {
        type: 'equalsAny',
        field: 'stateMachine.technicalName',
        value: ['order.state', 'order_transaction.state'],
      },
    ],
    associations: { stateMachine: {} },
    'total-count-mode': 'none',
  };
}
