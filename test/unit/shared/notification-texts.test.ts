import { describe, expect, it } from 'vitest';
import {
  NOTIFICATION_KINDS,
  listedOrders,
  type NotificationKind,
  type NotificationParamsOf,
} from '#shared/notification-kinds.ts';
import {
  API_NOTIFICATION_FORMAT,
  englishNotificationText,
  notificationFormat,
  notificationText,
} from '#shared/notification-texts.ts';

const order = { orderNumber: 'WC-1001', totalMinor: 123450, paidMinor: 130000, currency: 'EUR' };
const finding = { shopName: 'Laden', ...listedOrders(['1', '2', '3', '4', '5', '6', '7']) };

/** One example per kind; the type makes a new kind without an example fail to compile. */
const EXAMPLES: { [K in NotificationKind]: NotificationParamsOf<K> } = {
  overpaid: order,
  paid_after_cancellation: order,
  cancelled_in_shop_after_payment: order,
  closed_in_shop_partially_paid: { ...order, paidMinor: 5000 },
  currency_changed_after_payment: order,
  payment_on_removed_order: order,
  paid_status_corrected: { orderNumber: 'WC-1001', shopConnected: false },
  paid_not_sent: { orderNumber: 'WC-1001', reason: 'shop removed' },
  sync_failed: {
    shopName: 'Laden',
    errorCode: 'SHOP_AUTH_FAILED',
    errorMessage: 'The shop refused the key.',
  },
  order_out_of_reach: { shopName: 'Laden', orderNumber: '#1001', errorMessage: 'Not visible.' },
  customer_data_withheld: { shopName: 'Laden', fields: ['name', 'email'], accessHint: '(API access)' },
  order_modified_in_future: {
    ...finding,
    orderNumber: '1',
    modifiedAt: '2026-01-15T09:00:00.000Z',
    shopNow: '2026-01-15T08:45:00.000Z',
    ourClock: true,
  },
  shop_status_unmapped: {
    ...finding,
    status: 'wc-custom',
    command: 'kassenwart shop mapping "Laden" --open x',
  },
  payment_method_unmapped: {
    ...finding,
    method: 'vorkasse',
    command: 'kassenwart shop mapping "Laden" --payment y',
  },
  matching_decision_failed: { postingId: 42, pass: 'reference', errorMessage: 'Order is cancelled.' },
};

const de = notificationFormat('de', 'de-DE', 'Europe/Berlin');
const en = notificationFormat('en', 'en-GB', 'Europe/Berlin');
const row = (kind: string, params: unknown) => ({
  kind,
  params: params as Record<string, string>,
  title: null,
  body: null,
});

describe('notification texts', () => {
  it.each(Object.keys(NOTIFICATION_KINDS) as NotificationKind[])(
    '%s is worded in German and English from its params',
    (kind) => {
      const params = EXAMPLES[kind];
      expect(NOTIFICATION_KINDS[kind].safeParse(params).success).toBe(true);
      const german = notificationText(row(kind, params), de);
      const english = notificationText(row(kind, params), en);
      for (const text of [german, english]) {
        expect(text.title).not.toBe('');
        expect(text.body).not.toBe('');
        expect(`${text.title} ${text.body}`).not.toMatch(/undefined|\[object/);
      }
      expect(german.title).not.toBe(english.title);
      // The stored facts appear in both languages.
      const named =
        'shopName' in params ? params.shopName : 'orderNumber' in params ? params.orderNumber : '42';
      expect(german.title).toContain(named);
      expect(english.title).toContain(named);
    },
  );

  it('shows amounts and dates in the locale, and counts the order numbers it leaves out', () => {
    expect(notificationText(row('overpaid', EXAMPLES.overpaid), de).body).toContain(
      '(1.300,00\u00a0€ von 1.234,50\u00a0€)',
    );
    expect(notificationText(row('overpaid', EXAMPLES.overpaid), en).body).toContain(
      '(€1,300.00 of €1,234.50)',
    );
    const future = notificationText(row('order_modified_in_future', EXAMPLES.order_modified_in_future), de);
    expect(future.body).toContain('(Bestellung 1: 15.01.2026, 10:00, Uhrzeit 15.01.2026, 09:45)');
    expect(future.body).toContain('den Bestellungen 1, 2, 3, 4, 5, 6, 7 ein Änderungsdatum');
    const unmapped = notificationText(row('shop_status_unmapped', EXAMPLES.shop_status_unmapped), de);
    expect(unmapped.body).toContain('7 Bestellung(en) (1, 2, 3, 4, 5 und 2 weitere)');
    expect(notificationText(row('shop_status_unmapped', EXAMPLES.shop_status_unmapped), en).body).toContain(
      '7 order(s) (1, 2, 3, 4, 5 and 2 more)',
    );
  });

  it('stores at most 10 order numbers of a finding, and how many there are', () => {
    const many = Array.from({ length: 25 }, (_, i) => String(i + 1));
    expect(listedOrders(many)).toEqual({ orderNumbers: many.slice(0, 10), orderCount: 25 });
    const text = englishNotificationText('payment_method_unmapped', {
      ...EXAMPLES.payment_method_unmapped,
      ...listedOrders(many),
    });
    expect(text.body).toContain('25 open order(s) (1, 2, 3, 4, 5 and 20 more)');
  });

  it('the API wording is English with instants as stored, as the texts were stored before params', () => {
    const text = englishNotificationText('order_modified_in_future', EXAMPLES.order_modified_in_future);
    expect(text.title).toBe('Shop "Laden": orders modified in the future');
    expect(text.body).toContain('(order 1: 2026-01-15T09:00:00.000Z, time 2026-01-15T08:45:00.000Z)');
    expect(
      notificationText(row('paid_status_corrected', EXAMPLES.paid_status_corrected), API_NOTIFICATION_FORMAT),
    ).toEqual(englishNotificationText('paid_status_corrected', EXAMPLES.paid_status_corrected));
  });

  it('shows the stored text of a notification without params, of an unknown kind, or with params that do not fit', () => {
    const stored = { title: 'Order 7 is no longer paid', body: 'Do not ship unless paid.' };
    expect(notificationText({ kind: 'paid_status_corrected', params: null, ...stored }, de)).toEqual(stored);
    expect(notificationText({ kind: 'something_new', params: { a: '1' }, ...stored }, de)).toEqual(stored);
    expect(
      notificationText({ kind: 'overpaid', params: { orderNumber: '7', currency: 'EUR' }, ...stored }, de),
    ).toEqual(stored);
    expect(notificationText({ kind: 'something_new', params: null, title: null, body: null }, de)).toEqual({
      title: 'something_new',
      body: '',
    });
  });
});
