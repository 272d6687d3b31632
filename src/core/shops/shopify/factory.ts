import type { ConnectorFactory } from '../connector-factory.ts';
import { ShopError } from '../http.ts';
import { createShopifyConnector } from './connector.ts';
import { defaultMapping } from './mapping.ts';

/**
 * Registry entry (../registry.ts). Credentials: either `token` (an Admin API access token of the merchant's own
 * app) or `key` + `secret` (the app's client ID and secret for the client credentials grant).
 */
export const shopifyFactory: ConnectorFactory = {
  system: 'shopify',
  label: 'Shopify',
  needsUrl: true,
  needsFile: false,
  credentialFields: [
    {
      name: 'token',
      label: 'Admin API access token (shpat_…), or leave empty and give client ID and secret',
      optional: true,
    },
    { name: 'key', label: 'Client ID of your app', optional: true },
    { name: 'secret', label: 'Client secret of your app', optional: true },
  ],
  defaultMapping: () => defaultMapping,
  create(context) {
    const { token, key, secret } = context.credentials;
    if (!context.url)
      throw new ShopError(
        'SHOP_CONFIG',
        `Shopify shop "${context.shopName}" has no address; give --url https://your-store.myshopify.com.`,
      );
    const auth = token
      ? { accessToken: token }
      : key && secret
        ? { clientId: key, clientSecret: secret }
        : undefined;
    if (!auth) {
      throw new ShopError(
        'SHOP_CONFIG',
        `Shopify shop "${context.shopName}" needs an Admin API access token, or the client ID and secret of your app (Dev Dashboard > Apps > Settings).`,
      );
    }
    const url = /^https?:\/\//.test(context.url) ? context.url : `https://${context.url}`;
    return createShopifyConnector({
      ...context.http,
      logger: context.http.logger ?? context.logger,
      shopUrl: url,
      auth,
      clock: context.clock,
      label: `Shopify shop "${context.shopName}"`,
    });
  },
};
