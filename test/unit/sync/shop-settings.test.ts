import { describe, expect, it } from 'vitest';
import { defaultMapping as shopifyDefault } from '#core/shops/shopify/mapping.ts';
import { defaultMapping as shopwareDefault } from '#core/shops/shopware6/mapping.ts';
import { defaultWooMapping } from '#core/shops/woocommerce/mapping.ts';
import { classify, isMappedStatus, openForEveryCode } from '#core/sync/shop-settings.ts';

describe('the mapping: statuses and payment methods', () => {
  it('partial payment still awaits money: open by default in Shopify and Shopware', () => {
    expect(classify({ paymentMethod: 'Bank Deposit', status: 'PARTIALLY_PAID' }, shopifyDefault).open).toBe(
      true,
    );
    expect(
      classify({ paymentMethod: 'payment_prepayment', status: 'open/paid_partially' }, shopwareDefault).open,
    ).toBe(true);
  });

  it('payment methods match regardless of case', () => {
    expect(classify({ paymentMethod: 'bank deposit', status: 'PENDING' }, shopifyDefault)).toEqual({
      code: 'prepayment',
      open: true,
      cancelled: false,
    });
  });

  it('known statuses: open, paid (Shopware * parts), cancelled; anything else is unmapped', () => {
    expect(isMappedStatus('completed/paid', shopwareDefault)).toBe(true);
    expect(isMappedStatus('open/refunded', shopwareDefault)).toBe(false);
    expect(isMappedStatus('processing', defaultWooMapping())).toBe(true);
    expect(isMappedStatus('awaiting-payment', defaultWooMapping())).toBe(false);
    expect(openForEveryCode(defaultWooMapping())).toEqual(['on-hold']);
  });
});
