import { describe, expect, it } from 'vitest';
import {
  generateReference,
  isValidReference,
  REFERENCE_ALPHABET,
  toCreditorReference,
} from '#core/matching/references.ts';
import { seededRandomInt } from '#core/matching/random.ts';
import { DEFAULT_MATCH_SETTINGS, type MatchSettings, toleranceFor } from '#core/matching/settings.ts';
import { decisionOf, match, order, posting } from './fixtures.ts';

const rnd = seededRandomInt(11);

/** A reference that fails its check character and is one substitution away from two valid references. */
function brokenBetweenTwo(): { broken: string; a: string; b: string } {
  const edit = (text: string, at: number, ch: string) => text.slice(0, at) + ch + text.slice(at + 1);
  for (;;) {
    const a = generateReference(rnd);
    for (let i = 2; i < a.length; i++)
      for (const x of REFERENCE_ALPHABET) {
        const broken = edit(a, i, x);
        if (x === a[i] || isValidReference(broken)) continue;
        for (let j = 2; j < broken.length; j++)
          for (const y of REFERENCE_ALPHABET) {
            const b = edit(broken, j, y);
            if (j !== i && y !== broken[j] && isValidReference(b)) return { broken, a, b };
          }
      }
  }
}

describe('pass: our reference / RF / end-to-end id', () => {
  it('assigns automatically on our reference in the remittance', () => {
    const ref = generateReference(rnd);
    const o = order({ paymentReference: ref });
    const p = posting({ remittance: `Zahlung ${ref}`, amountMinor: 4990 });
    const d = decisionOf(match([o, order({ totalMinor: 4990 })], [p]), p.id);
    expect(d.band).toBe('auto');
    expect(d.pass).toBe('reference');
    expect(d.candidates[0]?.orderIds).toEqual([o.id]);
    expect(d.candidates[0]?.signals.map((s) => s.kind)).toContain('reference');
  });

  it('finds the reference in the end-to-end id and in an RF creditor reference', () => {
    const r1 = generateReference(rnd);
    const r2 = generateReference(rnd);
    const o1 = order({ paymentReference: r1 });
    const o2 = order({ paymentReference: r2 });
    const p1 = posting({ endToEndId: r1, remittance: 'NOTPROVIDED' });
    const p2 = posting({ creditorReference: toCreditorReference(r2), remittance: null });
    const res = match([o1, o2], [p1, p2]);
    expect(decisionOf(res, p1.id)).toMatchObject({ band: 'auto', pass: 'reference' });
    expect(decisionOf(res, p2.id).candidates[0]?.orderIds).toEqual([o2.id]);
    expect(decisionOf(res, p2.id).candidates[0]?.signals.map((s) => s.kind)).toContain('creditor_reference');
  });

  it('assigns a reference payment with a different amount: partial stays partial, overpayment is flagged', () => {
    const r1 = generateReference(rnd);
    const r2 = generateReference(rnd);
    const o1 = order({ paymentReference: r1, totalMinor: 10000 });
    const o2 = order({ paymentReference: r2, totalMinor: 10000 });
    const partial = posting({ remittance: r1, amountMinor: 4000 });
    const over = posting({ remittance: r2, amountMinor: 12000 });
    const res = match([o1, o2], [partial, over]);
    expect(decisionOf(res, partial.id)).toMatchObject({ band: 'auto', pass: 'reference' });
    expect(decisionOf(res, partial.id).candidates[0]?.flags).toContain('partial');
    expect(decisionOf(res, over.id)).toMatchObject({ band: 'auto', pass: 'reference' });
    expect(decisionOf(res, over.id).candidates[0]?.flags).toContain('overpaid');
  });

  it('repairs a reference with one typo only as a suggestion unless amount or payer agrees', () => {
    const ref = generateReference(rnd);
    const o = order({ paymentReference: ref, totalMinor: 7000 });
    const typo = ref.slice(0, 4) + ref[5] + ref[4] + ref.slice(6);
    const good = posting({ remittance: typo, amountMinor: 7000 });
    const bad = posting({ remittance: typo, amountMinor: 100 });
    expect(decisionOf(match([o], [good]), good.id)).toMatchObject({ band: 'auto', pass: 'typo' });
    expect(decisionOf(match([o], [bad]), bad.id).band).toBe('suggest');
  });

  it('repairs a broken reference that is one typo from two of ours only when one of the two fits', () => {
    // Two of our references two edits apart, and the broken one between them (one edit from each): it names both.
    const { broken, a, b } = brokenBetweenTwo();
    const fits = order({ paymentReference: a, totalMinor: 7000 });
    const other = order({ paymentReference: b, totalMinor: 3000 });
    const p = posting({ remittance: `Zahlung ${broken}`, amountMinor: 7000 });
    const d = decisionOf(match([fits, other], [p]), p.id);
    expect(d).toMatchObject({ band: 'auto', pass: 'typo' });
    expect(d.candidates[0]?.orderIds).toEqual([fits.id]);
    expect(d.candidates[0]?.signals.map((s) => s.kind)).toContain('reference_typo');

    const same = order({ paymentReference: b, totalMinor: 7000 });
    const q = posting({ remittance: `Zahlung ${broken}`, amountMinor: 7000 });
    const both = decisionOf(match([order({ paymentReference: a, totalMinor: 7000 }), same], [q]), q.id);
    expect(both.band).toBe('suggest');
    expect(both.reasons).toContain('typo_ambiguous');
  });
});

