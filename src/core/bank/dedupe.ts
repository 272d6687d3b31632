/**
 * No duplicates, ever (issue 3 §4): recognising the same real-world booking whichever file brings it.
 *
 * THE KEY. Every posting stores `dedupe_key`, unique per bank account:
 *
 *     booked:   <date>|<amountMinor>|<currency>|<n>        e.g. 2026-11-02|4990|EUR|1
 *     pending:  P|<date>|<amountMinor>|<currency>|<n>
 *
 * <date> is the booking date, else the value date, else the statement's date (to-date or creation day).
 * These are the only fields EVERY format carries (CSV exports have no bank reference, many have no
 * counterparty IBAN, remittance text is wrapped and abbreviated differently by CAMT, MT940 and CSV).
 * <n> is an occurrence number that makes identical twin bookings on one day two postings.
 *
 * THE RULE. An import treats the postings already stored under a prefix <date>|<amount>|<currency>| as a
 * multiset. Each incoming entry CLAIMS one unclaimed stored posting under its prefix (→ duplicate); only when
 * none is left does it become a new posting with n = highest n + 1. Postings claimed or inserted for one
 * statement cannot be claimed again by the same statement, so two identical bookings in one statement give two
 * postings, while the same statement imported twice, overlapping statements, or a CSV and a CAMT of the same
 * days find their counterpart and add nothing. The scope ("one statement") is the whole file for account
 * statements (CAMT.053/054, MT940 with all its pages, CSV), which never repeat each other, and each report
 * for intraday reports (CAMT.052 Rpt, MT942), which are often cumulative (statement-checks.ts).
 *
 * STRONGER KEYS. A stored posting is claimed only if it does not CONTRADICT the entry, and among several the
 * one that agrees most is taken:
 *   - end-to-end id (CAMT EndToEndId, MT940 EREF+, CSV column; NOTPROVIDED ignored): different → not the same
 *   - counterparty IBAN (normalised): different → not the same
 *   - bank reference (CAMT AcctSvcrRef, MT940 :61: bank reference): different → not the same, compared only
 *     between files of the same family (CAMT vs CAMT, MT940 vs MT940) because banks number them differently
 *     per channel.
 *   Agreement scores: end-to-end id or bank reference equal 4, IBAN equal 2, first 12 letters of the name 1.
 * This keeps a CAMT.052 that reports only NEW entries (a delta report) from swallowing an earlier, different
 * payment of the same amount.
 *
 * PENDING → BOOKED. Pending entries (CAMT Sts PDNG, MT942 and similar) often have no or another booking date.
 * A booked entry that finds no booked counterpart looks for a pending posting of the same account, amount and
 * currency within ±PENDING_WINDOW_DAYS that positively agrees (equal end-to-end id, IBAN or same-family bank
 * reference — or neither side has any of them and the date is the same) and REPLACES it in place: the row keeps
 * its id (assignments stay), takes the booked data and key. A pending entry whose booked version is already
 * stored (same test) is a duplicate, and so is a pending entry already stored as pending under another date.
 * A pending side WITHOUT any identity (no end-to-end id, IBAN or bank reference: Sparda CSV rows marked '*') agrees
 * with a booked side of the same counterparty name (whole name, compared by its words) or the same remittance
 * text (unless both name a payer and the names share no word) within the window, whatever ids the booked side
 * has: the booked row of the next export (dated a day or two later) or the MT940 of the same booking (with the
 * IBAN) replaces it. Never between two booked or two pending postings, and never when the pending side has ids
 * of its own (then they must agree as above).
 *
 * A pending entry without any date of its own (CSV rows not booked yet) is keyed on its statement's date; for
 * it that key date is compared, and without ids an equal counterparty name is enough agreement.
 *
 * DATE SPELLINGS. When one file has a booking date and the other only the value date (MT940 :61: without
 * entry date), the entry is also looked up under the other date, among postings keyed by that date.
 *
 * BATCHES (Sammler). A batch booking may arrive once as ONE posting of the batch total (camt.053 without
 * details: NtryDtls/Btch/NbOfTxs only) and once in detail (camt.054 "Sammlerauflösung", or a camt.053 with
 * TxDtls), one posting per transaction (ParsedEntry.batch). Both name the same entry AcctSvcrRef (DK camt
 * specification: camt.054 entries carry the camt.053 entry's references). So, within the CAMT family, on the
 * same date and only with that reference equal:
 *   - a part whose batch total is stored (bank reference = the part's ENTRY AcctSvcrRef) REPLACES that total
 *     posting (the first part takes its row, the other parts are inserted) unless the total already has
 *     assignments; then every part is a duplicate of it;
 *   - a total whose unclaimed stored parts add up to it is a duplicate of them (the details are kept). This
 *     direction needs the parts stored with the entry's reference, i.e. TxDtls without their own AcctSvcrRef.
 *
 * LIMITS. Two different customers paying the same amount on the same day, reported by two formats that share
 * no identifying field (e.g. a CSV without IBAN and a CAMT), pair up by order; the set of postings is still
 * right, only which file's details a posting carries may differ. When such a pairing joins names that share no
 * word, the import warns (DUPLICATE_NAME_DIFFERS, doubtfulDuplicate): it may be two payments, one of them missing
 * from the other file. A pending entry that the bank never books stays pending.
 */
