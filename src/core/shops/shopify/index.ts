/** Shopify connector: public surface for the connector registry and the shop service. */
export { createShopifyConnector, MAX_ORDERS_PER_PAGE, type ShopifyConnectorOptions } from './connector.ts';
export { defaultMapping } from './mapping.ts';
export { SHOPIFY_API_VERSION, SHOPIFY_DOCUMENTS } from './documents.ts';
export { shopifyFactory } from './factory.ts';
export { PROTECTED_DATA_ACCESS_HINT } from './client.ts';
