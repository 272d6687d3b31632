/**
 * Recall rules for legitimate payments the fifth review left for the dealer (adversarial-5.test.ts, its missed
 * cases), each with the traps next to it that must not become automatic. Same contract (adversarial-harness.ts):
 * - a joint account ("Hans u. Petra Müller", "Mueller, Hans u. Petra") and a sole trader's account ("Blumenhaus
 *   Müller Inh. Hans Müller e.K.") name their holders (account-holders.ts, payer-evidence.ts);
 * - Danish and Norwegian "å" is "aa" in bank master data ("KIERKEGAARD" for Kierkegård: order-index.ts);
 */
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
    // Spouses with surnames of their own, each written out.
    const petra = order({ totalMinor: 4990, customerName: 'Petra Schmidt' });
    add({
      name: 'joint account "Hans Müller u. Petra Schmidt" pays Petra Schmidt\'s order',
      orders: [petra, eva()],
      posting: posting({ amountMinor: 4990, counterpartyName: 'Hans Müller u. Petra Schmidt' }),
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

  return out;
}

describeAdversarial('recall rules: the traps next to them are never automatic', traps());
