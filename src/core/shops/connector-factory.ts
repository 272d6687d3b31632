/**
 * What a shop system provides besides its connector: how to build it, which credentials it needs, and the
 * default mapping (issue 4 §3). The registry (registry.ts) maps each system to one of these.
 */
import type { ShopSystem } from '#shared/domain.ts';
import type { Clock, Logger } from '../deps.ts';
import type { ShopConnector, ShopDiscovery, ShopMapping } from './connector.ts';
import type { HttpOptions } from './http.ts';

/** Credentials come from the SecretStore only (stored as JSON under shops.secret_name). */
export type ShopCredentials = Partial<Record<CredentialName, string>>;

/** CLI: `key` from KASSENWART_SHOP_KEY, `secret` from KASSENWART_SHOP_SECRET, `token` from KASSENWART_SHOP_TOKEN. */
export type CredentialName = 'key' | 'secret' | 'token';

export type CredentialField = { name: CredentialName; label: string; optional?: boolean };

export type ConnectorContext = {
  shopName: string;
  url?: string | undefined;
  filePath?: string | undefined;
  credentials: ShopCredentials;
  /** Timeouts, retries, injected fetch/sleep (tests); pass on to createShopHttp / createShopFetch. */
  http: HttpOptions;
  clock: Clock;
  logger: Logger;
};

export type ConnectorFactory = {
  system: ShopSystem;
  /** Product name for messages, e.g. 'WooCommerce'. */
  label: string;
  needsUrl: boolean;
  needsFile: boolean;
  /** Credential fields; empty for the CSV shop. Validate combinations (e.g. token OR key+secret) in `create`. */
  credentialFields: CredentialField[];
  /** Default mapping; may use what `discover()` found (e.g. installed invoice plugins). */
  defaultMapping(discovery?: ShopDiscovery): ShopMapping;
  create(context: ConnectorContext): ShopConnector;
};
