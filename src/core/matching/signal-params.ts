/**
 * A signal as the API, `--json` and the stored reasons of an assignment carry it: `{ kind, detail, weight?, params }`,
 * its slots (types.ts Signal) named by its form (#shared/signal-texts.ts SIGNAL_FORMS). Made only where a signal
 * leaves the matcher (queue, persisted assignments), never on its hot path.
 */
import type { SignalParams } from '#shared/signal-texts.ts';
import { RETURN_VIA } from './scoring.ts';
import type { Signal } from './types.ts';

export type SignalView = {
  kind: string;
  detail: string;
  weight?: number;
  /** null: a signal without facts beyond its kind. */
  params: SignalParams | null;
};

const fieldOf = (s: Signal) => (s.a === 1 ? 'invoiceNumber' : 'number');

/** The facts of a signal by name; amounts are minor units of `currency` (the posting's). */
export function signalParams(s: Signal, currency: string): SignalParams | null {
  const text = s.text ?? '';
  const number = s.number ?? '';
  const a = s.a ?? 0;
  const b = s.b ?? 0;
  const order = s.order !== undefined ? { order: s.order } : {};
  switch (s.form) {
    case undefined:
      return null;
    case 'payer':
    case 'payer_company':
    case 'payer_holder':
      return { form: s.form, name: text, ...order };
    case 'iban_learned':
      return { form: s.form, iban: text, ...order };
    case 'alias_learned':
      return { form: s.form, alias: text, ...order };
    case 'reference':
      return { form: s.form, reference: text, ...order };
    case 'creditor_reference':
      return { form: s.form, creditorReference: text, ...order };
    case 'number':
      return { form: s.form, field: fieldOf(s), number, keyword: b === 1, ...order };
    case 'number_list':
      return { form: s.form, field: fieldOf(s), number, list: text.split(', '), keyword: b === 1, ...order };
    case 'number_written':
      return { form: s.form, field: fieldOf(s), number, written: text, keyword: b === 1, ...order };
    case 'number_typo':
      return { form: s.form, field: fieldOf(s), number, written: text, ...order };
    case 'date_window':
    case 'date_before_order':
      return { form: s.form, days: a };
    case 'amount_exact':
      return { form: s.form, openMinor: a, currency };
    case 'amount_within_tolerance':
      return { form: s.form, differenceMinor: a, toleranceMinor: b, currency };
    case 'amount_partial':
      return { form: s.form, paidMinor: a, openMinor: b, currency };
    case 'amount_over':
      return { form: s.form, overMinor: a, openMinor: b, currency };
    case 'combined_weakest':
      return { form: s.form, orderCount: a };
    case 'combined_sum':
      return { form: s.form, orderCount: a, sumMinor: b, differenceMinor: s.c ?? 0, currency };
    case 'return': {
      const via = RETURN_VIA[s.c ?? 3] ?? 'other_id';
      const found = via === 'end_to_end' ? { endToEndId: text } : via === 'iban' ? { iban: text } : {};
      return { form: s.form, postingId: a, via, ...found };
    }
  }
}

/** The signal as it leaves the matcher (the detail unchanged). */
export function signalView(s: Signal, currency: string): SignalView {
  return {
    kind: s.kind,
    detail: s.detail,
    ...(s.weight !== undefined ? { weight: s.weight } : {}),
    params: signalParams(s, currency),
  };
}
