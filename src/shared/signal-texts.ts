/**
 * The words of the matcher's signals (the evidence shown under each candidate of the queue, and kept with an
 * automatic assignment), in German (the default) and English, made from a signal's kind and `params` when it is
 * shown: one table for every shell, like notification-texts.ts. Amounts are money in the user's locale.
 *
 * `detail` stays the signal's English text with amounts in minor units: public (JSON, stored reasons) and the
 * same in every language. A signal stored before signals had params, or whose params do not fit its form, is shown
 * with its detail; reasons that are no matcher evidence (a dealer's note) are shown as stored.
 */
import { z } from 'zod';
import { formatMoney } from './format.ts';

const Text = z.string();
const Int = z.number().int();
const Currency = z.string().length(3);
/** Which of an order's numbers a signal found: its order number or its invoice number. */
const Field = z.enum(['number', 'invoiceNumber']);
/** The order a combined candidate's per-order signal is about (its number). */
const Order = { order: Text.optional() };

/** The params of each form (the wording a signal has; core/matching/types.ts SignalForm). Amounts in minor units. */
export const SIGNAL_FORMS = {
  payer: z.object({ form: z.literal('payer'), name: Text, ...Order }),
  payer_company: z.object({ form: z.literal('payer_company'), name: Text, ...Order }),
  payer_holder: z.object({ form: z.literal('payer_holder'), name: Text, ...Order }),
  iban_learned: z.object({ form: z.literal('iban_learned'), iban: Text, ...Order }),
  alias_learned: z.object({ form: z.literal('alias_learned'), alias: Text, ...Order }),
  reference: z.object({ form: z.literal('reference'), reference: Text, ...Order }),
  creditor_reference: z.object({ form: z.literal('creditor_reference'), creditorReference: Text, ...Order }),
  number: z.object({ form: z.literal('number'), field: Field, number: Text, keyword: z.boolean(), ...Order }),
  number_list: z.object({
    form: z.literal('number_list'),
    field: Field,
    number: Text,
    list: z.array(Text),
    keyword: z.boolean(),
    ...Order,
  }),
  number_written: z.object({
    form: z.literal('number_written'),
    field: Field,
    number: Text,
    written: Text,
    keyword: z.boolean(),
    ...Order,
  }),
  number_typo: z.object({
    form: z.literal('number_typo'),
    field: Field,
    number: Text,
    written: Text,
    ...Order,
  }),
  /** `days`: the order this many days before the posting (−1, −2: the posting a day or two before the order). */
  date_window: z.object({ form: z.literal('date_window'), days: Int }),
  date_before_order: z.object({ form: z.literal('date_before_order'), days: Int }),
  amount_exact: z.object({ form: z.literal('amount_exact'), openMinor: Int, currency: Currency }),
  /** `differenceMinor`: paid minus open (negative: short, bank fees). */
  amount_within_tolerance: z.object({
    form: z.literal('amount_within_tolerance'),
    differenceMinor: Int,
    toleranceMinor: Int,
    currency: Currency,
  }),
  amount_partial: z.object({
    form: z.literal('amount_partial'),
    paidMinor: Int,
    openMinor: Int,
    currency: Currency,
  }),
  amount_over: z.object({
    form: z.literal('amount_over'),
    overMinor: Int,
    openMinor: Int,
    currency: Currency,
  }),
  combined_weakest: z.object({ form: z.literal('combined_weakest'), orderCount: Int }),
  /** `differenceMinor`: paid minus the sum (0: the sum is paid exactly). */
  combined_sum: z.object({
    form: z.literal('combined_sum'),
    orderCount: Int,
    sumMinor: Int,
    differenceMinor: Int,
    currency: Currency,
  }),
  /** A return of the payment `postingId`, found by its end-to-end id, the order in the text, the IBAN, or neither. */
  return: z.object({
    form: z.literal('return'),
    postingId: Int,
    via: z.enum(['end_to_end', 'text', 'iban', 'other_id']),
    endToEndId: Text.optional(),
    iban: Text.optional(),
  }),
} as const;

export type SignalFormName = keyof typeof SIGNAL_FORMS;
export type SignalParamsOf<F extends SignalFormName> = z.infer<(typeof SIGNAL_FORMS)[F]>;
export type SignalParams = { [F in SignalFormName]: SignalParamsOf<F> }[SignalFormName];

/** The params as the API carries them (checked against their form only when worded). */
export const SignalParamsDto = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
);
export type SignalParamsDto = z.infer<typeof SignalParamsDto>;

