/**
 * The hard rule typo_neighbour_fits_amount (single.ts): the written number names an order only within the fee
 * tolerance, while an order one typo away has exactly the posting's amount — the written number may itself be
 * the typo.
 */
import type { NumberHit, OrderIndex } from '../order-index.ts';
import { numberCore } from '../number-keys.ts';
import type { Evidence } from './evidence.ts';
import { digitVariants } from './typo-evidence.ts';

/** digitVariants' scratch list for typoNeighbourFits (not re-entered). */
const VARIANTS: number[] = [];

/**
 * An open order one typo away from `number` whose open amount is exactly the posting's: the one-digit and
 * adjacent-swap variants of the number's digits are looked up in the number index (a few dozen map lookups;
 * scanning the orders of an amount is linear in a big shop).
 */
export function typoNeighbourFits(ev: Evidence, orderId: number, number: string, index: OrderIndex): boolean {
  const core = numberCore(number);
  if (core.length < 4 || core.length > 8) return false;
  const paid = ev.openMinor;
  // Variants without a leading zero have the core's 4–8 digits: byKey/byCore by numeric value.
  for (const v of digitVariants(core, VARIANTS))
    if (
      index.mayBeDigitKey(v) &&
      (neighbourFits(index.byDigitKey.get(v), orderId, paid, number) ||
        neighbourFits(index.byDigitCore.get(v), orderId, paid, number))
    )
      return true;
  // The variants with a leading zero ("0234" for "1234", "0134" for "1034") are looked up as written.
  const zeroFirst = [`0${core.slice(1)}`];
  if (core[1] === '0') zeroFirst.push(`0${core[0] ?? ''}${core.slice(2)}`);
  return zeroFirst.some(
    (v) =>
      neighbourFits(index.byKey.get(v), orderId, paid, number) ||
      neighbourFits(index.byCore.get(v), orderId, paid, number),
  );
}

/** Is one of the hits another open order with exactly `paid` open, one typo away from `number`? */
function neighbourFits(
  hits: readonly NumberHit[] | undefined,
  orderId: number,
  paid: number,
  number: string,
): boolean {
  if (hits)
    for (const hit of hits)
      if (
        hit.field === 'number' &&
        hit.entry.id !== orderId &&
        hit.entry.open === paid &&
        oneTypoApart(hit.entry.order.number, number)
      )
        return true;
  return false;
}

/** Same length, and one digit different or two adjacent digits swapped (only the digits are compared). */
function oneTypoApart(a: string | undefined, b: string | undefined): boolean {
  const x = (a ?? '').replace(/\D/g, '');
  const y = (b ?? '').replace(/\D/g, '');
  if (x.length < 4 || x.length !== y.length || x === y) return false;
  const diff: number[] = [];
  for (let i = 0; i < x.length && diff.length <= 2; i++) if (x[i] !== y[i]) diff.push(i);
  if (diff.length === 1) return true;
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && x[i] === y[j] && x[j] === y[i];
}
