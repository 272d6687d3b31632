/**
 * Adversarial cases, fifth review (issue 5, precision beats recall): payments from German, Austrian and Swiss bank
 * statements that the first four tables (adversarial*.test.ts) do not cover — an instant transfer for an order the
 * last sync has not brought yet, a banking template of a paid order, names written into the text next to a number
 * or a combined payment, short forms of someone else's name in the text, the per-order number rules inside a
 * combined payment, two orders paid in one transfer with our reference, identifier words with hyphenated stems,
 * phone numbers without a keyword, payout texts of providers not on the provider list. Same contract
 * (adversarial-harness.ts). Traps the matcher still gets wrong are `knownGap` (expected failures, reported, not
 * fixed). The legitimate payments it did not automate (joint and sole traders' accounts, "aa" for "å", abbreviated
 * lists of order numbers) are automatic now: they and the traps next to them are in adversarial-6.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { generateReference, toCreditorReference } from '#core/matching/references.ts';
import { seededRandomInt } from '#core/matching/random.ts';
import type { LearnedFacts, MatchOrder } from '#core/matching/types.ts';
import {
  type AdversarialCase,
  decide,
  describeAdversarial,
  describeNeighbours,
  type Neighbour,
} from './adversarial-harness.ts';
import { order, posting } from './fixtures.ts';

const rnd = seededRandomInt(5150);

/** Hans Müller (one e-mail): open orders 10090 of 49.90, created the day of the payment, and 10075 of Eva's. */
function newestOrders(): [MatchOrder, MatchOrder] {
  return [
    order({
      number: '10090',
      totalMinor: 4990,
      customerName: 'Hans Müller',
      createdAt: '2026-11-03T08:12:00.000Z',
    }),
    order({ number: '10075', totalMinor: 2990, customerName: 'Eva Roth' }),
  ];
}

