/**
 * The matcher's data model (issue 5 §3). The matcher is pure: these plain objects in, decisions out. The
 * services (match-service.ts) load them from the database and persist the decisions.
 */
import type { OrderStatus } from '#shared/domain.ts';
import type { MatchSettings } from './settings.ts';

export type MatchOrder = {
  id: number;
  shopId: number;
  number: string;
  invoiceNumber?: string | null;
  paymentReference?: string | null;
  totalMinor: number;
  paidMinor: number;
  currency: string;
  customerName?: string | null;
  company?: string | null;
  email?: string | null;
  status: OrderStatus;
  /** Order date (ISO instant or date); payments before it are suspicious. */
  createdAt: string;
};

export type MatchPosting = {
  id: number;
  /** Signed: credits positive, debits negative. */
  amountMinor: number;
  /** Already assigned part (for partially assigned postings). */
  assignedMinor: number;
  currency: string;
  bookingDate?: string | null;
  bookingStatus?: 'booked' | 'pending';
  counterpartyName?: string | null;
  counterpartyIban?: string | null;
  ultimateDebtor?: string | null;
  remittance?: string | null;
  creditorReference?: string | null;
  endToEndId?: string | null;
  bankTxCode?: string | null;
  reversal?: boolean;
};

/** An active assignment, so returns can find what they reverse. */
export type MatchAssignment = {
  id: number;
  postingId: number;
  orderId: number;
  amountMinor: number;
  /** Of the posting that was assigned. */
  endToEndId?: string | null;
  counterpartyIban?: string | null;
  bookingDate?: string | null;
  /** Of the order, so a return that names the order is found even when the order is no longer open. */
  orderNumber?: string | null;
  paymentReference?: string | null;
};

/** What confirmed manual assignments taught (payer_facts), keyed by payer. */
export type LearnedFacts = {
  /** Normalised IBAN -> customer keys (`email:…` / `name:…`). */
  ibanToCustomers: ReadonlyMap<string, readonly string[]>;
  /** Normalised payer name -> customer keys. */
  aliasToCustomers: ReadonlyMap<string, readonly string[]>;
};

export const EMPTY_FACTS: LearnedFacts = { ibanToCustomers: new Map(), aliasToCustomers: new Map() };

export type SignalKind =
  | 'reference'
  | 'reference_typo'
  | 'creditor_reference'
  | 'number'
  | 'invoice_number'
  | 'number_core'
  | 'number_joined'
  | 'number_typo'
  | 'keyword'
  | 'amount_exact'
  | 'amount_within_tolerance'
  | 'amount_partial'
  | 'amount_over'
  | 'amount_sum'
  | 'name_exact'
  | 'name_partial'
  | 'company'
  | 'iban_learned'
  | 'alias_learned'
  | 'date_window'
  | 'date_before_order'
  | 'blocked';

/**
 * Which wording a signal's detail has, and so what its slots hold (see Signal). The JSON view names the slots
 * (signal-params.ts) and the shells word a signal from that view (#shared/signal-texts.ts).
 */
export type SignalForm =
  | 'payer'
  | 'payer_company'
  | 'payer_holder'
  | 'iban_learned'
  | 'alias_learned'
  | 'reference'
  | 'creditor_reference'
  | 'number'
  | 'number_list'
  | 'number_written'
  | 'number_typo'
  | 'date_window'
  | 'date_before_order'
  | 'amount_exact'
  | 'amount_within_tolerance'
  | 'amount_partial'
  | 'amount_over'
  | 'combined_weakest'
  | 'combined_sum'
  | 'return';

/**
 * One piece of evidence. `detail` is its English text (public: JSON, persisted reasons, the regression
 * fingerprints). The facts the detail was written from sit in fixed slots of the signal itself, so that a text can
 * be worded in any language without one more object per signal on the matcher's hot path, and every signal the
 * builders of scoring.ts make has one shape (the ranking reads kind and weight of very many). By `form`:
 *
 * | form | text | number | a | b | c |
 * | --- | --- | --- | --- | --- | --- |
 * | payer, payer_company, payer_holder | payer name | | | | |
 * | iban_learned / alias_learned | IBAN / payer name | | | | |
 * | reference / creditor_reference | our reference / the RF reference's body | | | | |
 * | number | | order or invoice number | 1: invoice number | 1: after an order keyword | |
 * | number_list | the list as written ("10023, 24") | 〃 | 〃 | 〃 | |
 * | number_written | what the payer wrote | 〃 | 〃 | 〃 | |
 * | number_typo | what the payer wrote | 〃 | 〃 | | |
 * | date_window / date_before_order | | | days | | |
 * | amount_exact | | | open amount | | |
 * | amount_within_tolerance | | | paid − open | tolerance | |
 * | amount_partial | | | paid | open amount | |
 * | amount_over | | | paid − open | open amount | |
 * | combined_weakest | | | number of orders | | |
 * | combined_sum | | | number of orders | sum of their open amounts | paid − sum |
 * | return | end-to-end id or IBAN it was found by | | the payment's posting id | | RETURN_VIA index |
 *
 * Amounts are minor units of the posting's currency. `order`: the order a combined candidate's per-order copy is
 * about. A signal without `form` has no facts beyond its kind.
 */