export type SignalLanguage = 'de' | 'en';

/** A signal as the API and JSON carry it. */
export type SignalLike = { kind: string; detail: string; params?: Record<string, unknown> | null };

type Money = (amountMinor: number, currency: string) => string;
type Wording = { [F in SignalFormName]: (p: SignalParamsOf<F>, money: Money) => string };

const EN_FIELD = { number: 'order number', invoiceNumber: 'invoice number' } as const;
const DE_FIELD = { number: 'Bestellnummer', invoiceNumber: 'Rechnungsnummer' } as const;
const enDays = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
const deDays = (n: number) => `${n} ${n === 1 ? 'Tag' : 'Tage'}`;

const EN: Wording = {
  payer: (p) => `payer ${p.name}`,
  payer_company: (p) => `payer ${p.name} is the customer's company`,
  payer_holder: (p) => `payer ${p.name}: the customer holds the account`,
  iban_learned: (p) => `IBAN ${p.iban} paid for this customer before`,
  alias_learned: (p) => `payer name ${p.alias} confirmed for this customer before`,
  reference: (p) => `payment reference ${p.reference}`,
  creditor_reference: (p) => `RF creditor reference with ${p.creditorReference}`,
  number: (p) => `${EN_FIELD[p.field]} ${p.number}${p.keyword ? ' after an order keyword' : ''}`,
  number_list: (p) =>
    `${EN_FIELD[p.field]} ${p.number} in the list ${p.list.join(', ')}${p.keyword ? ' after an order keyword' : ''}`,
  number_written: (p) =>
    `${EN_FIELD[p.field]} ${p.number} written as ${p.written}${p.keyword ? ' after an order keyword' : ''}`,
  number_typo: (p) => `${p.written} is one typo away from ${EN_FIELD[p.field]} ${p.number}`,
  date_window: (p) =>
    p.days > 0
      ? `order ${enDays(p.days)} before the posting`
      : p.days === 0
        ? 'order on the day of the posting'
        : `posting ${enDays(-p.days)} before the order`,
  date_before_order: (p) => `posting ${enDays(p.days)} before the order`,
  amount_exact: (p, m) => `amount equals the open ${m(p.openMinor, p.currency)}`,
  amount_within_tolerance: (p, m) =>
    `amount ${p.differenceMinor < 0 ? 'short' : 'over'} by ${m(Math.abs(p.differenceMinor), p.currency)} (tolerance ${m(p.toleranceMinor, p.currency)})`,
  amount_partial: (p, m) => `pays ${m(p.paidMinor, p.currency)} of the open ${m(p.openMinor, p.currency)}`,
  amount_over: (p, m) =>
    `pays ${m(p.overMinor, p.currency)} more than the open ${m(p.openMinor, p.currency)}`,
  combined_weakest: (p) => `weakest evidence among ${p.orderCount} orders`,
  combined_sum: (p, m) =>
    `sum of ${p.orderCount} open amounts ${m(p.sumMinor, p.currency)}${p.differenceMinor ? `, difference ${m(p.differenceMinor, p.currency)}` : ''}`,
  return: (p) =>
    `return of posting ${p.postingId}: ${
      {
        end_to_end: `same end-to-end id ${p.endToEndId ?? ''}`,
        text: 'order referenced in the return text, same amount',
        iban: `same payer IBAN ${p.iban ?? ''}, same amount`,
        other_id: 'same amount, order in the text or same payer IBAN, but another end-to-end id',
      }[p.via]
    }`,
};

