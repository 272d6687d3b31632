/**
 * Signal weights and the score. Each signal is independent evidence with a weight in [0, 1); the score is the
 * noisy-or `1 − Π(1 − w)`, so two medium signals (number + amount) beat one and no signal reaches 1 alone
 * except our own reference. Scores rank candidates and feed the auto threshold; hard rules (blockers) are
 * separate and no score overrides them. Every signal is made here (the builders below), with its English detail and
 * the facts it was written from (types.ts Signal).
 */
import { numberLabel, writtenOf, type HitOf } from './passes/written-numbers.ts';
import type { Signal, SignalForm, SignalKind } from './types.ts';

export const WEIGHTS: Record<SignalKind, number> = {
  reference: 0.999,
  creditor_reference: 0.999,
  reference_typo: 0.7,
  number: 0.8,
  invoice_number: 0.8,
  number_core: 0.75,
  number_joined: 0.7,
  number_typo: 0.7,
  keyword: 0.1,
  amount_exact: 0.7,
  amount_within_tolerance: 0.55,
  amount_sum: 0.7,
  amount_partial: 0,
  amount_over: 0,
  name_exact: 0.75,
  name_partial: 0.4,
  company: 0.75,
  iban_learned: 0.7,
  alias_learned: 0.7,
  date_window: 0.02,
  date_before_order: 0,
  blocked: 0,
};

/** Every signal is made here, with all slots (types.ts Signal), so that all have one shape. */
function make(
  kind: SignalKind,
  detail: string,
  weight: number,
  form: SignalForm | undefined,
  text?: string,
  number?: string,
  a?: number,
  b?: number,
  c?: number,
): Signal {
  return { kind, detail, weight, form, text, number, a, b, c, order: undefined };
}

/** A signal without facts beyond its kind (or a placeholder whose detail is written later). */
export function signal(kind: SignalKind, detail: string, weight = WEIGHTS[kind]): Signal {
  return make(kind, detail, weight, undefined);
}

/*
 * The signals with facts: each writes its English detail (unchanged, public) and keeps what it was written from in
 * the slots (types.ts Signal), so the shells can word it in the user's language (#shared/signal-texts.ts).
 */

/** "payer X", "payer X is the customer's company", or "payer X: the customer holds the account". */
export function payerNameSignal(
  kind: 'name_exact' | 'name_partial' | 'company',
  name: string,
  holder: boolean,
): Signal {
  if (holder)
    return make(kind, `payer ${name}: the customer holds the account`, WEIGHTS[kind], 'payer_holder', name);
  return kind === 'company'
    ? make(kind, `payer ${name} is the customer's company`, WEIGHTS[kind], 'payer_company', name)
    : make(kind, `payer ${name}`, WEIGHTS[kind], 'payer', name);
}

export function learnedIbanSignal(iban: string): Signal {
  const kind = 'iban_learned';
  return make(kind, `IBAN ${iban} paid for this customer before`, WEIGHTS[kind], kind, iban);
}

export function learnedAliasSignal(alias: string): Signal {
  const kind = 'alias_learned';
  return make(kind, `payer name ${alias} confirmed for this customer before`, WEIGHTS[kind], kind, alias);
}

export function referenceSignal(reference: string): Signal {
  return make('reference', `payment reference ${reference}`, WEIGHTS.reference, 'reference', reference);
}

/** An RF creditor reference whose body is our reference (`creditor_reference`) or an order's or invoice's number. */
export function creditorReferenceSignal(kind: SignalKind, body: string): Signal {
  return make(kind, `RF creditor reference with ${body}`, WEIGHTS[kind], 'creditor_reference', body);
}

const KEYWORD = ' after an order keyword';

/** The number of a hit as written, after an order keyword or not. */
export function numberSignal(kind: SignalKind, hit: HitOf, keyword: boolean, weight = WEIGHTS[kind]): Signal {
  const number = writtenOf(hit);
  const detail = `${numberLabel(hit)}${keyword ? KEYWORD : ''}`;
  return make(kind, detail, weight, 'number', undefined, number, +(hit.field !== 'number'), +keyword);
}

/** The number of a hit in an abbreviated list ("10023/24": `keys` are the numbers it stands for). */
export function numberListSignal(hit: HitOf, keys: readonly string[], keyword: boolean): Signal {
  const number = writtenOf(hit);
  const list = keys.join(', ');
  const detail = `${numberLabel(hit)} in the list ${list}${keyword ? KEYWORD : ''}`;
  return make(
    'number',
    detail,
    WEIGHTS.number,
    'number_list',
    list,
    number,
    +(hit.field !== 'number'),
    +keyword,
  );
}

/** The number of a hit, written otherwise (`written`: its digits without its letters, or without its padding). */
export function writtenAsSignal(
  kind: SignalKind,
  hit: HitOf,
  written: string,
  keyword: boolean,
  weight = WEIGHTS[kind],
): Signal {
  const number = writtenOf(hit);
  const detail = `${numberLabel(hit)} written as ${written}${keyword ? KEYWORD : ''}`;
  return make(kind, detail, weight, 'number_written', written, number, +(hit.field !== 'number'), +keyword);
}

/** `written` is one typo away from the hit's number. */
export function typoSignal(written: string, hit: HitOf): Signal {
  const number = writtenOf(hit);
  const detail = `${written} is one typo away from ${numberLabel(hit)}`;
  return make(
    'number_typo',
    detail,
    WEIGHTS.number_typo,
    'number_typo',
    written,
    number,
    +(hit.field !== 'number'),
  );
}

