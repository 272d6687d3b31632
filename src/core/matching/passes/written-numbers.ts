/**
 * How the number evidence writes a hit: the number as the shop writes it, and "order number …" / "invoice number …" in
 * a signal's detail; and the shapes of written numbers both the number and the typo evidence ask about.
 */
import { isDigitAt } from '../number-keys.ts';
import type { NumberHit } from '../order-index.ts';
import type { MatchOrder } from '../types.ts';

/** What the number helpers read of a hit (typo lookups pass their own). */
export type HitOf = { entry: { order: MatchOrder }; field: NumberHit['field'] };

/** The number a hit was found by, as the shop writes it (its order number, or its invoice number). */
export function writtenOf(hit: HitOf): string {
  return hit.field === 'number' ? hit.entry.order.number : (hit.entry.order.invoiceNumber ?? '');
}

/** "order number WC-10023" / "invoice number RE-2026-0042": a signal's detail names the number it rests on. */
export function numberLabel(hit: HitOf): string {
  return `${hit.field === 'number' ? 'order' : 'invoice'} number ${writtenOf(hit)}`;
}

/** Is the text digits only (and not empty)? */
export function allDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isDigitAt(text, i)) return false;
  return true;
}

/** A four-digit year of 1900–2099 and nothing else (a module constant: a literal is a new object per evaluation). */
export const BARE_YEAR = /^(?:19|20)\d{2}$/;