function trapCases(): AdversarialCase[] {
  const out: AdversarialCase[] = [];
  const add = (c: AdversarialCase) => out.push(c);

  // ---- an instant transfer (SEPA Instant) for the newest order, booked before the next shop sync ------------------
  // Consecutive order numbers differ in the last digit: the order 10091 that Greta placed a minute ago and paid at
  // once is "one substitution" away from Hans's 10090 (the newest order the matcher knows, the same single-product
  // price). The written number lies just above every known order number: the next order, not a typo.
  for (const text of ['Bestellung 10091', '10091']) {
    add({
      name: `instant payment "${text}" for the newest order, not synced yet; open 10090 of the same price`,
      orders: newestOrders(),
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Greta Voss',
        bookingDate: '2026-11-03',
        remittance: text,
      }),
      closed: ['10086', '10087', '10088', '10089'],
      truth: undefined,
    });
  }

  // ---- the banking app's template of a paid order, reused for the next order --------------------------------------
  // Greta paid order 20100 with our reference; the template carries it. Her new order 20133 costs the same. Either she
  // pays 20100 twice or 20133 with the old template: which one is the dealer's call. The loader's closed numbers hold
  // 20100's number and its payment reference (match-loader.ts loadClosedNumbers).
  {
    const paidRef = generateReference(rnd);
    const fresh = () =>
      order({
        number: '20133',
        paymentReference: generateReference(rnd),
        totalMinor: 2490,
        customerName: 'Greta Voss',
      });
    // As the mail printed it, and in groups of three.
    const grouped = `${paidRef.slice(0, 3)} ${paidRef.slice(3, 6)} ${paidRef.slice(6)}`;
    for (const ref of [paidRef, grouped])
      add({
        name: `template reuse: the paid order's reference "${ref}" in the text, the new order of the same price open`,
        orders: [fresh()],
        posting: posting({
          amountMinor: 2490,
          counterpartyName: 'Greta Voss',
          remittance: `${ref} Greta Voss`,
        }),
        closed: ['20100'],
        closedReferences: [paidRef],
        ambiguous: true,
      });
    add({
      name: "template reuse: the paid order's RF creditor reference, the new order of the same price open",
      orders: [fresh()],
      posting: posting({
        amountMinor: 2490,
        counterpartyName: 'Greta Voss',
        creditorReference: toCreditorReference(paidRef),
        remittance: null,
      }),
      closed: ['20100'],
      closedReferences: [paidRef],
      ambiguous: true,
    });
    // Typed from the old mail with two characters swapped: it repairs to the paid order's reference only.
    const slip = paidRef.slice(0, 3) + (paidRef[4] ?? '') + (paidRef[3] ?? '') + paidRef.slice(5);
    add({
      name: "template reuse: the paid order's reference with two characters swapped, the new order open",
      orders: [fresh()],
      posting: posting({ amountMinor: 2490, counterpartyName: 'Greta Voss', remittance: `Zahlung ${slip}` }),
      closed: ['20100'],
      closedReferences: [paidRef],
      ambiguous: true,
    });
  }

  // ---- names in the text: the payer's orders add up, the text names someone else ----------------------------------
  // The father pays his daughter's order and says so; his own two open orders add up to her order's amount.
  for (const text of ['fuer Julia Weber', 'Bestellung von Weber, Julia']) {
    const julia = order({
      number: '10070',
      totalMinor: 4980,
      customerName: 'Julia Weber',
      email: 'j@example.de',
    });
    const klaus = { customerName: 'Klaus Weber', email: 'k@example.de' };
    add({
      name: `"${text}" from Klaus Weber, whose own two open orders add up to Julia's order`,
      orders: [julia, order({ totalMinor: 2990, ...klaus }), order({ totalMinor: 1990, ...klaus })],
      posting: posting({ amountMinor: 4980, counterpartyName: 'Klaus Weber', remittance: text }),
      truth: julia,
    });
  }
  // ... and next to a number: the father swaps two digits of his daughter's number and writes her name; the swapped
  // number is a stranger's order of the same price. (The same in the ultimate debtor field blocks: payer_points_elsewhere.)
  {
    const hans = order({ number: '10023', totalMinor: 4990, customerName: 'Hans Müller' });
    const julia = order({ number: '10032', totalMinor: 4990, customerName: 'Julia Weber' });
    add({
      name: '"Bestellung 10023 Julia Weber" from Klaus Weber: Julia\'s 10032 swapped, 10023 is Hans\'s of the same price',
      orders: [hans, julia],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Klaus Weber',
        remittance: 'Bestellung 10023 Julia Weber',
      }),
      truth: julia,
    });
  }

  // ---- a combined payment skips the per-order number rules of single.ts ----------------------------------------------
  // Two storefronts of one catalogue (shop.de, shop.at: Shopify numbers from 1001 in both). Greta paid shop 1's 10023
  // and 10024 already and pays them again (a repeated transfer); shop 2 has open orders with those numbers of the
  // same prices. Alone each is number_of_closed_order; together they are assigned.
  {
    const a = order({ shopId: 2, number: '10023', totalMinor: 2990, customerName: 'Timo Rau' });
    const b = order({ shopId: 2, number: '10024', totalMinor: 1990, customerName: 'Ida Kern' });
    add({
      name: "double payment of shop 1's paid 10023 and 10024: shop 2's open 10023 + 10024 add up",
      orders: [a, b],
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Greta Voss',
        remittance: 'Bestellungen 10023 und 10024',
      }),
      closed: ['10023', '10024'],
      truth: undefined,
    });
  }
  // The shop's invoices (RE-…) are counted apart from its orders (WC-…) and not synced: a company pays two invoices
  // whose digits are those of two other open orders that add up. Alone each is number_letters_differ.
  {
    const a = order({ number: 'WC-10023', totalMinor: 2990, customerName: 'Ute Sommer' });
    const b = order({ number: 'WC-10024', totalMinor: 1990, customerName: 'Lars Eggert' });
    add({
      name: '"Rechnungen RE-10023 RE-10024" from a company: the digits of WC-10023 + WC-10024, which add up',
      orders: [a, b],
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Eggert Immobilien GmbH',
        remittance: 'Rechnungen RE-10023 RE-10024',
      }),
      ambiguous: true,
    });
  }

  // ---- identifier words written with a hyphen or abbreviated (not on remittance-text.ts IDENTIFIER_WORDS) ------------
  for (const [payer, text] of [
    ['HUK-COBURG Versicherung', 'Versicherungs-Nr. 45112'],
    ['HUK-COBURG Versicherung', 'Leistung Policen-Nr. 45112'],
    ['Bauer Technik GmbH', 'Lohn 11/2026 Pers.-Nr. 45112'],
    ['Jens Kolb', 'Angebots-Nr. 45112'],
    ['Jens Kolb', 'Sendungs-Nr. 45112'],
    ['Bauer Technik GmbH', 'Kundenreferenz 45112'],
    ['Bauer Technik GmbH', 'Beleg-Nr. 45112'],
  ] as const) {
    const o = order({ number: '45112', totalMinor: 5990, customerName: 'Kai Schmitt' });
    add({
      name: `"${text}" from ${payer} does not name order 45112 of the same amount`,
      orders: [o],
      posting: posting({ amountMinor: 5990, counterpartyName: payer, remittance: text }),
      truth: undefined,
    });
  }

  // ---- payouts of providers not on the provider list (payment-nature.ts PROVIDER): the text says "payout" -------------
  for (const [payer, text] of [
    ['Digistore24 GmbH', 'Digistore24 Auszahlung 10245'],
    ['GoCardless Ltd', 'PAYOUT 10245 GoCardless'],
    ['TikTok Information Technologies UK Ltd', 'TikTok Shop Settlement 10245'],
  ] as const) {
    const o = order({ number: '10245', totalMinor: 2990, customerName: 'Olga Petrova' });
    add({
      name: `${payer} "${text}": a payout id equal to an open order of the same amount`,
      orders: [o],
      posting: posting({ amountMinor: 2990, counterpartyName: payer, remittance: text }),
      truth: undefined,
    });
  }

  // ---- a national phone number without a keyword: area code with its leading 0, then the subscriber number ------------
  // (remittance-text.ts PHONE_NATIONAL; it masked phone numbers only after a keyword or in +49 / 0049 form before.)
  for (const text of ['bei Rueckfragen 0221 45678', 'Erreichbar unter 0221 / 45678']) {
    const o = order({ number: '45678', totalMinor: 4990, customerName: 'Eva Roth' });
    add({
      name: `"${text}": a Cologne phone number ends in order 45678 of the same amount`,
      orders: [o],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Bernd Kurz', remittance: text }),
      ambiguous: true,
    });
  }

  // ---- someone pays for a neighbour or a colleague and writes a short form of their name into the text ----------------
  // The payer has an open order of the same price himself. The same short forms in the ultimate debtor field block
  // (adversarial-4, single.ts ultimate_debtor_differs); in the text, a full name did, and now a word of a customer's
  // name after "fuer", "von", "im Auftrag von", "MA" does too (passes/names-in-text.ts).
  for (const text of [
    'fuer Frau Roth',
    'Bestellung von E. Roth',
    'im Auftrag von Roth, E.',
    'Zahlung fuer Eva R.',
  ]) {
    const hans = order({ number: '10023', totalMinor: 4990, customerName: 'Hans Müller' });
    const eva = order({ number: '10024', totalMinor: 4990, customerName: 'Eva Roth' });
    add({
      name: `Hans Müller pays "${text}": not Hans's own order of the same price by payer and amount`,
      orders: [hans, eva],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Hans Mueller', remittance: text }),
      truth: eva,
      ambiguous: true,
    });
  }
  {
    // The employer pays an employee's private order ("MA": Mitarbeiter); the company's own contact ordered too.
    const employee = order({ number: '10030', totalMinor: 8990, customerName: 'Jonas Brandt' });
    const contact = order({
      number: '10031',
      totalMinor: 8990,
      customerName: 'Petra Klein',
      company: 'Bauer Technik GmbH',
    });
    add({
      name: 'Bauer Technik GmbH pays "Bestellung MA Brandt": not the company\'s own order of the same price',
      orders: [employee, contact],
      posting: posting({
        amountMinor: 8990,
        counterpartyName: 'Bauer Technik GmbH',
        remittance: 'Bestellung MA Brandt',
      }),
      truth: employee,
      ambiguous: true,
    });
  }

  // ---- handled today (new situations, kept as regression tests) ------------------------------------------------------
  {
    // DHL pays a COD collection: three parcels listed, one refused (nothing collected); two have the same price.
    const a = order({ number: '10023', totalMinor: 2990, customerName: 'Dörte Jäger' });
    const b = order({ number: '10024', totalMinor: 1990, customerName: 'Kai Schmitt' });
    const c = order({ number: '10025', totalMinor: 1990, customerName: 'Ole Fink' });
    add({
      name: 'COD collection listing 10023 10024 10025, one refused; the two others cost the same',
      orders: [a, b, c],
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'DHL Paket GmbH',
        remittance: 'Nachnahme Sammelgutschrift 10023 10024 10025',
      }),
      ambiguous: true,
    });
  }
  {
    // A joint account ("Gemeinschaftskonto"): both spouses have an open order of the same price.
    const hans = order({ totalMinor: 4990, customerName: 'Hans Müller' });
    const petra = order({ totalMinor: 4990, customerName: 'Petra Müller' });
    for (const name of ['Müller, Hans u. Petra', 'Eheleute Hans und Petra Mueller'])
      add({
        name: `joint account "${name}": both spouses have an open order of the amount`,
        orders: [hans, petra],
        posting: posting({ amountMinor: 4990, counterpartyName: name, remittance: 'Danke' }),
        ambiguous: true,
      });
  }
  {
    // Customer number split by the bank's line wrap (CAMT Ustrd / MT940 ?2x of 27 characters).
    const o = order({ number: '10024', totalMinor: 4990, customerName: 'Eva Roth' });
    for (const text of ['Zahlung Rechnung vom 12.11. Kundennummer 1\n0024 Danke', 'Kd-Nr. 100\n24'])
      add({
        name: `customer number wrapped across lines: ${JSON.stringify(text)}`,
        orders: [o],
        posting: posting({ amountMinor: 4990, counterpartyName: 'Bernd Kurz', remittance: text }),
        truth: undefined,
      });
  }
  {
    // Invoice numbers restart every year: RE-2025-0042 (still open, a slow payer) and RE-2026-0042.
    const old = order({
      number: '10011',
      invoiceNumber: 'RE-2025-0042',
      totalMinor: 4990,
      customerName: 'Anna Alt',
    });
    const fresh = order({
      number: '10023',
      invoiceNumber: 'RE-2026-0042',
      totalMinor: 4990,
      customerName: 'Bernd Neu',
    });
    add({
      name: '"Rechnung 42" while RE-2025-0042 and RE-2026-0042 are both open at the same price',
      orders: [old, fresh],
      posting: posting({ amountMinor: 4990, counterpartyName: 'K. Weber', remittance: 'Rechnung 42' }),
      ambiguous: true,
    });
  }
  {
    // Austrian and Swiss postcodes have four digits (no street rule for them): a young shop's order 1060.
    const o = order({ number: '1060', totalMinor: 4990, customerName: 'Maria Huber' });
    for (const text of [
      'Lieferadresse Mariahilfer Str. 12, 1060 Wien',
      'Gruber Franz, Gumpendorfer Strasse 7/3, 1060 Wien',
    ])
      add({
        name: `Austrian address "${text}" vs order 1060`,
        orders: [o],
        posting: posting({ amountMinor: 4990, counterpartyName: 'Franz Gruber', remittance: text }),
        truth: undefined,
      });
  }
  {
    // An employer paid for Anna before (IBAN and its name learned); now a contact of that company has an order too.
    const IBAN = 'DE02120300000000202051';
    const learned: LearnedFacts = {
      ibanToCustomers: new Map([[IBAN, ['email:anna@example.org']]]),
      aliasToCustomers: new Map([['baur technik', ['email:anna@example.org']]]),
    };
    const anna = order({ totalMinor: 4990, customerName: 'Anna Alt', email: 'anna@example.org' });
    const bernd = order({
      totalMinor: 4990,
      customerName: 'Bernd Bach',
      email: 'bernd@example.org',
      company: 'Bauer Technik GmbH',
    });
    add({
      name: "the employer's learned account pays the amount of Anna's order and of its own contact's order",
      orders: [anna, bernd],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Bauer Technik GmbH', counterpartyIban: IBAN }),
      learned,
      ambiguous: true,
    });
  }
  {
    // A late payment for an order the shop cancelled unpaid; a stranger's open order one digit away costs the same.
    const cancelled = order({
      number: '10023',
      totalMinor: 2490,
      customerName: 'Greta Voss',
      status: 'cancelled',
    });
    const stranger = order({ number: '10028', totalMinor: 2490, customerName: 'Timo Rau' });
    add({
      name: 'late payment naming the cancelled 10023; open 10028 one typo away at the same price',
      orders: [cancelled, stranger],
      posting: posting({ amountMinor: 2490, counterpartyName: 'Greta Voss', remittance: 'Bestellung 10023' }),
      truth: undefined,
    });
  }
  return out;
}

