import { describe, expect, it } from 'vitest';
import { WooOrder } from '#core/shops/woocommerce/client.ts';
import { defaultWooMapping, toShopOrder } from '#core/shops/woocommerce/mapping.ts';
import { defaultCsvMapping } from '#core/shops/csv/factory.ts';
import { classify } from '#core/sync/shop-settings.ts';

const base = {
  id: 4711,
  number: '4711',
  status: 'on-hold',
  currency: 'eur',
  date_created_gmt: '2026-11-02T08:15:00',
  date_modified_gmt: '2026-11-02T09:20:30',
  total: '1234.50',
  billing: {
    first_name: 'Erika',
    last_name: 'Mustermann',
    company: 'Muster GmbH',
    email: 'erika@example.org',
    country: 'AT',
  },
  payment_method: 'bacs',
};

describe('WooCommerce order mapping', () => {
  it('maps the documented order properties to a ShopOrder (GMT dates, decimal total -> minor units)', () => {
    expect(toShopOrder(WooOrder.parse(base))).toEqual({
      externalId: '4711',
      number: '4711',
      invoiceNumber: undefined,
      createdAt: '2026-11-02T08:15:00.000Z',
      updatedAt: '2026-11-02T09:20:30.000Z',
      totalMinor: 123450,
      currency: 'EUR',
      customerName: 'Erika Mustermann',
      company: 'Muster GmbH',
      email: 'erika@example.org',
      billingCountry: 'AT',
      paymentMethod: 'bacs',
      status: 'on-hold',
      extra: undefined,
    });
  });

  it('reads invoice numbers of German invoice plugins from order meta', () => {
    const pdf = WooOrder.parse({
      ...base,
      meta_data: [{ id: 1, key: '_wcpdf_invoice_number', value: 'RE-2026-17' }],
    });
    expect(toShopOrder(pdf).invoiceNumber).toBe('RE-2026-17');
    const gm = WooOrder.parse({
      ...base,
      meta_data: [{ id: 1, key: '_wp_wc_running_invoice_number', value: 815 }],
    });
    expect(toShopOrder(gm).invoiceNumber).toBe('815');
    const field = WooOrder.parse({ ...base, wpo_wcpdf_invoice_number: 'R-9' });
    expect(toShopOrder(field).invoiceNumber).toBe('R-9');
  });

  it('rejects answers that are not orders', () => {
    expect(WooOrder.safeParse({ id: 'x' }).success).toBe(false);
  });
});

describe('default mappings per system', () => {
  it('WooCommerce: bacs/cheque prepayment, invoice plugins, cod; on-hold/pending open; processing when paid', () => {
    const m = defaultWooMapping({
      paymentMethods: [
        { id: 'bacs', name: '' },
        { id: 'german_market_purchase_on_account', name: '' },
      ],
      statuses: [],
    });
    expect(m.paymentMethods).toEqual({
      prepayment: ['bacs', 'cheque'],
      invoice: ['german_market_purchase_on_account'],
      cod: ['cod'],
    });
    expect(m.openStatuses.prepayment).toEqual(['on-hold', 'pending']);
    expect(m.paidStatus.prepayment).toBe('processing');
    expect(m.cancelledStatuses).toEqual(['cancelled', 'failed', 'refunded']);
    expect(defaultWooMapping().paymentMethods.invoice).toEqual([
      'invoice',
      'german_market_purchase_on_account',
    ]);
    expect(classify({ paymentMethod: 'bacs', status: 'processing' }, m)).toEqual({
      code: 'prepayment',
      open: false,
      cancelled: false,
    });
    expect(classify({ paymentMethod: 'paypal', status: 'on-hold' }, m)).toEqual({
      code: undefined,
      open: false,
      cancelled: false,
    });
  });

  it('CSV: prepayment|invoice|cod map to themselves, "open" is open, anything else is not', () => {
    const m = defaultCsvMapping();
    expect(m.paymentMethods).toEqual({ prepayment: ['prepayment'], invoice: ['invoice'], cod: ['cod'] });
    for (const code of ['prepayment', 'invoice', 'cod'] as const) {
      expect(classify({ paymentMethod: code, status: 'open' }, m)).toEqual({
        code,
        open: true,
        cancelled: false,
      });
      expect(classify({ paymentMethod: code, status: 'cancelled' }, m).open).toBe(false);
    }
  });
});
