/**
 * What a written number names, from a probe of 245 real-world remittance texts against a dense order book: the
 * texts that made the matcher assign automatically to an order the payer did not name. Each case pays exactly the
 * amount of the order it must NOT get, from a payer who is no customer (partner, company, parent): nothing but the
 * number decides, so a number read wrongly would be assigned.
 */
import { describe, expect, it } from 'vitest';
import { compileNumberPattern } from '#core/matching/number-candidates.ts';
import { toCreditorReference } from '#core/matching/references.ts';
import { decisionOf, match, order, posting } from './fixtures.ts';

const SHOPWARE = compileNumberPattern('\\d{5,}') as RegExp;
const SHOPIFY = compileNumberPattern('#?\\d{4,}') as RegExp;
const stranger = { counterpartyName: 'Peter Schmidt', amountMinor: 4990 };

describe('written numbers that name no open order', () => {
  it('the end of another identifier is no typo of an order number', () => {
    // The digit run 10500 is one typo from order 10100, but it ends a file number, a phone number or a
    // marketplace id, or it is a month and year.
    for (const remittance of ['Az. 4711-10500', 'Rückruf 030-10500', 'eBay Kauf 12-34567-10500']) {
      const o = order({ number: '10100' });
      const p = posting({ ...stranger, remittance });
      expect(decisionOf(match([o], [p]), p.id).band, remittance).not.toBe('auto');
    }
    const shopify = order({ number: '#1023' });
    const p = posting({ ...stranger, remittance: 'Beitrag 10-2023' });
    expect(decisionOf(match([shopify], [p]), p.id).band).not.toBe('auto');
  });

  it("another system's number with other letters is no typo of an order number", () => {
    const o = order({ number: '10345' });
    const p = posting({ ...stranger, remittance: 'Rechnungsnr.. R0012345 - Kundennr.. K123456789' });
    expect(decisionOf(match([o], [p]), p.id).band).not.toBe('auto');
  });

  it('blanks between day, month and year, or month and year, make no order number', () => {
    for (const remittance of ['Datum 10 11 2026', 'Zahlung 10 11 26', 'Rate 10 11']) {
      const o = order({ number: '#1011' });
      const p = posting({ ...stranger, remittance });
      expect(decisionOf(match([o], [p]), p.id).band, remittance).not.toBe('auto');
    }
    const o = order({ number: '#1023' });
    const p = posting({ ...stranger, remittance: 'Miete 10/23' });
    expect(decisionOf(match([o], [p]), p.id).band).not.toBe('auto');
  });

  it('a shop pattern finds no order number inside another identifier', () => {
    for (const remittance of [
      'Kundennr10500',
      'KDNR10500 Danke',
      'AMZ 302-8841923-10500',
      'eBay 12-10500-45678',
      'Klarna Zahlung 10500-2',
    ]) {
      const o = order({ number: '10500' });
      const p = posting({ ...stranger, remittance });
      expect(decisionOf(match([o], [p], { patterns: [SHOPWARE] }), p.id).band, remittance).not.toBe('auto');
    }
    const o = order({ number: '#1023' });
    const p = posting({ ...stranger, remittance: 'A-1023 Wien' });
    expect(decisionOf(match([o], [p], { patterns: [SHOPIFY] }), p.id).band).not.toBe('auto');
  });

  it('a postcode followed by its place in any of the usual forms', () => {
    for (const remittance of [
      'Am Markt 3 10117 Berlin-Mitte',
      '10117 Halle/Saale',
      '10117 St. Ingbert',
      '10117, Berlin',
      'Max Mustermann\n10117\nBerlin',
    ]) {
      const o = order({ number: '10117' });
      const p = posting({ ...stranger, counterpartyName: 'Max Mustermann', remittance });
      const d = decisionOf(match([o], [p]), p.id);
      expect(d.band, remittance).not.toBe('auto');
      expect(d.reasons, remittance).toContain('number_may_be_postcode');
    }
  });

  it('the structured RF reference of a paid order names no open order whose number is its prefix', () => {
    // RF1310023 is the RF form of order number 10023 (paid); its prefix RF13 1002 validates too.
    const shopify = order({ number: '#1002' });
    const p = posting({ ...stranger, remittance: 'Danke', creditorReference: toCreditorReference('10023') });
    const d = decisionOf(match([shopify], [p], { closedNumbers: new Set(['10023']) }), p.id);
    expect(d.band).not.toBe('auto');
  });
});

describe('written numbers that name the order with more than its digits', () => {
  it('"10023a", "10023/Schmidt": the order named, never its typo neighbour', () => {
    for (const remittance of ['Bestellung 10023a', 'Bestellung 10023/Schmidt', 'Bestellung 10023-Müller']) {
      const named = order({ number: '10023', customerName: 'Anna Schmidt' });
      const neighbour = order({ number: '10028', customerName: 'Klaus Weber' });
      const p = posting({ ...stranger, remittance });
      const d = decisionOf(match([named, neighbour], [p]), p.id);
      expect(d.band === 'auto' && d.candidates[0]?.orderIds.includes(neighbour.id), remittance).toBe(false);
      // The order written is the first candidate, by its digits (the letters keep it from being automatic).
      expect(d.candidates[0]?.orderIds, remittance).toEqual([named.id]);
      expect(
        d.candidates[0]?.signals.map((s) => s.kind),
        remittance,
      ).toContain('number_core');
    }
  });

  it('letters before the digits that are no order keyword write another identifier: no number signal', () => {
    for (const remittance of ['Kundennr10500', 'R0010500']) {
      const o = order({ number: '10500', customerName: 'Anna Schmidt' });
      const p = posting({ amountMinor: 4990, counterpartyName: 'Anna Schmidt', remittance });
      const signals = decisionOf(match([o], [p]), p.id).candidates[0]?.signals.map((s) => s.kind) ?? [];
      expect(signals, remittance).not.toContain('number_core');
    }
  });

  it('an order keyword glued to the number, or leading zeros', () => {
    for (const remittance of ['Bestellnr10023', 'bestellung10023', 'Bestellung 0010023']) {
      const o = order({ number: '10023' });
      const p = posting({ remittance, amountMinor: 4990, counterpartyName: o.customerName });
      const d = decisionOf(match([o, order({ number: '10028' })], [p]), p.id);
      expect(d, remittance).toMatchObject({ band: 'auto', pass: 'number' });
      expect(d.candidates[0]?.orderIds, remittance).toEqual([o.id]);
    }
  });
});
