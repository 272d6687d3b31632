/**
 * Recall rules for legitimate payments the fifth review left for the dealer (adversarial-5.test.ts, its missed
 * cases), each with the traps next to it that must not become automatic. Same contract (adversarial-harness.ts):
 * - a joint account ("Hans u. Petra Müller", "Mueller, Hans u. Petra") and a sole trader's account ("Blumenhaus
 *   Müller Inh. Hans Müller e.K.") name their holders (account-holders.ts, payer-evidence.ts);
 * - Danish and Norwegian "å" is "aa" in bank master data ("KIERKEGAARD" for Kierkegård: order-index.ts);
 * - abbreviated lists of one customer's order numbers ("10023/24", "10023, 24 u. 25": number-candidates.ts), taken
 *   only as the whole list, paid exactly, by one customer's orders (combined.ts).
 */
import type { MatchOrder } from '#core/matching/types.ts';
import {
  type AdversarialCase,
  describeAdversarial,
  describeNeighbours,
  type Neighbour,
} from './adversarial-harness.ts';
import { order, posting } from './fixtures.ts';

const eva = () => order({ totalMinor: 4990, customerName: 'Eva Roth' });
const hansMueller = (totalMinor = 4990) =>
  order({ totalMinor, customerName: 'Hans Müller', email: 'hans@example.de' });

/** Lukas Berger's consecutive orders 10023 (29.90), 10024 (19.90), 10025 (24.90). */
function lukasOrders(): [MatchOrder, MatchOrder, MatchOrder] {
  const lukas = { customerName: 'Lukas Berger', email: 'l@example.de' };
  return [
    order({ number: '10023', totalMinor: 2990, ...lukas }),
    order({ number: '10024', totalMinor: 1990, ...lukas }),
    order({ number: '10025', totalMinor: 2490, ...lukas }),
  ];
}

function neighbours(): Neighbour[] {
  const out: Neighbour[] = [];
  const add = (c: Neighbour) => out.push(c);

  // ---- joint accounts: the payer names both spouses ----------------------------------------------------------------
  for (const name of ['Hans u. Petra Müller', 'Mueller, Hans u. Petra', 'Eheleute Hans und Petra Mueller']) {
    const hans = hansMueller();
    add({
      name: `joint account "${name}" pays the only open order of either spouse`,
      orders: [hans, eva()],
      posting: posting({ amountMinor: 4990, counterpartyName: name, remittance: 'Danke' }),
      truth: hans,
    });
  }
  {
    // Petra has an open order too, of another amount: the amount tells which spouse's order was paid.
    const hans = hansMueller();
    const petra = order({ totalMinor: 2990, customerName: 'Petra Müller', email: 'petra@example.de' });
    add({
      name: 'joint account "Hans & Petra Müller" pays 49.90: Hans\'s order of 49.90, Petra\'s costs 29.90',
      orders: [hans, petra, eva()],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Hans & Petra Müller', remittance: 'Danke' }),
      truth: hans,
    });
  }
  {
    // Spouses each written out with the same surname.
    const petra = order({ totalMinor: 4990, customerName: 'Petra Müller' });
    add({
      name: 'joint account "Hans Müller u. Petra Müller" pays Petra Müller\'s order',
      orders: [petra, eva()],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Hans Müller u. Petra Müller' }),
      truth: petra,
    });
  }

  // ---- sole traders: "Inh." names the owner ------------------------------------------------------------------------
  for (const name of ['Blumenhaus Müller Inh. Hans Müller e.K.', 'BLUMENHAUS MUELLER INHABER HANS MUELLER']) {
    const hans = hansMueller();
    add({
      name: `sole trader "${name}" pays Hans Müller's order`,
      orders: [hans, eva()],
      posting: posting({ amountMinor: 4990, counterpartyName: name }),
      truth: hans,
    });
  }
  {
    const petra = order({ totalMinor: 4990, customerName: 'Petra Schmidt' });
    add({
      name: 'sole trader "Friseursalon Haarmonie Inhaberin Petra Schmidt" pays Petra Schmidt\'s order',
      orders: [petra, eva()],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Friseursalon Haarmonie Inhaberin Petra Schmidt',
      }),
      truth: petra,
    });
  }

  // ---- "aa" for "å" ------------------------------------------------------------------------------------------------
  for (const [customer, payer] of [
    ['Søren Kierkegård', 'SOEREN KIERKEGAARD'],
    ['Åse Lindqvist', 'AASE LINDQVIST'],
  ] as const) {
    const o = order({ totalMinor: 4990, customerName: customer });
    add({
      name: `"${payer}" pays ${customer}'s order (å written as aa)`,
      orders: [o, eva()],
      posting: posting({ amountMinor: 4990, counterpartyName: payer }),
      truth: o,
    });
  }
  {
    // The bank kept the "å" or dropped its ring: as before.
    const o = order({ totalMinor: 4990, customerName: 'Søren Kierkegård' });
    add({
      name: '"Soren Kierkegard" (the ring dropped) still pays Søren Kierkegård\'s order',
      orders: [o, eva()],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Soren Kierkegard' }),
      truth: o,
    });
  }

  // ---- abbreviated lists of order numbers, paid by a relative (no payer agreement to fall back on) -----------------
  for (const [text, pick] of [
    ['Bestellungen 10023/24', [0, 1]],
    ['Bestellungen 10023/25', [0, 2]],
    ['Best. 10023, 24 u. 25', [0, 1, 2]],
    ['Bestellungen 10023/24/25', [0, 1, 2]],
    ['Bestellung 10023 + 24', [0, 1]],
    ['Auftraege 10023, 24 und 25 Danke', [0, 1, 2]],
  ] as const) {
    const all = lukasOrders();
    const truth = pick.map((i) => all[i]);
    const amountMinor = truth.reduce((s, o) => s + o.totalMinor, 0);
    add({
      name: `"${text}" paid by the mother names ${truth.map((o) => o.number).join(' + ')}`,
      // Eva's order of the sum is no competitor: only the amount points at it.
      orders: [...all, order({ number: '10026', totalMinor: amountMinor, customerName: 'Eva Roth' })],
      posting: posting({ amountMinor, counterpartyName: 'Sabine Berger-Kunz', remittance: text }),
      truth,
    });
  }
  return out;
}

