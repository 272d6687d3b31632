/**
 * A return whose original payment is not assigned yet may send back a credit of this very run (a first import, or a
 * week's statement: the payment on Monday, its Rücklastschrift on Friday). Which credit that is, looked up in the
 * run's postings in booking-date order (matcher.ts sortOut).
 */
import { normaliseIban } from '../names.ts';
import type { MatchPosting } from '../types.ts';
import { endToEndOf, isReturn } from './returns.ts';

/** A credit of this run that a return may send back, and how it was found. */
export type InRunCredit = { posting: MatchPosting; by: 'end_to_end' | 'iban' };

/** A credit and its place in the booking-date order. */
type Placed = { posting: MatchPosting; at: number };

export class CreditsOfRun {
  private byE2e: Map<string, Placed[]> | undefined;
  private byIban: Map<string, Placed[]> | undefined;
  private returnKeys: { e2e: Set<string>; ibans: Set<string> } | undefined;

  /**
   * `sorted`: the run's postings in booking-date order. `returned`: the credits a return of this run sends back
   * already (the matcher's, filled by the caller), which no other return takes.
   */
  constructor(
    private readonly sorted: readonly MatchPosting[],
    private readonly returned: ReadonlySet<number>,
  ) {}

  /**
   * The credit the return `p` (at place `at`) sends back: the credit booked before it with the same end-to-end id,
   * else (no credit has it) the last one of the payer's IBAN with the very amount, unless that credit came with
   * another end-to-end id. Null when there is none.
   */
  returnedBy(p: MatchPosting, at: number): InRunCredit | null {
    const open = (c: Placed) => c.at < at && !this.returned.has(c.posting.id);
    const e2e = endToEndOf(p);
    if (e2e) {
      const byE2e = (this.byE2e ??= this.creditsBy(endToEndOf, this.keys().e2e));
      const credit = byE2e.get(e2e)?.find((c) => open(c) && c.posting.amountMinor <= -p.amountMinor)?.posting;
      if (credit) return { posting: credit, by: 'end_to_end' };
    }
    const iban = normaliseIban(p.counterpartyIban);
    if (!iban) return null;
    const byIban = (this.byIban ??= this.creditsBy(
      (q) => normaliseIban(q.counterpartyIban),
      this.keys().ibans,
    ));
    // The last such credit before the return: the payment most recently made.
    const list = byIban.get(iban) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const c = list[i] as Placed;
      if (
        open(c) &&
        c.posting.amountMinor === -p.amountMinor &&
        (!e2e || endToEndOf(c.posting) === undefined)
      )
        return { posting: c.posting, by: 'iban' };
    }
    return null;
  }

  /**
   * The end-to-end ids and payer IBANs of the run's returns: the only keys credits are looked up by. The maps of
   * credits hold just those (a run's few returns against its 100 000 credits), not one entry per credit.
   */
  private keys(): { e2e: Set<string>; ibans: Set<string> } {
    if (this.returnKeys) return this.returnKeys;
    const keys = { e2e: new Set<string>(), ibans: new Set<string>() };
    for (let i = 0; i < this.sorted.length; i++) {
      const p = this.sorted[i] as MatchPosting;
      if (!isReturn(p)) continue;
      const e2e = endToEndOf(p);
      if (e2e) keys.e2e.add(e2e);
      const iban = normaliseIban(p.counterpartyIban);
      if (iban) keys.ibans.add(iban);
    }
    return (this.returnKeys = keys);
  }

  /** The run's credits by a key (end-to-end id, payer IBAN) among `wanted`, with their place. */
  private creditsBy(
    keyOf: (p: MatchPosting) => string | undefined,
    wanted: ReadonlySet<string>,
  ): Map<string, Placed[]> {
    const out = new Map<string, Placed[]>();
    if (wanted.size === 0) return out;
    this.sorted.forEach((posting, at) => {
      if (posting.amountMinor <= 0) return;
      const key = keyOf(posting);
      if (!key || !wanted.has(key)) return;
      const list = out.get(key);
      if (list) list.push({ posting, at });
      else out.set(key, [{ posting, at }]);
    });
    return out;
  }
}
