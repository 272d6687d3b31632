/**
 * One posting paying several orders (issue 5 §3): either several numbers/references listed whose open amounts
 * add up to the posting, or the payer's own open orders whose amounts add up to it. Subsets are searched with
 * a hard bound (pool size, subset size), so a customer with many open orders cannot blow up a run.
 */
import { isAwaitingPayment } from '../../orders/state-machine.ts';
import type { OrderIndex } from '../order-index.ts';
import {
  agreesAsPayer,
  combinedSumSignal,
  combinedWeakestSignal,
  IDENTITY_KINDS,
  score,
} from '../scoring.ts';
import { type MatchSettings, toleranceFor } from '../settings.ts';
import { sortSmall } from '../small-sort.ts';
import type { Candidate, Signal } from '../types.ts';
import { postingNature, textNamesOf, type Evidence } from './evidence.ts';
import { dateSignal } from './amount-date.ts';
import { debtorDiffers, namesOther, numberOnlyRules, passOf } from './single.ts';

/**
 * Subsets of 2…maxSize of `ids` (in their order) whose open amounts sum to `target` within `tol`; at most `limit`.
 * A recursive module function, not a closure made per call (see order-index.ts on closures under tsx).
 */
function subsetsSumming(
  ids: readonly number[],
  index: OrderIndex,
  target: number,
  tol: number,
  maxSize: number,
  limit: number,
): number[][] {
  const found: number[][] = [];
  walk({ ids, index, target, tol, maxSize, limit, found, pick: [] }, 0, 0);
  return found;
}

type Search = {
  ids: readonly number[];
  index: OrderIndex;
  target: number;
  tol: number;
  maxSize: number;
  limit: number;
  found: number[][];
  pick: number[];
};

function walk(s: Search, start: number, sum: number): void {
  const { ids, pick } = s;
  if (s.found.length >= s.limit) return;
  if (pick.length >= 2 && Math.abs(sum - s.target) <= s.tol) s.found.push([...pick]);
  if (pick.length === s.maxSize) return;
  for (let i = start; i < ids.length; i++) {
    const id = ids[i];
    if (id === undefined) continue;
    const next = sum + s.index.openMinor(id);
    if (next > s.target + s.tol) continue;
    pick.push(id);
    walk(s, i + 1, next);
    pick.pop();
  }
}

