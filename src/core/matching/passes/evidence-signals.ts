/**
 * Adding evidence to a posting's Evidence: one signal per kind and order (the first found wins), and the orders
 * reached by a typo. Shared by the reference/number and the payer evidence.
 */
import { appended } from '../lists.ts';
import type { Signal } from '../types.ts';
import type { Evidence } from './evidence.ts';
import type { SignalMap } from './signal-map.ts';

/**
 * Adds `s` to the order's signals. `alone`, when given, is a list of just `s` that several orders may share (the
 * lists are never changed in place: a new signal makes a new list), used where one signal is said of many orders.
 */
export function add(map: SignalMap, orderId: number, s: Signal, alone?: Signal[]): void {
  const list = map.get(orderId);
  if (!list) {
    map.set(orderId, alone ?? [s]);
    return;
  }
  for (const x of list) if (x.kind === s.kind) return;
  // A new list of exactly the new length instead of push (lists.ts appended): the evidence of a posting waiting for
  // later passes keeps its lists for the whole run. (The lists are read only; the cast is SignalMap's type.)
  map.set(orderId, appended(list, s) as Signal[]);
}

export function addTypo(out: Evidence, orderId: number): void {
  (out.typoOrders ??= new Set()).add(orderId);
}
