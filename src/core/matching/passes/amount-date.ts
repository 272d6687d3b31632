/**
 * The amount and date signals of a single-order candidate (single.ts): how the posting's amount fits the order's
 * open amount (exact, within the fee tolerance, partial, over) and how its booking day relates to the order day.
 */
import {
  amountExactSignal,
  amountOverSignal,
  amountPartialSignal,
  amountWithinToleranceSignal,
  dateSignalOfAge,
  signal,
} from '../scoring.ts';
import type { MatchSettings } from '../settings.ts';
import type { Candidate, PassName, Signal } from '../types.ts';
import type { Evidence } from './evidence.ts';

// Flags and date signals are immutable and the same for many candidates: shared (frozen, so a consumer that
// tried to change one would fail loudly) instead of one new array or object per candidate, which a big run's
// 100 000 retained decisions would keep alive for the garbage collector to copy.
const sharedFlags = (flags: Candidate['flags']) => Object.freeze(flags) as Candidate['flags'];
const NO_FLAGS = sharedFlags([]);
const FEES_DEDUCTED = sharedFlags(['fees_deducted']);
const OVERPAID = sharedFlags(['overpaid']);
const PARTIAL = sharedFlags(['partial']);

const dateSignals = new Map<number, Signal>();
/** The date signal of an age in days (bounded cache: ages beyond a few years are built each time). */
function dateSignalOf(age: number): Signal {
  let s = dateSignals.get(age);
  if (!s) {
    s = dateSignalOfAge(age);
    if (Math.abs(age) <= 2000) dateSignals.set(age, Object.freeze(s));
  }
  return s;
}

/** Amount signal, flags and the accepted shortfall of a posting amount against an open amount. */
type AmountFit = {
  signal: Signal;
  flags: Candidate['flags'];
  shortfallMinor: number;
  over: boolean;
  partial: boolean;
};

/**
 * The result of amountFit, written into one module-level object (singleCandidate reads it at once and does not
 * re-enter): one allocation fewer per ranked candidate.
 */
const FIT: AmountFit = {
  signal: { kind: 'amount_exact', detail: '', weight: 0 },
  flags: NO_FLAGS,
  shortfallMinor: 0,
  over: false,
  partial: false,
};

function setFit(
  signal: Signal,
  flags: Candidate['flags'],
  shortfallMinor: number,
  over: boolean,
  partial: boolean,
): AmountFit {
  FIT.signal = signal;
  FIT.flags = flags;
  FIT.shortfallMinor = shortfallMinor;
  FIT.over = over;
  FIT.partial = partial;
  return FIT;
}

/*
 * The amount signals that are not exact, without their detail: the kind and weight are all that ranking and the
 * rules read. A ranking of the automatic passes compares a dozen candidates of a common payer name to keep one,
 * and most of them do not pay their order exactly; writing out "pays 4990 of the open 12990" for each (two numbers
 * turned into text, a string and a signal object) was a tenth of what the matcher allocated. The candidates kept
 * get the real signal (single.ts materialise, with amountSignal).
 */
const UNWRITTEN = {
  amount_within_tolerance: Object.freeze(signal('amount_within_tolerance', '')),
  amount_partial: Object.freeze(signal('amount_partial', '')),
  amount_over: Object.freeze(signal('amount_over', '')),
} as const;

/** Is `s` an amount signal whose detail amountFit left unwritten (see UNWRITTEN)? */
export function unwritten(s: Signal): boolean {
  return (
    s === UNWRITTEN.amount_within_tolerance || s === UNWRITTEN.amount_partial || s === UNWRITTEN.amount_over
  );
}

export function amountFit(
  paidMinor: number,
  openMinor: number,
  tolerance: number,
  exactSignals: Map<number, Signal>,
  /** Leave the detail of a signal that is not exact unwritten (see UNWRITTEN). */
  lazy = false,
): AmountFit {
  const diff = paidMinor - openMinor;
  if (diff === 0) {
    let exact = exactSignals.get(openMinor);
    if (!exact) {
      exact = Object.freeze(amountExactSignal(openMinor));
      exactSignals.set(openMinor, exact);
    }
    return setFit(exact, NO_FLAGS, 0, false, false);
  }
  if (Math.abs(diff) <= tolerance)
    return setFit(
      lazy ? UNWRITTEN.amount_within_tolerance : amountWithinToleranceSignal(diff, tolerance),
      diff < 0 ? FEES_DEDUCTED : OVERPAID,
      diff < 0 ? -diff : 0,
      false,
      false,
    );
  if (diff < 0)
    return setFit(
      lazy ? UNWRITTEN.amount_partial : amountPartialSignal(paidMinor, openMinor),
      PARTIAL,
      0,
      false,
      true,
    );
  return setFit(lazy ? UNWRITTEN.amount_over : amountOverSignal(diff, openMinor), OVERPAID, 0, true, false);
}

export function dateSignal(
  ev: Evidence,
  created: number | undefined,
  settings: MatchSettings,
  blockers: string[],
  pass: PassName,
): Signal | undefined {
  if (ev.day === undefined || created === undefined) return undefined;
  const age = ev.day - created;
  if (age < -2) {
    blockers.push('payment_before_order');
    return dateSignalOf(age);
  }
  if (age > settings.dateWindowDays) {
    if (pass === 'payer' || pass === 'amount') blockers.push('outside_date_window');
    return undefined;
  }
  return dateSignalOf(age);
}
