import { describe, expect, it } from 'vitest';
import {
  isProviderPayout,
  isReturnedCredit,
  mentionsReturn,
  returnWords,
} from '#core/matching/payment-nature.ts';

describe('credits that are no order payment (payment-nature.ts)', () => {
  it.each([
    ['PayPal Europe S.a.r.l. et Cie S.C.A', true],
    ['PAYPAL (EUROPE) S.A R.L. ET CIE., S.C.A.', true],
    ['Klarna Bank AB (publ)', true],
    ['Stripe Technology Europe Ltd', true],
    ['Mollie B.V.', true],
    ['MOLLIE BV', true],
    ['Unzer E-Com GmbH', true],
    ['AMAZON PAYMENTS EUROPE S.C.A.', true],
    ['eBay S.a.r.l.', true],
    ['Etsy Ireland UC', true],
    ['Wise Europe SA', false],
    ['Revolut Bank UAB', false],
    ['Mollie Turner', false],
    ['Michael Unzer', false],
    ['Deutsche Post AG', false],
    ['', false],
  ])('provider payout: %s -> %s', (name, expected) => expect(isProviderPayout(name)).toBe(expected));

  // Bank booking words: never an order payment, not even with our reference.
  it.each([
    ['RUECKUEBERWEISUNG Konto erloschen AC04', true],
    ['SEPA-Rücküberweisung', true],
    ['Rückbuchung', true],
    ['Chargeback 4711', true],
    ['RETOURE SEPA-UEBERWEISUNG', false],
    ['STORNO Rechnung 10512', false],
    ['Bestellung 10460 Ruecksendung folgt', false],
    ['Erstattung Retourenlabel', false],
    ['Bestellung storniert, bitte 10024', false],
    ['Bestellung 10023', false],
  ])('returned credit: %s -> %s', (text, expected) => expect(isReturnedCredit(text)).toBe(expected));

  // Words customers write too: they block a guess, not our reference.
  it.each([
    ['RETOURE SEPA-UEBERWEISUNG', true],
    ['STORNO Rechnung 10512', true],
    ['KW2345678 abzgl. Retoure', true],
    ['Erstattung Retourenlabel', false],
    ['Bestellung storniert, bitte 10024', false],
  ])('return word: %s -> %s', (text, expected) => expect(mentionsReturn(text)).toBe(expected));

  // Both rules at once, as the matcher asks them: a booking word wins over a customer's word.
  it.each([
    ['Rücküberweisung RETOURE Konto erloschen', 'booked'],
    ['RETOURE SEPA-UEBERWEISUNG', 'customer'],
    ['kw2345678 abzgl. retoure', 'customer'],
    // Refunds, interest and transfers between own accounts are no order payments; a return word still says more.
    ['Erstattung Bestellung 10023', 'not_a_payment'],
    ['Gutschrift Zinsen', 'not_a_payment'],
    ['Umbuchung eigenes Konto', 'not_a_payment'],
    ['RETOURE Bestellung 10023 Erstattung', 'customer'],
    // A payout says so, whoever pays it out; customers pay "Vorauszahlung", "Anzahlung", "in settlement of".
    ['Digistore24 Auszahlung 10245', 'not_a_payment'],
    ['PAYOUT 10245 GoCardless', 'not_a_payment'],
    ['TikTok Shop Settlement 10245', 'not_a_payment'],
    ['Sammelauszahlung 4711', 'not_a_payment'],
    ['Vorauszahlung Bestellung 10245', undefined],
    ['Vorrauszahlung 10245', undefined],
    ['Anzahlung 10245', undefined],
    ['Teilzahlung 10245', undefined],
    ['Rueckzahlung 10245', undefined],
    ['Payment in settlement of invoice 10245', undefined],
    ['Full and final settlement invoice 10245', undefined],
    // A carrier pays out cash on delivery: customers' payments of the orders it names.
    ['Nachnahme Auszahlung 10245', undefined],
    // "Gutschrift" alone is the bank's word for any credit.
    ['Gutschrift', undefined],
    ['Bestellung 10023', undefined],
    [null, undefined],
  ])('return words: %s -> %s', (text, expected) => expect(returnWords(text)).toBe(expected));
});
