import { describe, expect, it } from 'vitest';
import { isReturn } from '#core/matching/passes/returns.ts';
import { generateReference } from '#core/matching/references.ts';
import { seededRandomInt } from '#core/matching/random.ts';
import { decisionOf, match, order, posting } from './fixtures.ts';

const rnd = seededRandomInt(5);

describe('hard rules no score overrides', () => {
  it('currency must match, even with our reference', () => {
    const ref = generateReference(rnd);
    const o = order({ paymentReference: ref, currency: 'CHF' });
    const p = posting({ remittance: ref, currency: 'EUR' });
    const d = decisionOf(match([o], [p]), p.id);
    expect(d.band).not.toBe('auto');
    expect(d.reasons).toContain('currency_mismatch');
  });

  it.each(['cancelled', 'removed_externally', 'refunded', 'partially_refunded', 'paid'] as const)(
    'a %s order is never assigned automatically, even with our reference',
    (status) => {
      const ref = generateReference(rnd);
      const o = order({ paymentReference: ref, status });
      const p = posting({ remittance: ref });
      const d = decisionOf(match([o], [p]), p.id);
      expect(d.band).toBe('suggest');
      expect(d.reasons).toContain(`order_${status}`);
    },
  );

  it('same amount and same name on two open orders: never automatic', () => {
    const a = order({ customerName: 'Thomas Müller', totalMinor: 2990 });
    const b = order({ customerName: 'Thomas Müller', totalMinor: 2990 });
    const p = posting({ counterpartyName: 'Thomas Mueller', amountMinor: 2990 });
    const d = decisionOf(match([a, b], [p]), p.id);
    expect(d.band).toBe('suggest');
    expect(d.reasons).toContain('ambiguous_same_amount_same_name');
    expect(d.candidates.map((c) => c.orderIds[0]).sort()).toEqual([a.id, b.id].sort());
  });

  describe('a bare 4–5 digit number followed by a word may be a postcode and its place', () => {
    const o = () => order({ number: '80331', totalMinor: 2400, customerName: 'Rita Ostermann' });
    const auto = (remittance: string, counterpartyName: string) => {
      const x = o();
      const p = posting({ amountMinor: 2400, counterpartyName, remittance });
      return decisionOf(match([x], [p]), p.id);
    };

    it.each([
      ['80331 Muenchen', 'Xaver Huber'],
      ['80331 Danke', 'Xaver Huber'],
      ['1010 Wien', 'Xaver Huber'],
    ])('"%s" from a payer who is not the customer: a suggestion, not automatic', (remittance, payer) => {
      const x = order({
        number: remittance.split(' ')[0] ?? '',
        totalMinor: 2400,
        customerName: 'Rita Ostermann',
      });
      const p = posting({ amountMinor: 2400, counterpartyName: payer, remittance });
      const d = decisionOf(match([x], [p]), p.id);
      expect(d.band).toBe('suggest');
      expect(d.candidates[0]?.orderIds).toEqual([x.id]);
      expect(d.reasons).toContain('number_may_be_postcode');
    });

    it.each([
      ["the word is the customer's name", '80331 Ostermann', 'Xaver Huber'],
      ["the word is the payer's name", '80331 Xaver Huber', 'Xaver Huber'],
      ['a title introduces the name', '80331 Frau Ostermann', 'Xaver Huber'],
      ['an order keyword before the number', 'Bestellung 80331 Muenchen', 'Xaver Huber'],
      ['the payer is the customer', '80331 Muenchen', 'Rita Ostermann'],
      ['the number stands alone', '80331', 'Xaver Huber'],
      ['the number is written once more without a word', '80331 Muenchen, Auftrag 80331', 'Xaver Huber'],
    ])('stays automatic when %s', (_why, remittance, payer) => {
      const d = auto(remittance, payer);
      expect(d.band).toBe('auto');
      expect(d.candidates[0]?.blockers).not.toContain('number_may_be_postcode');
    });
  });

  it('the amount alone never assigns', () => {
    const o = order({ totalMinor: 8765 });
    const p = posting({ amountMinor: 8765, counterpartyName: 'Irgendwer' });
    const d = decisionOf(match([o], [p]), p.id);
    expect(d.band).toBe('suggest');
    expect(d.reasons).toContain('amount_only');
  });

  it('a pending (not yet booked) posting is never automatic', () => {
    const ref = generateReference(rnd);
    const o = order({ paymentReference: ref });
    const p = posting({ remittance: ref, bookingStatus: 'pending' });
    expect(decisionOf(match([o], [p]), p.id).reasons).toContain('posting_not_booked');
  });

  it('a payment days before the order was placed is never automatic', () => {
    const o = order({ number: '50001', createdAt: '2026-11-20T10:00:00Z' });
    const p = posting({ remittance: '50001', bookingDate: '2026-11-03' });
    expect(decisionOf(match([o], [p]), p.id).reasons).toContain('payment_before_order');
  });

  it('debits are never assigned', () => {
    const o = order({ number: '50002', totalMinor: 4990 });
    const p = posting({ remittance: '50002', amountMinor: -4990 });
    const d = decisionOf(match([o], [p]), p.id);
    expect(d).toMatchObject({ band: 'none', pass: 'debit', candidates: [] });
  });

  it('the best candidate must be clearly ahead of the second', () => {
    const a = order({ number: '50003', totalMinor: 1000, customerName: 'Eva Roth' });
    const b = order({ number: '50004', totalMinor: 1000, customerName: 'Eva Roth' });
    const p = posting({ remittance: '50003 50004', amountMinor: 1000, counterpartyName: 'Eva Roth' });
    const d = decisionOf(match([a, b], [p]), p.id);
    expect(d.band).toBe('suggest');
    expect(d.reasons).toContain('not_clearly_ahead');
  });

  describe("a number written under another label that is another open order's number (Kundennr., Beleg-Nr.)", () => {
    const setup = (remittance: string, berndsTotal = 4990) => {
      const bernd = order({ number: '10023', totalMinor: berndsTotal, customerName: 'Bernd Meier' });
      const anna = order({ number: '10050', totalMinor: 4990, customerName: 'Anna Schmidt' });
      const p = posting({ amountMinor: 4990, counterpartyName: 'Anna Schmidt', remittance });
      return { bernd, anna, d: decisionOf(match([bernd, anna], [p]), p.id) };
    };

    it.each(['Kundennr. 10023', 'Kunden-Nr. 10023', 'Beleg-Nr. 10023', 'Belegnr. 10023'])(
      '"%s": payer and amount are a suggestion, the payer\'s own order first, with the reason',
      (remittance) => {
        const { bernd, anna, d } = setup(remittance);
        expect(d).toMatchObject({
          band: 'suggest',
          pass: 'payer',
          reasons: ['masked_number_names_other_order'],
        });
        expect(d.candidates.map((c) => [c.orderIds, c.pass, c.blockers])).toEqual([
          [[anna.id], 'payer', ['masked_number_names_other_order']],
          // The value names no order: Bernd's order is only an amount-only suggestion.
          [[bernd.id], 'amount', ['amount_only']],
        ]);
      },
    );

    it('also when the other order has another amount, and when it is another order of the payer herself', () => {
      expect(setup('Kundennr. 10023', 2990).d).toMatchObject({
        band: 'suggest',
        reasons: ['masked_number_names_other_order'],
      });
      const own = order({ number: '10050', totalMinor: 4990, customerName: 'Anna Schmidt' });
      const second = order({ number: '10060', totalMinor: 2990, customerName: 'Anna Schmidt' });
      const p = posting({
        amountMinor: 4990,
        counterpartyName: 'Anna Schmidt',
        remittance: 'Kundennr. 10060',
      });
      const d = decisionOf(match([own, second], [p]), p.id);
      expect(d).toMatchObject({ band: 'suggest', reasons: ['masked_number_names_other_order'] });
      expect(d.candidates[0]?.orderIds).toEqual([own.id]);
    });

    it('an order number the payer wrote as such (exactly or with one typo) still decides', () => {
      expect(setup('Kundennr. 10023 Bestellung 10050').d).toMatchObject({ band: 'auto', pass: 'number' });
      expect(setup('Kundennr. 10023 Bestellung 10005').d).toMatchObject({ band: 'auto', pass: 'typo' });
    });

    it("the payer's own order's number under the label, or a value that is no open order's, holds back nothing", () => {
      for (const remittance of ['Kundennr. 10050', 'Kundennr. 10024', 'Kundennr. 4711']) {
        const { anna, d } = setup(remittance);
        expect(d).toMatchObject({ band: 'auto', pass: 'payer' });
        expect(d.candidates[0]?.orderIds).toEqual([anna.id]);
      }
    });

    it.each([
      'Tel. 0171 2345678 10023',
      'PLZ 10115 10023',
      'IBAN DE89 3704 0044 0532 0130 00 10023',
      'KTO 532013000 / 10023',
      'FAX 030 123456 10023',
      'TELEFON 030/1234567 / 10023',
      'Konto-Nr. 3704 0044 0532 10023',
      'Steuer-Nr. 21/815/08150 10023',
    ])(
      '"%s": an order number right after a bank, phone, postcode or tax value is never passed over automatically',
      (remittance) => {
        const { bernd, anna, d } = setup(remittance);
        expect(d.band).not.toBe('auto');
        expect(d).toMatchObject({ band: 'suggest', reasons: ['masked_number_names_other_order'] });
        expect(d.candidates.map((c) => c.orderIds[0])).toEqual([anna.id, bernd.id]);
      },
    );

    it("bank details, phone numbers and postcodes hold back nothing, though their digit groups are open orders' numbers", () => {
      // A shop with 4-digit order numbers: the IBAN's groups 3704, 0044, 0532, 0130 are four of them.
      const numbers = ['3704', '0044', '0532', '0130', '4711', '8031'];
      const others = numbers.map((number) =>
        order({ number, totalMinor: 4990, customerName: `Kunde ${number}` }),
      );
      const anna = order({ number: '5050', totalMinor: 4990, customerName: 'Anna Schmidt' });
      for (const remittance of [
        'IBAN DE89 3704 0044 0532 0130 00',
        'Konto-Nr. 3704 0044 0532',
        'Tel. 0532 4711',
        'Telefon-Nr. 0130 4711',
        'PLZ 8031 Danke',
      ]) {
        const p = posting({ amountMinor: 4990, counterpartyName: 'Anna Schmidt', remittance });
        const d = decisionOf(match([...others, anna], [p]), p.id);
        expect(d, remittance).toMatchObject({ band: 'auto', pass: 'payer' });
        expect(d.candidates[0]?.orderIds).toEqual([anna.id]);
      }
      // The same number under a customer number's label does hold the payer back, and so does one written after
      // the IBAN or the phone number (the value's own groups end there), or after an IBAN that validates nowhere.
      for (const remittance of [
        'Kundennr. 3704',
        'IBAN DE89 3704 0044 0532 0130 00 4711',
        'Tel. 0532 8031 4711',
        'IBAN DE89 3704 4711',
      ]) {
        const p = posting({ amountMinor: 4990, counterpartyName: 'Anna Schmidt', remittance });
        expect(decisionOf(match([...others, anna], [p]), p.id), remittance).toMatchObject({
          band: 'suggest',
          reasons: ['masked_number_names_other_order'],
        });
      }
    });
  });

  it('salaries and refunds without order evidence get no automatic assignment', () => {
    const orders = [order({ totalMinor: 250000 }), order({ totalMinor: 1999 })];
    const salary = posting({
      amountMinor: 250000,
      counterpartyName: 'Arbeitgeber GmbH',
      remittance: 'Gehalt 11/2026',
    });
    const refund = posting({
      amountMinor: 1999,
      counterpartyName: 'Amazon EU S.a.r.l.',
      remittance: 'Erstattung 302-1234567',
    });
    const res = match(orders, [salary, refund]);
    expect(decisionOf(res, salary.id).band).not.toBe('auto');
    expect(decisionOf(res, refund.id).band).not.toBe('auto');
  });
});

