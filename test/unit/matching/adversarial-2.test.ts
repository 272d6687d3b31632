/**
 * Adversarial cases, second review (issue 5, precision beats recall): payment texts from German/EU bank
 * practice that the first table (adversarial.test.ts) and the benchmark generator do not produce — payment
 * providers and marketplaces as payer, carrier and tracking numbers, other date formats, phone and article
 * numbers, SEPA identifier fields, returned transfers, names in the remittance, tolerance and amount
 * coincidences. Same contract: an AUTOMATIC assignment may only go to the true order, and never when the input
 * cannot tell (`ambiguous`). Each rule that a case here made necessary has a positive neighbour below: the
 * legitimate payment next to the trap stays automatic, so precision does not come from refusing everything.
 */
import { generateReference } from '#core/matching/references.ts';
import { seededRandomInt } from '#core/matching/random.ts';
import {
  type AdversarialCase,
  describeAdversarial,
  describeNeighbours,
  type Neighbour,
} from './adversarial-harness.ts';
import { order, posting } from './fixtures.ts';

const rnd = seededRandomInt(2611);

type Case = AdversarialCase;

function trapCases(): Case[] {
  const out: Case[] = [];
  const add = (c: Case) => out.push(c);

  // ---- payment service providers and marketplaces as payer: their payouts are settlements --------------
  {
    // A PayPal withdrawal of one sale: the amount is a common price, "PP.8842.PP" is PayPal's own code.
    const o = order({ number: '8842', totalMinor: 4990, customerName: 'Ralf Ost' });
    add({
      name: 'PayPal payout: "PP.8842.PP" code equals a young shop order number, same amount',
      orders: [o],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'PayPal Europe S.a.r.l. et Cie S.C.A',
        remittance: 'PP.8842.PP . Auszahlung PayPal-Guthaben',
      }),
      truth: undefined,
    });
  }
  {
    const o = order({ number: '10245', totalMinor: 2990, customerName: 'Olga Petrova' });
    add({
      name: 'Klarna settlement number equals an order number, amount equal by chance',
      orders: [o],
      posting: posting({
        amountMinor: 2990,
        counterpartyName: 'Klarna Bank AB (publ)',
        remittance: 'Klarna Auszahlung 10245',
      }),
      truth: undefined,
    });
  }
  {
    const o = order({ number: '10311', totalMinor: 1990, customerName: 'Jan de Vries' });
    add({
      name: 'Mollie settlement "st.10311" equals an order number',
      orders: [o],
      posting: posting({
        amountMinor: 1990,
        counterpartyName: 'Mollie B.V.',
        remittance: 'Mollie uitbetaling st.10311',
      }),
      truth: undefined,
    });
  }
  {
    const o = order({ number: 'WC-20415', totalMinor: 12900, customerName: 'Emily Smith' });
    add({
      name: 'Stripe payout id ends in the digits of a prefixed order number',
      orders: [o],
      posting: posting({
        amountMinor: 12900,
        counterpartyName: 'Stripe Technology Europe Ltd',
        remittance: 'STRIPE PAYOUT PO-20415',
      }),
      truth: undefined,
    });
  }
  {
    const o = order({ number: '30567', totalMinor: 2450, customerName: 'Heike Krause' });
    add({
      name: 'eBay payout names the payout number, one sale of a common price',
      orders: [o],
      posting: posting({
        amountMinor: 2450,
        counterpartyName: 'eBay S.a.r.l.',
        remittance: 'Auszahlung 30567 eBay',
      }),
      truth: undefined,
    });
  }
  {
    const o = order({ number: '20920', totalMinor: 9990, customerName: 'Nico Thal' });
    add({
      name: 'Amazon settlement whose amount equals an open order, settlement id contains its number',
      orders: [o],
      posting: posting({
        amountMinor: 9990,
        counterpartyName: 'AMAZON PAYMENTS EUROPE S.C.A.',
        remittance: 'Settlement 20920 Amazon.de',
      }),
      truth: undefined,
    });
  }
  {
    // The provider's payer name plus an order of a customer whose company shares a word: no payer match.
    const o = order({ number: '40811', totalMinor: 5990, company: 'Unzer Fan Club e.V.' });
    add({
      name: 'Unzer payout vs a customer company containing "Unzer"',
      orders: [o],
      posting: posting({
        amountMinor: 5990,
        counterpartyName: 'Unzer E-Com GmbH',
        remittance: 'Auszahlung 40811',
      }),
      truth: undefined,
    });
  }

  // ---- dates, phone numbers, article numbers, tracking numbers -----------------------------------------
  {
    const young = order({ number: '2026', totalMinor: 1500, customerName: 'Tom Wendt' });
    for (const text of ['Zahlung vom 2026.11.26', 'Einkauf 2026/11/26', 'Payment Nov 26, 2026']) {
      add({
        name: `date "${text}" vs a young shop order 2026`,
        orders: [young],
        posting: posting({ amountMinor: 1500, counterpartyName: 'Ina Graf', remittance: text }),
        ambiguous: true,
      });
    }
  }
  {
    const o = order({ number: '45678', totalMinor: 3990, customerName: 'Uwe Marx' });
    for (const text of ['Rueckfragen Handy 07123 45678', 'Mobil: 0171 45678', 'Rückruf +49 7123 45678'])
      add({
        name: `phone number "${text}" ends in an order number`,
        orders: [o],
        posting: posting({ amountMinor: 3990, counterpartyName: 'Karin Vogel', remittance: text }),
        ambiguous: true,
      });
  }
  {
    const o = order({ number: '10023', totalMinor: 4990, customerName: 'Sven Jansen' });
    for (const text of ['Art.-Nr. 10023 2 Stueck', 'Artikel 10023 Groesse M', 'SKU 10023 x2'])
      add({
        name: `article number "${text}" equals an order number`,
        orders: [o],
        posting: posting({ amountMinor: 4990, counterpartyName: 'Elke Wolf', remittance: text }),
        ambiguous: true,
      });
  }
  {
    // A typo neighbour of a postcode: "80331 Muenchen" is one digit away from order 80321.
    const o = order({ number: '80321', totalMinor: 2400, customerName: 'Rita Ostermann' });
    add({
      name: 'postcode and place one typo away from an order number, same amount',
      orders: [o],
      posting: posting({ amountMinor: 2400, counterpartyName: 'Xaver Huber', remittance: '80331 Muenchen' }),
      ambiguous: true,
    });
  }

  // ---- SEPA structured fields left in the text (bank CSV exports that do not split them) ---------------
  {
    const o = order({ number: 'WC-10023', totalMinor: 3990, customerName: 'Karl Brandt' });
    add({
      name: 'mandate reference MREF+ ends in the digits of a prefixed order',
      orders: [o],
      posting: posting({
        amountMinor: 3990,
        counterpartyName: 'Stadtwerke Musterstadt',
        remittance: 'EREF+NOTPROVIDED MREF+KD-10023 CRED+DE98ZZZ09999999999 SVWZ+Abschlag November',
      }),
      truth: undefined,
    });
    add({
      name: "the payer's own end-to-end id in EREF+ ends in the digits of a prefixed order",
      orders: [o],
      posting: posting({
        amountMinor: 3990,
        counterpartyName: 'Hartmann Logistik GmbH',
        remittance: 'EREF+ZV-2026-10023 SVWZ+Sammelzahlung November',
      }),
      ambiguous: true,
    });
    add({
      name: 'structured end-to-end id contains an order number as a part',
      orders: [o],
      posting: posting({
        amountMinor: 3990,
        counterpartyName: 'Hartmann Logistik GmbH',
        endToEndId: 'E2E-10023-4711',
        remittance: 'Sammelzahlung',
      }),
      ambiguous: true,
    });
  }

  // ---- returned transfers, cancellations, credits that are no payment -----------------------------------
  {
    // The dealer's refund to a customer bounced (account closed): the money comes back as a credit with the
    // refund text, from the customer, naming the (refunded) order. Another open order of that customer has
    // exactly the refund amount.
    const refunded = order({
      number: '10400',
      totalMinor: 2990,
      paidMinor: 2990,
      status: 'refunded',
      customerName: 'Birgit Lange',
    });
    const other = order({ number: '10460', totalMinor: 2990, customerName: 'Birgit Lange' });
    add({
      name: 'returned refund (Rücküberweisung) credit from the customer; another open order has the amount',
      orders: [refunded, other],
      posting: posting({
        amountMinor: 2990,
        counterpartyName: 'Birgit Lange',
        remittance: 'RUECKUEBERWEISUNG Konto erloschen AC04 Erstattung Bestellung 10400',
      }),
      truth: undefined,
    });
    add({
      name: 'returned refund without the order number; the customer has an open order with the amount',
      orders: [refunded, other],
      posting: posting({
        amountMinor: 2990,
        counterpartyName: 'Birgit Lange',
        remittance: 'RETOURE SEPA-UEBERWEISUNG Konto erloschen Erstattung',
      }),
      truth: undefined,
    });
  }
  {
    // The dealer paid a supplier's invoice whose number equals an open order's; the bank cancels the debit
    // and books it back as a credit ("Storno"), without a reversal indicator (CSV export).
    const o = order({ number: '10512', totalMinor: 8950, customerName: 'Gerd Albers' });
    add({
      name: 'bank "STORNO" credit of a supplier payment naming an order number, same amount',
      orders: [o],
      posting: posting({
        amountMinor: 8950,
        counterpartyName: 'Bürobedarf Schulz GmbH',
        remittance: 'STORNO Rechnung 10512',
      }),
      truth: undefined,
    });
  }

  // ---- two orders, one number; old numbers; overpayment ------------------------------------------------
  {
    const a = order({ number: '10023', totalMinor: 2990, customerName: 'Lena Krüger' });
    const b = order({ number: '10024', totalMinor: 2000, customerName: 'Lena Krüger' });
    add({
      name: 'one transfer pays two orders of the payer but names only one',
      orders: [a, b],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Lena Krüger',
        remittance: 'Bestellung 10023',
      }),
      ambiguous: true,
    });
  }
  {
    const old = order({
      number: '20100',
      totalMinor: 2490,
      paidMinor: 2490,
      status: 'paid',
      customerName: 'Greta Voss',
    });
    const fresh = order({ number: '20133', totalMinor: 3490, customerName: 'Greta Voss' });
    add({
      name: "old, paid order's number with the new order's amount",
      orders: [old, fresh],
      posting: posting({ amountMinor: 3490, counterpartyName: 'Greta Voss', remittance: 'Bestellung 20100' }),
      ambiguous: true,
    });
  }
  {
    const a = order({ number: '10030', totalMinor: 4990, customerName: 'Frank Wolf' });
    const b = order({ number: '10031', totalMinor: 4990, customerName: 'Frank Wolf' });
    add({
      name: 'double amount naming one order; the payer has a second order of that amount',
      orders: [a, b],
      posting: posting({ amountMinor: 9980, counterpartyName: 'Frank Wolf', remittance: 'Bestellung 10030' }),
      ambiguous: true,
    });
  }
  {
    // Fees within tolerance on the named order, while the same payer's other order has exactly the amount.
    const named = order({ number: '10040', totalMinor: 10000, customerName: 'Petra Hoffmann' });
    const exact = order({ number: '10041', totalMinor: 9900, customerName: 'Petra Hoffmann' });
    add({
      name: "number's order fits only within tolerance, the payer's other order has exactly the amount",
      orders: [named, exact],
      posting: posting({
        amountMinor: 9900,
        counterpartyName: 'Petra Hoffmann',
        remittance: 'Bestellung 10040',
      }),
      ambiguous: true,
    });
  }

  // ---- names: family members, names in the remittance ---------------------------------------------------
  {
    // The father pays his daughter's order and says so; he has an open order of the same amount himself.
    const own = order({ totalMinor: 4990, customerName: 'Klaus Weber' });
    const daughter = order({ totalMinor: 4990, customerName: 'Julia Weber' });
    add({
      name: 'payer writes another customer\'s name ("für Julia Weber"), has an own order of that amount',
      orders: [own, daughter],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Klaus Weber',
        remittance: 'fuer Julia Weber',
      }),
      truth: daughter,
    });
    add({
      name: 'payer writes "Bestellung von Julia Weber", own order of that amount',
      orders: [own, daughter],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'WEBER, KLAUS',
        remittance: 'Bestellung von Weber, Julia',
      }),
      truth: daughter,
    });
  }
  {
    // Same surname, different first name, no number: the payer's name agrees with nobody exactly.
    const a = order({ totalMinor: 3990, customerName: 'Thomas Müller' });
    add({
      name: 'family member: same surname, other first name, same amount',
      orders: [a],
      posting: posting({ amountMinor: 3990, counterpartyName: 'Anna Müller', remittance: 'Danke' }),
      truth: a,
    });
  }
  {
    // The employee pays privately for a company order; another customer has the employee's name.
    const companyOrder = order({
      totalMinor: 15000,
      company: 'Lehmann Elektro GmbH',
      customerName: 'Jörg Sauer',
    });
    const namesake = order({ totalMinor: 15000, customerName: 'Jörg Sauer' });
    add({
      name: 'employee name equals the contact of a company order and another private customer',
      orders: [companyOrder, namesake],
      posting: posting({ amountMinor: 15000, counterpartyName: 'Jörg Sauer', remittance: 'Danke' }),
      ambiguous: true,
    });
  }
  {
    const o = order({ totalMinor: 2990, customerName: 'Maria Fernández' });
    add({
      name: '"c/o" payer line: the payer is the host, the customer lives there',
      orders: [o],
      posting: posting({
        amountMinor: 2990,
        counterpartyName: 'Hans Becker c/o Maria Fernandez',
        remittance: 'Danke',
      }),
      truth: o,
    });
  }

  // ---- amount coincidences ---------------------------------------------------------------------------
  {
    const many = Array.from({ length: 12 }, (_, i) =>
      order({ totalMinor: 5000, customerName: `Gutschein Kunde${i} Nachname${i}` }),
    );
    add({
      name: 'gift voucher of 50,00: a round amount shared by twelve open orders, payer unknown',
      orders: many,
      posting: posting({ amountMinor: 5000, counterpartyName: 'Ursula Klein', remittance: 'Gutschein' }),
      ambiguous: true,
    });
  }
  {
    const o = order({ number: '10050', totalMinor: 4990, customerName: 'Anja Braun' });
    add({
      name: 'instalment "1. Rate" from someone else: part payment without the payer',
      orders: [o],
      posting: posting({
        amountMinor: 1000,
        counterpartyName: 'Oma Braun',
        remittance: '1. Rate Bestellung 10050',
      }),
      truth: o,
    });
  }
  {
    // Our reference in a provider's payout: the provider forwarded one customer's payment with it.
    const ref = generateReference(rnd);
    const o = order({ paymentReference: ref, totalMinor: 4590, customerName: 'Silke Neumann' });
    add({
      name: 'provider payout carrying our reference',
      orders: [o],
      posting: posting({
        amountMinor: 4590,
        counterpartyName: 'Klarna Bank AB',
        remittance: `Zahlung ${ref}`,
      }),
      truth: o,
    });
  }
  {
    // DHL cash on delivery pays one parcel: the tracking number must not name another order.
    const right = order({ number: '10077', totalMinor: 5990, customerName: 'Dörte Jäger' });
    const other = order({ number: '4567', totalMinor: 5990, customerName: 'Kai Schmitt' });
    add({
      name: 'COD payout with a tracking number in groups, one group equals another order',
      orders: [right, other],
      posting: posting({
        amountMinor: 5990,
        counterpartyName: 'Deutsche Post AG',
        remittance: 'Nachnahme Sendung 0034 0434 1612 4567 Ref 10077',
      }),
      truth: right,
    });
  }
  // ---- second round: years as typos, surname-only names, carrier and insurance numbers ------------------
  {
    // A young shop (order numbers in the 2000s): a bare year one digit away from an open order.
    const o = order({ number: '2027', totalMinor: 1990, customerName: 'Mia Lenz' });
    for (const text of ['Weihnachten 2026', 'Jahresbeitrag 2026'])
      add({
        name: `a bare year "${text}" one typo away from a young shop's order 2027`,
        orders: [o],
        posting: posting({ amountMinor: 1990, counterpartyName: 'Paula Stein', remittance: text }),
        ambiguous: true,
      });
  }
  {
    // The customer typed only a surname ("Familie Schneider"); the payer is a one-word company of that name.
    const o = order({ totalMinor: 4990, customerName: 'Familie Schneider' });
    add({
      name: 'surname-only customer vs a one-word company payer of that name',
      orders: [o],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Schneider GmbH', remittance: 'Danke' }),
      ambiguous: true,
    });
    add({
      name: 'surname-only customer ("Frau Schneider") vs a payer shown only as "HERR SCHNEIDER"',
      orders: [order({ totalMinor: 4990, customerName: 'Frau Schneider' })],
      posting: posting({ amountMinor: 4990, counterpartyName: 'HERR SCHNEIDER', remittance: 'Danke' }),
      ambiguous: true,
    });
  }
  {
    // A carrier or an insurer pays a damage claim: the amount is the value of the goods (a common price).
    const o = order({ number: '45112', totalMinor: 5990, customerName: 'Kai Schmitt' });
    for (const text of [
      'Schadensregulierung Sendungsnummer 45112',
      'Schadennummer 45112 Ersatzleistung',
      'Aktenzeichen 45112 Erstattung',
    ])
      add({
        name: `damage claim "${text}" equals an order number`,
        orders: [o],
        posting: posting({
          amountMinor: 5990,
          counterpartyName: 'Allianz Versicherungs-AG',
          remittance: text,
        }),
        truth: undefined,
      });
    for (const text of ['Angebot 45112', 'Ersatzteil laut Ticket #45112', 'Steuernummer 45/112 Erstattung'])
      add({
        name: `quote, support ticket or tax number "${text}" vs order 45112`,
        orders: [o],
        posting: posting({ amountMinor: 5990, counterpartyName: 'Jens Kolb', remittance: text }),
        ambiguous: true,
      });
    add({
      name: 'salary with a personnel number equal to an order number and amount',
      orders: [o],
      posting: posting({
        amountMinor: 5990,
        counterpartyName: 'Minijob Zentrale',
        remittance: 'Lohn 11/2026 Personalnr. 45112',
      }),
      truth: undefined,
    });
  }
  {
    // A double payment: the customer pays order 10023 (paid already, so not among the open orders) a second
    // time. The open order 10028 of a stranger has the same price and is one digit away from 10023.
    const stranger = order({ number: '10028', totalMinor: 2490, customerName: 'Timo Rau' });
    const text = { amountMinor: 2490, counterpartyName: 'Greta Voss', remittance: 'Bestellung 10023' };
    add({
      name: 'double payment of a paid order: its number is one typo from a stranger order of that price',
      orders: [stranger],
      posting: posting(text),
      closed: ['10023'],
      truth: undefined,
    });
    add({
      name: 'double payment as above, the paid order closed so long ago that the loader no longer knows it',
      orders: [stranger],
      posting: posting(text),
      truth: undefined,
      // Without the closed order's number the text is indistinguishable from a typo of 10028 with the exact
      // amount (the typo pass's own case). The loader keeps closed numbers for 180 days (match-loader.ts).
      knownGap: true,
    });
    // Two shops: shop 1's order 20100 is paid (not among the open orders), shop 2 has an open 20100 of the
    // same price. The payer of shop 1's order pays it twice.
    const shop2 = order({ shopId: 2, number: '20100', totalMinor: 2490, customerName: 'Timo Rau' });
    add({
      name: "double payment of shop 1's paid 20100; shop 2 has an open 20100 of the same price",
      orders: [shop2],
      posting: posting({ amountMinor: 2490, counterpartyName: 'Greta Voss', remittance: 'Bestellung 20100' }),
      closed: ['20100'],
      truth: undefined,
    });
  }
  {
    // The shop's invoice numbers run separately from its order numbers (RE-10023 is the invoice of order
    // WC-10451) and were not synced: the digits of the invoice number are those of another open order.
    const other = order({ number: 'WC-10023', totalMinor: 4990, customerName: 'Ute Sommer' });
    const right = order({ number: 'WC-10451', totalMinor: 4990, customerName: 'Lars Eggert' });
    for (const text of ['Rechnung RE-10023', 'Gutschein GS-10023 eingeloest'])
      add({
        name: `"${text}": other letters, the digits of another order's number WC-10023`,
        orders: [other, right],
        posting: posting({ amountMinor: 4990, counterpartyName: 'Eggert Immobilien', remittance: text }),
        ambiguous: true,
      });
  }
  {
    // The customer reuses the bank app's template (Überweisungsvorlage) of the first order's payment for the
    // second order: the first order's reference, the second order's amount.
    const refA = generateReference(rnd);
    const first = order({ paymentReference: refA, totalMinor: 2000, customerName: 'Heike Fuchs' });
    const second = order({ totalMinor: 4990, customerName: 'Heike Fuchs' });
    add({
      name: "template reuse: first order's reference, second order's exact amount (same customer)",
      orders: [first, second],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Heike Fuchs', remittance: `Zahlung ${refA}` }),
      ambiguous: true,
    });
  }
  {
    // As the loader hands it over: the paid order is not among the open orders, only its number is known.
    const fresh = order({ number: '20133', totalMinor: 2490, customerName: 'Greta Voss' });
    add({
      name: 'double payment naming the paid order 20100; the payer has a new open order of the same price',
      orders: [fresh],
      posting: posting({ amountMinor: 2490, counterpartyName: 'Greta Voss', remittance: 'Bestellung 20100' }),
      closed: ['20100'],
      ambiguous: true,
    });
  }
  return out;
}