import type { SqliteHandle } from '../db/open.ts';
import type { ParsedEntry, StatementFormat } from './types.ts';

export const PENDING_WINDOW_DAYS = 7;

export type Candidate = {
  id: number;
  dedupeKey: string;
  bookingStatus: 'booked' | 'pending';
  bookingDate: string | null;
  valueDate: string | null;
  endToEndId: string | null;
  counterpartyIban: string | null;
  counterpartyName: string | null;
  remittance: string | null;
  bankReference: string | null;
  format: string | null;
  amountMinor: number;
  assignedMinor: number;
  /** 'ignored': the dealer marked it "not an order payment". */
  matchState: string;
};

export type DedupeDecision =
  | { action: 'insert'; key: string }
  /** `stored`: the posting it was compared with, where the match rests on key and agreement (for doubtfulDuplicate). */
  | { action: 'duplicate'; postingId: number; stored?: Candidate }
  | {
      action: 'replace';
      postingId: number;
      key: string;
      before: Candidate;
      reason?: 'booked' | 'batch_details';
    };

export function formatFamily(format: string | null | undefined): string {
  if (!format) return '';
  if (format.startsWith('camt')) return 'camt';
  if (format.startsWith('mt94')) return 'mt940';
  return format;
}

export function keyDate(entry: ParsedEntry, statementDate: string | undefined): string {
  return entry.bookingDate ?? entry.valueDate ?? statementDate ?? 'nodate';
}

export function keyPrefix(entry: ParsedEntry, statementDate: string | undefined): string {
  const base = `${keyDate(entry, statementDate)}|${entry.amountMinor}|${entry.currency}|`;
  return entry.bookingStatus === 'pending' ? `P|${base}` : base;
}

const norm = (s: string | null | undefined): string | undefined => {
  const t = s?.replace(/\s+/g, '').toUpperCase();
  return t ? t : undefined;
};
const nameKey = (s: string | null | undefined): string | undefined => {
  const t = s
    ?.toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 12);
  return t ? t : undefined;
};

type Identity = {
  e2e?: string | undefined;
  iban?: string | undefined;
  ref?: string | undefined;
  family: string;
  name?: string | undefined;
};

function identityOf(e: ParsedEntry, format: StatementFormat): Identity {
  return {
    e2e: norm(e.endToEndId),
    iban: norm(e.counterpartyIban),
    ref: norm(e.bankReference),
    family: formatFamily(format),
    name: nameKey(e.counterpartyName),
  };
}

function identityOfRow(c: Candidate): Identity {
  return {
    e2e: norm(c.endToEndId),
    iban: norm(c.counterpartyIban),
    ref: norm(c.bankReference),
    family: formatFamily(c.format),
    name: nameKey(c.counterpartyName),
  };
}

function contradicts(a: Identity, b: Identity): boolean {
  if (a.e2e && b.e2e && a.e2e !== b.e2e) return true;
  if (a.iban && b.iban && a.iban !== b.iban) return true;
  return a.family === b.family && Boolean(a.ref && b.ref && a.ref !== b.ref);
}

