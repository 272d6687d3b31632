/**
 * The matcher's signals worded in German and English from their params: each signal made by the matcher's own
 * builders (core/matching/scoring.ts), turned into the view the API and JSON carry (signal-params.ts), then worded
 * (#shared/signal-texts.ts) — so the chain slots -> params -> text is what is tested, and the English detail stays
 * as it was.
 */
import { describe, expect, it } from 'vitest';
import {
  amountExactSignal,
  amountOverSignal,
  amountPartialSignal,
  amountWithinToleranceSignal,
  combinedSumSignal,
  combinedWeakestSignal,
  creditorReferenceSignal,
  dateSignalOfAge,
  learnedAliasSignal,
  learnedIbanSignal,
  numberListSignal,
  numberSignal,
  payerNameSignal,
  referenceSignal,
  returnSignal,
  signal,
  typoSignal,
  writtenAsSignal,
} from '#core/matching/scoring.ts';
import { signalView } from '#core/matching/signal-params.ts';
import type { MatchOrder, Signal } from '#core/matching/types.ts';
import { SIGNAL_FORMS, signalText, type SignalFormName } from '#shared/signal-texts.ts';

const order = { number: 'WC-10023', invoiceNumber: 'RE-2026-0042' } as MatchOrder;
const byNumber = { entry: { order }, field: 'number' } as const;
const byInvoice = { entry: { order }, field: 'invoice' } as const;
/** U+00A0, the no-break space Intl puts between amount and currency sign in de-DE. */
const NBSP = '\u00a0';

type Example = { signal: Signal; detail: string; de: string; en: string };

/** One example per form (a missing form fails the completeness test below). */
const EXAMPLES: [SignalFormName, Example][] = [
  [
    'payer',
    {
      signal: payerNameSignal('name_exact', 'Erika Mustermann', false),
      detail: 'payer Erika Mustermann',
      de: 'Zahler Erika Mustermann',
      en: 'payer Erika Mustermann',
    },
  ],
  [
    'payer_company',
    {
      signal: payerNameSignal('company', 'Blumen GmbH', false),
      detail: "payer Blumen GmbH is the customer's company",
      de: 'Zahler Blumen GmbH ist die Firma des Kunden',
      en: "payer Blumen GmbH is the customer's company",
    },
  ],
  [
    'payer_holder',
    {
      signal: payerNameSignal('name_exact', 'Hans u. Petra Müller', true),
      detail: 'payer Hans u. Petra Müller: the customer holds the account',
      de: 'Zahler Hans u. Petra Müller: der Kunde ist Kontoinhaber',
      en: 'payer Hans u. Petra Müller: the customer holds the account',
    },
  ],
  [
    'iban_learned',
    {
      signal: learnedIbanSignal('DE02120300000000202051'),
      detail: 'IBAN DE02120300000000202051 paid for this customer before',
      de: 'IBAN DE02120300000000202051 hat schon für diesen Kunden gezahlt',
      en: 'IBAN DE02120300000000202051 paid for this customer before',
    },
  ],
  [
    'alias_learned',
    {
      signal: learnedAliasSignal('e mustermann'),
      detail: 'payer name e mustermann confirmed for this customer before',
      de: 'Zahlername e mustermann schon für diesen Kunden bestätigt',
      en: 'payer name e mustermann confirmed for this customer before',
    },
  ],
  [
    'reference',
    {
      signal: referenceSignal('KW7K3M9QX'),
      detail: 'payment reference KW7K3M9QX',
      de: 'Zahlungsreferenz KW7K3M9QX',
      en: 'payment reference KW7K3M9QX',
    },
  ],
  [
    'creditor_reference',
    {
      signal: creditorReferenceSignal('number', 'WC10023'),
      detail: 'RF creditor reference with WC10023',
      de: 'RF-Gläubigerreferenz mit WC10023',
      en: 'RF creditor reference with WC10023',
    },
  ],
  [
    'number',
    {
      signal: numberSignal('number', byNumber, true),
      detail: 'order number WC-10023 after an order keyword',
      de: 'Bestellnummer WC-10023 nach einem Bestell-Stichwort',
      en: 'order number WC-10023 after an order keyword',
    },
  ],
  [
    'number_list',
    {
      signal: numberListSignal(byNumber, ['10023', '10024'], false),
      detail: 'order number WC-10023 in the list 10023, 10024',
      de: 'Bestellnummer WC-10023 in der Aufzählung 10023, 10024',
      en: 'order number WC-10023 in the list 10023, 10024',
    },
  ],
  [
    'number_written',
    {
      signal: writtenAsSignal('number_core', byInvoice, '2026-0042', false, 0.75),
      detail: 'invoice number RE-2026-0042 written as 2026-0042',
      de: 'Rechnungsnummer RE-2026-0042, geschrieben als 2026-0042',
      en: 'invoice number RE-2026-0042 written as 2026-0042',
    },
  ],
  [
    'number_typo',
    {
      signal: typoSignal('10032', byNumber),
      detail: '10032 is one typo away from order number WC-10023',
      de: '10032 ist einen Tippfehler von Bestellnummer WC-10023 entfernt',
      en: '10032 is one typo away from order number WC-10023',
    },
  ],
  [
    'date_window',
    {
      signal: dateSignalOfAge(3),
      detail: 'order 3 days before the posting',
      de: 'Bestellung 3 Tage vor der Buchung',
      en: 'order 3 days before the posting',
    },
  ],
  [
    'date_before_order',
    {
      signal: dateSignalOfAge(-5),
      detail: 'posting 5 days before the order',
      de: 'Buchung 5 Tage vor der Bestellung',
      en: 'posting 5 days before the order',
    },
  ],
  [
    'amount_exact',
    {
      signal: amountExactSignal(12900),
      detail: 'amount equals the open 12900',
      de: `Betrag gleich dem offenen Betrag von 129,00${NBSP}€`,
      en: 'amount equals the open €129.00',
    },
  ],
  [
    'amount_within_tolerance',
    {
      signal: amountWithinToleranceSignal(-150, 200),
      detail: 'amount short by 150 (tolerance 200)',
      de: `Betrag 1,50${NBSP}€ zu niedrig (Toleranz 2,00${NBSP}€)`,
      en: 'amount short by €1.50 (tolerance €2.00)',
    },
  ],
  [
    'amount_partial',
    {
      signal: amountPartialSignal(4990, 5990),
      detail: 'pays 4990 of the open 5990',
      de: `zahlt 49,90${NBSP}€ von den offenen 59,90${NBSP}€`,
      en: 'pays €49.90 of the open €59.90',
    },
  ],
  [
    'amount_over',
    {
      signal: amountOverSignal(123456, 5000),
      detail: 'pays 123456 more than the open 5000',
      de: `zahlt 1.234,56${NBSP}€ mehr als die offenen 50,00${NBSP}€`,
      en: 'pays €1,234.56 more than the open €50.00',
    },
  ],
  [
    'combined_weakest',
    {
      signal: combinedWeakestSignal('number', 2, 0.8),
      detail: 'weakest evidence among 2 orders',
      de: 'schwächster Hinweis unter 2 Bestellungen',
      en: 'weakest evidence among 2 orders',
    },
  ],
  [
    'combined_sum',
    {
      signal: combinedSumSignal(2, 12980, -20),
      detail: 'sum of 2 open amounts 12980, difference -20',
      de: `Summe der offenen Beträge von 2 Bestellungen 129,80${NBSP}€, Differenz -0,20${NBSP}€`,
      en: 'sum of 2 open amounts €129.80, difference -€0.20',
    },
  ],
  [
    'return',
    {
      signal: returnSignal(17, 'same end-to-end id E2E-1', 'end_to_end', 'E2E-1'),
      detail: 'return of posting 17: same end-to-end id E2E-1',
      de: 'Rückbuchung der Buchung 17: gleiche End-to-End-ID E2E-1',
      en: 'return of posting 17: same end-to-end id E2E-1',
    },
  ],
];