function combine(
  ev: Evidence,
  orderIds: number[],
  index: OrderIndex,
  viaPayer: boolean,
  settings: MatchSettings,
): Candidate {
  const signals: Signal[] = [];
  const blockers: string[] = [];
  const allocations = orderIds.map((orderId) => ({ orderId, amountMinor: index.openMinor(orderId) }));
  const sum = allocations.reduce((s, a) => s + a.amountMinor, 0);
  const diff = ev.openMinor - sum;
  // The difference (fees, rounding) goes to the last order, so the allocations add up to the posting.
  const last = allocations[allocations.length - 1];
  if (last) last.amountMinor += diff;
  let weakest = 1;
  let email: string | undefined;
  for (const id of orderIds) {
    const own = ev.signals.get(id) ?? [];
    const entry = index.byId.get(id);
    const order = entry?.order;
    if (!order || order.currency !== ev.posting.currency) blockers.push('currency_mismatch');
    if (order && !isAwaitingPayment(order.status)) blockers.push(`order_${order.status}`);
    // The date rules of a single order hold for each order of a combination: none placed after the payment,
    // and found by the payer alone none outside the date window.
    dateSignal(ev, entry?.day, settings, blockers, viaPayer ? 'payer' : 'number');
    // Found by the payer's name alone, the orders must be one customer's: two customers who share a common name
    // ("Thomas Müller", different e-mail addresses) are not one payer whose orders add up by chance.
    const mail = order?.email?.trim().toLowerCase();
    if (viaPayer && mail) {
      if (email !== undefined && mail !== email) blockers.push('orders_of_different_customers');
      email ??= mail;
    }
    if (!viaPayer) numberRules(ev, id, own, blockers);
    const best = own.filter((s) => (viaPayer ? !IDENTITY_KINDS.has(s.kind) : IDENTITY_KINDS.has(s.kind)));
    const w = Math.max(0, ...best.map((s) => s.weight ?? 0));
    weakest = Math.min(weakest, w);
    for (const s of best) {
      const of = order?.number ?? String(id);
      signals.push({ ...s, detail: `${of}: ${s.detail}`, weight: 0, order: of });
    }
  }
  if (ev.posting.bookingStatus === 'pending') blockers.push('posting_not_booked');
  // The payer's orders found by name, while the text names a paid order: see single.ts text_names_paid_order.
  if (viaPayer && ev.namesClosed !== undefined) blockers.push('text_names_paid_order');
  else if (viaPayer && ev.namesUnknown !== undefined) blockers.push('text_names_unknown_order');
  // See single.ts remittance_names_other_customer: the payer's orders add up, but the text names someone else ("fuer
  // Julia Weber" from Klaus Weber, whose two orders add up to Julia's): the father pays his daughter's order.
  if (viaPayer) {
    const textNames = textNamesOf(ev, index);
    if (
      textNames &&
      orderIds.some((id) => {
        const e = index.byId.get(id);
        return e !== undefined && namesOther(textNames, e);
      })
    )
      blockers.push('remittance_names_other_customer');
  }
  // See single.ts ultimate_debtor_differs: paid for somebody else than the customer of these orders.
  if (
    viaPayer &&
    orderIds.some((id) => {
      const e = index.byId.get(id);
      return e !== undefined && debtorDiffers(ev, index, e);
    })
  )
    blockers.push('ultimate_debtor_differs');
  // A provider's payout or a returned transfer (payment-nature.ts) pays no combination of orders either.
  const nature = postingNature(ev);
  blockers.push(...nature.all, ...nature.unlessReference);
  if (allocations.some((a) => a.amountMinor <= 0)) blockers.push('allocation_not_positive');
  signals.unshift(combinedWeakestSignal(viaPayer ? 'name_exact' : 'number', orderIds.length, weakest));
  signals.push(combinedSumSignal(orderIds.length, sum, diff));
  return {
    orderIds,
    allocations,
    amountMinor: ev.openMinor,
    score: score(signals),
    signals,
    pass: 'combined',
    blockers,
    shortfallMinor: diff < 0 ? -diff : 0,
    flags: diff < 0 ? ['fees_deducted'] : diff > 0 ? ['overpaid'] : [],
  };
}

/**
 * single.ts numberOnlyRules for each order of a combination named by its number without the payer's agreement:
 * listed together, the numbers are no better proof than each alone ("Bestellungen 10023 und 10024" repeating a
 * payment of another shop's paid 10023 and 10024; invoices RE-10023 RE-10024 counted apart from orders WC-10023 and
 * WC-10024; the numbers only in an identifier field).
 */
function numberRules(ev: Evidence, id: number, own: readonly Signal[], blockers: string[]): void {
  if (passOf(own) === 'number' && !agreesAsPayer(own)) numberOnlyRules(ev, id, blockers);
}

/**
 * Hard rule (as payer_points_elsewhere for one order, ranking.ts): a listed order the payer does not agree with has
 * exactly the open amount of one of the payer's own open orders that is not listed ("10023 und 10028" from Hans,
 * whose own 10026 costs what Eva's 10028 costs): the payer's own orders add up just as well, so the stranger's
 * number may be a typo of the payer's own.
 */
function ownOrderFitsInstead(ev: Evidence, ids: readonly number[], index: OrderIndex): boolean {
  const all = ev.signals;
  for (const id of ids) {
    if (agreesAsPayer(all.get(id) ?? [])) continue;
    const open = index.openMinor(id);
    for (let i = 0; i < all.size; i++) {
      const other = all.idAt(i);
      if (!ids.includes(other) && index.openMinor(other) === open && agreesAsPayer(all.signalsAt(i)))
        return true;
    }
  }
  return false;
}

