/**
 * Adversarial cases (issue 5, precision beats recall): payment texts real merchants see that the synthetic
 * benchmark generator does not produce. Each case names the order the money really belongs to (or none); the
 * matcher may suggest anything or decide nothing, but an AUTOMATIC assignment must never go to another order —
 * that would make the merchant ship unpaid goods. Cases marked `ambiguous` must not be automatic at all: the
 * input cannot tell, so even a lucky automatic hit would be a coin flip.
 */
import { describe, expect, it } from 'vitest';
import {
  REFERENCE_ALPHABET,
  generateReference,
  isValidReference,
  toCreditorReference,
} from '#core/matching/references.ts';
import { seededRandomInt } from '#core/matching/random.ts';
import type { MatchAssignment, MatchOrder, MatchPosting } from '#core/matching/types.ts';
import { type AdversarialCase, describeAdversarial } from './adversarial-harness.ts';
import { decisionOf, match, order, posting } from './fixtures.ts';

const rnd = seededRandomInt(4711);

type Case = AdversarialCase;

/** A valid reference one substitution away from `ref` at position `at` (never `ref` itself). */
function typoAt(ref: string, at: number): string {
  for (const ch of REFERENCE_ALPHABET) {
    const t = ref.slice(0, at) + ch + ref.slice(at + 1);
    if (t !== ref) return t; // invalid by construction (Damm detects every single substitution)
  }
  throw new Error('unreachable');
}

/** A valid reference other than `not` that differs from `typo` in exactly one position. */
function validNeighbour(typo: string, not: string): string {
  for (let at = 2; at < typo.length; at++)
    for (const ch of REFERENCE_ALPHABET) {
      const t = typo.slice(0, at) + ch + typo.slice(at + 1);
      if (t !== not && t !== typo && isValidReference(t)) return t;
    }
  throw new Error('no valid neighbour');
}

