/**
 * Adversarial cases, fourth review (issue 5, precision beats recall): wrong automatic assignments the fourth matcher
 * probe found. Same contract as the other tables (adversarial-harness.ts); each rule has a positive neighbour below
 * that stays automatic.
 */
import { describe, expect, it } from 'vitest';
import { splitsDigitRun } from '#core/matching/number-candidates.ts';
import { extractReferences } from '#core/matching/references-extract.ts';
import type { MatchOrder } from '#core/matching/types.ts';
import {
  type AdversarialCase,
  describeAdversarial,
  describeNeighbours,
  type Neighbour,
} from './adversarial-harness.ts';
import { order, posting } from './fixtures.ts';

/** Hans Müller's two open orders 10023 (29.90) and 10024 (19.90), one customer (one e-mail): 49.80 together. */
function hansTwoOrders(): [MatchOrder, MatchOrder] {
  const hans = { customerName: 'Hans Müller', email: 'h@example.de' };
  return [
    order({ number: '10023', totalMinor: 2990, ...hans }),
    order({ number: '10024', totalMinor: 1990, ...hans }),
  ];
}

function trapCases(): AdversarialCase[] {
  const out: AdversarialCase[] = [];
  // ---- a suffix after the number ("10023-1": part delivery, instalment) read as another shop's 100231 ---------
  for (const [text, other] of [
    ['Bestellung 10023-1', '100231'],
    ['Zahlung Bestellung 10023/2 Teillieferung', '100232'],
    ['Rechnung 10023-1', '100231'],
  ] as const) {
    const own = order({ number: '10023', totalMinor: 5990, customerName: 'Hans Müller' });
    const stranger = order({ number: other, shopId: 2, totalMinor: 4990, customerName: 'Eva Roth' });
    out.push({
      name: `"${text}" from an unknown payer does not name shop 2's ${other}`,
      orders: [own, stranger],
      posting: posting({ amountMinor: 4990, counterpartyName: 'K. Weber', remittance: text }),
      truth: undefined,
      ambiguous: true,
    });
    // The order it names is paid already: only the stranger's order is open.
    out.push({
      name: `"${text}" while 10023 is paid already does not name shop 2's ${other}`,
      orders: [stranger],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Weber Bau GmbH', remittance: text }),
      closed: ['10023'],
      truth: undefined,
    });
  }
  // ---- a paid order's number and a quantity joined into another shop's number --------------------------------
  {
    const stranger = order({ number: '100231', shopId: 2, totalMinor: 4990, customerName: 'Eva Roth' });
    out.push({
      name: '"Bestellung 10023 1 Stueck" (10023 paid) does not name shop 2\'s 100231',
      orders: [stranger],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'K. Weber',
        remittance: 'Bestellung 10023 1 Stueck',
      }),
      closed: ['10023'],
      truth: undefined,
    });
  }
  // ---- an ultimate debtor who is somebody else than the payer's own customer ---------------------------------
  for (const debtor of ['Eva R.', 'Roth, E.', 'Familie Roth', 'E.ROTH']) {
    const hans = order({ number: '10023', totalMinor: 4990, customerName: 'Hans Müller' });
    const eva = order({ number: '10024', totalMinor: 4990, customerName: 'Eva Roth' });
    out.push({
      name: `paid from Hans Müller's account for "${debtor}": not Hans's order by payer and amount`,
      orders: [hans, eva],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Hans Mueller',
        ultimateDebtor: debtor,
        remittance: 'Danke',
      }),
      truth: eva,
      ambiguous: true,
    });
  }
  // ... also for a combination of the payer's orders.
  {
    const [a, b] = hansTwoOrders();
    const eva = order({ number: '10031', totalMinor: 4980, customerName: 'Eva Roth' });
    out.push({
      name: 'paid from Hans Müller\'s account for "Eva R.": not Hans\'s two orders that add up',
      orders: [a, b, eva],
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Hans Mueller',
        ultimateDebtor: 'Eva R.',
        remittance: 'Danke',
      }),
      truth: eva,
      ambiguous: true,
    });
  }
  // ---- the number only in an identifier field, while the text names another document -------------------------
  for (const [remittance, endToEndId] of [
    ['EREF+10023 SVWZ+RG 4711 Bueromaterial', undefined],
    ['Rechnung 4711', '10023'],
  ] as const) {
    const o = order({ number: '10023', totalMinor: 4990, customerName: 'Jana Wolf' });
    out.push({
      name: `"${remittance}"${endToEndId ? ` with end-to-end id ${endToEndId}` : ''} from a company`,
      orders: [o],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Bauer Logistik GmbH',
        remittance,
        ...(endToEndId ? { endToEndId } : {}),
      }),
      truth: undefined,
    });
  }
  // ---- refunds, credit notes, interest, bonuses, transfers between own accounts --------------------------------
  for (const [payer, text] of [
    ['Grosshandel Meier GmbH', 'Gutschrift zu Ihrer Bestellung 10023'],
    ['Finanzamt Muenchen', 'EST 2025 Erstattung 10023'],
    ['Sparkasse KoelnBonn', 'Praemie Aktion 10023'],
    ['Kassenwart Demo Shop GmbH', 'Umbuchung Tagesgeld 10023'],
    ['Versand Partner GmbH', 'Refund 10023'],
  ] as const) {
    const o = order({ number: '10023', totalMinor: 4990, customerName: 'Jana Wolf' });
    out.push({
      name: `"${text}" from ${payer} is no payment of order 10023`,
      orders: [o],
      posting: posting({ amountMinor: 4990, counterpartyName: payer, remittance: text }),
      truth: undefined,
    });
  }
  return out;
}

