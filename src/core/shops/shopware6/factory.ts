import type { ConnectorFactory } from '../connector-factory.ts';
import { ShopError } from '../http.ts';
import { createShopware6Connector } from './connector.ts';
import { defaultMapping } from './mapping.ts';

/** Registry entry (../registry.ts). Credentials: the integration's access key ID and secret access key. */
export const shopware6Factory: ConnectorFactory = {
  system: 'shopware6',
  label: 'Shopware 6',
  needsUrl: true,
  needsFile: false,
  credentialFields: [
    { name: 'key', label: 'Access key ID of the integration (SWIA…)' },
    { name: 'secret', label: 'Secret access key of the integration' },
  ],
  defaultMapping: () => defaultMapping,
  create(context) {
    const { key, secret } = context.credentials;
    if (!context.url)
      throw new ShopError(
        'SHOP_CONFIG',
        `Shopware shop "${context.shopName}" has no address; give --url https://shop.example.de.`,
      );
    if (!key || !secret) {
      throw new ShopError(
        'SHOP_CONFIG',
        `Shopware shop "${context.shopName}" needs the access key ID and secret access key of an integration (Settings > System > Integrations).`,
      );
    }
    return createShopware6Connector({
      ...context.http,
      logger: context.http.logger ?? context.logger,
      baseUrl: context.url,
      credentials: { clientId: key, clientSecret: secret },
      label: `Shopware shop "${context.shopName}"`,
    });
  },
};