function cases(): Case[] {
  const out: Case[] = [];
  const add = (c: Case) => out.push(c);

  {
    // Invoice number + customer number + an old order number, all of them open orders' numbers.
    const right = order({ number: '10024', totalMinor: 5990, customerName: 'Jana Vogt' });
    const cust = order({ number: '10023', totalMinor: 5990, customerName: 'Olaf Brandt' });
    const old = order({ number: '10011', totalMinor: 5990, customerName: 'Ute Sommer' });
    add({
      name: 'several numbers: Rechnung + Kundennr + alte Bestellung',
      orders: [right, cust, old],
      posting: posting({
        amountMinor: 5990,
        counterpartyName: 'Jana Vogt',
        remittance: 'Rechnung 10024 Kundennr 10023 (alte Bestellung 10011 storniert)',
      }),
      truth: right,
    });
  }
  {
    // Customer number without the keyword right before it; an order of someone else has that number.
    const other = order({ number: '10500', totalMinor: 2990, customerName: 'Kai Lorenz' });
    add({
      name: 'customer number behind "lautet"',
      orders: [other],
      posting: posting({
        amountMinor: 2990,
        counterpartyName: 'Frieda Kühn',
        remittance: 'Ihre Kundennummer lautet 10500 Danke',
      }),
      ambiguous: true,
    });
  }
  {
    const other = order({ number: '4990', totalMinor: 4990, customerName: 'Gerd Albers' });
    const right = order({ number: '20777', totalMinor: 4990, customerName: 'Lisa Franke' });
    add({
      name: 'order number equal to the amount digits ("49,90 EUR")',
      orders: [other, right],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Lisa Franke',
        remittance: 'Betrag 49,90 EUR',
      }),
      truth: right,
    });
    add({
      name: 'order number equal to the amount digits ("49.90")',
      orders: [other, right],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Lisa Franke',
        remittance: 'Ueberweisung 49.90',
      }),
      truth: right,
    });
  }
  {
    const other = order({ number: '121126', totalMinor: 3500, customerName: 'Bernd Kraus' });
    add({
      name: 'date 12.11.2026 vs order 121126',
      orders: [other],
      posting: posting({
        amountMinor: 3500,
        counterpartyName: 'Petra Lang',
        remittance: 'Zahlung vom 12.11.2026',
      }),
      ambiguous: true,
    });
    add({
      name: 'short date 12.11.26 vs order 121126',
      orders: [other],
      posting: posting({ amountMinor: 3500, counterpartyName: 'Petra Lang', remittance: 'Einkauf 12.11.26' }),
      ambiguous: true,
    });
  }
  {
    const other = order({ number: '2026', totalMinor: 1500, customerName: 'Tom Wendt' });
    add({
      name: 'the year vs a young shop order 2026',
      orders: [other],
      posting: posting({
        amountMinor: 1500,
        counterpartyName: 'Ina Graf',
        remittance: 'Mitgliedsbeitrag November 2026',
      }),
      ambiguous: true,
    });
  }
  {
    const other = order({ number: '80331', totalMinor: 2400, customerName: 'Rita Ostermann' });
    const right = order({ number: '20901', totalMinor: 2400, customerName: 'Hans Meier' });
    add({
      name: 'postcode 80331 München vs order 80331',
      orders: [other, right],
      posting: posting({
        amountMinor: 2400,
        counterpartyName: 'Hans Meier',
        remittance: 'Hans Meier Hauptstr. 5 80331 München',
      }),
      truth: right,
    });
    add({
      // Without a street before it, a postcode looks like a bare order number followed by a name ("20345
      // Thomas Müller" is a common way to pay); the word after it names neither payer nor customer here.
      name: 'postcode without street, payer unknown',
      orders: [other],
      posting: posting({ amountMinor: 2400, counterpartyName: 'Xaver Huber', remittance: '80331 Muenchen' }),
      ambiguous: true,
    });
  }
  {
    const other = order({ number: '05320130', totalMinor: 7700, customerName: 'Nina Berg' });
    add({
      name: 'IBAN in groups of four contains an order number',
      orders: [other],
      posting: posting({
        amountMinor: 7700,
        counterpartyName: 'Max Kern',
        remittance: 'bitte erstatten auf DE89 3704 0044 0532 0130 00',
      }),
      ambiguous: true,
    });
    const other2 = order({ number: '370400', totalMinor: 7700, customerName: 'Nina Berg' });
    add({
      name: 'compact IBAN contains an order number',
      orders: [other2],
      posting: posting({
        amountMinor: 7700,
        counterpartyName: 'Max Kern',
        remittance: 'Konto DE89370400440532013000',
      }),
      ambiguous: true,
    });
  }
  {
    // A supplier's credit note: names an order number of ours, the amount is not the order's.
    const o = order({ number: '10023', totalMinor: 8990, customerName: 'Sven Jansen' });
    add({
      name: 'credit note "Gutschrift zu 10023" from a supplier, other amount',
      orders: [o],
      posting: posting({
        amountMinor: 1250,
        counterpartyName: 'Großhandel Weber GmbH',
        remittance: 'Gutschrift zu 10023 Retoure 3 Stk',
      }),
      truth: undefined,
    });
  }
  {
    const a = order({ shopId: 1, number: '1001', totalMinor: 2990, customerName: 'Anke Roth' });
    const b = order({ shopId: 2, number: '1001', totalMinor: 4590, customerName: 'Boris Hahn' });
    add({
      name: 'two shops, same number 1001, the amount and payer say shop 2',
      orders: [a, b],
      posting: posting({ amountMinor: 4590, counterpartyName: 'Boris Hahn', remittance: 'Bestellung 1001' }),
      truth: b,
    });
    add({
      name: 'two shops, same number 1001, nobody known pays shop-1 amount',
      orders: [a, b],
      posting: posting({ amountMinor: 2990, counterpartyName: 'Carla Nowak', remittance: 'Bestellung 1001' }),
      truth: a,
    });
    add({
      name: 'two shops, same number 1001, amount fits neither',
      orders: [a, b],
      posting: posting({ amountMinor: 3500, counterpartyName: 'Carla Nowak', remittance: 'Bestellung 1001' }),
      ambiguous: true,
    });
  }
  {
    // The mother (other surname) pays her daughter's order; an unrelated customer shares her surname.
    const daughter = order({ totalMinor: 3990, customerName: 'Lena Becker' });
    const namesake = order({ totalMinor: 3990, customerName: 'Karl Koch' });
    add({
      name: 'family member pays: surname of an unrelated open order with the same amount',
      orders: [daughter, namesake],
      posting: posting({ amountMinor: 3990, counterpartyName: 'Sabine Koch', remittance: 'Danke' }),
      truth: daughter,
    });
  }
  {
    // The customer pays the same order twice; the second transfer is a double payment, not another order's.
    const paid = order({
      number: '20100',
      totalMinor: 2490,
      paidMinor: 2490,
      status: 'paid',
      customerName: 'Greta Voss',
    });
    const open = order({ number: '20133', totalMinor: 2490, customerName: 'Greta Voss' });
    add({
      name: 'double payment of a paid order; the payer has another open order of that amount',
      orders: [paid, open],
      posting: posting({ amountMinor: 2490, counterpartyName: 'Greta Voss', remittance: 'Bestellung 20100' }),
      truth: undefined,
    });
    const otherShop = order({ shopId: 2, number: '20100', totalMinor: 2490, customerName: 'Timo Rau' });
    add({
      name: 'double payment of a paid order; another shop has an open order with that number and amount',
      orders: [paid, otherShop],
      posting: posting({ amountMinor: 2490, counterpartyName: 'Greta Voss', remittance: 'Bestellung 20100' }),
      truth: undefined,
    });
  }
  {
    const other = order({ number: '10600', totalMinor: 2990, customerName: 'Kai Lorenz' });
    for (const text of ['Kundennr. ist 10600', 'Ihre Kd.-Nr. lautet: 10600', 'Customer number is 10600'])
      add({
        name: `customer number with a filler word: "${text}"`,
        orders: [other],
        posting: posting({ amountMinor: 2990, counterpartyName: 'Frieda Kühn', remittance: text }),
        ambiguous: true,
      });
  }
  {
    const other = order({ number: '2025', totalMinor: 1500, customerName: 'Tom Wendt' });
    for (const text of ['Beitrag Dez. 2025', 'Miete Januar 2025', 'Invoice March 2025'])
      add({
        name: `month and year vs order 2025: "${text}"`,
        orders: [other],
        posting: posting({ amountMinor: 1500, counterpartyName: 'Ina Graf', remittance: text }),
        ambiguous: true,
      });
  }
  {
    const paid = order({
      number: '30001',
      totalMinor: 5000,
      paidMinor: 5000,
      status: 'paid',
      company: 'Bauer Technik GmbH',
    });
    const open = order({ number: '30002', totalMinor: 7000, company: 'Bauer Technik GmbH' });
    add({
      name: 'company pays two orders in one transfer, one already paid',
      orders: [paid, open],
      posting: posting({
        amountMinor: 12000,
        counterpartyName: 'Bauer Technik GmbH',
        remittance: 'Rechnungen 30001 30002',
      }),
      truth: open,
    });
  }
  {
    const partly = order({ number: '40001', totalMinor: 10000, paidMinor: 6000, customerName: 'Udo Kranz' });
    const sibling = order({ number: '40002', totalMinor: 6000, customerName: 'Udo Kranz' });
    add({
      name: 'second partial payment would overpay; the payer has another order of exactly that amount',
      orders: [partly, sibling],
      posting: posting({
        amountMinor: 6000,
        counterpartyName: 'Udo Kranz',
        remittance: 'Rate 2 Bestellung 40001',
      }),
      truth: partly,
    });
  }
  {
    const a = order({ totalMinor: 2000, customerName: 'Erika Schulz' });
    const b = order({ totalMinor: 2050, customerName: 'Erika Schulz' });
    add({
      name: 'amount within tolerance of two orders of the same payer',
      orders: [a, b],
      posting: posting({ amountMinor: 2025, counterpartyName: 'Erika Schulz', remittance: 'Danke' }),
      ambiguous: true,
    });
  }
  {
    const a = order({ totalMinor: 2000, customerName: 'Anna Weiß' });
    const b = order({ totalMinor: 3000, customerName: 'Bernd Hoff' });
    add({
      name: 'amount is the sum of two orders of two other customers',
      orders: [a, b],
      posting: posting({ amountMinor: 5000, counterpartyName: 'Carla Ries', remittance: 'Danke' }),
      ambiguous: true,
    });
  }
  {
    const hans = order({ totalMinor: 3000, customerName: 'Hans Müller' });
    const hanna = order({ totalMinor: 3000, customerName: 'Hanna Müller' });
    add({
      name: '"Dr. med. Hans Müller" vs Hans and Hanna Müller',
      orders: [hans, hanna],
      posting: posting({ amountMinor: 3000, counterpartyName: 'Dr. med. Hans Müller', remittance: 'Danke' }),
      truth: hans,
    });
    add({
      name: '"MUELLER, HANS" reversed and transliterated',
      orders: [hans, hanna],
      posting: posting({ amountMinor: 3000, counterpartyName: 'MUELLER, HANS', remittance: 'Danke' }),
      truth: hans,
    });
    add({
      name: '"Müller, H." initial only',
      orders: [hans, hanna],
      posting: posting({ amountMinor: 3000, counterpartyName: 'Müller, H.', remittance: 'Danke' }),
      ambiguous: true,
    });
  }
  {
    const kg = order({
      totalMinor: 15000,
      company: 'Müller Holzbau GmbH & Co. KG',
      customerName: 'Jörg Sauer',
    });
    const gmbh = order({ totalMinor: 15000, company: 'Müller GmbH', customerName: 'Ida Vos' });
    add({
      name: 'GmbH & Co. KG vs a GmbH with a shared word',
      orders: [kg, gmbh],
      posting: posting({
        amountMinor: 15000,
        counterpartyName: 'MUELLER HOLZBAU GMBH + CO. KG',
        remittance: 'Danke',
      }),
      truth: kg,
    });
  }
  {
    const o = order({ number: '20555', totalMinor: 4990, customerName: 'John Smith' });
    const same = order({ totalMinor: 5490, customerName: 'John Smith' });
    add({
      name: 'USD posting vs EUR orders',
      orders: [o, same],
      posting: posting({
        amountMinor: 5490,
        currency: 'USD',
        counterpartyName: 'John Smith',
        remittance: 'Order 20555',
      }),
      ambiguous: true,
    });
  }
  {
    const later = order({ totalMinor: 1990, customerName: 'Eva Roth', createdAt: '2026-11-10T09:00:00Z' });
    add({
      name: 'payer and amount, but the order was placed a week after the payment',
      orders: [later],
      posting: posting({
        amountMinor: 1990,
        counterpartyName: 'Eva Roth',
        bookingDate: '2026-11-03',
        remittance: 'Danke',
      }),
      ambiguous: true,
    });
  }
  {
    const o = order({ number: '20610', totalMinor: 2590, customerName: 'Otto Bach' });
    add({
      name: 'pending posting with number, payer and amount',
      orders: [o],
      posting: posting({
        amountMinor: 2590,
        counterpartyName: 'Otto Bach',
        bookingStatus: 'pending',
        remittance: 'Bestellung 20610',
      }),
      ambiguous: true,
    });
  }
  {
    const cancelled = order({ totalMinor: 2990, customerName: 'Hans Meier', status: 'cancelled' });
    const stranger = order({ totalMinor: 2990, customerName: 'Paula Stein' });
    add({
      name: 'payment for a cancelled order; another open order has the amount',
      orders: [cancelled, stranger],
      posting: posting({ amountMinor: 2990, counterpartyName: 'Hans Meier', remittance: 'Danke' }),
      ambiguous: true,
    });
  }
  {
    const o = order({ number: '20810', totalMinor: 1800, customerName: 'Ralf Ost' });
    add({
      name: 'PayPal payout: transaction code digits contain an order number',
      orders: [o],
      posting: posting({
        amountMinor: 1800,
        counterpartyName: 'PayPal Europe S.a.r.l. et Cie S.C.A',
        remittance: 'PP.8842.PP . Ihr Einkauf bei Shop, Art 5TY20810RG002845M',
      }),
      ambiguous: true,
    });
  }
  {
    // An invoice number with the year in it; a young shop has an order numbered like the year.
    const right = order({
      number: '30815',
      invoiceNumber: 'RE-2026-0815',
      totalMinor: 5000,
      customerName: 'Ole Fink',
    });
    const year = order({ number: '2026', totalMinor: 5000, customerName: 'Uwe Marx' });
    add({
      name: 'invoice number RE-2026-0815 vs order 2026',
      orders: [right, year],
      posting: posting({
        amountMinor: 5000,
        counterpartyName: 'Fink Immobilien',
        remittance: 'Rechnung RE-2026-0815',
      }),
      truth: right,
    });
  }
  {
    // The payer typed the amount one decimal place off (49,90 instead of 499,00).
    const o = order({ number: '20990', totalMinor: 49900, customerName: 'Rosa Kurz' });
    const small = order({ totalMinor: 4990, customerName: 'Rosa Kurz' });
    add({
      name: 'tenth of the amount with the number of the big order; the payer has a small order of that amount',
      orders: [o, small],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Rosa Kurz', remittance: 'Bestellung 20990' }),
      ambiguous: true,
    });
  }
  {
    // An old open order of the payer (outside the date window) and a new one of a stranger, same amount.
    const old = order({ totalMinor: 6400, customerName: 'Fritz Engel', createdAt: '2026-03-01T10:00:00Z' });
    const fresh = order({ totalMinor: 6400, customerName: 'Mara Pohl', createdAt: '2026-11-01T10:00:00Z' });
    add({
      name: 'payer matches only an order from months ago, a stranger has a fresh order of that amount',
      orders: [old, fresh],
      posting: posting({ amountMinor: 6400, counterpartyName: 'Fritz Engel', remittance: 'Danke' }),
      truth: old,
    });
  }
  {
    // Two of the payer's orders named, the amount pays only one of them: which one is the dealer's call.
    const a = order({ number: '20710', totalMinor: 3000, customerName: 'Lea Horn' });
    const b = order({ number: '20711', totalMinor: 3000, customerName: 'Lea Horn' });
    add({
      name: 'two orders of the payer named, same amounts, money for one',
      orders: [a, b],
      posting: posting({
        amountMinor: 3000,
        counterpartyName: 'Lea Horn',
        remittance: 'Best. 20710 / 20711',
      }),
      ambiguous: true,
    });
  }
  {
    // A marketplace payout (many orders, one sum) naming one of our numbers among its own.
    const o = order({ number: '20920', totalMinor: 12345, customerName: 'Nico Thal' });
    add({
      name: 'marketplace payout with a settlement id that contains digits of an order',
      orders: [o],
      posting: posting({
        amountMinor: 98765,
        counterpartyName: 'Amazon Payments Europe S.C.A.',
        remittance: 'Settlement 20920-7781 Amazon.de',
      }),
      ambiguous: true,
    });
  }
  {
    // A common name shared by many customers: more open orders under it than the combination search tries.
    const name = 'Mehmet Yılmaz';
    const at = (day: number) => `2026-10-${String(day).padStart(2, '0')}T10:00:00Z`;
    const newer = [1000, 2000, ...Array.from({ length: 10 }, () => 2800)].map((totalMinor, i) =>
      order({ totalMinor, customerName: name, createdAt: at(20 + (i % 10)) }),
    );
    const older = [order({ totalMinor: 1500, customerName: name, createdAt: at(2) })];
    older.push(order({ totalMinor: 1500, customerName: name, createdAt: at(3) }));
    add({
      name: 'common name, two subsets of the payer name sum up, one beyond the search pool',
      orders: [...newer, ...older],
      posting: posting({ amountMinor: 3000, counterpartyName: name, remittance: 'Zahlung' }),
      ambiguous: true,
    });
  }
  {
    // Swapped digits that happen to be another open order's number, whose amount fits within tolerance only.
    const right = order({ number: '323672', totalMinor: 30380, customerName: 'Paul Klingke' });
    const swapped = order({ number: '326372', totalMinor: 30349, customerName: 'Jan de Vries' });
    add({
      name: 'transposed digits name another order within tolerance; the true order fits exactly',
      orders: [right, swapped],
      posting: posting({
        amountMinor: 30380,
        counterpartyName: 'Michael Graf',
        remittance: 'Bestellung 326372',
      }),
      truth: right,
    });
  }
  {
    // No number: one order of the payer has exactly the amount, two other orders of the payer add up to it.
    const single = order({ totalMinor: 6979, customerName: 'Ahmed Szabó' });
    const partA = order({ totalMinor: 1989, customerName: 'Ahmed Szabó' });
    const partB = order({ totalMinor: 4990, customerName: 'Ahmed Szabó' });
    add({
      name: 'payer without number: one order fits exactly, two others add up to the same amount',
      orders: [single, partA, partB],
      posting: posting({ amountMinor: 6979, counterpartyName: 'SZABO, AHMED', remittance: 'Zahlung' }),
      ambiguous: true,
    });
  }
  for (const at of [2, 4, 6, 8]) {
    const ref = generateReference(rnd);
    const right = order({ paymentReference: ref, totalMinor: 3300, customerName: 'Mia Lenz' });
    const other = order({
      paymentReference: generateReference(rnd),
      totalMinor: 3300,
      customerName: 'Leo Frey',
    });
    add({
      name: `our reference with one typo at position ${at}`,
      orders: [right, other],
      posting: posting({ amountMinor: 3300, counterpartyName: 'Mia Lenz', remittance: typoAt(ref, at) }),
      truth: right,
    });
  }
  {
    // The typo is one substitution from two orders' references: the text cannot tell them apart.
    const ref = generateReference(rnd);
    const typo = typoAt(ref, 5);
    const twin = validNeighbour(typo, ref);
    const right = order({ paymentReference: ref, totalMinor: 3300, customerName: 'Mia Lenz' });
    const other = order({ paymentReference: twin, totalMinor: 3300, customerName: 'Leo Frey' });
    add({
      name: 'typo equally close to two of our references, unknown payer',
      orders: [right, other],
      posting: posting({ amountMinor: 3300, counterpartyName: 'M. Lenz-Frey', remittance: typo }),
      ambiguous: true,
    });
  }
  {
    const ref = generateReference(rnd);
    const right = order({ paymentReference: ref, totalMinor: 4100, customerName: 'Jan Ebert' });
    const valid = toCreditorReference(ref);
    const broken = `RF${valid.slice(2, 4) === '99' ? '98' : '99'}${ref}`;
    add({
      name: 'RF reference with a wrong check digit but our valid reference inside',
      orders: [right],
      posting: posting({ amountMinor: 4100, counterpartyName: 'Jan Ebert', creditorReference: broken }),
      truth: right,
    });
    const other = order({
      paymentReference: generateReference(rnd),
      totalMinor: 4100,
      customerName: 'Kim Ahn',
    });
    const typo = typoAt(ref, 7);
    add({
      name: 'RF reference with a wrong check digit and a typo in the body',
      orders: [right, other],
      posting: posting({
        amountMinor: 4100,
        counterpartyName: 'Unbekannt',
        creditorReference: `RF00${typo}`,
      }),
      truth: right,
    });
  }
  return out;
}