describeAdversarial('adversarial payments (fifth review): never automatic to the wrong order', trapCases());

/** The legitimate neighbours of the traps above: these must stay automatic, to the true orders. */
function positiveCases(): Neighbour[] {
  const out: Neighbour[] = [];
  const add = (c: Neighbour) => out.push(c);
  {
    // The real typo in the last digit: the payer is the newest order's own customer.
    const [newest, other] = newestOrders();
    add({
      name: 'a typo in the last digit of the newest order, from its own customer',
      orders: [newest, other],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'HANS MUELLER',
        bookingDate: '2026-11-03',
        remittance: 'Bestellung 10091',
      }),
      closed: ['10086', '10087', '10088', '10089'],
      truth: newest,
    });
  }
  {
    // Greta's paid order 20100 is known with its reference; she pays her new order 20133 with its own reference, its
    // RF creditor reference, or without any (payer and amount).
    const paidRef = generateReference(rnd);
    const fresh = () =>
      order({
        number: '20133',
        paymentReference: generateReference(rnd),
        totalMinor: 2490,
        customerName: 'Greta Voss',
      });
    const known = { closed: ['20100'], closedReferences: [paidRef] };
    const own = fresh();
    add({
      name: "the new order's own reference while the paid order's is known",
      orders: [own],
      posting: posting({
        amountMinor: 2490,
        counterpartyName: 'Greta Voss',
        remittance: `${own.paymentReference ?? ''} Greta Voss`,
      }),
      ...known,
      truth: own,
    });
    const rf = fresh();
    add({
      name: "the new order's RF creditor reference while the paid order's is known",
      orders: [rf],
      posting: posting({
        amountMinor: 2490,
        counterpartyName: 'Greta Voss',
        creditorReference: toCreditorReference(rf.paymentReference ?? ''),
        remittance: null,
      }),
      ...known,
      truth: rf,
    });
    const plain = fresh();
    add({
      name: "payer and amount, no reference, while the paid order's reference is known",
      orders: [plain],
      posting: posting({ amountMinor: 2490, counterpartyName: 'Greta Voss', remittance: 'Danke' }),
      ...known,
      truth: plain,
    });
  }
  {
    // The father pays his own two orders; his daughter's order of the sum is no competitor without her name.
    const julia = order({ totalMinor: 4980, customerName: 'Julia Weber', email: 'j@example.de' });
    const klaus = { customerName: 'Klaus Weber', email: 'k@example.de' };
    const a = order({ totalMinor: 2990, ...klaus });
    const b = order({ totalMinor: 1990, ...klaus });
    add({
      name: "the payer's own two orders add up; a relative's order of the sum is not named",
      orders: [julia, a, b],
      posting: posting({ amountMinor: 4980, counterpartyName: 'Klaus Weber', remittance: 'Danke' }),
      truth: [a, b],
    });
  }
  {
    const hans = order({ number: '10023', totalMinor: 4990, customerName: 'Hans Müller' });
    const julia = order({ number: '10032', totalMinor: 4990, customerName: 'Julia Weber' });
    add({
      name: 'the father writes his daughter\'s number and name right: "Bestellung 10032 Julia Weber"',
      orders: [hans, julia],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Klaus Weber',
        remittance: 'Bestellung 10032 Julia Weber',
      }),
      truth: julia,
    });
    add({
      name: 'a neighbour pays with the number and the name of its customer: "Bestellung 10023 Hans Müller"',
      orders: [hans, julia],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Klaus Weber',
        remittance: 'Bestellung 10023 Hans Müller',
      }),
      truth: hans,
    });
  }
  {
    // Shop 2's customer pays her own two orders while shop 1's of those numbers are paid: the payer agrees.
    const ida = { customerName: 'Ida Kern', email: 'ida@example.de' };
    const a = order({ shopId: 2, number: '10023', totalMinor: 2990, ...ida });
    const b = order({ shopId: 2, number: '10024', totalMinor: 1990, ...ida });
    add({
      name: "shop 2's customer lists her own 10023 and 10024 while shop 1's are paid",
      orders: [a, b],
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Ida Kern',
        remittance: 'Bestellungen 10023 und 10024',
      }),
      closed: ['10023', '10024'],
      truth: [a, b],
    });
  }
  {
    const a = order({ number: 'WC-10023', totalMinor: 2990, customerName: 'Ute Sommer' });
    const b = order({ number: 'WC-10024', totalMinor: 1990, customerName: 'Lars Eggert' });
    add({
      name: 'a company lists the order numbers with their letters: "WC-10023 WC-10024"',
      orders: [a, b],
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Eggert Immobilien GmbH',
        remittance: 'Bestellungen WC-10023 WC-10024',
      }),
      truth: [a, b],
    });
  }
  {
    // The payer writes a short form of his own name: that names nobody else.
    for (const text of ['Bestellung von H. Mueller', 'Fam. Mueller', 'Herr Mueller Danke']) {
      const hans = order({ number: '10023', totalMinor: 4990, customerName: 'Hans Müller' });
      const eva = order({ number: '10024', totalMinor: 4990, customerName: 'Eva Roth' });
      add({
        name: `Hans Müller pays "${text}": his own order by payer and amount`,
        orders: [hans, eva],
        posting: posting({ amountMinor: 4990, counterpartyName: 'Hans Mueller', remittance: text }),
        truth: hans,
      });
    }
  }
  {
    const o = order({ number: '45678', totalMinor: 4990, customerName: 'Eva Roth' });
    add({
      name: 'the order number next to a phone number with its keyword ("Bestellung 45678 Tel. 0221 12345")',
      orders: [o],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Bernd Kurz',
        remittance: 'Bestellung 45678 Tel. 0221 12345',
      }),
      truth: o,
    });
  }
  {
    const o = order({ number: '45112', totalMinor: 5990, customerName: 'Kai Schmitt' });
    add({
      name: 'the order number next to a hyphenated identifier ("Bestellung 45112 Kunden-Ref. 4711")',
      orders: [o],
      posting: posting({
        amountMinor: 5990,
        counterpartyName: 'Bauer Technik GmbH',
        remittance: 'Bestellung 45112 Kunden-Ref. 4711',
      }),
      truth: o,
    });
  }
  {
    // Labels whose stem names the order (or the invoice) keep their number, hyphenated and abbreviated alike.
    for (const text of [
      'Bestell-Nr. 45112',
      'Auftrags-Nr. 45112',
      'Rechnungs-Nr. 45112',
      'Best.-Nr. 45112',
      'Order-Nr. 45112',
      'Online-Bestell-Nr. 45112',
      'Zahlungsreferenz 45112',
    ]) {
      const o = order({ number: '45112', totalMinor: 5990, customerName: 'Kai Schmitt' });
      add({
        name: `"${text}" from the customer's employer names order 45112`,
        orders: [o],
        posting: posting({ amountMinor: 5990, counterpartyName: 'Bauer Technik GmbH', remittance: text }),
        truth: o,
      });
    }
  }
  {
    // Customers' words for paying are no payout words; a carrier's cash-on-delivery payout pays the orders it names.
    for (const [payer, text] of [
      ['Olga Petrova', 'Vorauszahlung Bestellung 10245'],
      ['Olga Petrova', 'Vorrauszahlung 10245'],
      ['Olga Petrova', 'Anzahlung Bestellung 10245'],
      ['Petrov Trading Ltd', 'Payment in settlement of order 10245'],
      ['Deutsche Post AG', 'Nachnahme Auszahlung Ref 10245'],
    ] as const) {
      const o = order({ number: '10245', totalMinor: 2990, customerName: 'Olga Petrova' });
      add({
        name: `${payer} "${text}" pays order 10245`,
        orders: [o],
        posting: posting({ amountMinor: 2990, counterpartyName: payer, remittance: text }),
        truth: o,
      });
    }
  }
  {
    // A phone number without a keyword next to the order number.
    const o = order({ number: '45678', totalMinor: 4990, customerName: 'Eva Roth' });
    add({
      name: 'the order number next to a phone number without a keyword ("Bestellung 45678, Rueckfragen 0221 12345")',
      orders: [o],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Bernd Kurz',
        remittance: 'Bestellung 45678, Rueckfragen 0221 12345',
      }),
      truth: o,
    });
  }
  {
    // Every parcel of the COD collection listed and collected.
    const a = order({ number: '10023', totalMinor: 2990, customerName: 'Dörte Jäger' });
    const b = order({ number: '10024', totalMinor: 1990, customerName: 'Kai Schmitt' });
    const c = order({ number: '10025', totalMinor: 1990, customerName: 'Ole Fink' });
    add({
      name: 'COD collection listing 10023 10024 10025, all collected',
      orders: [a, b, c],
      posting: posting({
        amountMinor: 6970,
        counterpartyName: 'DHL Paket GmbH',
        remittance: 'Nachnahme Sammelgutschrift 10023 10024 10025',
      }),
      truth: [a, b, c],
    });
  }
  return out;
}