describe('pass: order or invoice number + amount', () => {
  it('assigns on the exact number and amount', () => {
    const o = order({ number: 'WC-10023', totalMinor: 2350 });
    const p = posting({ remittance: 'SVWZ+Bestellung WC-10023', amountMinor: 2350 });
    const d = decisionOf(match([o, order({ number: 'WC-10024', totalMinor: 2350 })], [p]), p.id);
    expect(d).toMatchObject({ band: 'auto', pass: 'number' });
    expect(d.candidates[0]?.orderIds).toEqual([o.id]);
  });

  it('accepts the number without prefix and leading zeros, and the invoice number', () => {
    const o1 = order({ number: 'WC-010077', totalMinor: 1500 });
    const o2 = order({ number: '555', invoiceNumber: 'RE-2026-00431', totalMinor: 8000 });
    const p1 = posting({ remittance: 'Bestellung 10077', amountMinor: 1500 });
    const p2 = posting({ remittance: 'Rechnung RE 2026 00431', amountMinor: 8000 });
    const res = match([o1, o2], [p1, p2]);
    expect(decisionOf(res, p1.id).candidates[0]?.orderIds).toEqual([o1.id]);
    expect(decisionOf(res, p1.id).band).toBe('auto');
    expect(decisionOf(res, p2.id)).toMatchObject({ band: 'auto', pass: 'number' });
  });

  it('does not auto-assign when the amount exceeds the tolerance', () => {
    const o = order({ number: '10023', totalMinor: 2350 });
    const p = posting({ remittance: 'Bestellung 10023', amountMinor: 9900 });
    const d = decisionOf(match([o], [p]), p.id);
    expect(d.band).toBe('suggest');
    expect(d.reasons).toContain('amount_exceeds_tolerance');
  });

  it('a partial payment with the number is automatic only when the payer agrees', () => {
    const o = order({ number: '10050', totalMinor: 10000, customerName: 'Anna Schmidt' });
    const fromCustomer = posting({
      remittance: '10050 Rate 1',
      amountMinor: 4000,
      counterpartyName: 'SCHMIDT, ANNA',
    });
    const fromStranger = posting({
      remittance: '10050 Rate 1',
      amountMinor: 4000,
      counterpartyName: 'Max Maier',
    });
    expect(decisionOf(match([o], [fromCustomer]), fromCustomer.id).band).toBe('auto');
    const d = decisionOf(match([o], [fromStranger]), fromStranger.id);
    expect(d.band).toBe('suggest');
    expect(d.reasons).toContain('partial_needs_confirmation');
  });
});