describeAdversarial('adversarial payments (second review): never automatic to the wrong order', trapCases());

/** The legitimate neighbours of the traps above: these must stay automatic, to the true order. */
function positiveCases(): Neighbour[] {
  const out: Neighbour[] = [];
  const add = (c: Neighbour) => out.push(c);
  {
    const o = order({ number: '10023', totalMinor: 4990, customerName: 'Oliver Smith' });
    add({
      name: 'money transfer service (Wise) forwards one customer payment with the order number',
      orders: [o],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Wise Europe SA',
        remittance: 'Bestellung 10023 Oliver Smith',
      }),
      truth: o,
    });
  }
  {
    // Provider names that are also people's names count only in their company form.
    for (const name of ['Mollie Turner', 'Michael Unzer']) {
      const o = order({ number: '10311', totalMinor: 1990, customerName: name });
      add({
        name: `a customer named like a provider ("${name}") pays with the number`,
        orders: [o],
        posting: posting({ amountMinor: 1990, counterpartyName: name, remittance: 'Bestellung 10311' }),
        truth: o,
      });
    }
  }
  {
    // The customer sent an item back and pays the rest with our reference: customers write "Retoure" too.
    const ref = generateReference(rnd);
    const o = order({ paymentReference: ref, totalMinor: 3980, customerName: 'Heike Brandt' });
    add({
      name: 'our reference with "abzgl. Retoure" (rest of the order after a return) stays automatic',
      orders: [o],
      posting: posting({
        amountMinor: 3980,
        counterpartyName: 'Heike Brandt',
        remittance: `${ref} abzgl. Retoure`,
      }),
      truth: o,
    });
  }
  {
    const ref = generateReference(rnd);
    const o = order({ paymentReference: ref, totalMinor: 4590, customerName: 'Silke Neumann' });
    add({
      name: 'provider payout carrying our reference stays automatic',
      orders: [o],
      posting: posting({
        amountMinor: 4590,
        counterpartyName: 'Klarna Bank AB',
        remittance: `Zahlung ${ref}`,
      }),
      truth: o,
    });
  }
  {
    const o = order({ number: '8842', totalMinor: 4990, customerName: 'Ralf Ost' });
    add({
      name: 'a young shop order number paid by the customer, the number after a dot-free keyword',
      orders: [o],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Lisa Franke', remittance: 'Best.Nr. 8842' }),
      truth: o,
    });
  }
  {
    const o = order({ number: '2026', totalMinor: 1500, customerName: 'Tom Wendt' });
    add({
      name: 'order 2026 named with a keyword and a date in another format',
      orders: [o],
      posting: posting({
        amountMinor: 1500,
        counterpartyName: 'Tom Wendt',
        remittance: 'Bestellung 2026 vom 2026.11.02',
      }),
      truth: o,
    });
  }
  {
    const o = order({ number: '10023', totalMinor: 4990, customerName: 'Sven Jansen' });
    add({
      name: 'order number next to an article number',
      orders: [o],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Elke Wolf',
        remittance: 'Bestellung 10023 Art.-Nr. 5561 2 Stueck',
      }),
      truth: o,
    });
    add({
      name: 'order number next to a phone number',
      orders: [o],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Elke Wolf',
        remittance: 'Bestellung 10023 Handy 0171 2345678',
      }),
      truth: o,
    });
  }
  {
    const o = order({ number: '10023', totalMinor: 4990, customerName: 'Sven Jansen' });
    add({
      name: 'SEPA fields in the text: the number in SVWZ+ still counts, EREF+ the order number as a whole',
      orders: [o],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Elke Wolf',
        remittance: 'EREF+NOTPROVIDED MREF+M-4711 SVWZ+Bestellung 10023',
      }),
      truth: o,
    });
    add({
      name: 'EREF+ that is exactly the order number',
      orders: [o],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Elke Wolf',
        remittance: 'EREF+10023 SVWZ+Danke',
      }),
      truth: o,
    });
  }
  {
    const o = order({ number: '80321', totalMinor: 2400, customerName: 'Rita Ostermann' });
    add({
      name: 'a typo of an order number followed by the customer name stays automatic',
      orders: [o],
      posting: posting({
        amountMinor: 2400,
        counterpartyName: 'Rita Ostermann',
        remittance: '80312 Ostermann',
      }),
      truth: o,
    });
  }
  {
    const named = order({ number: '10040', totalMinor: 10000, customerName: 'Petra Hoffmann' });
    add({
      name: 'fees within tolerance on the named order, no other order of the payer fits',
      orders: [named, order({ number: '10041', totalMinor: 3000, customerName: 'Petra Hoffmann' })],
      posting: posting({
        amountMinor: 9900,
        counterpartyName: 'Petra Hoffmann',
        remittance: 'Bestellung 10040',
      }),
      truth: named,
    });
  }
  {
    const own = order({ totalMinor: 4990, customerName: 'Klaus Weber' });
    add({
      name: 'payer names himself in the remittance',
      orders: [own, order({ totalMinor: 4990, customerName: 'Julia Weber' })],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Klaus Weber',
        remittance: 'Klaus Weber Danke',
      }),
      truth: own,
    });
  }
  {
    const o = order({ number: '10460', totalMinor: 2990, customerName: 'Birgit Lange' });
    add({
      name: 'a customer payment whose text mentions a return of goods ("Rücksendung") stays automatic',
      orders: [o],
      posting: posting({
        amountMinor: 2990,
        counterpartyName: 'Birgit Lange',
        remittance: 'Bestellung 10460 Ruecksendung folgt',
      }),
      truth: o,
    });
  }
  {
    const right = order({ number: '10077', totalMinor: 5990, customerName: 'Dörte Jäger' });
    add({
      name: 'DHL cash on delivery with the order number as reference',
      orders: [right],
      posting: posting({
        amountMinor: 5990,
        counterpartyName: 'Deutsche Post AG',
        remittance: 'Nachnahme Sendung 00340434161234567890 Ref 10077',
      }),
      truth: right,
    });
  }
  {
    // Most orders of the shop are paid at once (PayPal, card): the typo 10032 of the payer's own open order
    // 10023 is a stranger's paid order. The payer agrees with the open order: a typo, automatic.
    const own = order({ number: '10023', totalMinor: 4990, customerName: 'Anna Schmidt' });
    add({
      name: "a typo that happens to be a stranger's paid order number, from the open order's own customer",
      orders: [own],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Anna Schmidt',
        remittance: 'Bestellung 10032',
      }),
      closed: ['10032'],
      truth: own,
    });
  }
  {
    // A young shop's closed orders 1010 and 2026: a postcode and a year in the text name no paid order.
    const o = order({ number: '1523', totalMinor: 4990, customerName: 'Maria Huber' });
    for (const text of ['Maria Huber 1010 Wien', 'Mitgliedsbeitrag 2026', 'Einkauf 2026 Danke'])
      add({
        name: `payer and amount with "${text}" while orders 1010 and 2026 are paid`,
        orders: [o],
        posting: posting({ amountMinor: 4990, counterpartyName: 'Maria Huber', remittance: text }),
        closed: ['1010', '2026'],
        truth: o,
      });
  }
  {
    const o = order({ number: '10028', totalMinor: 2490, customerName: 'Timo Rau' });
    add({
      name: 'a typo that is no closed order number stays automatic (closed numbers known)',
      orders: [o],
      posting: posting({ amountMinor: 2490, counterpartyName: 'Greta Voss', remittance: 'Bestellung 10082' }),
      closed: ['10023', '10024'],
      truth: o,
    });
  }
  {
    const shop2 = order({ shopId: 2, number: '20100', totalMinor: 2490, customerName: 'Timo Rau' });
    add({
      name: "shop 2's customer pays his open 20100 while shop 1's 20100 is paid: the payer agrees",
      orders: [shop2],
      posting: posting({ amountMinor: 2490, counterpartyName: 'Timo Rau', remittance: 'Bestellung 20100' }),
      closed: ['20100'],
      truth: shop2,
    });
  }
  {
    const o = order({ number: 'WC-10023', totalMinor: 4990, customerName: 'Ute Sommer' });
    for (const text of ['Bestellung 10023', 'Order #10023', 'Bestellnr10023', 'wc 10023'])
      add({
        name: `"${text}" still names WC-10023 (no letters, a keyword, or the same letters)`,
        orders: [o],
        posting: posting({ amountMinor: 4990, counterpartyName: 'Lars Eggert', remittance: text }),
        truth: o,
      });
  }
  {
    // From the benchmark's 100k set: the digits of the order number WC-77297 are also those of another
    // order's invoice RE-2026-77297 (same price). The letters tell them apart; the order stays automatic.
    const o = order({ number: 'WC-77297', totalMinor: 14999, customerName: 'Chen Ødegaard' });
    const invoice = order({
      number: '332641',
      invoiceNumber: 'RE-2026-77297',
      totalMinor: 14999,
      customerName: 'Frank Großler',
    });
    add({
      name: "order WC-77297 vs another order's invoice RE-2026-77297 of the same price",
      orders: [o, invoice],
      posting: posting({
        amountMinor: 14999,
        counterpartyName: 'Dr. Chen Ødegaard',
        remittance: 'SVWZ+Auftrag WC-77297',
      }),
      truth: o,
    });
  }
  {
    const refA = generateReference(rnd);
    const first = order({ paymentReference: refA, totalMinor: 2000, customerName: 'Heike Fuchs' });
    add({
      name: 'our reference with an overpayment, no other order of the payer fits: automatic, flagged',
      orders: [first, order({ totalMinor: 3000, customerName: 'Heike Fuchs' })],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Heike Fuchs', remittance: `Zahlung ${refA}` }),
      truth: first,
    });
  }
  {
    const fresh = order({ number: '20133', totalMinor: 2490, customerName: 'Greta Voss' });
    add({
      name: 'payer and amount without a number stay automatic when closed orders are known',
      orders: [fresh],
      posting: posting({ amountMinor: 2490, counterpartyName: 'Greta Voss', remittance: 'Danke' }),
      closed: ['20100'],
      truth: fresh,
    });
  }
  {
    // The payer writes out her own full name; another customer's name is a part of it.
    const own = order({ totalMinor: 4990, customerName: 'Anna Maria Schmidt' });
    add({
      name: 'payer writes her own name, which contains another customer\'s name ("Maria Schmidt")',
      orders: [own, order({ totalMinor: 3000, customerName: 'Maria Schmidt' })],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Anna Maria Schmidt',
        remittance: 'Anna Maria Schmidt Danke',
      }),
      truth: own,
    });
  }
  {
    const o = order({ number: '2072', totalMinor: 1990, customerName: 'Mia Lenz' });
    add({
      name: 'a year-like typo after an order keyword stays a typo ("Bestellung 2027" for 2072)',
      orders: [o],
      posting: posting({ amountMinor: 1990, counterpartyName: 'Paula Stein', remittance: 'Bestellung 2027' }),
      truth: o,
    });
  }
  {
    const o = order({ totalMinor: 4990, company: 'Schneider GmbH', customerName: 'Jens Kolb' });
    add({
      name: 'one-word company name and payer: the company agrees exactly',
      orders: [o],
      posting: posting({ amountMinor: 4990, counterpartyName: 'SCHNEIDER GMBH', remittance: 'Danke' }),
      truth: o,
    });
  }
  {
    // First name equal to the surname: one token, but two words — a full name, not a surname alone.
    const o = order({ totalMinor: 5979, customerName: 'Günther Günther' });
    add({
      name: 'a full name whose first name is the surname ("Dr. Günther Günther") stays exact',
      orders: [o],
      posting: posting({ amountMinor: 5979, counterpartyName: 'Dr. Günther Günther', remittance: 'Danke' }),
      truth: o,
    });
  }
  {
    const o = order({ number: '45112', totalMinor: 5990, customerName: 'Kai Schmitt' });
    add({
      name: 'the order number next to a tracking number',
      orders: [o],
      posting: posting({
        amountMinor: 5990,
        counterpartyName: 'Kai Schmitt',
        remittance: 'Bestellung 45112 Sendungsnummer 00340434161234567890',
      }),
      truth: o,
    });
  }
  return out;
}

describeNeighbours(
  'adversarial neighbours (second review): the legitimate payment stays automatic',
  positiveCases(),
);
