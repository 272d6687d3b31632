/**
 * Which debits are returns, and how sure: from the second matcher probe (bank return texts that were not
 * recognised, and the dealer's own refunds that undid a valid payment), and payouts and returned refunds that
 * must not pay an order.
 */
import { describe, expect, it } from 'vitest';
import { isProviderPayout, isReturnedCredit } from '#core/matching/payment-nature.ts';
import { returnCertainty } from '#core/matching/passes/returns.ts';
import { decisionOf, match, order, posting } from './fixtures.ts';

const debit = (remittance: string, bankTxCode?: string) => ({ amountMinor: -4990, remittance, bankTxCode });

describe('returns: how sure', () => {
  it("the bank's return words and SEPA reason codes are certain", () => {
    for (const text of [
      'SEPA-LASTSCHRIFT-RUECKGABE AM04',
      'LASTSCHRIFTRUECKGABE MD06',
      'RUECKGABE LASTSCHRIFT AC04',
      'SEPA RETOUR AC01',
      'Wiederbelastung SEPA-Lastschrift MD06',
      'STORNO LASTSCHRIFT',
      'R?CKLASTSCHRIFT AC04',
      'Lastschrift zurueck AC04',
    ])
      expect(returnCertainty(debit(text)), text).toBe('certain');
    expect(returnCertainty(debit('Umsatz', 'SWIFT:NRTI'))).toBe('certain');
  });

  it("words a dealer's refund uses too are only suggested, and the dealer's refund is no return", () => {
    expect(returnCertainty(debit('RETOURE Bestellung 10710'))).toBe('words');
    expect(returnCertainty(debit('Rücküberweisung Bestellung 10710'))).toBe('words');
    for (const text of [
      'Rücküberweisung Doppelzahlung Bestellung 10707',
      'Erstattung Retoure Bestellung 10708',
      'Rueckzahlung Return Bestellung 10709',
      'Retourenlabel 10710',
      'RUECKUEBERWEISUNG Rueckueberweisung Doppelzahlung 10707',
      'Erstattung Retour Bestellung 10708',
    ])
      expect(returnCertainty(debit(text)), text).toBeUndefined();
  });

  it("the dealer's refund of a double payment leaves the valid assignment alone", () => {
    const o = order({ number: '10707', totalMinor: 4990, paidMinor: 4990, status: 'paid' });
    const assignments = [{ id: 1, postingId: 900, orderId: o.id, amountMinor: 4990, orderNumber: '10707' }];
    const refund = posting({
      amountMinor: -4990,
      remittance: 'Rücküberweisung Doppelzahlung Bestellung 10707',
    });
    const d = decisionOf(match([o], [refund], { assignments }), refund.id);
    expect(d.band).toBe('none');
    expect(d.reverses).toBeUndefined();
    const words = posting({ amountMinor: -4990, remittance: 'RETOURE Bestellung 10707' });
    const w = decisionOf(match([o], [words], { assignments }), words.id);
    expect(w).toMatchObject({ band: 'suggest', pass: 'return', reasons: ['return_by_words_only'] });
    expect(w.reverses).toBeUndefined();
  });
});

describe('credits that pay no order', () => {
  it('a refund of ours that came back, in the words banks use', () => {
    for (const text of [
      'SEPA Gutschrift Retour AC04 Erstattung 10700',
      'Zurueckgesandt AC04 Konto erloschen',
    ])
      expect(isReturnedCredit(text), text).toBe(true);
    // A customer's words without a bank's reason code block nothing.
    for (const text of [
      'KW7ABCDEF2 Restbetrag, 1 Artikel zurueckgesandt',
      'Retour Artikel 2, Rest fuer 10023',
    ])
      expect(isReturnedCredit(text), text).toBe(false);
    const o = order({ totalMinor: 4990, customerName: 'Nils Brandt' });
    const p = posting({
      counterpartyName: 'Nils Brandt',
      amountMinor: 4990,
      remittance: 'Retour AC04 Erstattung 10700',
    });
    expect(decisionOf(match([o], [p]), p.id).band).not.toBe('auto');
  });

  it('payouts of marketplaces and payment providers', () => {
    for (const name of [
      'Zalando Payments GmbH',
      'Otto Payments GmbH',
      'Billie GmbH',
      'Mondu GmbH',
      'TeamBank AG',
      'Braintree',
      'Worldpay BV',
      'Kaufland e-commerce Services GmbH',
      'Scalapay S.r.l.',
      'Viva Wallet',
      'Check24 Vergleichsportal Shopping GmbH',
      // Third probe: the foundation that holds Mollie's third-party funds pays its settlements out.
      'STICHTING MOLLIE PAYMENTS',
      'Mollie Payments',
      'Wix Payments Ltd',
      'Payrexx AG',
      'wallee AG',
      'CrefoPay GmbH & Co. KG',
      'Trustly Group AB',
      'Square Payments Europe Ltd',
      'Otto GmbH & Co KG',
      'ManoMano SAS',
      'Hood Media GmbH',
      'SOFORT GmbH',
      'Fiserv Deutschland GmbH',
      'TeleCash GmbH & Co. KG',
      'Elavon Financial Services DAC',
    ]) {
      expect(isProviderPayout(name), name).toBe(true);
      const o = order({ number: '4711', totalMinor: 2990 });
      const p = posting({ counterpartyName: name, amountMinor: 2990, remittance: 'Auszahlung 4711' });
      expect(decisionOf(match([o], [p]), p.id).band, name).not.toBe('auto');
    }
    // First names and surnames that are also a provider's name are customers.
    for (const name of [
      'Otto Meier',
      'Billie Schmidt',
      'Mollie Schmidt',
      'Square Deal Consulting',
      'Otto Müller GmbH',
      'Hans Otto GmbH',
      'Bäckerei Otto GmbH',
      'Sofort AG Bau',
    ])
      expect(isProviderPayout(name), name).toBe(false);
  });
});

