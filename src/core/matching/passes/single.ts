/**
 * One posting -> one order candidates, scored against the order's current open amount, with the hard rules
 * (blockers) of issue 5 §3 that no score overrides.
 */
import { daysBetween } from '../../dates.ts';
import { isAwaitingPayment } from '../../orders/state-machine.ts';
import type { OrderIndex } from '../order-index.ts';
import { IDENTITY_KINDS, PAYER_KINDS, score, signal } from '../scoring.ts';
import { type MatchSettings, toleranceFor } from '../settings.ts';
import type { Candidate, MatchOrder, PassName, Signal } from '../types.ts';
import type { Evidence } from './evidence.ts';

export type SettingsFor = (order: MatchOrder) => MatchSettings;

export function passOf(signals: readonly Signal[]): PassName {
  const kinds = new Set(signals.map((s) => s.kind));
  if (kinds.has('reference') || kinds.has('creditor_reference')) return 'reference';
  if (kinds.has('number') || kinds.has('invoice_number') || kinds.has('number_core') || kinds.has('number_joined')) return 'number';
  if (kinds.has('number_typo') || kinds.has('reference_typo')) return 'typo';
  if ([...kinds].some((k) => PAYER_KINDS.has(k))) return 'payer';
  return 'amount';
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

function dateSignals(ev: Evidence, order: MatchOrder, settings: MatchSettings, blockers: string[], pass: PassName): Signal[] {
  const day = ev.posting.bookingDate;
  if (!day) return [];
  const age = daysBetween(order.createdAt.slice(0, 10), day);
  if (age < -2) {
    blockers.push('payment_before_order');
    return [signal('date_before_order', `posting ${-age} days before the order`)];
  }
  if (age > settings.dateWindowDays) {
    if (pass === 'payer' || pass === 'amount') blockers.push('outside_date_window');
    return [];
  }
  return [signal('date_window', `order ${age} days before the posting`)];
}

export function singleCandidate(ev: Evidence, orderId: number, index: OrderIndex, settingsFor: SettingsFor): Candidate | undefined {
  const entry = index.byId.get(orderId);
  if (!entry) return undefined;
  const order = entry.order;
  const settings = settingsFor(order);
  const base = ev.signals.get(orderId) ?? [];
  const signals: Signal[] = [...base];
  const blockers: string[] = [];
  const open = index.openMinor(orderId);
  const pass = passOf(base);
  const paid = ev.openMinor;

  if (order.currency !== ev.posting.currency) blockers.push('currency_mismatch');
  if (!isAwaitingPayment(order.status)) blockers.push(`order_${order.status}`);
  if (ev.posting.bookingStatus === 'pending') blockers.push('posting_not_booked');
  if (open <= 0) blockers.push('order_already_paid');
  const amount = amountSignal(paid, open, toleranceFor(settings, open));
  signals.push(amount.signal);
  signals.push(...dateSignals(ev, order, settings, blockers, pass));

  const kinds = new Set(base.map((s) => s.kind));
  const payerAgrees = kinds.has('name_exact') || kinds.has('company') || kinds.has('iban_learned') || kinds.has('alias_learned');
  const amountAgrees = !amount.partial && !amount.over;
  // Overpayment beyond tolerance: only our reference identifies the order with certainty (flagged overpaid).
  if (amount.over && pass !== 'reference') blockers.push('amount_exceeds_tolerance');
  if (amount.partial && pass !== 'reference' && !(pass === 'number' && payerAgrees)) blockers.push('partial_needs_confirmation');
  if (pass === 'typo') {
    if (ev.typoOrders.size !== 1) blockers.push('typo_ambiguous');
    if (!amountAgrees && !payerAgrees) blockers.push('typo_unconfirmed');
  }
  if (pass === 'number' && !kinds.has('number') && !kinds.has('invoice_number')) {
    // Weak number forms (core of three digits, joined tokens) need the amount to agree.
    const coreOnly = base.filter((s) => s.kind === 'number_core' || s.kind === 'number_joined');
    if (coreOnly.every((s) => (s.weight ?? 0) < 0.6) && !payerAgrees) blockers.push('short_number');
  }
  if (pass === 'payer') {
    const strongPayer = kinds.has('name_exact') || kinds.has('company') || kinds.has('iban_learned') || kinds.has('alias_learned');
    if (!strongPayer) blockers.push('payer_name_partial');
    if (!amountAgrees) blockers.push('payer_amount_differs');
  }
  if (pass === 'amount') blockers.push('amount_only');

  return {
    orderIds: [orderId],
    allocations: [{ orderId, amountMinor: paid }],
    amountMinor: paid,
    score: score(signals),
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