describe('pass: one-character typo in the number', () => {
  it('accepts a transposition when exactly one open order fits and the amount agrees', () => {
    const o = order({ number: '10234', totalMinor: 3100 });
    const p = posting({ remittance: 'Bestellung 10243', amountMinor: 3100 });
    const d = decisionOf(match([o, order({ number: '20000', totalMinor: 3100 })], [p]), p.id);
    expect(d).toMatchObject({ band: 'auto', pass: 'typo' });
    expect(d.candidates[0]?.orderIds).toEqual([o.id]);
  });

  it('never when two open orders are one typo away', () => {
    const a = order({ number: '10234', totalMinor: 3100 });
    const b = order({ number: '10235', totalMinor: 3100 });
    const p = posting({ remittance: 'Bestellung 10236', amountMinor: 3100 });
    const d = decisionOf(match([a, b], [p]), p.id);
    expect(d.band).not.toBe('auto');
    expect(d.reasons).toContain('typo_ambiguous');
  });

  it('never when neither amount nor payer agrees', () => {
    const o = order({ number: '10234', totalMinor: 3100 });
    const p = posting({ remittance: 'Bestellung 10243', amountMinor: 9999 });
    expect(decisionOf(match([o], [p]), p.id).band).not.toBe('auto');
  });

  // Consecutive numbers differ in the last digit: a number above every one the shop is known to have given may be
  // the next order, placed since the last sync, of the same price.
  it('not from a stranger when the number lies above every known number of the shop (the next order?)', () => {
    const newest = order({ number: '10090', totalMinor: 4990, customerName: 'Hans Müller' });
    const older = order({ number: '10075', totalMinor: 2990 });
    const p = posting({ remittance: 'Bestellung 10091', amountMinor: 4990, counterpartyName: 'Greta Voss' });
    const d = decisionOf(match([newest, older], [p]), p.id);
    expect(d.band).toBe('suggest');
    expect(d.reasons).toContain('typo_above_known_numbers');
    // From the newest order's own customer it is that order's typo.
    const own = posting({
      remittance: 'Bestellung 10091',
      amountMinor: 4990,
      counterpartyName: 'Hans Mueller',
    });
    expect(decisionOf(match([newest, older], [own]), own.id)).toMatchObject({ band: 'auto', pass: 'typo' });
  });

  it('still when a recently closed order has a higher number, or the number is below the newest open one', () => {
    // Most orders are paid at once (PayPal): the newest numbers are closed ones, and 10091 was given long ago.
    const o = order({ number: '10090', totalMinor: 4990, customerName: 'Hans Müller' });
    const p = posting({ remittance: 'Bestellung 10091', amountMinor: 4990, counterpartyName: 'Greta Voss' });
    const closedNumbers = new Set(['10093', '10096']);
    expect(decisionOf(match([o], [p], { closedNumbers }), p.id)).toMatchObject({
      band: 'auto',
      pass: 'typo',
    });
    // Another shop's newer orders say nothing about this shop's numbers; a newer open order of this shop does.
    const newer = order({ number: '10120', totalMinor: 2990 });
    const q = posting({ remittance: 'Bestellung 10091', amountMinor: 4990, counterpartyName: 'Greta Voss' });
    expect(decisionOf(match([o, { ...newer, shopId: 2 }], [q]), q.id).reasons).toContain(
      'typo_above_known_numbers',
    );
    const r = posting({ remittance: 'Bestellung 10091', amountMinor: 4990, counterpartyName: 'Greta Voss' });
    expect(decisionOf(match([o, newer], [r]), r.id)).toMatchObject({ band: 'auto', pass: 'typo' });
    // Far above the newest number (a hundred orders since the sync of a shop whose open orders span 15): a typo.
    const older = order({ number: '10075', totalMinor: 2990 });
    const far = posting({
      remittance: 'Bestellung 10190',
      amountMinor: 4990,
      counterpartyName: 'Greta Voss',
    });
    expect(decisionOf(match([o, older], [far]), far.id)).toMatchObject({ band: 'auto', pass: 'typo' });
  });

  describe("a paid order's exact number is no typo of an open neighbour (a double payment, a reused template)", () => {
    // 10023 is paid (closed); Timo Rau's open 10028 is one digit away.
    const closedNumbers = new Set(['10023']);
    const kinds = (d: { candidates: { signals: { kind: string }[] }[] }) =>
      d.candidates.flatMap((c) => c.signals.map((s) => s.kind));

    it('from a stranger: not automatic, and not suggested as a typo; an order of the amount stays an amount-only one', () => {
      const timo = order({ number: '10028', totalMinor: 2490, customerName: 'Timo Rau' });
      for (const remittance of ['Bestellung 10023', '10023']) {
        const p = posting({ remittance, amountMinor: 2490, counterpartyName: 'Greta Voss' });
        const d = decisionOf(match([timo], [p], { closedNumbers }), p.id);
        expect(d.band).toBe('suggest');
        expect(kinds(d)).not.toContain('number_typo');
        expect(d.candidates.map((c) => [c.orderIds, c.pass, c.blockers])).toEqual([
          [[timo.id], 'amount', ['amount_only']],
        ]);
      }
      // Of another amount it is no suggestion at all.
      const other = order({ number: '10028', totalMinor: 3990, customerName: 'Timo Rau' });
      const p = posting({
        remittance: 'Bestellung 10023',
        amountMinor: 2490,
        counterpartyName: 'Greta Voss',
      });
      expect(decisionOf(match([other], [p], { closedNumbers }), p.id)).toMatchObject({
        band: 'none',
        candidates: [],
      });
    });

    it("the payer's own open order of the amount is a suggestion with the reason, no neighbour as a typo", () => {
      const timo = order({ number: '10028', totalMinor: 2490, customerName: 'Timo Rau' });
      const greta = order({ number: '10050', totalMinor: 2490, customerName: 'Greta Voss' });
      const p = posting({
        remittance: 'Bestellung 10023',
        amountMinor: 2490,
        counterpartyName: 'Greta Voss',
      });
      const d = decisionOf(match([timo, greta], [p], { closedNumbers }), p.id);
      expect(d).toMatchObject({ band: 'suggest', pass: 'payer', reasons: ['text_names_paid_order'] });
      expect(d.candidates[0]?.orderIds).toEqual([greta.id]);
      expect(kinds(d)).not.toContain('number_typo');
    });

    it("from the neighbour's own customer it stays that order's typo (most orders paid at once: typo-evidence.ts)", () => {
      const timo = order({ number: '10028', totalMinor: 2490, customerName: 'Timo Rau' });
      const p = posting({ remittance: 'Bestellung 10023', amountMinor: 2490, counterpartyName: 'TIMO RAU' });
      const d = decisionOf(match([timo], [p], { closedNumbers }), p.id);
      expect(d).toMatchObject({ band: 'auto', pass: 'typo' });
      expect(d.candidates[0]?.orderIds).toEqual([timo.id]);
    });

    it('a number that is no closed one is still read as a typo (known closed numbers change nothing else)', () => {
      const timo = order({ number: '10028', totalMinor: 2490, customerName: 'Timo Rau' });
      const p = posting({
        remittance: 'Bestellung 10082',
        amountMinor: 2490,
        counterpartyName: 'Greta Voss',
      });
      const d = decisionOf(match([timo], [p], { closedNumbers }), p.id);
      expect(d).toMatchObject({ band: 'auto', pass: 'typo' });
    });
  });
});