describe('returns and chargebacks', () => {
  it('recognises reversal flag, R-transaction codes, GVC codes and words', () => {
    expect(isReturn({ reversal: true, amountMinor: -1 })).toBe(true);
    expect(isReturn({ bankTxCode: 'PMNT-RCDT-RRTN', amountMinor: -1 })).toBe(true);
    expect(isReturn({ bankTxCode: 'PMNT/RDDT/UPDD', amountMinor: -1 })).toBe(true);
    expect(isReturn({ bankTxCode: '109', amountMinor: -1 })).toBe(true);
    expect(isReturn({ bankTxCode: 'GVC 159', amountMinor: -1 })).toBe(true);
    expect(isReturn({ remittance: 'RUECKLASTSCHRIFT MD06', amountMinor: -1 })).toBe(true);
    expect(isReturn({ remittance: 'Rücklastschrift', amountMinor: -1 })).toBe(true);
    expect(isReturn({ remittance: 'RETURN AC04 account closed', amountMinor: -1 })).toBe(true);
    expect(isReturn({ bankTxCode: 'PMNT-RCDT-ESCT', remittance: 'Miete', amountMinor: -1 })).toBe(false);
    expect(isReturn({ bankTxCode: '166', remittance: 'Gutschrift', amountMinor: 1 })).toBe(false);
  });

  it('a return with the original end-to-end id reverses exactly that assignment', () => {
    const o = order({ number: '60001', totalMinor: 4990, paidMinor: 4990, status: 'paid' });
    const assignments = [
      { id: 77, postingId: 500, orderId: o.id, amountMinor: 4990, endToEndId: 'E2E-ABC-1' },
    ];
    const p = posting({
      amountMinor: -4990,
      bankTxCode: 'PMNT-RCDT-RRTN',
      endToEndId: 'E2E-ABC-1',
      remittance: 'Retoure AC04',
    });
    const d = decisionOf(match([o], [p], { assignments }), p.id);
    expect(d).toMatchObject({ band: 'auto', pass: 'return' });
    expect(d.reverses).toEqual([{ assignmentId: 77, orderId: o.id, amountMinor: 4990 }]);
  });

  it('finds the original by order number in the text, or by IBAN and amount', () => {
    const o = order({ number: '60002', totalMinor: 1500, paidMinor: 1500, status: 'paid' });
    const o2 = order({ number: '60003', totalMinor: 2500, paidMinor: 2500, status: 'paid' });
    const assignments = [
      { id: 81, postingId: 600, orderId: o.id, amountMinor: 1500, orderNumber: '60002' },
      {
        id: 82,
        postingId: 601,
        orderId: o2.id,
        amountMinor: 2500,
        counterpartyIban: 'DE44500105175407324931',
      },
    ];
    const byText = posting({
      amountMinor: -1500,
      remittance: 'RUECKLASTSCHRIFT Bestellung 60002',
      reversal: true,
    });
    const byIban = posting({
      amountMinor: -2500,
      reversal: true,
      counterpartyIban: 'DE44 5001 0517 5407 3249 31',
      remittance: null,
    });
    const res = match([o, o2], [byText, byIban], { assignments });
    expect(decisionOf(res, byText.id).reverses?.[0]?.assignmentId).toBe(81);
    expect(decisionOf(res, byIban.id).reverses?.[0]?.assignmentId).toBe(82);
  });

  it('an ambiguous or unknown return goes to the queue', () => {
    const o = order({ number: '60004', totalMinor: 1500, paidMinor: 1500, status: 'paid' });
    const assignments = [
      {
        id: 91,
        postingId: 700,
        orderId: o.id,
        amountMinor: 1500,
        counterpartyIban: 'DE44500105175407324931',
      },
      {
        id: 92,
        postingId: 701,
        orderId: o.id,
        amountMinor: 1500,
        counterpartyIban: 'DE44500105175407324931',
      },
    ];
    const p = posting({
      amountMinor: -1500,
      reversal: true,
      counterpartyIban: 'DE44500105175407324931',
      remittance: null,
    });
    expect(decisionOf(match([o], [p], { assignments }), p.id)).toMatchObject({
      band: 'suggest',
      pass: 'return',
    });
    const unknown = posting({ amountMinor: -999, reversal: true, remittance: 'Ruecklastschrift' });
    expect(decisionOf(match([o], [unknown], { assignments }), unknown.id)).toMatchObject({
      band: 'none',
      pass: 'return',
    });
  });
});