/**
 * Hard rules for a combination with an order named only in an abbreviated list ("Bestellungen 10023/24" for 10023 and
 * 10024, "Best. 10023, 24 u. 25": number-candidates.ts): the list is read as one customer's consecutive orders only
 * when the combination holds an order of every number of the list (not "24" alone: a year, a quantity), pays them
 * exactly (no tolerance: the digits might mean something else, and an exact sum of just these orders is what tells),
 * and its orders are one customer's (one e-mail, else one name), or each the payer's own.
 */
function abbreviatedListRules(
  ev: Evidence,
  abbreviated: NonNullable<Evidence['abbreviated']>,
  c: Candidate,
  index: OrderIndex,
): void {
  const ids = c.orderIds;
  if (!ids.some((id) => abbreviated.orders.has(id))) return;
  if (c.shortfallMinor !== 0 || c.flags.length > 0) c.blockers.push('abbreviated_list_not_exact');
  for (const keys of abbreviated.lists)
    if (keys.some((key) => namedIn(index, key, ids)) && !keys.every((key) => namedIn(index, key, ids)))
      c.blockers.push('abbreviated_list_incomplete');
  // Either every order is the payer's own, or all are one customer's: the payer's own order next to a stranger's
  // is no list of one person's orders.
  let customer: string | undefined;
  let oneCustomer = true;
  let allThePayers = true;
  for (const id of ids) {
    const e = index.byId.get(id);
    if (!e) continue;
    if (!agreesAsPayer(ev.signals.get(id) ?? [])) allThePayers = false;
    const key = e.order.email?.trim().toLowerCase() || e.nameKey;
    if (customer !== undefined && key !== customer) oneCustomer = false;
    customer ??= key;
  }
  if (!allThePayers && !oneCustomer) c.blockers.push('abbreviated_list_other_customer');
}

/** Does an order of the combination have the number `key` (an order number as a whole)? */
function namedIn(index: OrderIndex, key: string, ids: readonly number[]): boolean {
  const hits = index.byKey.get(key);
  return hits !== undefined && hits.some((h) => h.field === 'number' && ids.includes(h.entry.order.id));
}

/** No combination (shared, frozen: most postings have none, and callers only read the list). */
const NONE = Object.freeze([]) as unknown as Candidate[];

export function combinedCandidates(ev: Evidence, index: OrderIndex, settings: MatchSettings): Candidate[] {
  // A combination needs two orders the posting points at (ranking asks this for every posting).
  if (ev.signals.size < 2) return NONE;
  if (!maySum(ev.signals, index, ev.openMinor, toleranceFor(settings, ev.openMinor))) return NONE;
  // Most postings with two orders in view have no two of one kind: the lists are made only for a second one.
  let identity: number[] | undefined;
  let payer: number[] | undefined;
  // The first order of each kind until a second one makes the list (any number is an id: no sentinel value).
  let firstIdentity: number | undefined;
  let firstPayer: number | undefined;
  const all = ev.signals;
  for (let i = 0; i < all.size; i++) {
    const id = all.idAt(i);
    const entry = index.byId.get(id);
    if (!entry || entry.open <= 0 || entry.currency !== ev.currency) continue;
    const signals = all.signalsAt(i);
    const pass = passOf(signals);
    if (pass === 'reference' || pass === 'number') {
      if (identity) identity.push(id);
      else if (firstIdentity === undefined) firstIdentity = id;
      else identity = [firstIdentity, id];
    } else if (agreesAsPayer(signals)) {
      if (payer) payer.push(id);
      else if (firstPayer === undefined) firstPayer = id;
      else payer = [firstPayer, id];
    }
  }
  if (!identity && !payer) return NONE;
  return combinationsOf(ev, index, settings, identity ?? [], payer ?? []);
}