function agreement(a: Identity, b: Identity): number {
  let score = 0;
  if (a.e2e && a.e2e === b.e2e) score += 4;
  if (a.family === b.family && a.ref && a.ref === b.ref) score += 4;
  if (a.iban && a.iban === b.iban) score += 2;
  if (a.name && a.name === b.name) score += 1;
  return score;
}

const hasIdentity = (i: Identity): boolean => Boolean(i.e2e || i.iban || i.ref);

function occurrence(key: string): number {
  const n = Number(key.slice(key.lastIndexOf('|') + 1));
  return Number.isFinite(n) ? n : 0;
}

/** The words of a name for comparing payers: upper case, umlauts spelled out, accents dropped, initials left out. */
function nameWords(name: string): string[] {
  const spelled = name
    .toUpperCase()
    .replace(/Ä/g, 'AE')
    .replace(/Ö/g, 'OE')
    .replace(/Ü/g, 'UE')
    .replace(/ß/g, 'SS')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  return spelled.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2);
}

/** True when two names share a word (or one is a cut-off word of the other, as CSV exports shorten names). */
function namesShareWord(a: string, b: string): boolean {
  const wordsB = nameWords(b);
  return nameWords(a).some((x) =>
    wordsB.some(
      (y) => x === y || (Math.min(x.length, y.length) >= 4 && (x.startsWith(y) || y.startsWith(x))),
    ),
  );
}

/**
 * A duplicate that deserves a second look (LIMITS above): the entry was taken as the stored posting by date,
 * amount and currency alone — no end-to-end id, IBAN or bank reference agrees — and the two counterparty names
 * share no word ("Otto Normalverbraucher" against "Erika Musterfrau"). The dedupe key stays as documented; the
 * import only warns, so a second payment of the same amount on the same day does not vanish unnoticed.
 */
export function doubtfulDuplicate(entry: ParsedEntry, format: StatementFormat, stored: Candidate): boolean {
  if (!entry.counterpartyName || !stored.counterpartyName) return false;
  // The common case (the same file or the same bank's other format again) costs one comparison.
  if (entry.counterpartyName === stored.counterpartyName) return false;
  if (agreement(identityOf(entry, format), identityOfRow(stored)) >= 2) return false;
  return !namesShareWord(entry.counterpartyName, stored.counterpartyName);
}

/** The whole name as the payer's words, for an equality that the first 12 letters (nameKey) do not give. */
function fullName(name: string | null | undefined): string | undefined {
  const words = name ? nameWords(name) : [];
  return words.length ? words.join(' ') : undefined;
}

/** Same counterparty name or same remittance text (see PENDING → BOOKED for where that is enough). */
function sameParty(entry: ParsedEntry, c: Candidate): boolean {
  const name = fullName(entry.counterpartyName);
  if (name !== undefined && name === fullName(c.counterpartyName)) return true;
  // The same text from two payers whose names share no word ("Miete", "Danke") is not the same booking.
  if (
    entry.counterpartyName &&
    c.counterpartyName &&
    !namesShareWord(entry.counterpartyName, c.counterpartyName)
  )
    return false;
  const remittance = norm(entry.remittance);
  return remittance !== undefined && remittance === norm(c.remittance);
}

/** The date part of a dedupe key (`[P|]<date>|…`). */
function keyDateOf(key: string): string {
  const rest = key.startsWith('P|') ? key.slice(2) : key;
  return rest.slice(0, rest.indexOf('|'));
}