describeNeighbours(
  'adversarial neighbours (fifth review): the legitimate payment stays automatic',
  positiveCases(),
);

/**
 * One transfer for two orders that names our payment reference: automatic only to both orders, or not at all. The
 * single reference candidate takes an overpayment (single.ts: only our reference identifies an order with certainty),
 * and with the payer's name its score reached 1 like the combination's, so it won the tie: all the money went to the
 * first order (flagged overpaid), the second stayed open and its customer, who paid, was reminded. Now an overpaid
 * reference ranks below a combination when the text names another open order that the excess pays.
 */
type TwoOrderCase = Omit<AdversarialCase, 'truth' | 'ambiguous'> & { both: [MatchOrder, MatchOrder] };

function twoOrderCases(): TwoOrderCase[] {
  const out: TwoOrderCase[] = [];
  const hans = { customerName: 'Hans Müller', email: 'hans@example.de' };
  const pair = (): [MatchOrder, MatchOrder] => [
    order({ number: '10023', paymentReference: generateReference(rnd), totalMinor: 2990, ...hans }),
    order({ number: '10024', paymentReference: generateReference(rnd), totalMinor: 1990, ...hans }),
  ];
  const refOf = (o: MatchOrder) => o.paymentReference ?? '';
  {
    const both = pair();
    out.push({
      name: 'Hans lists our references of both his orders and pays the sum',
      both,
      orders: both,
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Hans Mueller',
        remittance: `${refOf(both[0])} ${refOf(both[1])}`,
      }),
    });
  }
  {
    const both = pair();
    out.push({
      name: "the first order's RF creditor reference, the second's reference in the text, the sum paid",
      both,
      orders: both,
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Hans Mueller',
        creditorReference: toCreditorReference(refOf(both[0])),
        remittance: refOf(both[1]),
      }),
    });
  }
  {
    const both = pair();
    out.push({
      name: 'our reference of 10023 and "Bestellung 10024", the sum paid',
      both,
      orders: both,
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Hans Mueller',
        remittance: `${refOf(both[0])} und Bestellung 10024`,
      }),
    });
  }
  {
    // Only the first reference written; the overpayment is exactly the payer's other open order (as with a number,
    // adversarial-2 "one transfer pays two orders of the payer but names only one": the dealer's call). Left as a
    // known gap on purpose: our reference alone is assigned automatically however much is paid (issue 5: 100 %
    // automation where our reference is present), the named order is paid in full (no goods ship unpaid), the
    // decision is flagged overpaid for the dealer, and a rule on the excess blocked references in generated data
    // where the excess equalled another order of the payer by chance.
    const both = pair();
    out.push({
      name: "our reference of 10023 only, the amount pays 10023 and Hans's other open order 10024 exactly",
      both,
      orders: both,
      posting: posting({ amountMinor: 4980, counterpartyName: 'Hans Mueller', remittance: refOf(both[0]) }),
      knownGap: true,
    });
  }
  {
    // Handled today: without the payer's name the combination scores above the single reference.
    const both = pair();
    out.push({
      name: "a relative lists our references of both of Hans's orders and pays the sum",
      both,
      orders: both,
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Petra Schulz',
        remittance: `${refOf(both[0])}, ${refOf(both[1])}`,
      }),
    });
  }
  return out;
}