const DE: Wording = {
  payer: (p) => `Zahler ${p.name}`,
  payer_company: (p) => `Zahler ${p.name} ist die Firma des Kunden`,
  payer_holder: (p) => `Zahler ${p.name}: der Kunde ist Kontoinhaber`,
  iban_learned: (p) => `IBAN ${p.iban} hat schon für diesen Kunden gezahlt`,
  alias_learned: (p) => `Zahlername ${p.alias} schon für diesen Kunden bestätigt`,
  reference: (p) => `Zahlungsreferenz ${p.reference}`,
  creditor_reference: (p) => `RF-Gläubigerreferenz mit ${p.creditorReference}`,
  number: (p) => `${DE_FIELD[p.field]} ${p.number}${p.keyword ? ' nach einem Bestell-Stichwort' : ''}`,
  number_list: (p) =>
    `${DE_FIELD[p.field]} ${p.number} in der Aufzählung ${p.list.join(', ')}${p.keyword ? ' nach einem Bestell-Stichwort' : ''}`,
  number_written: (p) =>
    `${DE_FIELD[p.field]} ${p.number}, geschrieben als ${p.written}${p.keyword ? ' nach einem Bestell-Stichwort' : ''}`,
  number_typo: (p) => `${p.written} ist einen Tippfehler von ${DE_FIELD[p.field]} ${p.number} entfernt`,
  date_window: (p) =>
    p.days > 0
      ? `Bestellung ${deDays(p.days)} vor der Buchung`
      : p.days === 0
        ? 'Bestellung am Tag der Buchung'
        : `Buchung ${deDays(-p.days)} vor der Bestellung`,
  date_before_order: (p) => `Buchung ${deDays(p.days)} vor der Bestellung`,
  amount_exact: (p, m) => `Betrag gleich dem offenen Betrag von ${m(p.openMinor, p.currency)}`,
  amount_within_tolerance: (p, m) =>
    `Betrag ${m(Math.abs(p.differenceMinor), p.currency)} ${p.differenceMinor < 0 ? 'zu niedrig' : 'zu hoch'} (Toleranz ${m(p.toleranceMinor, p.currency)})`,
  amount_partial: (p, m) =>
    `zahlt ${m(p.paidMinor, p.currency)} von den offenen ${m(p.openMinor, p.currency)}`,
  amount_over: (p, m) =>
    `zahlt ${m(p.overMinor, p.currency)} mehr als die offenen ${m(p.openMinor, p.currency)}`,
  combined_weakest: (p) => `schwächster Hinweis unter ${p.orderCount} Bestellungen`,
  combined_sum: (p, m) =>
    `Summe der offenen Beträge von ${p.orderCount} Bestellungen ${m(p.sumMinor, p.currency)}${p.differenceMinor ? `, Differenz ${m(p.differenceMinor, p.currency)}` : ''}`,
  return: (p) =>
    `Rückbuchung der Buchung ${p.postingId}: ${
      {
        end_to_end: `gleiche End-to-End-ID ${p.endToEndId ?? ''}`,
        text: 'Bestellung im Text der Rückbuchung genannt, gleicher Betrag',
        iban: `gleiche IBAN des Zahlers ${p.iban ?? ''}, gleicher Betrag`,
        other_id:
          'gleicher Betrag, Bestellung im Text oder gleiche IBAN des Zahlers, aber andere End-to-End-ID',
      }[p.via]
    }`,
};

const WORDING: Readonly<Record<SignalLanguage, Wording>> = { de: DE, en: EN };

/** Signals and reasons whose kind alone says everything (the flags are stored with an automatic assignment). */
const BY_KIND: Readonly<Record<SignalLanguage, Readonly<Record<string, string>>>> = {
  en: {
    reference_typo: 'payment reference with one typo',
    flag_overpaid: 'overpaid',
    flag_partial: 'partial payment',
    flag_fees_deducted: 'bank fees deducted',
  },
  de: {
    reference_typo: 'Zahlungsreferenz mit einem Tippfehler',
    flag_overpaid: 'überzahlt',
    flag_partial: 'Teilzahlung',
    flag_fees_deducted: 'Bankgebühren abgezogen',
  },
};

const isForm = (form: unknown): form is SignalFormName =>
  typeof form === 'string' && Object.hasOwn(SIGNAL_FORMS, form);

/**
 * A signal's text in `language`, amounts as money in `locale` ("129,00 €" in de-DE): worded from its params, else
 * (stored before params existed, params that do not fit, a reason that is no evidence) from its kind where that
 * says everything, else its stored detail.
 */
export function signalText(signal: SignalLike, language: SignalLanguage, locale: string): string {
  const params = signal.params;
  const form = params?.['form'];
  if (isForm(form)) {
    const parsed = SIGNAL_FORMS[form].safeParse(params);
    if (parsed.success) {
      const word = WORDING[language][form] as (p: unknown, money: Money) => string;
      const text = word(parsed.data, (minor, currency) => formatMoney(minor, currency, locale));
      const order = (parsed.data as { order?: string }).order;
      return order === undefined ? text : `${order}: ${text}`;
    }
  }
  if (params === undefined || params === null) {
    const byKind = BY_KIND[language][signal.kind];
    if (byKind !== undefined) return byKind;
  }
  return signal.detail;
}
