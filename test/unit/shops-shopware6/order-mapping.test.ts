import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonNumberToMinor, toIsoInstant, toShopwareDate } from '#core/shops/shopware6/order-mapping.ts';
import { parseCompositeStatus } from '#core/shops/shopware6/mapping.ts';

describe('Shopware JSON amounts to minor units', () => {
  it('goes through the shortest decimal string, never a float multiplication', () => {
    expect(jsonNumberToMinor(JSON.parse('119.9') as number, 'EUR')).toBe(11990);
    expect(jsonNumberToMinor(JSON.parse('0.07') as number, 'EUR')).toBe(7); // 0.07*100 = 7.000000000000001
    expect(jsonNumberToMinor(JSON.parse('1005') as number, 'JPY')).toBe(1005);
    expect(jsonNumberToMinor(JSON.parse('12.345') as number, 'KWD')).toBe(12345);
  });

  it('accepts PHP float noise within a few ULPs, rejects a real sub-cent amount', () => {
    expect(jsonNumberToMinor(0.1 + 0.2, 'EUR')).toBe(30);
    expect(() => jsonNumberToMinor(10.005, 'EUR')).toThrow(
      expect.objectContaining({ code: 'MONEY_TOO_PRECISE' }),
    );
    expect(() => jsonNumberToMinor(1e21, 'EUR')).toThrow(
      expect.objectContaining({ code: 'SHOP_BAD_RESPONSE' }),
    );
  });

  it('round-trips every cent amount up to 10 million through JSON', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        return jsonNumberToMinor(JSON.parse(text) as number, 'EUR') === cents;
      }),
    );
  });
});

describe('Shopware dates and statuses', () => {
  it('reads Shopware date formats and writes the DAL storage format', () => {
    expect(toIsoInstant('2026-11-02T09:00:00.123+00:00')).toBe('2026-11-02T09:00:00.123Z');
    expect(toIsoInstant('2026-11-02T10:00:00.000+01:00')).toBe('2026-11-02T09:00:00.000Z');
    expect(toIsoInstant('2026-11-02 09:00:00.123')).toBe('2026-11-02T09:00:00.123Z');
    expect(toShopwareDate('2026-11-02T09:00:00.123Z')).toBe('2026-11-02 09:00:00.123');
  });

  it('parses composite statuses with * for "leave unchanged"', () => {
    expect(parseCompositeStatus('*/paid')).toEqual({ order: undefined, transaction: 'paid' });
    expect(parseCompositeStatus('cancelled/*')).toEqual({ order: 'cancelled', transaction: undefined });
    expect(parseCompositeStatus('open/open')).toEqual({ order: 'open', transaction: 'open' });
    expect(parseCompositeStatus('paid')).toEqual({ order: undefined, transaction: 'paid' });
  });
});

describe('Shopware default mapping', () => {
  it('lists each cancelled combination once, cancelling both machines first', async () => {
    const { defaultMapping } = await import('#core/shops/shopware6/mapping.ts');
    expect(defaultMapping.cancelledStatuses[0]).toBe('cancelled/cancelled');
    expect(new Set(defaultMapping.cancelledStatuses).size).toBe(defaultMapping.cancelledStatuses.length);
    expect(defaultMapping.cancelledStatuses).toHaveLength(12 + 3);
    // No status is both open and cancelled.
    for (const list of Object.values(defaultMapping.openStatuses))
      for (const s of list) expect(defaultMapping.cancelledStatuses).not.toContain(s);
  });
});
