/**
 * The Shopify simulator's executable schema: a SUBSET of the real Admin GraphQL schema (same type, field,
 * argument and enum value names and types; a test checks it against admin_<version>.json.gz from
 * @shopify/dev-mcp), plus Shopify's query cost calculation and the part of the search syntax we use.
 *   - Cost: https://shopify.dev/docs/api/usage/limits#cost-calculation (scalars/enums 0, objects 1,
 *     connections 2 + first x node cost, mutations 10; single query max 1000).
 *   - Search syntax: https://shopify.dev/docs/api/usage/search-syntax (`field:value`, comparators >, >=, <, <=,
 *     quoted values, `-` negation; terms are ANDed).
 */
import {
  buildSchema,
  getNamedType,
  isLeafType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export const SIMULATOR_SDL = /* GraphQL */ `
  schema {
    query: QueryRoot
    mutation: Mutation
  }
  scalar DateTime
  scalar Decimal
  enum CurrencyCode {
    CHF
    EUR
    GBP
    USD
  }
  enum CountryCode {
    AT
    CH
    DE
    FR
    GB
    NL
    US
  }
  enum OrderDisplayFinancialStatus {
    AUTHORIZED
    EXPIRED
    PAID
    PARTIALLY_PAID
    PARTIALLY_REFUNDED
    PENDING
    REFUNDED
    VOIDED
  }
  enum OrderSortKeys {
    CREATED_AT
    ID
    PROCESSED_AT
    UPDATED_AT
  }
  interface Node {
    id: ID!
  }
  type MoneyV2 {
    amount: Decimal!
    currencyCode: CurrencyCode!
  }
  type MoneyBag {
    presentmentMoney: MoneyV2!
    shopMoney: MoneyV2!
  }
  type MailingAddress implements Node {
    id: ID!
    firstName: String
    lastName: String
    name: String
    company: String
    countryCodeV2: CountryCode
  }
  type Order implements Node {
    id: ID!
    name: String!
    createdAt: DateTime!
    updatedAt: DateTime!
    cancelledAt: DateTime
    test: Boolean!
    email: String
    displayFinancialStatus: OrderDisplayFinancialStatus
    paymentGatewayNames: [String!]!
    canMarkAsPaid: Boolean!
    tags: [String!]!
    currentTotalPriceSet: MoneyBag!
    totalPriceSet: MoneyBag!
    billingAddress: MailingAddress
  }
  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }
  type OrderEdge {
    cursor: String!
    node: Order!
  }
  type OrderConnection {
    edges: [OrderEdge!]!
    nodes: [Order!]!
    pageInfo: PageInfo!
  }
  type AccessScope {
    description: String!
    handle: String!
  }
  type AppInstallation {
    accessScopes: [AccessScope!]!
  }
  type Shop {
    id: ID!
    name: String!
    myshopifyDomain: String!
    currencyCode: CurrencyCode!
  }
  type QueryRoot {
    shop: Shop!
    currentAppInstallation: AppInstallation!
    order(id: ID!): Order
    orders(
      first: Int
      after: String
      last: Int
      before: String
      query: String
      reverse: Boolean = false
      sortKey: OrderSortKeys = ID
    ): OrderConnection!
  }
  input OrderMarkAsPaidInput {
    id: ID!
  }
  type UserError {
    field: [String!]
    message: String!
  }
  type OrderMarkAsPaidPayload {
    order: Order
    userErrors: [UserError!]!
  }
  type TagsAddPayload {
    node: Node
    userErrors: [UserError!]!
  }
  type Mutation {
    orderMarkAsPaid(input: OrderMarkAsPaidInput!): OrderMarkAsPaidPayload
    tagsAdd(id: ID!, tags: [String!]!): TagsAddPayload
  }
`;

export function buildSimulatorSchema(): GraphQLSchema {
  return buildSchema(SIMULATOR_SDL);
}

function argValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

/** Requested query cost of an operation per Shopify's static cost rules (see file comment). */
export function requestedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): number {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) return 0;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  if (operation.operation === 'mutation') return 10 * operation.selectionSet.selections.length;

  const costOf = (set: SelectionSetNode | undefined, type: GraphQLObjectType): number => {
    if (!set) return 0;
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(sel.name.value);
        total += f ? costOf(f.selectionSet, type) : 0;
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        total += costOf(sel.selectionSet, type);
        continue;
      }
      const field = type.getFields()[sel.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      if (isLeafType(named)) continue;
      const objectType = ('getFields' in named ? named : type) as GraphQLObjectType;
      if (named.name.endsWith('Connection')) {
        const first = argValue(
          sel.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last')?.value,
          variables,
        );
        const size = typeof first === 'number' ? first : 0;
        let nodeCost = 0;
        for (const inner of sel.selectionSet?.selections ?? []) {
          if (inner.kind !== Kind.FIELD) continue;
          const nodeType = getNamedType(objectType.getFields()[inner.name.value]!.type) as GraphQLObjectType;
          if (inner.name.value === 'nodes')
            nodeCost = Math.max(nodeCost, 1 + costOf(inner.selectionSet, nodeType));
          if (inner.name.value === 'edges') {
            const nodeSel = inner.selectionSet?.selections.find(
              (s) => s.kind === Kind.FIELD && s.name.value === 'node',
            );
            const orderType = getNamedType(nodeType.getFields().node!.type) as GraphQLObjectType;
            if (nodeSel?.kind === Kind.FIELD)
              nodeCost = Math.max(nodeCost, 1 + costOf(nodeSel.selectionSet, orderType));
          }
        }
        total += 2 + size * nodeCost;
        continue;
      }
      total += 1 + costOf(sel.selectionSet, objectType);
    }
    return total;
  };
  return costOf(operation.selectionSet, schema.getQueryType()!);
}

export type SearchTerm = {
  field: string;
  op: '=' | '>' | '>=' | '<' | '<=';
  value: string;
  negated: boolean;
};

/** Parses `updated_at:>='2026-11-02T09:00:00Z' financial_status:pending -status:cancelled`. */
export function parseSearch(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const pattern = /(-?)([a-z_]+):(>=|<=|>|<)?('[^']*'|"[^"]*"|\S+)/g;
  for (const m of query.matchAll(pattern)) {
    const raw = m[4]!;
    const value = /^['"]/.test(raw) ? raw.slice(1, -1) : raw;
    terms.push({
      negated: m[1] === '-',
      field: m[2]!,
      op: (m[3] as SearchTerm['op'] | undefined) ?? '=',
      value,
    });
  }
  return terms;
}