/**
 * Can two or more of the orders' open amounts (those above zero) add up to `target` within `tol`? False when all of
 * them together fall short, or the two smallest already exceed it: then no subset of them (nor of a pool drawn
 * from them) does, and nothing need be sorted or searched. Reads the open amounts only, not the orders' entries.
 * Most postings with several orders in view are ruled out here: first with all their orders and the widest
 * tolerance any combination may have, then the payer's own orders, whose sums must be exact.
 */
function maySum(ids: OrderIds, index: OrderIndex, target: number, tol: number): boolean {
  let sum = 0;
  let min1 = Infinity;
  let min2 = Infinity;
  for (let i = 0; i < ids.size; i++) {
    const open = index.openMinor(ids.idAt(i));
    if (open <= 0) continue;
    sum += open;
    if (open < min1) {
      min2 = min1;
      min1 = open;
    } else if (open < min2) min2 = open;
  }
  return sum >= target - tol && min1 + min2 <= target + tol;
}

/**
 * Order ids read in place: a posting's SignalMap (maySum runs on every ranking of a posting with two orders or more,
 * so its ids are not copied), or a list.
 */
type OrderIds = { readonly size: number; idAt(i: number): number };
const listOf = (ids: readonly number[]): OrderIds => ({
  size: ids.length,
  idAt: (i) => ids[i] as number,
});

const byId = (a: number, b: number): number => a - b;

type Dated = { id: number; at: string };
/** Newest first by creation instant (ISO strings: code units), then by id. */
const newerFirst = (a: Dated, b: Dated): number => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id - b.id);

/**
 * The `max` newest of the orders, newest first. With the matcher's sortSmall (an insertion sort up to 16 items, the
 * built-in sort beyond): a posting with a common payer name asks this in every ranking, and TimSort allocates its
 * work state on each call (the largest share of what the combined pass allocated).
 */
function newestFirst(ids: readonly number[], index: OrderIndex, max: number): number[] {
  const dated: Dated[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    dated.push({ id, at: index.byId.get(id)?.order.createdAt ?? '' });
  }
  sortSmall(dated, newerFirst);
  const out: number[] = [];
  for (let i = 0; i < dated.length && i < max; i++) out.push((dated[i] as Dated).id);
  return out;
}

function combinationsOf(
  ev: Evidence,
  index: OrderIndex,
  settings: MatchSettings,
  identity: number[],
  payer: number[],
): Candidate[] {
  const out: Candidate[] = [];
  const tol = toleranceFor(settings, ev.openMinor);
  if (identity.length >= 2 && identity.length <= settings.maxCombinationPool) {
    sortSmall(identity, byId);
    for (const ids of subsetsSumming(identity, index, ev.openMinor, tol, settings.maxCombinationSize, 8)) {
      const c = combine(ev, ids, index, false, settings);
      if (ownOrderFitsInstead(ev, ids, index)) c.blockers.push('payer_points_elsewhere');
      if (ev.abbreviated) abbreviatedListRules(ev, ev.abbreviated, c, index);
      out.push(c);
    }
  }
  if (out.length === 0 && payer.length >= 2 && maySum(listOf(payer), index, ev.openMinor, 0)) {
    // The newest orders first: a payment usually covers recent orders. Order dates are ISO strings: compared
    // by code units (a locale's collation is slower and knows nothing better about them).
    const pool = newestFirst(payer, index, settings.maxCombinationPool);
    // Exact sums only for payer-based combinations: without numbers, a tolerance makes too many subsets fit.
    const subsets = subsetsSumming(pool, index, ev.openMinor, 0, settings.maxCombinationSize, 8);
    for (const ids of subsets) {
      const c = combine(ev, sortSmall(ids, byId), index, true, settings);
      if (subsets.length > 1) c.blockers.push('ambiguous_combination');
      // Orders beyond the pool were never tried: another subset of them may sum up just as well (a common
      // name shared by several customers), so the one subset found is not known to be the only one.
      if (payer.length > pool.length) c.blockers.push('combination_pool_truncated');
      out.push(c);
    }
  }
  return out;
}