function daysApart(a: string | null | undefined, b: string | undefined): number {
  if (!a || !b || a === 'nodate' || b === 'nodate') return Number.POSITIVE_INFINITY;
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

const CANDIDATE_COLUMNS = `p.id AS id, p.dedupe_key AS dedupeKey, p.booking_status AS bookingStatus, p.booking_date AS bookingDate,
  p.value_date AS valueDate, p.end_to_end_id AS endToEndId, p.counterparty_iban AS counterpartyIban,
  p.counterparty_name AS counterpartyName, p.remittance AS remittance, p.bank_reference AS bankReference, b.format AS format,
  p.amount_minor AS amountMinor, p.assigned_minor AS assignedMinor, p.match_state AS matchState`;

/**
 * One per import (per file): remembers what the import claimed or inserted. Uses prepared statements on the
 * raw handle because it runs once per entry inside the import's synchronous transaction (100 000 entries).
 */
export class Deduper {
  /** posting id -> the statement scopes of this import that inserted or claimed it. */
  private readonly claimed = new Map<number, string | Set<string>>();
  private scope = '';
  private readonly byPrefix;
  private readonly byAmount;
  private readonly pendingCount;
  private readonly anyPosting;
  private readonly pendingAccounts = new Map<number, boolean>();

  constructor(sqlite: SqliteHandle) {
    this.byPrefix = sqlite.prepare<[number, string, string], Candidate>(
      `SELECT ${CANDIDATE_COLUMNS} FROM postings p LEFT JOIN import_batches b ON b.id = p.import_batch_id
       WHERE p.bank_account_id = ? AND p.dedupe_key >= ? AND p.dedupe_key < ? ORDER BY p.id`,
    );
    this.byAmount = sqlite.prepare<[number, string, number, string], Candidate>(
      `SELECT ${CANDIDATE_COLUMNS} FROM postings p LEFT JOIN import_batches b ON b.id = p.import_batch_id
       WHERE p.bank_account_id = ? AND p.currency = ? AND p.amount_minor = ? AND p.booking_status = ? ORDER BY p.id`,
    );
    this.anyPosting = sqlite.prepare<[number], { one: number }>(
      `SELECT 1 AS one FROM postings WHERE bank_account_id = ? LIMIT 1`,
    );
    this.pendingCount = sqlite.prepare<[number], { n: number }>(
      `SELECT count(*) AS n FROM postings WHERE bank_account_id = ? AND booking_status = 'pending'`,
    );
  }

  /**
   * Per account: occurrence counters while the account was empty when this import first touched it and only
   * one statement scope has written to it (then nothing stored can match; see decide()).
   */
  private readonly fresh = new Map<number, { scope: string; counters: Map<string, number> } | null>();

  private freshCounters(accountId: number): Map<string, number> | null {
    let state = this.fresh.get(accountId);
    if (state === undefined) {
      state = this.anyPosting.get(accountId) ? null : { scope: this.scope, counters: new Map() };
      this.fresh.set(accountId, state);
    }
    if (state && state.scope !== this.scope) {
      // A second statement of the same account in this file: it may repeat the first one's entries.
      this.fresh.set(accountId, null);
      return null;
    }
    return state?.counters ?? null;
  }

  private isClaimed(postingId: number): boolean {
    const scopes = this.claimed.get(postingId);
    return scopes === undefined
      ? false
      : typeof scopes === 'string'
        ? scopes === this.scope
        : scopes.has(this.scope);
  }

  /** Marks a posting as taken by the current statement scope (after a duplicate, insert or replace). */
  claim(postingId: number): void {
    const scopes = this.claimed.get(postingId);
    if (scopes === undefined) this.claimed.set(postingId, this.scope);
    else if (typeof scopes === 'string') {
      if (scopes !== this.scope) this.claimed.set(postingId, new Set([scopes, this.scope]));
    } else scopes.add(this.scope);
  }

  /**
   * `scope` identifies the statement the entry belongs to (see the module comment): postings inserted or
   * claimed within a scope cannot be claimed again by it (twins), but a later report of the same file that
   * repeats an entry (cumulative intraday reports) finds it.
   */
  decide(
    accountId: number,
    entry: ParsedEntry,
    format: StatementFormat,
    statementDate: string | undefined,
    scope: string,
  ): DedupeDecision {
    this.scope = scope;
    const prefix = keyPrefix(entry, statementDate);
    const fresh = this.freshCounters(accountId);
    if (fresh) {
      // The account had no postings when this import began and everything inserted since is claimed, so
      // there is nothing to compare with: only the occurrence number is needed (first import of a history).
      const n = (fresh.get(prefix) ?? 0) + 1;
      fresh.set(prefix, n);
      return { action: 'insert', key: `${prefix}${n}` };
    }
    const same = this.byPrefix.all(accountId, prefix, `${prefix.slice(0, -1)}}`);
    const identity = identityOf(entry, format);
    const best = same.length ? this.pick(same, identity) : undefined;
    if (best) return { action: 'duplicate', postingId: best.id, stored: best };
    const alternate =
      entry.bookingStatus === 'booked'
        ? this.otherDateSpelling(accountId, entry, identity, statementDate)
        : undefined;
    if (alternate) return { action: 'duplicate', postingId: alternate.id, stored: alternate };
    const next = `${prefix}${same.reduce((max, c) => Math.max(max, occurrence(c.dedupeKey)), 0) + 1}`;
    const date = keyDate(entry, statementDate);
    if (entry.batch && entry.bookingStatus === 'booked') {
      const batch = this.batchCounterpart(accountId, entry, entry.batch, identity, date, next);
      if (batch) return batch;
    }
    if (entry.bookingStatus === 'booked') {
      const pending = this.acrossStatus(accountId, entry, 'pending', identity, date);
      if (pending) return { action: 'replace', postingId: pending.id, key: next, before: pending };
    } else {
      const booked = this.acrossStatus(accountId, entry, 'booked', identity, date);
      if (booked) return { action: 'duplicate', postingId: booked.id };
      // The same pending entry reported again with another date (e.g. BookgDt filled in by a later report).
      const pending = this.acrossStatus(accountId, entry, 'pending', identity, date);
      if (pending) return { action: 'duplicate', postingId: pending.id };
    }
    return { action: 'insert', key: next };
  }

  /** Batch total ↔ batch parts of the same booking (see BATCHES in the module comment). */
  private batchCounterpart(
    accountId: number,
    entry: ParsedEntry,
    batch: NonNullable<ParsedEntry['batch']>,
    identity: Identity,
    date: string,
    next: string,
  ): DedupeDecision | undefined {
    const ref = batch.part ? (norm(batch.entryReference) ?? identity.ref) : identity.ref;
    if (identity.family !== 'camt' || !ref) return undefined;
    const sameBatch = (c: Candidate) =>
      c.bookingStatus === 'booked' &&
      formatFamily(c.format) === 'camt' &&
      norm(c.bankReference) === ref &&
      Math.sign(c.amountMinor) === Math.sign(batch.totalMinor);
    if (!batch.part) {
      const prefix = `${date}|`;
      const parts = this.byPrefix
        .all(accountId, prefix, `${date}}`)
        .filter(
          (c) =>
            !this.isClaimed(c.id) &&
            sameBatch(c) &&
            c.amountMinor !== batch.totalMinor &&
            c.dedupeKey.split('|')[2] === entry.currency,
        );
      if (parts.length < 2 || parts.reduce((sum, c) => sum + c.amountMinor, 0) !== batch.totalMinor)
        return undefined;
      const [first, ...rest] = parts;
      for (const c of rest) this.claim(c.id);
      return first ? { action: 'duplicate', postingId: first.id } : undefined;
    }
    const absorbed = this.absorbedBatches.get(`${accountId}|${date}|${batch.totalMinor}|${ref}`);
    if (absorbed !== undefined) return { action: 'duplicate', postingId: absorbed };
    const prefix = `${date}|${batch.totalMinor}|${entry.currency}|`;
    const total = this.byPrefix
      .all(accountId, prefix, `${prefix.slice(0, -1)}}`)
      .find((c) => !this.isClaimed(c.id) && sameBatch(c));
    if (!total) return undefined;
    if (total.assignedMinor === 0 && total.matchState !== 'ignored')
      return { action: 'replace', postingId: total.id, key: next, before: total, reason: 'batch_details' };
    // The total is already (partly) assigned to orders, or marked "not an order payment" (a decision on the whole
    // batch, which would otherwise pass to its first part alone): keep it, and let every part be a duplicate.
    this.absorbedBatches.set(`${accountId}|${date}|${batch.totalMinor}|${ref}`, total.id);
    return { action: 'duplicate', postingId: total.id };
  }

  private readonly absorbedBatches = new Map<string, number>();

  /**
   * One file gives the booking date, another only the value date (MT940 :61: without entry date — parsers then
   * copy the value date into the booking date — and some CSVs): the keys differ although the booking is the
   * same. So an entry is also compared with postings of the same value date that were keyed by the other date.
   */
  private otherDateSpelling(
    accountId: number,
    entry: ParsedEntry,
    identity: Identity,
    statementDate: string | undefined,
  ): Candidate | undefined {
    const valueDate = entry.valueDate;
    if (!valueDate) return undefined;
    let candidates: Candidate[];
    if (entry.bookingDate && entry.bookingDate !== valueDate) {
      // We have a real booking date; the other file may have keyed the booking by its value date.
      const prefix = `${valueDate}|${entry.amountMinor}|${entry.currency}|`;
      candidates = this.byPrefix
        .all(accountId, prefix, `${prefix.slice(0, -1)}}`)
        .filter(
          (c) =>
            (c.bookingDate === null || c.bookingDate === c.valueDate) &&
            (c.valueDate ?? valueDate) === valueDate,
        );
    } else if (keyDate(entry, statementDate) === valueDate) {
      // We only know the value date; the other file may have keyed it by a different booking date.
      candidates = this.byAmount
        .all(accountId, entry.currency, entry.amountMinor, 'booked')
        .filter((c) => c.valueDate === valueDate && c.bookingDate !== null && c.bookingDate !== valueDate);
    } else {
      return undefined;
    }
    return candidates.length ? this.pick(candidates, identity) : undefined;
  }

  private pick(candidates: Candidate[], identity: Identity): Candidate | undefined {
    let best: Candidate | undefined;
    let bestScore = -1;
    for (const c of candidates) {
      if (this.isClaimed(c.id)) continue;
      const other = identityOfRow(c);
      if (contradicts(identity, other)) continue;
      const score = agreement(identity, other);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  /** Pending ↔ booked: same amount, date within the window, and positive agreement (see module comment). */
  private acrossStatus(
    accountId: number,
    entry: ParsedEntry,
    status: 'booked' | 'pending',
    identity: Identity,
    date: string,
  ): Candidate | undefined {
    if (status === 'pending' && !this.hasPending(accountId)) return undefined;
    let best: Candidate | undefined;
    let bestRank = Number.NEGATIVE_INFINITY;
    const entryUndated = !entry.bookingDate && !entry.valueDate;
    for (const c of this.byAmount.all(accountId, entry.currency, entry.amountMinor, status)) {
      if (this.isClaimed(c.id)) continue;
      // A pending row without any date (comdirect "offen", Sparkasse CSV "Umsatz vorgemerkt") was keyed on its
      // statement's date: that is the only date to compare, and it is only approximate.
      const undated = entryUndated || (c.bookingDate === null && c.valueDate === null);
      const apart = Math.min(
        daysApart(c.bookingDate, date),
        daysApart(c.valueDate, date),
        daysApart(c.bookingDate ?? c.valueDate, entry.valueDate),
        undated ? daysApart(keyDateOf(c.dedupeKey), date) : Number.POSITIVE_INFINITY,
      );
      if (apart > PENDING_WINDOW_DAYS) continue;
      const other = identityOfRow(c);
      if (contradicts(identity, other)) continue;
      const score = agreement(identity, other);
      // Without ids: the same day, or — when one side has no date of its own — the same counterparty name.
      const positive =
        score >= 2 ||
        (!hasIdentity(identity) && !hasIdentity(other) && (apart === 0 || (undated && score >= 1))) ||
        (entry.bookingStatus !== status &&
          !hasIdentity(status === 'pending' ? other : identity) &&
          sameParty(entry, c));
      if (!positive) continue;
      const rank = score * 100 - apart;
      if (rank > bestRank) {
        best = c;
        bestRank = rank;
      }
    }
    return best;
  }

  private hasPending(accountId: number): boolean {
    let known = this.pendingAccounts.get(accountId);
    if (known === undefined) {
      known = (this.pendingCount.get(accountId)?.n ?? 0) > 0;
      this.pendingAccounts.set(accountId, known);
    }
    return known;
  }

  /** Called when this import inserts a pending posting, so later booked entries look for it. */
  notePending(accountId: number): void {
    this.pendingAccounts.set(accountId, true);
  }
}