/** The booking day against the order day: `age` days after it (date_window), or more than two before it. */
export function dateSignalOfAge(age: number): Signal {
  return age < -2
    ? make(
        'date_before_order',
        `posting ${-age} days before the order`,
        WEIGHTS.date_before_order,
        'date_before_order',
        undefined,
        undefined,
        -age,
      )
    : make(
        'date_window',
        `order ${age} days before the posting`,
        WEIGHTS.date_window,
        'date_window',
        undefined,
        undefined,
        age,
      );
}

export function amountExactSignal(openMinor: number): Signal {
  const kind = 'amount_exact';
  return make(
    kind,
    `amount equals the open ${openMinor}`,
    WEIGHTS[kind],
    kind,
    undefined,
    undefined,
    openMinor,
  );
}

/** Paid `diffMinor` more (negative: less) than open, within `toleranceMinor`. */
export function amountWithinToleranceSignal(diffMinor: number, toleranceMinor: number): Signal {
  const kind = 'amount_within_tolerance';
  const detail = `amount ${diffMinor < 0 ? 'short' : 'over'} by ${Math.abs(diffMinor)} (tolerance ${toleranceMinor})`;
  return make(kind, detail, WEIGHTS[kind], kind, undefined, undefined, diffMinor, toleranceMinor);
}

export function amountPartialSignal(paidMinor: number, openMinor: number): Signal {
  const kind = 'amount_partial';
  const detail = `pays ${paidMinor} of the open ${openMinor}`;
  return make(kind, detail, WEIGHTS[kind], kind, undefined, undefined, paidMinor, openMinor);
}

export function amountOverSignal(diffMinor: number, openMinor: number): Signal {
  const kind = 'amount_over';
  const detail = `pays ${diffMinor} more than the open ${openMinor}`;
  return make(kind, detail, WEIGHTS[kind], kind, undefined, undefined, diffMinor, openMinor);
}

/** A combination's identity or payer evidence: the weakest of its orders'. */
export function combinedWeakestSignal(kind: SignalKind, orderCount: number, weight: number): Signal {
  const detail = `weakest evidence among ${orderCount} orders`;
  return make(kind, detail, weight, 'combined_weakest', undefined, undefined, orderCount);
}

/** A combination's amount: the sum of its orders' open amounts, and what the payment differs from it. */
export function combinedSumSignal(orderCount: number, sumMinor: number, diffMinor: number): Signal {
  const kind = diffMinor === 0 ? 'amount_sum' : 'amount_within_tolerance';
  const detail = `sum of ${orderCount} open amounts ${sumMinor}${diffMinor ? `, difference ${diffMinor}` : ''}`;
  return make(
    kind,
    detail,
    WEIGHTS[kind],
    'combined_sum',
    undefined,
    undefined,
    orderCount,
    sumMinor,
    diffMinor,
  );
}

/** How a return found the payment it sends back (the `c` slot of a `return` signal holds the index). */
export const RETURN_VIA = ['end_to_end', 'text', 'iban', 'other_id'] as const;
export type ReturnVia = (typeof RETURN_VIA)[number];

/** A return of posting `postingId`, found `via` (`found`: the end-to-end id or IBAN it was found by). */
export function returnSignal(
  postingId: number,
  why: string,
  via: ReturnVia,
  found: string | undefined,
): Signal {
  const detail = `return of posting ${postingId}: ${why}`;
  return make(
    'reference',
    detail,
    0.99,
    'return',
    found,
    undefined,
    postingId,
    undefined,
    RETURN_VIA.indexOf(via),
  );
}

export function score(signals: readonly Signal[]): number {
  let miss = 1;
  for (let i = 0; i < signals.length; i++) {
    const s = signals[i] as Signal;
    miss *= 1 - (s.weight ?? WEIGHTS[s.kind]);
  }
  // Three decimals: scores are compared with thresholds and stored; no float noise in the ranking.
  return Math.round((1 - miss) * 1000) / 1000;
}

export const IDENTITY_KINDS: ReadonlySet<SignalKind> = new Set([
  'reference',
  'creditor_reference',
  'reference_typo',
  'number',
  'invoice_number',
  'number_core',
  'number_joined',
  'number_typo',
]);
/** Payer evidence that agrees with an order (a partial name does not): the payer's own orders. */
export const AGREEING_PAYER_KINDS: ReadonlySet<SignalKind> = new Set([
  'name_exact',
  'company',
  'iban_learned',
  'alias_learned',
]);
/**
 * Is one of the signals payer evidence that agrees with the order (AGREEING_PAYER_KINDS)? With `weighted`, only one
 * that carries weight counts (a combined candidate's per-order copies have weight 0).
 */
export function agreesAsPayer(signals: readonly Signal[], weighted = false): boolean {
  // Indexed: asked of every ranked candidate, several times (an array iterator per call adds up).
  for (let i = 0; i < signals.length; i++) {
    const s = signals[i] as Signal;
    if (AGREEING_PAYER_KINDS.has(s.kind) && (!weighted || (s.weight ?? 0) > 0)) return true;
  }
  return false;
}

export const PAYER_KINDS: ReadonlySet<SignalKind> = new Set([
  'name_exact',
  'name_partial',
  'company',
  'iban_learned',
  'alias_learned',
]);