describeAdversarial('adversarial payments: never automatic to the wrong order', cases());

describe('adversarial returns: reverse only the payment that came back', () => {
  const a = order({ number: '20010', totalMinor: 4990, status: 'paid', paidMinor: 4990 });
  const b = order({ number: '20011', totalMinor: 4990, status: 'paid', paidMinor: 4990 });
  const assignment = (id: number, o: MatchOrder, e2e: string, iban: string): MatchAssignment => ({
    id,
    postingId: 9000 + id,
    orderId: o.id,
    amountMinor: 4990,
    endToEndId: e2e,
    counterpartyIban: iban,
    bookingDate: '2026-11-02',
    orderNumber: o.number,
  });
  const assignments = [
    assignment(1, a, 'NOTPROVIDED', 'DE02120300000000202051'),
    assignment(2, b, 'NOTPROVIDED', 'DE02500105170137075030'),
  ];
  const returnOf = (extra: Partial<MatchPosting>) =>
    posting({ amountMinor: -4990, bankTxCode: 'PMNT-RDDT-UPDD', remittance: 'RUECKLASTSCHRIFT', ...extra });

  it.each([
    ['names the order', returnOf({ remittance: 'RUECKLASTSCHRIFT Bestellung 20010 MS03' }), a],
    [
      'NOTPROVIDED end-to-end id, payer IBAN',
      returnOf({ endToEndId: 'NOTPROVIDED', counterpartyIban: 'DE02120300000000202051' }),
      a,
    ],
    ['NOTPROVIDED, no IBAN, no number', returnOf({ endToEndId: 'NOTPROVIDED' }), undefined],
    [
      'return with a bank fee on top (amount differs)',
      returnOf({ amountMinor: -5290, remittance: 'RUECKLASTSCHRIFT 20010 ENTGELT 3,00' }),
      a,
    ],
    [
      'return names order 20011 but its payer IBAN is that of 20010',
      returnOf({ remittance: 'RUECKLASTSCHRIFT 20011', counterpartyIban: 'DE02120300000000202051' }),
      b,
    ],
  ] as const)('%s', (_name, p, truth) => {
    const d = decisionOf(match([a, b], [p], { assignments }), p.id);
    // An automatic return reverses exactly the payment that came back; without evidence it is not automatic.
    const reversed = d.band === 'auto' ? (d.reverses ?? []).map((r) => r.orderId) : [];
    expect(reversed).toEqual(d.band === 'auto' && truth ? [truth.id] : []);
  });
});
