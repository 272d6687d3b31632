/**
 * Signal weights and the score. Each signal is independent evidence with a weight in [0, 1); the score is the
 * noisy-or `1 − Π(1 − w)`, so two medium signals (number + amount) beat one and no signal reaches 1 alone
 * except our own reference. Scores rank candidates and feed the auto threshold; hard rules (blockers) are
 * separate and no score overrides them.
 */
import type { Signal, SignalKind } from './types.ts';

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

export function signal(kind: SignalKind, detail: string, weight = WEIGHTS[kind]): Signal {
  return { kind, detail, weight };
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