describeNeighbours('recall rules (missed cases of the fifth review): automatic now', neighbours());

function traps(): AdversarialCase[] {
  const out: AdversarialCase[] = [];
  const add = (c: AdversarialCase) => out.push(c);

  // ---- joint accounts -----------------------------------------------------------------------------------------------
  {
    // Both spouses owe the amount (adversarial-5 has the comma and "Eheleute" forms).
    const hans = hansMueller();
    const petra = order({ totalMinor: 4990, customerName: 'Petra Müller', email: 'petra@example.de' });
    add({
      name: 'joint account "Hans u. Petra Müller": both spouses have an open order of the amount',
      orders: [hans, petra],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Hans u. Petra Müller', remittance: 'Danke' }),
      ambiguous: true,
    });
  }
  {
    // A customer whose double first name is both the payer's first names: as much the account holder as Hans.
    const hans = hansMueller();
    const hansPetra = order({ totalMinor: 4990, customerName: 'Hans-Petra Müller', email: 'hp@example.de' });
    add({
      name: 'joint account "Hans u. Petra Müller"; Hans Müller and Hans-Petra Müller owe the amount',
      orders: [hans, hansPetra],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Hans u. Petra Müller' }),
      ambiguous: true,
    });
  }
  {
    // The first name of one spouse with the surname of the other is neither holder.
    const o = order({ totalMinor: 4990, customerName: 'Hans Schmidt' });
    add({
      name: 'joint account "Hans Müller u. Petra Schmidt" vs customer Hans Schmidt',
      orders: [o, eva()],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Hans Müller u. Petra Schmidt' }),
      ambiguous: true,
    });
  }
  {
    // "Beleg" is no order keyword, but its number is not masked either: Eva's text names Hans's open order, and her
    // own order of the same amount is the dealer's call (found by a review).
    const hans = order({ number: '10023', totalMinor: 4990, customerName: 'Hans Müller' });
    const evas = order({ number: '10050', totalMinor: 4990, customerName: 'Eva Roth' });
    add({
      name: 'Eva Roth pays "Beleg 10023": 10023 is Hans Müller\'s open order, Eva\'s 10050 costs the same',
      orders: [hans, evas],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Eva Roth', remittance: 'Beleg 10023' }),
      ambiguous: true,
    });
  }
  {
    // The payer's own order and a stranger's in one short list: not one person's orders (found by a review).
    const hans = order({
      number: '10023',
      totalMinor: 3000,
      customerName: 'Hans Müller',
      email: 'h@example.de',
    });
    const evas = order({
      number: '10024',
      totalMinor: 1990,
      customerName: 'Eva Roth',
      email: 'e@example.de',
    });
    add({
      name: 'Hans Müller pays "Bestellungen 10023/24": 10023 is his, 10024 Eva Roth\'s',
      orders: [hans, evas],
      posting: posting({
        amountMinor: 4990,
        counterpartyName: 'Hans Müller',
        remittance: 'Bestellungen 10023/24',
      }),
      ambiguous: true,
    });
  }
  // Persons the reading would have to guess (found by a review): a double surname lent to the husband, a double first
  // name taken for a person, a middle initial "U." taken for "und". Each customer is a stranger to the account.
  for (const [payer, customer] of [
    ['Hans u. Petra Müller-Schmidt', 'Hans Schmidt'],
    ['Karl Heinz u. Anna Müller', 'Karl Heinz'],
    ['Hans Peter u. Anna Maria Müller', 'Peter Hans'],
    ['Hans U. Müller-Weber', 'Hans Weber'],
  ] as const) {
    const o = order({ totalMinor: 4990, customerName: customer });
    add({
      name: `payer "${payer}" is no holder of customer ${customer}'s account`,
      orders: [o],
      posting: posting({ amountMinor: 4990, counterpartyName: payer, remittance: 'Danke' }),
    });
  }
  {
    // A surname left open ("Hans Müller u. Petra"): Petra who? Another Petra's order of the amount stays apart.
    const petra = order({ totalMinor: 4990, customerName: 'Petra Müller' });
    add({
      name: '"Hans Müller u. Petra" does not say Petra\'s surname: Petra Müller\'s order of the amount',
      orders: [petra, eva()],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Hans Müller u. Petra' }),
      ambiguous: true,
    });
  }

  // ---- sole traders --------------------------------------------------------------------------------------------------
  {
    // The shop is named after its founder Hans Müller, owned by Petra Schmidt now; both owe the amount.
    const hans = hansMueller();
    const petra = order({ totalMinor: 4990, customerName: 'Petra Schmidt' });
    add({
      name: '"Müller Hans Inh. Petra Schmidt": the trade name is another customer\'s name, both owe the amount',
      orders: [hans, petra],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Müller Hans Inh. Petra Schmidt' }),
      ambiguous: true,
    });
  }
  {
    // Two customers called Hans Müller (two e-mail addresses) owe the amount: the owner's name tells neither apart.
    const a = hansMueller();
    const b = order({ totalMinor: 4990, customerName: 'Hans Müller', email: 'h.mueller@example.org' });
    add({
      name: '"Blumenhaus Müller Inh. Hans Müller e.K." while two customers called Hans Müller owe the amount',
      orders: [a, b],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Blumenhaus Müller Inh. Hans Müller e.K.' }),
      ambiguous: true,
    });
  }
  {
    // The owner has a middle name the customer has not: maybe another Hans Müller (as any partial name).
    const hans = hansMueller();
    add({
      name: '"Blumenhaus Inh. Hans Peter Müller" vs customer Hans Müller',
      orders: [hans, eva()],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Blumenhaus Inh. Hans Peter Müller' }),
      ambiguous: true,
    });
  }

  // ---- "aa" is a double letter unless the customer writes "å" --------------------------------------------------------
  {
    const hase = order({ totalMinor: 4990, customerName: 'Jens Hase' });
    add({
      name: '"JENS HAASE" does not pay Jens Hase\'s order (Haase is another name)',
      orders: [hase],
      posting: posting({ amountMinor: 4990, counterpartyName: 'JENS HAASE' }),
      ambiguous: true,
    });
  }
  {
    const ring = order({ totalMinor: 4990, customerName: 'Søren Kierkegård' });
    const double = order({ totalMinor: 4990, customerName: 'Søren Kierkegaard', email: 'sk@example.dk' });
    add({
      name: '"SOEREN KIERKEGAARD" while Søren Kierkegård and Søren Kierkegaard owe the amount',
      orders: [ring, double],
      posting: posting({ amountMinor: 4990, counterpartyName: 'SOEREN KIERKEGAARD' }),
      ambiguous: true,
    });
  }

  // ---- abbreviated lists ---------------------------------------------------------------------------------------------
  {
    // "24" expands to a stranger's order; the amounts add up by chance (or it is invoice 10023 of 2024).
    const [a] = lukasOrders();
    const stranger = order({ number: '10024', totalMinor: 1990, customerName: 'Eva Roth' });
    add({
      name: '"Rechnung 10023/24": 10024 is another customer\'s order, the two add up',
      orders: [a, stranger],
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Sabine Berger-Kunz',
        remittance: 'Rechnung 10023/24',
      }),
      ambiguous: true,
    });
  }
  {
    // The year of invoice 10023/24, paid in the amount of 10024 alone: no list of one abbreviated number.
    const [a, b] = lukasOrders();
    add({
      name: '"Rechnung 10023/24" paying exactly 10024\'s amount: 24 is no order alone',
      orders: [a, b],
      posting: posting({
        amountMinor: 1990,
        counterpartyName: 'Sabine Berger-Kunz',
        remittance: 'Rechnung 10023/24',
      }),
      ambiguous: true,
    });
  }
  {
    // Invoice 10023 of 2024 (no open order 10023): "24" alone must not name the open order 10024 of the amount.
    const stranger = order({ number: '10024', totalMinor: 1990, customerName: 'Eva Roth' });
    add({
      name: '"Rechnung 10023/24" (no open order 10023) paying exactly the open 10024\'s amount',
      orders: [stranger],
      posting: posting({
        amountMinor: 1990,
        counterpartyName: 'Sabine Berger-Kunz',
        remittance: 'Rechnung 10023/24',
      }),
      truth: undefined,
    });
  }
  {
    // Neither number of the list is an open order: no typo of either is read ("10023" is one typo from 10028).
    const stranger = order({ number: '10028', totalMinor: 1990, customerName: 'Eva Roth' });
    add({
      name: '"Rechnung 10023/24", neither open; 10028, one typo from 10023, costs the amount',
      orders: [stranger],
      posting: posting({
        amountMinor: 1990,
        counterpartyName: 'Sabine Berger-Kunz',
        remittance: 'Rechnung 10023/24',
      }),
      truth: undefined,
    });
  }
  {
    // The amounts do not add up exactly: 30 cents short (within the fee tolerance, not for a list of abbreviations).
    const [a, b] = lukasOrders();
    add({
      name: '"Bestellungen 10023/24" paying 49.50 for 29.90 + 19.90',
      orders: [a, b],
      posting: posting({
        amountMinor: 4950,
        counterpartyName: 'Sabine Berger-Kunz',
        remittance: 'Bestellungen 10023/24',
      }),
      ambiguous: true,
    });
  }
  {
    // Only part of the list is paid: which part is the dealer's call.
    const [a, b, c] = lukasOrders();
    add({
      name: '"Best. 10023, 24 u. 25" paying 10023 + 10024 only',
      orders: [a, b, c],
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Sabine Berger-Kunz',
        remittance: 'Best. 10023, 24 u. 25',
      }),
      ambiguous: true,
    });
  }
  {
    // An instalment or a part delivery: "/2" would be 10022, below the first number.
    const lukas = { customerName: 'Lukas Berger', email: 'l@example.de' };
    const a = order({ number: '10023', totalMinor: 2990, ...lukas });
    const b = order({ number: '10022', totalMinor: 1990, ...lukas });
    add({
      name: '"Bestellung 10023/2" (instalment 2) from a relative; 10023 + 10022 add up',
      orders: [a, b],
      posting: posting({
        amountMinor: 4980,
        counterpartyName: 'Sabine Berger-Kunz',
        remittance: 'Bestellung 10023/2',
      }),
      ambiguous: true,
    });
  }
  {
    // A day and month, a quantity, a weight after the number.
    const [a, b] = lukasOrders();
    for (const text of [
      'Bestellung 10023, 24.11.',
      'Bestellung 10023/24.11.',
      'Bestellung 10023 u. 24 Stueck',
      'Bestellung 10023, 24,5 kg',
    ])
      add({
        name: `"${text}" from a relative: not order 10024; 10023 + 10024 add up`,
        orders: [a, b],
        posting: posting({ amountMinor: 4980, counterpartyName: 'Sabine Berger-Kunz', remittance: text }),
        ambiguous: true,
      });
  }
  {
    // The customer himself pays one order of the list: 10024 by payer and amount, never 10023 (a part payment). Left
    // to the dealer, as "Bestellungen 10023 und 10024" written out: the text names two orders and one is paid.
    const [a, b, c] = lukasOrders();
    add({
      name: '"Bestellungen 10023/24" from Lukas Berger himself, paying only 10024\'s amount',
      orders: [a, b, c],
      posting: posting({
        amountMinor: 1990,
        counterpartyName: 'Lukas Berger',
        remittance: 'Bestellungen 10023/24',
      }),
      truth: b,
    });
  }
  return out;
}

describeAdversarial('recall rules: the traps next to them are never automatic', traps());
