/**
 * Adding evidence to a posting's Evidence: one signal per kind and order (the first found wins), and the orders
 * reached by a typo. Shared by the reference/number and the payer evidence.
 */
import type { Signal } from '../types.ts';
import type { Evidence } from './evidence.ts';

export function add(map: Map<number, Signal[]>, orderId: number, s: Signal): void {
  const list = map.get(orderId);
  if (!list) map.set(orderId, [s]);
  else if (!list.some((x) => x.kind === s.kind)) list.push(s);
}

export function addTypo(out: Evidence, orderId: number): void {
  (out.typoOrders ??= new Set()).add(orderId);
}