describe('a payment and its return in the same run', () => {
  it('the payment goes to the queue, not to its order', () => {
    const o = order({ number: '10720', totalMinor: 4990 });
    const credit = posting({
      amountMinor: 4990,
      remittance: 'Bestellung 10720',
      counterpartyName: o.customerName,
      endToEndId: 'E2E-10720-1',
      bookingDate: '2026-11-03',
    });
    const back = posting({
      amountMinor: -4990,
      remittance: 'RUECKLASTSCHRIFT MD06 10720',
      endToEndId: 'E2E-10720-1',
      bookingDate: '2026-11-08',
    });
    const res = match([o], [back, credit]);
    const d = decisionOf(res, credit.id);
    expect(d.band).not.toBe('auto');
    expect(d.reasons).toContain('returned_in_this_run');
    expect(decisionOf(res, back.id).reasons).toEqual(['returns_a_payment_of_this_run']);
    // Without the return the same payment is assigned.
    expect(decisionOf(match([o], [credit]), credit.id).band).toBe('auto');
  });
});

describe('a return with the bank fee booked with it', () => {
  it('is found by its end-to-end id when it is at most the fee more than the payment', () => {
    const o = order({ number: '60011', totalMinor: 4990, paidMinor: 4990, status: 'paid' });
    const assignments = [
      { id: 5, postingId: 800, orderId: o.id, amountMinor: 4990, endToEndId: 'E2E-FEE-1' },
    ];
    const back = posting({
      amountMinor: -5290,
      remittance: 'RUECKLASTSCHRIFT MD06 inkl. Gebuehr',
      endToEndId: 'E2E-FEE-1',
    });
    const d = decisionOf(match([o], [back], { assignments }), back.id);
    expect(d).toMatchObject({ band: 'auto', pass: 'return' });
    expect(d.reverses).toEqual([{ assignmentId: 5, orderId: o.id, amountMinor: 4990 }]);
    // Far more than a fee: another payment that shares the id is not this one.
    const other = posting({
      amountMinor: -9990,
      remittance: 'RUECKLASTSCHRIFT MD06',
      endToEndId: 'E2E-FEE-1',
    });
    expect(decisionOf(match([o], [other], { assignments }), other.id).reverses).toBeUndefined();
  });
});

describe('a payment and its return in the same run, without an end-to-end id', () => {
  it('found by the payer IBAN and the very amount', () => {
    const o = order({ number: '10721', totalMinor: 4990, customerName: 'Nils Brandt' });
    const credit = posting({
      amountMinor: 4990,
      counterpartyName: 'NILS BRANDT',
      counterpartyIban: 'DE44500105175407324931',
      remittance: 'Bestellung 10721',
      bookingDate: '2026-11-03',
    });
    const back = posting({
      amountMinor: -4990,
      counterpartyName: 'NILS BRANDT',
      counterpartyIban: 'DE44 5001 0517 5407 3249 31',
      remittance: 'RUECKLASTSCHRIFT 10721 AC04',
      bookingDate: '2026-11-04',
      reversal: true,
    });
    const res = match([o], [credit, back]);
    expect(decisionOf(res, credit.id).band).not.toBe('auto');
    expect(decisionOf(res, credit.id).reasons).toContain('returned_in_this_run');
  });
});