describe('pass: payer name / learned IBAN + amount', () => {
  it('assigns on normalised name and exact amount', () => {
    const o = order({ customerName: 'Jürgen Müller', totalMinor: 4711 });
    const p = posting({
      counterpartyName: 'MUELLER, JUERGEN',
      remittance: 'Danke fuer die schnelle Lieferung',
      amountMinor: 4711,
    });
    expect(decisionOf(match([o, order({ totalMinor: 4711 })], [p]), p.id)).toMatchObject({
      band: 'auto',
      pass: 'payer',
    });
  });

  it('assigns on the company (legal form ignored)', () => {
    const o = order({ customerName: 'Peter Krause', company: 'Krause Werkzeuge GmbH', totalMinor: 19900 });
    const p = posting({ counterpartyName: 'KRAUSE WERKZEUGE', remittance: 'Zahlung', amountMinor: 19900 });
    const d = decisionOf(match([o], [p]), p.id);
    expect(d).toMatchObject({ band: 'auto', pass: 'payer' });
    expect(d.candidates[0]?.signals.map((s) => s.kind)).toContain('company');
  });

  it('never with only a partial name agreement', () => {
    const o = order({ customerName: 'Thomas Alexander Müller', totalMinor: 4711 });
    const p = posting({ counterpartyName: 'Thomas Mueller', amountMinor: 4711 });
    const d = decisionOf(match([o], [p]), p.id);
    expect(d.band).toBe('suggest');
    expect(d.reasons).toContain('payer_name_partial');
  });

  it('uses a learned IBAN as a signal together with the amount, never alone', () => {
    const o = order({ customerName: 'Lena Vogel', email: 'lena@example.org', totalMinor: 2500 });
    // As learning.ts learns from Hans Vogel's payment assigned to Lena's order: the IBAN, and his name.
    const learned = {
      ibanToCustomers: new Map([['DE02120300000000202051', ['email:lena@example.org']]]),
      aliasToCustomers: new Map([['hans vogel', ['email:lena@example.org']]]),
    };
    const p = posting({
      counterpartyName: 'Hans Vogel',
      counterpartyIban: 'DE02 1203 0000 0000 2020 51',
      amountMinor: 2500,
    });
    const d = decisionOf(match([o], [p], { learned }), p.id);
    expect(d).toMatchObject({ band: 'auto', pass: 'payer' });
    expect(d.candidates[0]?.signals.map((s) => s.kind)).toContain('iban_learned');
    const wrongAmount = posting({
      counterpartyName: 'Hans Vogel',
      counterpartyIban: 'DE02120300000000202051',
      amountMinor: 999,
    });
    expect(decisionOf(match([o], [wrongAmount], { learned }), wrongAmount.id).band).not.toBe('auto');
    expect(decisionOf(match([o], [p]), p.id).band).not.toBe('auto');
    // Someone else paying from that account (a name with a word of its own) is not who the IBAN was learned from.
    const someoneElse = posting({
      counterpartyName: 'Hans Berger',
      counterpartyIban: 'DE02120300000000202051',
      amountMinor: 2500,
    });
    expect(decisionOf(match([o], [someoneElse], { learned }), someoneElse.id).band).not.toBe('auto');
  });

  it('uses a learned payer-name alias', () => {
    const o = order({ customerName: 'Lena Vogel', email: 'lena@example.org', totalMinor: 2500 });
    const learned = {
      ibanToCustomers: new Map(),
      aliasToCustomers: new Map([['hans vogel', ['email:lena@example.org']]]),
    };
    const p = posting({ counterpartyName: 'VOGEL HANS', amountMinor: 2500 });
    expect(
      decisionOf(match([o], [p], { learned }), p.id).candidates[0]?.signals.map((s) => s.kind),
    ).toContain('alias_learned');
  });

  it('a learned alias from another IBAN than the one it was learned with is a namesake, not the learned payer', () => {
    const o = order({ customerName: 'Lena Vogel', email: 'lena@example.org', totalMinor: 2500 });
    const learned = {
      ibanToCustomers: new Map([['DE02120300000000202051', ['email:lena@example.org']]]),
      aliasToCustomers: new Map([['hans vogel', ['email:lena@example.org']]]),
    };
    const kinds = (iban: string) => {
      const p = posting({ counterpartyName: 'Hans Vogel', counterpartyIban: iban, amountMinor: 2500 });
      const d = decisionOf(match([o], [p], { learned }), p.id);
      return { band: d.band, kinds: d.candidates[0]?.signals.map((s) => s.kind) ?? [] };
    };
    expect(kinds('DE02120300000000202051')).toMatchObject({ band: 'auto' });
    expect(kinds('DE02120300000000202051').kinds).toContain('iban_learned');
    const other = kinds('DE89370400440532013000');
    expect(other.band).not.toBe('auto');
    expect(other.kinds).not.toContain('alias_learned');
  });

  it('ignores orders outside the date window', () => {
    const o = order({ customerName: 'Lena Vogel', totalMinor: 2500, createdAt: '2025-01-01T00:00:00Z' });
    const p = posting({ counterpartyName: 'Lena Vogel', amountMinor: 2500, bookingDate: '2026-11-03' });
    const d = decisionOf(match([o], [p]), p.id);
    expect(d.band).not.toBe('auto');
    expect(d.reasons).toContain('outside_date_window');
  });
});

