/**
 * Returns and chargebacks (issue 5 §3): a debit that reverses an earlier incoming payment undoes the
 * assignment(s) of that payment and reopens the order(s).
 *
 * Recognised by: the reversal indicator (ISO 20022 camt.053 `Ntry/RvslInd`), an R-transaction bank
 * transaction code (ISO 20022 External Bank Transaction SubFamily codes RRTN "reversal due to payment
 * return", RPCR "reversal due to payment cancellation request", UPDD "reversal of direct debit", ARET, in
 * `Ntry/BkTxCd/Domn/Fmly/SubFmlyCd` e.g. `PMNT-RCDT-RRTN`; German GVC codes of the DK "Geschäftsvorfall-
 * codes" list 109 (SEPA Lastschrift Rückbelastung), 159 (SEPA Überweisung Retoure), 181–184 (SEPA
 * Rückbelastungen)), or remittance words (Rücklastschrift, Retoure, Rückbuchung, RETURN, CHARGEBACK).
 */
import { normaliseIban } from '../names.ts';
import { REFUND_WORDS, RETURN_BOOKING_WORDS, WEAK_RETURN_WORDS } from '../payment-nature.ts';
import { numberKey } from '../number-keys.ts';
import { extractReferences } from '../references-extract.ts';
import { returnSignal, type ReturnVia } from '../scoring.ts';
import type { Candidate, Decision, MatchAssignment, MatchPosting } from '../types.ts';

// SWIFT MT940 transaction type RTI: returned item.
const R_SUBFAMILIES = /\b(?:RRTN|RPCR|UPDD|ARET|RCHG|CAJT)\b|(?:^|[\s:])NRTI\b/;
const R_GVC = /^(?:GVC\s*)?(?:109|159|181|182|183|184)$/;
/** WEAK_RETURN_WORDS, every occurrence (to take them all out before looking for certain words). */
const WEAK_ALL = new RegExp(WEAK_RETURN_WORDS.source, 'g');
/** Return words a dealer's own refund or a customer uses as well: a return by these alone is only suggested. */
const WEAK_WORDS = new RegExp(`${WEAK_RETURN_WORDS.source}|\\bRETOURE\\b|\\bRETURN(?:ED)?\\b`);

/**
 * How certain a posting is a return: 'certain' by the reversal indicator, an R-transaction code or the bank's own
 * return words and SEPA reason codes (Rücklastschrift, Rückgabe, Wiederbelastung, AC04, MD06, …); 'words' by words
 * a dealer's refund uses too ("Rücküberweisung", "Retoure", "Return"): suggested, never undone automatically; none
 * for a debit whose text is the dealer's refund ("Rücküberweisung Doppelzahlung", "Erstattung Retoure").
 */
export function returnCertainty(
  p: Pick<MatchPosting, 'reversal' | 'bankTxCode' | 'remittance' | 'amountMinor'>,
): 'certain' | 'words' | undefined {
  if (p.reversal) return 'certain';
  // Most postings carry no bank transaction code, and a credit needs no look at its text: nothing to upper-case.
  if (p.bankTxCode) {
    const code = p.bankTxCode.toUpperCase().replace(/[-/]/g, ' ');
    if (R_SUBFAMILIES.test(code) || R_GVC.test(code.trim())) return 'certain';
  }
  if (p.amountMinor >= 0 || !p.remittance) return undefined;
  const upper = p.remittance.toUpperCase();
  const weak = WEAK_WORDS.test(upper);
  if (RETURN_BOOKING_WORDS.test(weak ? upper.replace(WEAK_ALL, ' ') : upper)) return 'certain';
  if (!weak) return undefined;
  return REFUND_WORDS.test(upper) ? undefined : 'words';
}

export function isReturn(
  p: Pick<MatchPosting, 'reversal' | 'bankTxCode' | 'remittance' | 'amountMinor'>,
): boolean {
  return returnCertainty(p) !== undefined;
}

export type ReturnContext = {
  byEndToEnd: Map<string, MatchAssignment[]>;
  /** Order number key or payment reference -> assignments of that order. */
  byOrderKey: Map<string, MatchAssignment[]>;
  byPosting: Map<number, MatchAssignment[]>;
  byOrder: Map<number, MatchAssignment[]>;
  /** Normalised payer IBAN -> the postings (ids, first seen first) whose assignments it paid. */
  byIban: Map<string, Set<number>>;
  /** The postings of the run; their amounts by id are looked up only when a return needs them. */
  postings: readonly Pick<MatchPosting, 'id' | 'amountMinor'>[];
  postingAmount: Map<number, number> | undefined;
};

