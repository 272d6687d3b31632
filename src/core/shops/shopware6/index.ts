/** Shopware 6 connector: public surface for the connector registry and the shop service. */
export { createShopware6Connector, type Shopware6ConnectorOptions } from './connector.ts';
export { defaultMapping } from './mapping.ts';
export { shopware6Factory } from './factory.ts';