describe('pass: one posting pays several orders', () => {
  it('numbers listed and the sum matches', () => {
    const a = order({ number: '30001', totalMinor: 1000 });
    const b = order({ number: '30002', totalMinor: 2500 });
    const p = posting({ remittance: 'Bestellungen 30001 und 30002', amountMinor: 3500 });
    const d = decisionOf(match([a, b], [p]), p.id);
    expect(d).toMatchObject({ band: 'auto', pass: 'combined' });
    expect(d.candidates[0]?.allocations).toEqual([
      { orderId: a.id, amountMinor: 1000 },
      { orderId: b.id, amountMinor: 2500 },
    ]);
  });

  it("the payer's open orders sum to the posting (one subset only)", () => {
    const eva = { customerName: 'Eva Koch', email: 'eva.koch@example.org' };
    const a = order({ ...eva, totalMinor: 1200 });
    const b = order({ ...eva, totalMinor: 3300 });
    const c = order({ ...eva, totalMinor: 9900 });
    const p = posting({ counterpartyName: 'KOCH EVA', amountMinor: 4500 });
    const d = decisionOf(match([a, b, c], [p]), p.id);
    expect(d).toMatchObject({ band: 'auto', pass: 'combined' });
    expect(d.candidates[0]?.orderIds).toEqual([a.id, b.id]);
  });

  it("never combines two customers' orders who only share a name, nor orders placed after the payment", () => {
    // Two customers "Thomas Müller" (different e-mail addresses): their amounts adding up is a coincidence.
    const one = order({ customerName: 'Thomas Müller', email: 'tm@example.org', totalMinor: 4990 });
    const two = order({ customerName: 'Thomas Müller', email: 'thomas@example.com', totalMinor: 2990 });
    const p = posting({ counterpartyName: 'THOMAS MUELLER', amountMinor: 7980 });
    const d = decisionOf(match([one, two], [p]), p.id);
    expect(d.band).not.toBe('auto');
    expect(d.candidates.find((c) => c.pass === 'combined')?.blockers).toContain(
      'orders_of_different_customers',
    );
    // One customer, but the second order was placed 17 days after the payment.
    const eva = { customerName: 'Eva Koch', email: 'eva.koch@example.org' };
    const early = order({ ...eva, totalMinor: 4990, createdAt: '2026-11-01T10:00:00.000Z' });
    const later = order({ ...eva, totalMinor: 2990, createdAt: '2026-11-20T10:00:00.000Z' });
    const q = posting({ counterpartyName: 'KOCH EVA', amountMinor: 7980, bookingDate: '2026-11-03' });
    const e = decisionOf(match([early, later], [q]), q.id);
    expect(e.band).not.toBe('auto');
    expect(e.candidates.find((c) => c.pass === 'combined')?.blockers).toContain('payment_before_order');
  });

  it("searches the payer's newest orders when there are more than the pool holds, and says so", () => {
    // Thirteen open orders of one customer (the pool holds twelve), created a day apart; a payment of 30 euros is
    // paid by 10 + 20 euros and by no other subset (20.01–20.11 euros each: any two of them are too much, and
    // together with the 10 euros they miss by a cent or more).
    const eva = { customerName: 'Eva Koch', email: 'eva.koch@example.org' };
    const day = (d: number) => `2026-10-${String(d).padStart(2, '0')}T10:00:00.000Z`;
    const many = (amounts: number[]) =>
      amounts.map((totalMinor, i) => order({ ...eva, totalMinor, createdAt: day(i + 1) }));
    const bulk = Array.from({ length: 11 }, (_, i) => 2001 + i);
    const combinedOf = (orders: ReturnType<typeof many>, maxCombinationPool = 12) => {
      const p = posting({ counterpartyName: 'KOCH EVA', amountMinor: 3000, bookingDate: '2026-11-03' });
      return decisionOf(match(orders, [p], { settings: { maxCombinationPool } }), p.id).candidates.find(
        (c) => c.pass === 'combined',
      );
    };
    // The two newest add up: found, with the warning that older orders were not tried.
    const newest = many([...bulk, 1000, 2000]);
    const found = combinedOf(newest);
    expect(found?.orderIds).toEqual([newest[11]?.id, newest[12]?.id]);
    expect(found?.blockers).toContain('combination_pool_truncated');
    // The oldest and the newest add up: the oldest is beyond the pool, so no combination is offered; with a pool of
    // thirteen it is found, and nothing was left out.
    const oldest = many([1000, ...bulk, 2000]);
    expect(combinedOf(oldest)).toBeUndefined();
    const all = combinedOf(oldest, 13);
    expect(all?.orderIds).toEqual([oldest[0]?.id, oldest[12]?.id]);
    expect(all?.blockers).not.toContain('combination_pool_truncated');
  });

  // The matcher is a pure function of its input: any integer is an order id, zero and negative ones included
  // (a review found the combination search treating -1 as "none yet").
  it('combines orders whatever their ids, zero and negative ones too', () => {
    for (const ids of [
      [-3, 5],
      [0, 7],
      [-1, -2],
    ]) {
      const [a, b] = ids.map((id, i) =>
        order({ id, number: `1002${i + 3}`, totalMinor: 2500, customerName: 'Anna Schmidt' }),
      );
      const p = posting({ remittance: '10023 10024', amountMinor: 5000, counterpartyName: 'Anna Schmidt' });
      const d = decisionOf(
        match(
          [a, b].filter((o) => o !== undefined),
          [p],
        ),
        p.id,
      );
      expect(d).toMatchObject({ band: 'auto', pass: 'combined' });
      expect(d.candidates[0]?.orderIds).toEqual([...ids].sort((x, y) => x - y));
    }
    // Three named orders, two of which fit: which two is the dealer's call, not the first id's place.
    const three = [-3, 5, 7].map((id, i) => order({ id, number: `1002${i + 3}`, totalMinor: 2500 }));
    const p = posting({ remittance: '10023 10024 10025', amountMinor: 5000 });
    expect(decisionOf(match(three, [p]), p.id).band).not.toBe('auto');
  });

  it('never when several subsets fit', () => {
    const orders = [1000, 2000, 1500, 1500].map((t) => order({ customerName: 'Eva Koch', totalMinor: t }));
    const p = posting({ counterpartyName: 'Eva Koch', amountMinor: 3000 });
    const d = decisionOf(match(orders, [p]), p.id);
    expect(d.band).not.toBe('auto');
  });
});

