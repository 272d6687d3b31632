/**
 * Whether a pass can assign a posting at all, from its evidence alone: the matcher asks before it ranks, and most
 * postings that wait through a pass would only be ranked to no effect. Each gate is a necessary condition of what
 * tryAuto and single.ts require of an automatic candidate, so skipping the ranking changes no decision.
 */
import type { OrderIndex } from './order-index.ts';
import { agreesAsPayer } from './scoring.ts';
import type { Evidence } from './passes/evidence.ts';
import { passOf, type SettingsFor } from './passes/single.ts';
import { toleranceFor } from './settings.ts';
import type { PassName } from './types.ts';

/**
 * Can tryAuto assign the posting in this pass before its payer evidence is added? Only to a single order of the
 * pass's tier whose open amount the posting pays exactly, and for a number only when a payer signal on that order
 * agrees (the conditions tryAuto checks on the best candidate). Without such an order the ranking would be wasted
 * work: the posting gets its payer evidence and is ranked then.
 */
export function mayDecideWithoutPayer(ev: Evidence, pass: PassName, index: OrderIndex): boolean {
  const all = ev.signals;
  for (let i = 0; i < all.size; i++) {
    const id = all.idAt(i);
    if (index.openMinor(id) !== ev.openMinor) continue;
    const signals = all.signalsAt(i);
    if (passOf(signals) !== pass) continue;
    if (pass === 'reference') return true;
    if (agreesAsPayer(signals, true)) return true;
  }
  return false;
}

/**
 * Can the payer pass assign the posting at all? Only to an order reached by the payer whose payer evidence agrees
 * and whose open amount the posting pays within the tolerance: any other payer candidate carries a blocker
 * (single.ts payer_name_partial, payer_amount_differs), so ranking would be wasted work. The same for an order other
 * than one the text writes under another label (ranking.ts masked_number_names_other_order).
 */
export function mayDecideByPayer(ev: Evidence, index: OrderIndex, settingsFor: SettingsFor): boolean {
  const labelNamed = ev.labelNamed;
  // A payer candidate is one order: it covers every order written under another label only when that is one.
  if (labelNamed && labelNamed.size > 1) return false;
  const all = ev.signals;
  for (let i = 0; i < all.size; i++) {
    const id = all.idAt(i);
    const signals = all.signalsAt(i);
    if (passOf(signals) !== 'payer') continue;
    if (!agreesAsPayer(signals)) continue;
    if (labelNamed && !labelNamed.has(id)) continue;
    const entry = index.byId.get(id);
    if (!entry) continue;
    if (Math.abs(ev.openMinor - entry.open) <= toleranceFor(settingsFor.of(entry.order), entry.open))
      return true;
  }
  return false;
}
