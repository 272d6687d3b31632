import type { ConnectorFactory } from '../connector-factory.ts';
import type { ShopMapping } from '../connector.ts';
import { CsvShopConnector } from './connector.ts';

/** Issue 4 §2: payment_method prepayment|invoice|cod map to the codes of the same name; `open` is open for each. */
export function defaultCsvMapping(): ShopMapping {
  return {
    paymentMethods: { prepayment: ['prepayment'], invoice: ['invoice'], cod: ['cod'] },
    openStatuses: { prepayment: ['open'], invoice: ['open'], cod: ['open'] },
    paidStatus: { prepayment: 'paid', invoice: 'paid', cod: 'paid' },
    // The issue says an order that turns `cancelled` or `paid` in the file is "removed externally", so no shop
    // status maps to our "cancelled" by default (the dealer can add `cancelled` in the mapping).
    cancelledStatuses: [],
    sendPaymentInformation: true,
  };
}

export const csvFactory: ConnectorFactory = {
  system: 'csv',
  label: 'CSV file',
  needsUrl: false,
  needsFile: true,
  credentialFields: [],
  defaultMapping: defaultCsvMapping,
  create: (context) => new CsvShopConnector(context),
};