export type Signal = {
  kind: SignalKind;
  detail: string;
  weight?: number;
  form?: SignalForm;
  text?: string;
  number?: string;
  a?: number;
  b?: number;
  c?: number;
  order?: string;
};

export type PassName = 'reference' | 'number' | 'typo' | 'combined' | 'payer' | 'amount' | 'return' | 'debit';

export type Allocation = { orderId: number; amountMinor: number };

export type Candidate = {
  orderIds: number[];
  /** How the posting's (unassigned) amount would be split over the orders. */
  allocations: Allocation[];
  amountMinor: number;
  score: number;
  signals: Signal[];
  /** The pass whose evidence this candidate rests on. */
  pass: PassName;
  /**
   * Hard rules that forbid automatic assignment of this candidate, whatever its score. Complete in every candidate a
   * decision keeps; inside the automatic passes' rankings (passes/single.ts CandidateDetail `compare`), a blocked
   * candidate's list may stop at its first costly rule: there it says only "blocked" (see ranking.ts
   * blockerCountsMatter before reading more of it there).
   */
  blockers: string[];
  /** Accepted shortfall within tolerance (bank fees) per order, so the order counts as paid. */
  shortfallMinor: number;
  flags: ('overpaid' | 'partial' | 'fees_deducted')[];
};

export type Decision = {
  postingId: number;
  band: 'auto' | 'suggest' | 'none';
  pass: PassName;
  /**
   * Ranked, best first (at most `settings.maxCandidates`). An automatic decision keeps only the chosen
   * candidate (all its evidence; the alternatives are in `runnerUp`) unless the input asks for the full ranking.
   */
  candidates: Candidate[];
  /**
   * Automatic decisions: the strongest other explanation the chosen candidate was clearly ahead of (its score
   * and pass), absent when there was none. Enough to say why the choice was unambiguous without keeping every
   * ranked candidate of 100 000 decisions alive.
   */
  runnerUp?: { score: number; pass: PassName };
  /** Why the best candidate is not automatic (empty for auto decisions). */
  reasons: string[];
  /** For returns: the assignments this posting reverses (undo them, reopen the orders). */
  reverses?: { assignmentId: number; orderId: number; amountMinor: number }[];
};

export type MatchInput = {
  orders: readonly MatchOrder[];
  postings: readonly MatchPosting[];
  activeAssignments?: readonly MatchAssignment[];
  settings: MatchSettings;
  /** Per-shop overrides of tolerance etc. */
  shopSettings?: ReadonlyMap<number, MatchSettings>;
  learned?: LearnedFacts;
  /** Per-shop compiled number patterns. */
  patterns?: readonly RegExp[];
  /**
   * Number keys and digit cores (number-keys.ts numberKeysOf) of the shops' orders that no longer await
   * payment (paid, refunded, …; recently closed), and their payment references (number-keys.ts closedOrderKeys).
   * A number or reference the payer wrote that is one of them names that order — typically a double payment, or
   * the banking template of a paid order reused for the next — and is no typo of an open order's number.
   */
  closedNumbers?: ReadonlySet<string>;
  /** Postings the dealer took an automatic assignment back from: never automatic again, queue only. */
  manualOnly?: ReadonlySet<number>;
  /**
   * Keep every ranked candidate of automatic decisions too. The queue shows an automatic verdict that is not
   * applied yet as a suggestion with its alternatives; a matching run persists only the chosen candidate.
   */
  fullRanking?: boolean;
};

export type MatchResult = {
  decisions: Decision[];
  summary: { auto: number; suggested: number; none: number; returns: number; debits: number };
};