describe('adversarial combined payments with our reference (fifth review): both orders or none', () => {
  const check = (c: TwoOrderCase) => {
    const d = decide(c);
    const chosen = d.band === 'auto' ? (d.candidates[0]?.orderIds ?? []) : [];
    expect(chosen, `automatic to order id ${chosen.join(',')}`).toEqual(
      d.band === 'auto' ? c.both.map((o) => o.id) : [],
    );
  };
  for (const c of twoOrderCases())
    if (c.knownGap) it.fails(`known gap: ${c.name}`, () => check(c));
    else it(c.name, () => check(c));
});

/** Neighbours of the rules that closed the gaps above: the legitimate payment next to each trap stays automatic. */
function neighboursOfTheFixes(): Neighbour[] {
  const out: Neighbour[] = [];
  const hans = { customerName: 'Hans Müller', email: 'hans@example.de' };
  {
    // A gift: the father pays Hans's order and writes Hans's name; Julia's open order costs the same. The name in the
    // text is the named order's own customer's, not someone else's.
    const own = order({ number: '10023', totalMinor: 4990, ...hans });
    const julia = order({ number: '10032', totalMinor: 4990, customerName: 'Julia Weber' });
    out.push({
      name: '"Bestellung 10023 Hans Müller" from Klaus Weber: the name is 10023\'s own customer',
      orders: [own, julia],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Klaus Weber',
        remittance: 'Bestellung 10023 Hans Müller',
      }),
      truth: own,
    });
  }
  {
    // Our reference overpaid by an amount that is no other open order of the payer: automatic, flagged overpaid.
    const a = order({ number: '10023', paymentReference: generateReference(rnd), totalMinor: 2990, ...hans });
    const b = order({ number: '10024', paymentReference: generateReference(rnd), totalMinor: 1990, ...hans });
    out.push({
      name: "our reference of 10023 overpaid by 10.00, Hans's other open order costs 19.90",
      orders: [a, b],
      posting: posting({
        amountMinor: 3990,
        counterpartyName: 'Hans Mueller',
        remittance: a.paymentReference ?? '',
      }),
      truth: a,
    });
  }
  {
    // Klaus's own two orders add up and he signs with his own name (the payer's name is no one else's).
    const klaus = { customerName: 'Klaus Weber', email: 'k@example.de' };
    const a = order({ totalMinor: 2990, ...klaus });
    const b = order({ totalMinor: 1990, ...klaus });
    out.push({
      name: 'Klaus Weber\'s two open orders add up, the text signs "Gruss Klaus Weber"; Julia Weber has an order too',
      orders: [a, b, order({ totalMinor: 3990, customerName: 'Julia Weber', email: 'j@example.de' })],
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Klaus Weber',
        remittance: 'Gruss Klaus Weber',
      }),
      truth: [a, b],
    });
  }
  {
    // The payer's own two orders, listed by number, one of whose numbers is also a paid order's in another shop: the
    // payer agrees with each, so the closed namesake does not matter.
    const klaus = { customerName: 'Klaus Weber', email: 'k@example.de' };
    const a = order({ number: '10023', totalMinor: 2990, ...klaus });
    const b = order({ number: '10024', totalMinor: 1990, ...klaus });
    out.push({
      name: '"Bestellungen 10023 und 10024" from their customer, 10023 also a paid order of another shop',
      orders: [a, b],
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Klaus Weber',
        remittance: 'Bestellungen 10023 und 10024',
      }),
      closed: ['10023'],
      truth: [a, b],
    });
  }
  // Texts that say whom a payment is for, naming the payer himself or nobody: the payer's own order stays automatic.
  for (const text of [
    'Bestellung von Hans Mueller',
    'Zahlung fuer meine Bestellung',
    'fuer Rechnung vom 12.11.2026',
    'Zahlung fuer H. Müller',
  ]) {
    const own = order({ totalMinor: 4990, ...hans });
    out.push({
      name: `Hans Müller pays "${text}"; Eva Roth has an open order of the same price`,
      orders: [own, order({ totalMinor: 4990, customerName: 'Eva Roth' })],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Hans Mueller', remittance: text }),
      truth: own,
    });
  }
  return out;
}

describeNeighbours("neighbours of the fifth review's fixes: stay automatic", neighboursOfTheFixes());
