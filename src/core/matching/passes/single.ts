/**
 * One posting -> one order candidates, scored against the order's current open amount, with the hard rules
 * (blockers) of issue 5 §3 that no score overrides.
 */
import { isAwaitingPayment } from '../../orders/state-machine.ts';
import type { OrderIndex } from '../order-index.ts';
import { IDENTITY_KINDS, PAYER_KINDS, score, signal } from '../scoring.ts';
import { type MatchSettings, toleranceFor } from '../settings.ts';
import type { Candidate, MatchOrder, PassName, Signal } from '../types.ts';
import type { Evidence } from './evidence.ts';

export type SettingsFor = (order: MatchOrder) => MatchSettings;

export function cachedPass(ev: Evidence, orderId: number, signals: readonly Signal[]): PassName {
  let pass = ev.passes?.get(orderId);
  if (pass === undefined) {
    pass = passOf(signals);
    (ev.passes ??= new Map()).set(orderId, pass);
  }
  return pass;
}

/** The strongest evidence tier among the signals (one scan, no intermediate set: called per order and pass). */
export function passOf(signals: readonly Signal[]): PassName {
  let best = 0;
  for (const s of signals) {
    const k = s.kind;
    if (k === 'reference' || k === 'creditor_reference') return 'reference';
    if (k === 'number' || k === 'invoice_number' || k === 'number_core' || k === 'number_joined') best = Math.max(best, 3);
    else if (k === 'number_typo' || k === 'reference_typo') best = Math.max(best, 2);
    else if (PAYER_KINDS.has(k)) best = Math.max(best, 1);
  }
  return best === 3 ? 'number' : best === 2 ? 'typo' : best === 1 ? 'payer' : 'amount';
}

/** Amount signal, flags and the accepted shortfall of a posting amount against an open amount. */
export function amountSignal(
  paidMinor: number,
  openMinor: number,
  tolerance: number,
): { signal: Signal; flags: Candidate['flags']; shortfallMinor: number; over: boolean; partial: boolean } {
  const diff = paidMinor - openMinor;
  if (diff === 0) return { signal: signal('amount_exact', `amount equals the open ${openMinor}`), flags: [], shortfallMinor: 0, over: false, partial: false };
  if (Math.abs(diff) <= tolerance) {
    return {
      signal: signal('amount_within_tolerance', `amount ${diff < 0 ? 'short' : 'over'} by ${Math.abs(diff)} (tolerance ${tolerance})`),
      flags: diff < 0 ? ['fees_deducted'] : ['overpaid'],
      shortfallMinor: diff < 0 ? -diff : 0,
      over: false,
      partial: false,
    };
  }
  if (diff < 0) return { signal: signal('amount_partial', `pays ${paidMinor} of the open ${openMinor}`), flags: ['partial'], shortfallMinor: 0, over: false, partial: true };
  return { signal: signal('amount_over', `pays ${diff} more than the open ${openMinor}`), flags: ['overpaid'], shortfallMinor: 0, over: true, partial: false };
}

function dateSignal(ev: Evidence, created: number | undefined, settings: MatchSettings, blockers: string[], pass: PassName): Signal | undefined {
  if (ev.day === undefined || created === undefined) return undefined;
  const age = ev.day - created;
  if (age < -2) {
    blockers.push('payment_before_order');
    return signal('date_before_order', `posting ${-age} days before the order`);
  }
  if (age > settings.dateWindowDays) {
    if (pass === 'payer' || pass === 'amount') blockers.push('outside_date_window');
    return undefined;
  }
  return signal('date_window', `order ${age} days before the posting`);
}

const PAYER_AGREES = new Set(['name_exact', 'company', 'iban_learned', 'alias_learned']);

function typoFits(ev: Evidence, orderId: number, index: OrderIndex, settingsFor: SettingsFor): boolean {
  const entry = index.byId.get(orderId);
  if (!entry) return false;
  const open = index.openMinor(orderId);
  if (open > 0 && Math.abs(ev.openMinor - open) <= toleranceFor(settingsFor(entry.order), open)) return true;
  return (ev.signals.get(orderId) ?? []).some((s) => PAYER_AGREES.has(s.kind));
}

