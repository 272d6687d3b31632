/**
 * Connector registry: one line per shop system. Shopware 6 and Shopify add their entries here.
 */
import type { ShopSystem } from '#shared/domain.ts';
import { ShopError } from './http.ts';
import type { ConnectorFactory } from './connector-factory.ts';
import { woocommerceFactory } from './woocommerce/factory.ts';
import { csvFactory } from './csv/factory.ts';
import { shopware6Factory } from './shopware6/factory.ts';
import { shopifyFactory } from './shopify/factory.ts';

export const connectorFactories: Partial<Record<ShopSystem, ConnectorFactory>> = {
  woocommerce: woocommerceFactory,
  csv: csvFactory,
  shopware6: shopware6Factory,
  shopify: shopifyFactory,
};

export function connectorFactory(system: ShopSystem): ConnectorFactory {
  const factory = connectorFactories[system];
  if (!factory)
    throw new ShopError(
      'SHOP_SYSTEM_UNSUPPORTED',
      `Shop system "${system}" is not available in this version.`,
    );
  return factory;
}