describe('several postings pay one order; tolerance', () => {
  it('partials accumulate within one run', () => {
    const o = order({ number: '40001', totalMinor: 10000, customerName: 'Ali Kaya' });
    const p1 = posting({
      remittance: '40001 Teil 1',
      amountMinor: 6000,
      counterpartyName: 'Ali Kaya',
      bookingDate: '2026-11-03',
    });
    const p2 = posting({
      remittance: '40001 Rest',
      amountMinor: 4000,
      counterpartyName: 'Ali Kaya',
      bookingDate: '2026-11-05',
    });
    const res = match([o], [p1, p2]);
    expect(decisionOf(res, p1.id).band).toBe('auto');
    expect(decisionOf(res, p2.id).band).toBe('auto');
    expect(decisionOf(res, p2.id).candidates[0]?.signals.map((s) => s.kind)).toContain('amount_exact');
  });

  it('a paid order takes no second automatic payment', () => {
    const o = order({ number: '40002', totalMinor: 5000 });
    const p1 = posting({ remittance: '40002', amountMinor: 5000 });
    const p2 = posting({ remittance: '40002', amountMinor: 5000 });
    const res = match([o], [p1, p2]);
    expect(decisionOf(res, p1.id).band).toBe('auto');
    expect(decisionOf(res, p2.id).reasons).toContain('order_already_paid');
  });

  it('fees deducted within tolerance: automatic, the shortfall is accepted', () => {
    const o = order({ number: '40003', totalMinor: 30000 });
    const p = posting({ remittance: '40003', amountMinor: 29900 });
    const d = decisionOf(match([o], [p]), p.id);
    expect(d.band).toBe('auto');
    expect(d.candidates[0]?.shortfallMinor).toBe(100);
    expect(d.candidates[0]?.flags).toContain('fees_deducted');
  });

  it("an automatic decision's amount signal writes out how the amount fits its order", () => {
    const ref = generateReference(rnd);
    const short = order({ number: '40005', totalMinor: 30000, shopId: 8 });
    const part = order({ number: '40006', totalMinor: 10000, customerName: 'Ali Kaya' });
    const over = order({ paymentReference: ref, totalMinor: 5000 });
    const p1 = posting({ remittance: '40005', amountMinor: 29900 });
    const p2 = posting({ remittance: '40006 Teil 1', amountMinor: 6000, counterpartyName: 'Ali Kaya' });
    const p3 = posting({ remittance: `Zahlung ${ref}`, amountMinor: 5500 });
    const shopSettings = new Map([[8, { ...DEFAULT_MATCH_SETTINGS, toleranceAbsMinor: 150 }]]);
    const res = match([short, part, over], [p1, p2, p3], { shopSettings });
    const amountOf = (id: number) => {
      const d = decisionOf(res, id);
      expect(d.band).toBe('auto');
      return d.candidates[0]?.signals.find((s) => s.kind.startsWith('amount_'));
    };
    // The shop's own tolerance, the one the fit was judged by.
    expect(amountOf(p1.id)).toMatchObject({
      kind: 'amount_within_tolerance',
      detail: `amount short by 100 (tolerance ${toleranceFor(shopSettings.get(8) as MatchSettings, 30000)})`,
      weight: 0.55,
    });
    expect(amountOf(p2.id)).toMatchObject({
      kind: 'amount_partial',
      detail: 'pays 6000 of the open 10000',
      weight: 0,
    });
    expect(amountOf(p3.id)).toMatchObject({
      kind: 'amount_over',
      detail: 'pays 500 more than the open 5000',
      weight: 0,
    });
  });

  it('per-shop tolerance overrides the default', () => {
    const o = order({ number: '40004', totalMinor: 30000, shopId: 7 });
    const p = posting({ remittance: '40004', amountMinor: 28500 });
    expect(decisionOf(match([o], [p]), p.id).band).toBe('suggest');
    const shopSettings = new Map([[7, { ...DEFAULT_MATCH_SETTINGS, toleranceAbsMinor: 2000 }]]);
    expect(decisionOf(match([o], [p], { shopSettings }), p.id).band).toBe('auto');
  });
});