describe('signalText', () => {
  it('has an example for every form', () => {
    expect(EXAMPLES.map(([form]) => form).sort()).toEqual(Object.keys(SIGNAL_FORMS).sort());
  });

  it.each(EXAMPLES)('%s: worded in German and English from its params, the detail as before', (form, e) => {
    const view = signalView(e.signal, 'EUR');
    expect(view.detail).toBe(e.detail);
    expect(view.params).toMatchObject({ form });
    // The params survive JSON (what scripts and the stored reasons see).
    const stored = JSON.parse(JSON.stringify(view)) as typeof view;
    expect(signalText(stored, 'de', 'de-DE')).toBe(e.de);
    expect(signalText(stored, 'en', 'en-GB')).toBe(e.en);
  });

  it('names amounts in minor units with the currency, and the order a combined copy is about', () => {
    expect(signalView(amountPartialSignal(4990, 5990), 'EUR').params).toEqual({
      form: 'amount_partial',
      paidMinor: 4990,
      openMinor: 5990,
      currency: 'EUR',
    });
    // A currency of another exponent is formatted by its own minor unit (JPY has none).
    expect(signalText(signalView(amountExactSignal(12900), 'JPY'), 'de', 'de-DE')).toBe(
      `Betrag gleich dem offenen Betrag von 12.900${NBSP}¥`,
    );
    const copy = { ...numberSignal('number', byNumber, false), order: 'WC-10023', weight: 0 };
    expect(signalView(copy, 'EUR').params).toMatchObject({ order: 'WC-10023', number: 'WC-10023' });
    expect(signalText(signalView(copy, 'EUR'), 'de', 'de-DE')).toBe('WC-10023: Bestellnummer WC-10023');
  });

  it('a signal without params: its kind where that says everything, else the stored detail', () => {
    const typo = signalView(signal('reference_typo', 'payment reference with one typo'), 'EUR');
    expect(typo.params).toBeNull();
    expect(signalText(typo, 'de', 'de-DE')).toBe('Zahlungsreferenz mit einem Tippfehler');
    // Stored before signals had params: the English detail in every language.
    const old = { kind: 'amount_exact', detail: 'amount equals the open 12900' };
    expect(signalText(old, 'de', 'de-DE')).toBe('amount equals the open 12900');
    // Params that do not fit their form (a missing currency) are not worded half.
    const broken = { ...old, params: { form: 'amount_exact', openMinor: 12900 } };
    expect(signalText(broken, 'de', 'de-DE')).toBe('amount equals the open 12900');
    // A dealer's note is shown as typed.
    expect(signalText({ kind: 'note', detail: 'Barzahlung', params: null }, 'en', 'en-GB')).toBe(
      'Barzahlung',
    );
  });

  it('date window: the same day, and a posting a day before the order', () => {
    expect(signalText(signalView(dateSignalOfAge(0), 'EUR'), 'de', 'de-DE')).toBe(
      'Bestellung am Tag der Buchung',
    );
    expect(signalText(signalView(dateSignalOfAge(-1), 'EUR'), 'en', 'en-GB')).toBe(
      'posting 1 day before the order',
    );
  });
});