/** How many of the orders one typo away fit (this one counts); stops at 2, all the caller needs to know. */
function typosFitting(ev: Evidence, orderId: number, index: OrderIndex, settingsFor: SettingsFor): number {
  let n = 0;
  for (const id of ev.typoOrders ?? []) if ((id === orderId || typoFits(ev, id, index, settingsFor)) && ++n > 1) break;
  return n;
}

export function singleCandidate(ev: Evidence, orderId: number, index: OrderIndex, settingsFor: SettingsFor): Candidate | undefined {
  const entry = index.byId.get(orderId);
  if (!entry) return undefined;
  const order = entry.order;
  const settings = settingsFor(order);
  const base = ev.signals.get(orderId) ?? [];
  const signals: Signal[] = base.slice();
  const blockers: string[] = [];
  const open = index.openMinor(orderId);
  const pass = cachedPass(ev, orderId, base);
  const paid = ev.openMinor;

  if (order.currency !== ev.posting.currency) blockers.push('currency_mismatch');
  if (!isAwaitingPayment(order.status)) blockers.push(`order_${order.status}`);
  if (ev.posting.bookingStatus === 'pending') blockers.push('posting_not_booked');
  if (open <= 0) blockers.push('order_already_paid');
  const amount = amountSignal(paid, open, toleranceFor(settings, open));
  signals.push(amount.signal);
  const date = dateSignal(ev, entry.day, settings, blockers, pass);
  if (date) signals.push(date);

  let payerAgrees = false;
  let strongNumber = false;
  for (const s of base) {
    if (PAYER_AGREES.has(s.kind)) payerAgrees = true;
    if (s.kind === 'number' || s.kind === 'invoice_number') strongNumber = true;
  }
  const amountAgrees = !amount.partial && !amount.over;
  // Overpayment beyond tolerance: only our reference identifies the order with certainty (flagged overpaid).
  if (amount.over && pass !== 'reference') blockers.push('amount_exceeds_tolerance');
  if (amount.partial && pass !== 'reference' && !(pass === 'number' && payerAgrees)) blockers.push('partial_needs_confirmation');
  if (pass === 'typo') {
    // "Exactly one open order fits": among the orders one typo away, only one may agree in amount or payer.
    if (!amountAgrees && !payerAgrees) blockers.push('typo_unconfirmed');
    else if (typosFitting(ev, orderId, index, settingsFor) > 1) blockers.push('typo_ambiguous');
  }
  if (pass === 'number' && !strongNumber) {
    // Weak number forms (core of three digits, joined tokens) need the amount to agree.
    const coreOnly = base.filter((s) => s.kind === 'number_core' || s.kind === 'number_joined');
    if (coreOnly.every((s) => (s.weight ?? 0) < 0.6) && !payerAgrees) blockers.push('short_number');
  }
  if (pass === 'payer') {
    if (!payerAgrees) blockers.push('payer_name_partial');
    if (!amountAgrees) blockers.push('payer_amount_differs');
  }
  if (pass === 'amount') blockers.push('amount_only');

  return {
    orderIds: [orderId],
    allocations: [{ orderId, amountMinor: paid }],
    amountMinor: paid,
    // Paying more than the order is open for usually means the payment is for something else (or more):
    // such a candidate ranks below explanations that fit, e.g. the combined payment it is part of.
    score: amount.over && pass !== 'reference' ? Math.round(score(signals) * 800) / 1000 : score(signals),
    signals,
    pass,
    blockers,
    shortfallMinor: amount.shortfallMinor,
    flags: amount.flags,
  };
}

/** True when a candidate rests on a reference or number (not only on payer and amount). */
export function hasIdentity(c: Candidate): boolean {
  return c.signals.some((s) => IDENTITY_KINDS.has(s.kind));
}