export function returnContext(
  assignments: readonly MatchAssignment[],
  postings: readonly Pick<MatchPosting, 'id' | 'amountMinor'>[],
): ReturnContext {
  const ctx: ReturnContext = {
    byEndToEnd: new Map(),
    byOrderKey: new Map(),
    byPosting: new Map(),
    byOrder: new Map(),
    byIban: new Map(),
    postings,
    postingAmount: undefined,
  };
  const push = <K>(m: Map<K, MatchAssignment[]>, k: K, a: MatchAssignment) => {
    const l = m.get(k);
    if (l) l.push(a);
    else m.set(k, [a]);
  };
  for (const a of assignments) {
    const e2e = endToEndOf(a);
    if (e2e) push(ctx.byEndToEnd, e2e, a);
    push(ctx.byPosting, a.postingId, a);
    if (a.orderNumber) push(ctx.byOrderKey, numberKey(a.orderNumber), a);
    if (a.paymentReference) push(ctx.byOrderKey, a.paymentReference.toUpperCase(), a);
    push(ctx.byOrder, a.orderId, a);
    const iban = normaliseIban(a.counterpartyIban);
    if (iban) {
      const postings = ctx.byIban.get(iban);
      if (postings) postings.add(a.postingId);
      else ctx.byIban.set(iban, new Set([a.postingId]));
    }
  }
  return ctx;
}

/**
 * The amount of a posting of this run that has active assignments (asked only of those: byPosting only shrinks). A map
 * built on first use, of just those postings: most runs have no return to look at, and of a big run's 100 000
 * postings only the few partly assigned ones have assignments.
 */
function amountOf(ctx: ReturnContext, postingId: number): number | undefined {
  if (!ctx.postingAmount) {
    const map = new Map<number, number>();
    const postings = ctx.postings;
    for (let i = 0; i < postings.length; i++) {
      const p = postings[i] as (typeof postings)[number];
      if (ctx.byPosting.has(p.id)) map.set(p.id, p.amountMinor);
    }
    ctx.postingAmount = map;
  }
  return ctx.postingAmount.get(postingId);
}

/** The most a bank charges for a returned direct debit, booked with the return (minor units). */
const RETURN_FEE_MAX = 1500;

/** A posting's or an assignment's end-to-end id, normalised; undefined when absent or NOTPROVIDED. */
export function endToEndOf(p: { endToEndId?: string | null | undefined }): string | undefined {
  const e2e = p.endToEndId?.trim().toUpperCase();
  return e2e && e2e !== 'NOTPROVIDED' ? e2e : undefined;
}

/** A payment a return may send back: its posting, why, and how it was found. */
type Original = {
  postingId: number;
  why: string;
  via: ReturnVia;
  /** The end-to-end id or IBAN it was found by. */
  found?: string;
};

/** The assignments (grouped by original posting) a return posting may reverse, with why. */
function originals(
  p: MatchPosting,
  ctx: ReturnContext,
  paymentOfRun: () => 'end_to_end' | 'iban' | undefined,
): Original[] {
  const amount = Math.abs(p.amountMinor);
  const fits = (postingId: number) => {
    const list = ctx.byPosting.get(postingId) ?? [];
    if (list.length === 0) return false;
    const assigned = list.reduce((s, a) => s + a.amountMinor, 0);
    return assigned === amount || amountOf(ctx, postingId) === amount;
  };
  // The same end-to-end id is the same payment: the bank may book its return fee with it (a Rücklastschrift of
  // 52.90 for a payment of 49.90), up to RETURN_FEE_MAX more.
  const fitsWithFee = (postingId: number) => {
    const list = ctx.byPosting.get(postingId) ?? [];
    if (list.length === 0) return false;
    const paid = amountOf(ctx, postingId) ?? list.reduce((s, a) => s + a.amountMinor, 0);
    return fits(postingId) || (amount > paid && amount - paid <= RETURN_FEE_MAX);
  };
  const e2e = endToEndOf(p);
  if (e2e) {
    const ids = [...new Set((ctx.byEndToEnd.get(e2e) ?? []).map((a) => a.postingId))].filter(fitsWithFee);
    if (ids.length > 0)
      return ids.map((postingId) => ({
        postingId,
        why: `same end-to-end id ${e2e}`,
        via: 'end_to_end',
        found: e2e,
      }));
    // A credit of this run with the very end-to-end id is the payment sent back: no older one is.
    if (paymentOfRun() === 'end_to_end') return [];
  }
  // A return carries the end-to-end id of the payment it sends back (ISO 20022 OrgnlEndToEndId): a payment that
  // came with another one is another payment, whatever the text or the IBAN say (a repeat customer's older
  // payment of the same price).
  const mayBe = (postingId: number) =>
    !e2e || !(ctx.byPosting.get(postingId) ?? []).some((a) => (endToEndOf(a) ?? e2e) !== e2e);
  const ex = extractReferences(p);
  const viaOrders = new Set<number>();
  // (Not the numbers of an abbreviated list, "10023/24": those name orders only together, in a combined payment.)
  const keys = [...ex.references, ...ex.numbers.filter((n) => n.listed === undefined).map((n) => n.key)];
  for (const key of keys) {
    for (const a of ctx.byOrderKey.get(key) ?? []) viaOrders.add(a.postingId);
  }
  const textFits = [...viaOrders].filter(fits);
  const viaText = textFits.filter(mayBe);
  if (viaText.length > 0)
    return viaText.map((postingId) => ({
      postingId,
      why: 'order referenced in the return text, same amount',
      via: 'text',
    }));
  const iban = normaliseIban(p.counterpartyIban);
  // Looked up, not scanned: each return would otherwise normalise the IBAN of every active assignment. A posting
  // whose assignments a return in this run consumed already (deleted from byPosting) no longer fits.
  const ibanFits = iban
    ? [...(ctx.byIban.get(iban) ?? [])].filter((postingId) => ctx.byPosting.has(postingId) && fits(postingId))
    : [];
  const viaIban = ibanFits.filter(mayBe);
  if (viaIban.length > 0)
    return viaIban.map((postingId) => ({
      postingId,
      why: `same payer IBAN ${iban ?? ''}, same amount`,
      via: 'iban',
      found: iban ?? '',
    }));
  // Only payments that came with another end-to-end id fit (some banks give a return an id of their own): shown to
  // the dealer, never undone automatically.
  return [...new Set([...textFits, ...ibanFits])].map((postingId) => ({
    postingId,
    why: 'same amount, order in the text or same payer IBAN, but another end-to-end id',
    via: 'other_id',
  }));
}

