/**
 * Every GraphQL document the Shopify connector sends, in one place, so the schema test can validate each of them
 * against the Admin API schema of the pinned version (@shopify/dev-mcp dist/data/admin_<version>.json.gz).
 * Docs: https://shopify.dev/docs/api/admin-graphql (queries `shop`, `orders`, `order`; mutations
 * `orderMarkAsPaid`, `tagsAdd`).
 */

/** Pinned Admin API version (https://shopify.dev/docs/api/usage/versioning); its schema ships in @shopify/dev-mcp. */
export const SHOPIFY_API_VERSION = '2026-10';

const ORDER_FIELDS = /* GraphQL */ `
  fragment KassenwartOrder on Order {
    id
    name
    createdAt
    updatedAt
    cancelledAt
    test
    email
    displayFinancialStatus
    paymentGatewayNames
    canMarkAsPaid
    tags
    currentTotalPriceSet {
      shopMoney {
        amount
        currencyCode
      }
      presentmentMoney {
        amount
        currencyCode
      }
    }
    billingAddress {
      firstName
      lastName
      name
      company
      countryCodeV2
    }
  }
`;

/**
 * Requested cost of one order node in KassenwartOrder per Shopify's cost rules
 * (https://shopify.dev/docs/api/usage/limits#cost-calculation: objects 1, scalars and enums 0):
 * Order + MoneyBag + 2 x MoneyV2 + MailingAddress = 5. A connection costs 2 + first x node cost.
 */
export const ORDER_NODE_COST = 5;
/** Shopify rejects a single query above 1000 points (MAX_COST_EXCEEDED). */
export const MAX_SINGLE_QUERY_COST = 1000;

export const SHOP_QUERY = /* GraphQL */ `
  query KassenwartShop {
    shop {
      id
      name
      myshopifyDomain
      currencyCode
    }
  }
`;

export const CHANGED_ORDERS_QUERY = /* GraphQL */ `
  query KassenwartChangedOrders($first: Int!, $after: String, $query: String) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...KassenwartOrder
      }
    }
  }
  ${ORDER_FIELDS}
`;

export const OPEN_ORDERS_QUERY = /* GraphQL */ `
  query KassenwartOpenOrders($first: Int!, $after: String, $query: String) {
    orders(first: $first, after: $after, query: $query, sortKey: ID) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        cancelledAt
        displayFinancialStatus
      }
    }
  }
`;

/** Recent orders' gateways, for the mapping screen (the Admin API has no list of manual payment methods). */
export const RECENT_GATEWAYS_QUERY = /* GraphQL */ `
  query KassenwartRecentGateways($first: Int!) {
    orders(first: $first, sortKey: CREATED_AT, reverse: true) {
      nodes {
        paymentGatewayNames
      }
    }
  }
`;

export const ORDER_QUERY = /* GraphQL */ `
  query KassenwartOrder($id: ID!) {
    order(id: $id) {
      ...KassenwartOrder
    }
  }
  ${ORDER_FIELDS}
`;

export const MARK_AS_PAID_MUTATION = /* GraphQL */ `
  mutation KassenwartMarkAsPaid($input: OrderMarkAsPaidInput!) {
    orderMarkAsPaid(input: $input) {
      order {
        id
        canMarkAsPaid
        displayFinancialStatus
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const TAGS_ADD_MUTATION = /* GraphQL */ `
  mutation KassenwartTagsAdd($id: ID!, $tags: [String!]!) {
    tagsAdd(id: $id, tags: $tags) {
      node {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;

/**
 * The scopes the app was granted (https://shopify.dev/docs/api/admin-graphql/latest/objects/AppInstallation):
 * whether it has `read_all_orders`, without which orders older than 60 days are not shown.
 */
export const APP_SCOPES_QUERY = /* GraphQL */ `
  query KassenwartAppScopes {
    currentAppInstallation {
      accessScopes {
        handle
      }
    }
  }
`;

export const SHOPIFY_DOCUMENTS = {
  SHOP_QUERY,
  APP_SCOPES_QUERY,
  CHANGED_ORDERS_QUERY,
  OPEN_ORDERS_QUERY,
  RECENT_GATEWAYS_QUERY,
  ORDER_QUERY,
  MARK_AS_PAID_MUTATION,
  TAGS_ADD_MUTATION,
} as const;
