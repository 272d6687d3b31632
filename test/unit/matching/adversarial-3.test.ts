/**
 * Adversarial cases, third review (issue 5, precision beats recall): wrong automatic assignments the third matcher
 * probe found. Same contract as the first two tables (adversarial-harness.ts); each rule has a positive neighbour
 * below that stays automatic.
 */
import { describe, expect, it } from 'vitest';
import type { MatchOrder, MatchPosting } from '#core/matching/types.ts';
import { type AdversarialCase, decide, describeAdversarial } from './adversarial-harness.ts';
import { order, posting } from './fixtures.ts';

function trapCases(): AdversarialCase[] {
  const out: AdversarialCase[] = [];
  // ---- identifiers of the payer's own books whose value equals an order number and amount -----------------
  // Shopware counts customer and order numbers from 10000 alike: "KundenID 10023" may be an open order's number.
  for (const text of [
    'KundenID 10023',
    'Kundenkennung 10023',
    'Az. 10023',
    'Kostenstelle 10023',
    'KST 10023',
    'Abo-Nr. 10023',
    'Lieferschein 10023',
    'Zählernummer 10023',
    'Mandant 10023',
    'Filiale 10023',
    'Postfach 10023',
    'Objekt 10023',
    'PO 10023',
  ]) {
    const o = order({ number: '10023', totalMinor: 4990, customerName: 'Jana Wolf' });
    const wc = order({ number: 'WC-10023', totalMinor: 4990, customerName: 'Jana Wolf' });
    for (const target of [o, wc])
      out.push({
        name: `"${text}" from a company, order ${target.number} of the same amount`,
        orders: [target],
        posting: posting({ amountMinor: 4990, counterpartyName: 'Bauer Logistik GmbH', remittance: text }),
        truth: undefined,
      });
  }
  return out;
}

describeAdversarial('adversarial payments (third review): never automatic to the wrong order', trapCases());

type Positive = { name: string; orders: MatchOrder[]; posting: MatchPosting; truth: MatchOrder };

function positiveCases(): Positive[] {
  const out: Positive[] = [];
  {
    const o = order({ number: '10023', totalMinor: 4990, customerName: 'Jana Wolf' });
    out.push({
      name: 'the order number next to a customer id and a delivery note stays automatic',
      orders: [o],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Bauer Logistik GmbH',
        remittance: 'Bestellung 10023 KundenID 4711 Lieferschein 88123 PO 4500012345',
      }),
      truth: o,
    });
  }
  return out;
}

describe('adversarial neighbours (third review): the legitimate payment stays automatic', () => {
  it.each(positiveCases().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const d = decide(c);
    expect({ band: d.band, orderIds: d.candidates[0]?.orderIds }).toEqual({
      band: 'auto',
      orderIds: [c.truth.id],
    });
  });
});