/** The one original suggested, not undone, for `why` (also its candidate's blocker). */
function suggestOnly(p: MatchPosting, candidates: Candidate[], why: string): Decision {
  (candidates[0] as Candidate).blockers.push(why);
  return { postingId: p.id, band: 'suggest', pass: 'return', candidates, reasons: [why] };
}

/**
 * `paymentOfRun`: may a credit of this very run be the payment this return sends back, and found how (the matcher
 * looks it up by the end-to-end id, else by the payer's IBAN and the amount)? By the end-to-end id it is the one,
 * and no older payment is looked for; by the IBAN an older payment found only by text or IBAN is not certainly the
 * one: neither is undone automatically (may_return_a_payment_of_this_run).
 */
export function returnDecision(
  p: MatchPosting,
  ctx: ReturnContext,
  paymentOfRun: () => 'end_to_end' | 'iban' | undefined = () => undefined,
): Decision {
  if (p.amountMinor > 0) {
    // A reversed debit (our own refund came back): money in, but not an order payment.
    return { postingId: p.id, band: 'none', pass: 'return', candidates: [], reasons: ['reversal_of_debit'] };
  }
  const found = originals(p, ctx, paymentOfRun);
  const candidates: Candidate[] = found.map(({ postingId, why, via, found: by }) => {
    const list = ctx.byPosting.get(postingId) ?? [];
    return {
      orderIds: list.map((a) => a.orderId),
      allocations: list.map((a) => ({ orderId: a.orderId, amountMinor: a.amountMinor })),
      amountMinor: list.reduce((s, a) => s + a.amountMinor, 0),
      score: found.length === 1 ? 0.99 : 0.5,
      signals: [returnSignal(postingId, why, via, by)],
      pass: 'return',
      blockers: found.length === 1 ? [] : ['ambiguous_return'],
      shortfallMinor: 0,
      flags: [],
    };
  });
  const only = found.length === 1 ? found[0] : undefined;
  // Recognised only by words a dealer's refund uses too: the dealer confirms the undo.
  if (only && returnCertainty(p) === 'words') return suggestOnly(p, candidates, 'return_by_words_only');
  if (only?.via === 'other_id') return suggestOnly(p, candidates, 'end_to_end_id_differs');
  // An older payment whose order the return text names is the one, whatever a payment of this run looks like.
  if (only?.via === 'iban' && paymentOfRun() !== undefined)
    return suggestOnly(p, candidates, 'may_return_a_payment_of_this_run');
  if (!only) {
    return {
      postingId: p.id,
      band: candidates.length ? 'suggest' : 'none',
      pass: 'return',
      candidates,
      reasons: [candidates.length ? 'ambiguous_return' : 'return_original_not_found'],
    };
  }
  const reverses = (ctx.byPosting.get(only.postingId) ?? []).map((a) => ({
    assignmentId: a.id,
    orderId: a.orderId,
    amountMinor: a.amountMinor,
  }));
  // Consumed: another return in the same run must not reverse the same assignments again.
  ctx.byPosting.delete(only.postingId);
  return { postingId: p.id, band: 'auto', pass: 'return', candidates, reasons: [], reverses };
}