describeAdversarial(
  'adversarial cases (fourth review): nothing automatic that the input does not prove',
  trapCases(),
);

function positiveCases(): Neighbour[] {
  const out: Neighbour[] = [];
  // An order number that has the separator itself is named by it.
  {
    const o = order({ number: '10023-1', totalMinor: 4990, customerName: 'Jana Wolf' });
    out.push({
      name: '"Bestellung 10023-1" names order 10023-1',
      orders: [o, order({ number: '10024', totalMinor: 4990, customerName: 'Eva Roth' })],
      posting: posting({ amountMinor: 4990, counterpartyName: 'K. Weber', remittance: 'Bestellung 10023-1' }),
      truth: o,
    });
  }
  // Digits written together name the order, however its number groups them (an invoice RE-2026-0042).
  {
    const o = order({ number: '100231', totalMinor: 4990, customerName: 'Eva Roth' });
    out.push({
      name: '"Bestellung 100231" still names 100231',
      orders: [o],
      posting: posting({ amountMinor: 4990, counterpartyName: 'K. Weber', remittance: 'Bestellung 100231' }),
      truth: o,
    });
  }
  // A number broken by a line wrap is still read.
  {
    const o = order({ number: '10023', totalMinor: 4990, customerName: 'Hans Müller' });
    out.push({
      name: '"Bestellnummer 100 23" (a wrap) names 10023',
      orders: [o, order({ number: '10024', totalMinor: 4990, customerName: 'Eva Roth' })],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Hans Mueller',
        remittance: 'Bestellnummer 100 23',
      }),
      truth: o,
    });
  }
  // Thousands separators after an order word.
  for (const text of ['Bestellung 10.023', "Bestellung 10'023"]) {
    const o = order({ number: '10023', totalMinor: 4990, customerName: 'Hans Müller' });
    out.push({
      name: `"${text}" names 10023`,
      orders: [o, order({ number: '23', totalMinor: 4990, customerName: 'Eva Roth' })],
      posting: posting({ amountMinor: 4990, counterpartyName: 'K. Weber', remittance: text }),
      truth: o,
    });
  }
  // Two orders listed with a slash or a hyphen between them pay both.
  for (const list of ['10023/10024', '10023-10024']) {
    const [a, b] = hansTwoOrders();
    out.push({
      name: `"Bestellungen ${list}" pays 10023 and 10024`,
      orders: [a, b, order({ number: '10025', totalMinor: 4980, customerName: 'Eva Roth' })],
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Hans Mueller',
        remittance: `Bestellungen ${list}`,
      }),
      truth: [a, b],
    });
  }
  // An ultimate debtor who is the customer, the account holder, or the SEPA placeholder.
  for (const [debtor, customer] of [
    ['Eva Roth', 'Eva Roth'],
    ['H. Mueller', 'Hans Müller'],
    ['NOTPROVIDED', 'Hans Müller'],
  ] as const) {
    const o = order({ number: '10023', totalMinor: 4990, customerName: customer });
    out.push({
      name: `ultimate debtor "${debtor}" on a payment for ${customer}'s order`,
      orders: [o, order({ number: '10024', totalMinor: 5990, customerName: 'Jana Wolf' })],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: customer === 'Eva Roth' ? 'Eva Roth' : 'Hans Mueller',
        ultimateDebtor: debtor,
        remittance: 'Danke',
      }),
      truth: o,
    });
  }
  // A shop's payment page that sets EREF to the order number, with a text that names nothing else.
  {
    const o = order({ number: '10023', totalMinor: 4990, customerName: 'Jana Wolf' });
    out.push({
      name: '"EREF+10023 SVWZ+Online-Einkauf" from another payer names 10023',
      orders: [o],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Elke Wolf',
        remittance: 'EREF+10023 SVWZ+Online-Einkauf',
      }),
      truth: o,
    });
  }
  // "Gutschrift" alone is the bank's booking text of every incoming transfer.
  {
    const o = order({ number: '10023', totalMinor: 4990, customerName: 'Jana Wolf' });
    out.push({
      name: '"SEPA-Gutschrift Bestellung 10023" names 10023',
      orders: [o],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Jana Wolf',
        remittance: 'SEPA-Gutschrift Bestellung 10023',
      }),
      truth: o,
    });
  }
  return out;
}

describeNeighbours(
  'adversarial neighbours (fourth review): the legitimate payment stays automatic',
  positiveCases(),
);

describe('splitsDigitRun', () => {
  it('tells a separator between digits that the number writes together', () => {
    expect(splitsDigitRun('10023-1', '100231')).toBe(true);
    expect(splitsDigitRun('10023/2', '100232')).toBe(true);
    expect(splitsDigitRun('RE-2026-0042', 'RE-2026-0042')).toBe(false);
    expect(splitsDigitRun('RE-2026-0042', 're2026-0042')).toBe(false);
    expect(splitsDigitRun('WC-10023', 'WC10023')).toBe(false);
    expect(splitsDigitRun('10023', '100-23')).toBe(false);
  });

  it('marks a candidate written with such a separator, unless it is also written without one', () => {
    const [split] = extractReferences({ remittance: 'Bestellung 10023-1' }).numbers;
    expect(split).toMatchObject({ key: '100231', splitAt: '10023-1' });
    const both = extractReferences({ remittance: 'Bestellung 10023-1 (100231)' }).numbers;
    expect(both.find((c) => c.key === '100231')?.splitAt).toBeUndefined();
  });
});
