import type { ConnectorFactory } from '../connector-factory.ts';
import { WooCommerceConnector } from './connector.ts';
import { defaultWooMapping } from './mapping.ts';

export const woocommerceFactory: ConnectorFactory = {
  system: 'woocommerce',
  label: 'WooCommerce',
  needsUrl: true,
  needsFile: false,
  credentialFields: [
    { name: 'key', label: 'Consumer key (ck_…)' },
    { name: 'secret', label: 'Consumer secret (cs_…)' },
  ],
  defaultMapping: defaultWooMapping,
  create: (context) => new WooCommerceConnector(context),
};
