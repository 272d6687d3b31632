/**
 * The CLI's own words in German (the default, as in the desktop app) and English, and numbers, money and dates
 * in the user's locale. Only human-readable output is translated: `--json` output is a public interface and
 * stays as it is, and so do command names, options and `--help` (commander's), and the messages of errors that
 * come from the core (they carry a stable code).
 *
 * The language: `--lang`, else KASSENWART_LANG (when it is de or en; another value is ignored with a warning), else the POSIX locale (LC_ALL, LC_MESSAGES, LANG), else German.
 * The locale for numbers and dates follows the POSIX locale when it is of the same language (de_AT, en_US), else
 * de-DE / en-GB.
 */
import { DEALER_UNDO_REASON } from '#shared/api/queue.ts';
import { formatDate, formatInstant, formatMoney } from '#shared/format.ts';
import type { OrderStatus } from '#shared/domain.ts';
import { ORDER_STATUS_LABELS, POSTING_STATE_LABELS } from '#shared/labels.ts';
import { signalText, type SignalLike } from '#shared/signal-texts.ts';
import type { PostingMatchState } from '#shared/domain.ts';

export const CLI_LANGUAGES = ['de', 'en'] as const;
export type CliLanguage = (typeof CLI_LANGUAGES)[number];

const DEFAULT_LOCALE: Record<CliLanguage, string> = { de: 'de-DE', en: 'en-GB' };

/** `de_AT.UTF-8` -> `de-AT`; `C`, `POSIX` or nonsense -> undefined. */
function posixLocale(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (!value) continue;
    const m = /^([a-z]{2})(?:_([A-Z]{2}))?/.exec(value);
    return m ? `${m[1] ?? ''}${m[2] ? `-${m[2]}` : ''}` : undefined;
  }
  return undefined;
}

const isLanguage = (value: string | undefined): value is CliLanguage =>
  (CLI_LANGUAGES as readonly (string | undefined)[]).includes(value);

/** `EN`, `en_US.UTF-8`, `de-AT` -> `en`, `en`, `de`; '' -> undefined (not set). */
const languageOf = (value: string | undefined): string | undefined =>
  value ? value.slice(0, 2).toLowerCase() : undefined;

/**
 * KASSENWART_LANG names a language the CLI does not have (`--lang fr` is a usage error; the variable, set once
 * for every command, is not fatal): the warning to print, else undefined. The POSIX locale may name any
 * language (it is the whole system's): it falls back to German without a word, as documented.
 */
export function unknownLanguageWarning(
  env: NodeJS.ProcessEnv,
  language: CliLanguage = 'en',
): string | undefined {
  const value = env['KASSENWART_LANG'];
  if (!value || isLanguage(languageOf(value))) return undefined;
  return TEXTS[language].unknownLanguage(value, CLI_LANGUAGES.join(', '));
}

export type CliLocale = { language: CliLanguage; locale: string };

export function resolveCliLocale(flag: string | undefined, env: NodeJS.ProcessEnv): CliLocale {
  const posix = posixLocale(env);
  const fromPosix = posix?.slice(0, 2);
  const fromEnv = languageOf(env['KASSENWART_LANG']);
  // An unknown KASSENWART_LANG is ignored (main() warns about it): the POSIX locale decides then.
  const wanted = languageOf(flag) ?? (isLanguage(fromEnv) ? fromEnv : undefined) ?? fromPosix;
  const language: CliLanguage = isLanguage(wanted) ? wanted : 'de';
  const locale = posix && fromPosix === language && posix.length === 5 ? posix : DEFAULT_LOCALE[language];
  return { language, locale };
}

/**
 * The undo reasons Kassenwart stores itself, in English as the data is (like error messages): the default of
 * `unassign --reason` and of the API (core/matching/matching-area.ts), and the matcher's undo of a payment that a
 * return sent back (core/matching/match-service.ts). Shown translated; a dealer's own reason stays as typed.
 */
export { DEALER_UNDO_REASON } from '#shared/api/queue.ts';
const RETURNED_BY = /^returned by posting (\d+)$/;
/** A candidate blocked by its order's status: `order_cancelled`, `order_removed_externally`, … */
const ORDER_REASON = /^order_([a-z_]+)$/;

/** A count for a text that needs its noun in singular or plural: the number and the number as formatted. */
export type Counted = { n: number; s: string };
/** "1 posting" / "2 postings" (German and English: singular only for exactly one). */
const pl = (c: Counted, one: string, many: string) => `${c.s} ${c.n === 1 ? one : many}`;

const en = {
  created: (path: string, mode: string) => `Created encrypted database ${path} (key protected by ${mode}).`,
  passphrase: { ask: 'Passphrase: ', repeat: 'Repeat passphrase: ' },
  /** `kassenwart run`: one line per finished sync job (src/cli/logger.ts). */
  syncJob: {
    kind: { new: 'new orders', poll: 'fast polling', full: 'full comparison' } as Record<string, string>,
    line: (at: string, text: string) => `${at} ${text}`,
  },
  unknownLanguage: (value: string, languages: string) =>
    `KASSENWART_LANG="${value}" is not a language of Kassenwart (${languages}); it is ignored.`,
  status: {
    orders: 'Orders',
    unassigned: 'Unassigned incoming payments',
    failedTransfers: 'Failed status transfers',
    pendingTransfers: 'Pending status transfers',
    shops: 'Shops',
    unreadNotifications: (n: string) =>
      `Unread notifications: ${n} (read them with "kassenwart notifications")`,
  },
  seeded: 'Demo data added.',
  demo: (shop: string, orders: Counted, file: string, paid: string, waiting: Counted, dir: string) =>
    `Demo: shop "${shop}" synced (${pl(orders, 'order', 'orders')}), statement ${file} imported and matched; ${paid} paid, ${pl(waiting, 'posting', 'postings')} in the queue.\nDatabase in ${dir} (deleted on exit). Press Ctrl+C to stop.`,
  match: (auto: string, suggested: string, none: string, returns: string, debits: string, ms: string) =>
    `Automatic: ${auto}, suggested: ${suggested}, none: ${none} (returns processed: ${returns}, debits: ${debits}; ${ms} ms)`,
  queue: {
    // Not the same count as `status` (issue R11): the queue also holds debits that may be returns.
    waiting: (c: Counted) =>
      `${pl(c, 'posting', 'postings')} waiting (incoming payments and possible returns; kassenwart status counts only the incoming payments).`,
    nothing: 'Nothing waiting.',
    open: 'open',
    band: { suggest: 'suggestion', none: 'no candidate' } as Record<string, string>,
    /** An order status as a reason (`order_cancelled`, …). */
    orderIs: (status: string) => `order: ${status}`,
    /** Why a posting waits (the queue's `reasons`, the candidates' blockers), by code; an unknown code as it is. */
    reason: {
      abbreviated_list_incomplete: 'abbreviated list: not all its orders',
      abbreviated_list_not_exact: 'abbreviated list: amount not exact',
      abbreviated_list_other_customer: "abbreviated list: another customer's orders",
      allocation_not_positive: 'an order would get nothing',
      ambiguous_combination: 'several combinations fit',
      ambiguous_return: 'several payments fit the return',
      ambiguous_same_amount_same_name: 'two orders with the same amount and name',
      amount_exceeds_tolerance: 'amount beyond the tolerance',
      amount_fits_other_order: 'the amount fits another order',
      amount_only: 'only the amount fits',
      assignment_undone_before: 'an assignment of this posting was undone before',
      blocked: 'blocked',
      combination_pool_truncated: 'too many orders to combine',
      credit_is_no_payment: 'the text calls it a refund, credit note or transfer',
      credit_returns_a_transfer: 'the text calls it a returned transfer',
      currency_mismatch: 'other currency',
      debit: 'debit',
      end_to_end_id_differs: 'another end-to-end id',
      masked_number_names_other_order:
        "the text gives another open order's number as another kind of number (e.g. customer no.)",
      may_return_a_payment_of_this_run: 'may return a payment of this run',
      no_candidate: 'no candidate',
      not_clearly_ahead: 'not clearly ahead of the next candidate',
      not_yet_run: 'automatic at the next matching run',
      number_abbreviated: 'number written abbreviated',
      number_letters_differ: 'number written with other letters',
      number_may_be_postcode: 'the number may be a postcode',
      number_of_closed_order: 'number of an order no longer open',
      number_only_in_identifier: 'number only in an identifier field, the text names another document',
      order_already_paid: 'order already paid',
      orders_of_different_customers: 'orders of different customers',
      other_order_named: 'the text names another order',
      outside_date_window: 'outside the date window',
      partial_needs_confirmation: 'partial payment: confirm it',
      payer_amount_differs: 'the amount differs',
      payer_is_payment_provider: 'payout of a payment provider or marketplace',
      payer_name_partial: 'the payer name agrees only in part',
      payer_points_elsewhere: 'the payer points at another order',
      payment_before_order: 'payment before the order',
      posting_not_booked: 'posting not booked yet',
      remittance_names_other_customer: 'the text names another customer',
      resolved_only_after_other_assignments: 'decided only after other assignments',
      return_by_words_only: 'a return by its words only',
      return_original_not_found: 'the returned payment was not found',
      returned_in_this_run: 'returned in this run',
      returns_a_payment_of_this_run: 'returns a payment of this run',
      reversal_of_debit: 'a returned debit (no order payment)',
      score_below_threshold: 'score below the threshold',
      short_number: 'short number',
      text_names_paid_order: 'the text names a paid order',
      text_names_unknown_order: 'the text names an order not synced yet',
      typo_above_known_numbers: "typo of a number above the shop's known numbers",
      typo_ambiguous: 'several orders one typo away',
      typo_neighbour_fits_amount: 'a neighbouring number fits the amount',
      typo_of_closed_order_number: "typo of a closed order's number",
      typo_unconfirmed: 'typo confirmed by neither amount nor payer',
      ultimate_debtor_differs: 'paid for someone else',
    } as Record<string, string>,
  },
  order: (open: string, total: string) => `open ${open} of ${total}`,
  noOrdersFound: 'No matching orders.',
  assignment: {
    line: (id: number, posting: number, shop: string, number: string, orderId: number, amount: string) =>
      `#${id} posting ${posting} -> ${shop} order ${number} (id:${orderId}) ${amount}`,
    method: { auto: 'auto', manual: 'manual' } as Record<string, string>,
    undone: (at: string, reason: string) => ` UNDONE ${at} (${reason})`,
    none: 'No assignments.',
    /** The reasons Kassenwart itself stores for an undo (see undoReasonText); a dealer's own text stays as typed. */
    undoReason: {
      byDealer: 'undone by the dealer',
      returnedBy: (posting: string) => `returned by posting ${posting}`,
    },
    /** Warnings of a manual assignment, by their code (core/orders/manual-assign-checks.ts). */
    warnings: {
      ASSIGN_ORDER_ALREADY_PAID: (order: string, assigned: string, undo: string) =>
        `Order ${order} was already paid in full; ${assigned} more were assigned to it (a double payment?). Take it back with kassenwart unassign ${undo}.`,
      ASSIGN_ORDER_NOT_AWAITING_PAYMENT: (order: string, status: string, undo: string) =>
        `Order ${order} was not awaiting payment (status ${status}); the payment was assigned to it anyway. Check it is the right order. Take it back with kassenwart unassign ${undo}.`,
      ASSIGN_MORE_THAN_OPEN: (order: string, open: string, assigned: string, more: string, undo: string) =>
        `Order ${order} had ${open} open; ${assigned} were assigned, ${more} more than open. Take it back with kassenwart unassign ${undo}.`,
    },
  },
  undone: (assignment: string, status: string) => `Undone: ${assignment}\nOrder is now ${status}.`,
  transfer: {
    none: '',
    enqueued_paid: '',
    cancelled_pending: ' The pending "paid" write-back was cancelled.',
    enqueued_correction: ' The shop was already set to paid: a correction is queued — do not ship.',
  } as Record<string, string>,
  ignored: (posting: number, state: string) => `Posting ${posting} is now ${state}.`,
  returnUndone: (posting: number, restored: string) =>
    `Posting ${posting} is no longer a return; it is set aside as "not an order payment". Assigned again:\n${restored}`,
  postings: (c: Counted) => pl(c, 'posting', 'postings'),
  pending: 'PENDING',
  watch: { folder: (path: string) => `Watch folder: ${path}`, none: 'No watch folder set.' },
  csvProfile: {
    saved: (name: string) =>
      `CSV profile "${name}" saved. Import with: kassenwart import FILE --csv-profile ${name}`,
    replaced: (name: string) =>
      `CSV profile "${name}" replaced. Import with: kassenwart import FILE --csv-profile ${name}`,
    builtin: 'built-in',
  },
  imported: {
    failed: (file: string, message: string, code: string) => `FAILED ${file}: ${message} (${code})`,
    /** An error message that already starts with the file name (import errors name their file). */
    failedNamed: (message: string, code: string) => `FAILED ${message} (${code})`,
    head: (file: string, format: string, accounts: string) => `${file}: ${format}, account ${accounts}`,
    newAccount: ' (new account)',
    counts: (fresh: string, duplicate: string, replaced: string, balance: string) =>
      `  ${fresh} new, ${duplicate} duplicate, ${replaced} replaced; balance check: ${balance}`,
    balance: {
      ok: 'ok',
      mismatch: 'MISMATCH',
      not_available: 'not available',
      not_checked: 'not checked, currencies differ (see warning BALANCE_NOT_CHECKED)',
    } as Record<string, string>,
    warning: (code: string, message: string) => `  warning ${code}: ${message}`,
    /** The matcher's run after the import (its queue counts include postings of earlier imports). */
    matching: (auto: Counted, suggested: Counted, none: Counted, returns: Counted) =>
      `Matching: ${pl(auto, 'posting', 'postings')} assigned automatically${returns.n > 0 ? `, ${pl(returns, 'return', 'returns')} processed` : ''}; waiting in the queue: ${suggested.s} with a suggestion, ${none.s} without (see "kassenwart queue")`,
  },
  accounts: {
    none: 'No bank account known yet; "kassenwart import FILE" creates the account a statement names.',
    postings: (c: Counted) => pl(c, 'posting', 'postings'),
    lastBooking: (date: string) => `last booking ${date}`,
    lastStatement: (date: string) => `statement up to ${date}`,
    lastImport: (at: string) => `imported ${at}`,
    alsoKnownAs: (id: string) => `also found as ${id}`,
    csvProfile: (name: string) => `CSV profile: ${name}`,
  },
  shops: {
    none: 'No shops connected. Add one with "kassenwart shop add".',
    noneShort: 'No shop to synchronise (none connected, or none enabled).',
    connected: (at: string) => `connected ${at}`,
    ok: (name: string) => `Shop "${name}": connection ok.`,
    removed: (name: string, open: Counted, cancelled: Counted) =>
      `Shop "${name}" removed; its credentials were deleted from the key store. Its orders stay as history only: ${pl(open, 'order', 'orders')} still awaiting payment ${open.n === 1 ? 'is' : 'are'} no longer matched or assigned; ${pl(cancelled, 'status write-back', 'status write-backs')} waiting to be sent ${cancelled.n === 1 ? 'was' : 'were'} cancelled${cancelled.n > 0 ? ' (a "paid" the shop was not told of is a notification: kassenwart notifications)' : ''}.`,
    removeAsk: (name: string) =>
      `Remove shop "${name}"? Its credentials are deleted. Its orders stay as history only: they are no longer matched, found by search or assigned, and their status write-backs waiting to be sent are cancelled. Adding the shop again imports its orders anew, without the payments assigned here; to change its file, address or credentials use "kassenwart shop update" instead.\nRemove "${name}"? [y/N] `,
    removeKept: (name: string) => `Shop "${name}" was not removed.`,
    removeNeedsYes: (name: string) =>
      `shop remove asks for confirmation, and there is no terminal to ask on (or --json was given): to remove shop "${name}", run kassenwart shop remove "${name}" --yes`,
    updated: (name: string) =>
      `Shop "${name}" updated: the connection works. The next sync reads its orders from the start again.`,
    syncFailed: (shop: string, message: string, code: string) => `${shop}: failed – ${message} (${code})`,
    // `sync` prints a failed shop's reason once, on stderr (the error); its line on stdout only points there.
    syncFailedSeeBelow: (shop: string, code: string) => `${shop}: failed (${code}); the reason is below`,
    synced: (
      shop: string,
      seen: Counted,
      fresh: string,
      changed: string,
      removed: string,
      requests: Counted,
    ) =>
      `${shop}: ${pl(seen, 'order', 'orders')} read, ${fresh} new, ${changed} changed, ${removed} removed (${pl(requests, 'request', 'requests')})`,
    added: (system: string, name: string, at: string) =>
      `Connected ${system} shop "${name}" at ${at}.\nMapping (review with "kassenwart shop mapping ${name}"):`,
    mapping: 'Mapping',
    mappingSaved: (saved: boolean, name: string) => `${saved ? 'Mapping saved' : 'Mapping'} of "${name}":`,
    mappingLine: (code: string, methods: string, open: string, paid: string) =>
      `  ${code.padEnd(11)} methods: ${methods}; open: ${open}; paid -> ${paid}`,
    cancelled: 'cancelled',
    overdue: 'overdue',
    collection: 'collection',
    orderNumber: 'order no.',
    // Customer messages are not built yet (README "Not built yet"): the setting must not promise that mail goes out.
    paymentInformation: (sent: boolean) =>
      `  payment information: ${sent ? 'enabled (sending not available yet)' : 'disabled'}`,
    every: (minutes: string) => `every ${minutes} min`,
    off: 'off',
    paused: 'paused (not synchronised)',
    schedule: (fresh: string, fast: string, fullHours: string) =>
      `Schedule: new orders every ${fresh} min (fast polling ${fast}), full comparison every ${fullHours} h`,
    scheduleShort: (fresh: string, fast: string, fullHours: string) =>
      `New orders every ${fresh} min; fast polling ${fast}; full comparison every ${fullHours} h`,
    run: (
      at: string,
      kind: string,
      state: string,
      seen: string,
      fresh: string,
      changed: string,
      removed: string,
      requests: Counted,
    ) =>
      `  ${at} ${kind.padEnd(4)} ${state.padEnd(7)} seen ${seen}, new ${fresh}, changed ${changed}, removed ${removed}, ${pl(requests, 'request', 'requests')}`,
    running: (shops: Counted) =>
      `Kassenwart is running (${pl(shops, 'shop', 'shops')}). Stop with Ctrl-C.\nOrders are synchronised on each shop's schedule (kassenwart shop show NAME), bank statements imported from the watch folder (kassenwart watch); one line per sync here, warnings and errors on stderr (more with KASSENWART_LOG=info).`,
  },
  orders: { none: 'No orders.', notManaged: ' (not managed)' },
  notifications: {
    level: { info: 'info', warning: 'warning', error: 'error' } as Record<string, string>,
    read: (at: string) => ` (read ${at})`,
    unread: (c: Counted) =>
      `${pl(c, 'unread notification', 'unread notifications')}. Mark read: kassenwart notifications read ID... (or --all)`,
    noneUnread: 'No unread notifications.',
    all: (c: Counted, unread: string) => `${pl(c, 'notification', 'notifications')}, ${unread} unread.`,
    none: 'No notifications.',
    more: (from: string, to: string, total: string) =>
      `Shown: ${from}-${to} of ${total}; more with --offset N or --limit N.`,
    marked: (c: Counted, ids: string) => `Marked read: ${pl(c, 'notification', 'notifications')}${ids}.`,
    alreadyRead: (ids: string) => `Already read: ${ids}.`,
    nothingToMark: 'Nothing to mark: no unread notifications.',
    unreadNow: (n: string) => `Unread now: ${n}.`,
  },
  /** `kassenwart dev shop-sim`: its first line (credentials as `key=… secret=…`, the names of shop add's variables). */
  shopSim: (system: string, url: string, credentials: string) =>
    `${system} simulator at ${url} – credentials: ${credentials}`,
};

export type CliTexts = typeof en;

const de: CliTexts = {
  created: (path, mode) =>
    `Verschlüsselte Datenbank ${path} angelegt (Schlüssel geschützt durch ${{ keyring: 'den Schlüsselbund des Systems', passphrase: 'eine Passphrase', safeStorage: 'safeStorage' }[mode] ?? mode}).`,
  passphrase: { ask: 'Passphrase: ', repeat: 'Passphrase wiederholen: ' },
  syncJob: {
    kind: { new: 'neue Bestellungen', poll: 'schnelle Abfrage', full: 'vollständiger Abgleich' },
    line: (at, text) => `${at} ${text}`,
  },
  unknownLanguage: (value, languages) =>
    `KASSENWART_LANG="${value}" ist keine Sprache von Kassenwart (${languages}); die Variable wird nicht beachtet.`,
  status: {
    orders: 'Bestellungen',
    unassigned: 'Nicht zugeordnete Zahlungseingänge',
    failedTransfers: 'Fehlgeschlagene Statusübertragungen',
    pendingTransfers: 'Ausstehende Statusübertragungen',
    shops: 'Shops',
    unreadNotifications: (n) => `Ungelesene Benachrichtigungen: ${n} (lesen mit „kassenwart notifications“)`,
  },
  seeded: 'Demodaten angelegt.',
  demo: (shop, orders, file, paid, waiting, dir) =>
    `Demo: Shop „${shop}“ abgeglichen (${pl(orders, 'Bestellung', 'Bestellungen')}), Kontoauszug ${file} eingelesen und zugeordnet; ${paid} bezahlt, ${pl(waiting, 'Buchung', 'Buchungen')} in der Zuordnung.\nDatenbank in ${dir} (wird beim Beenden gelöscht). Beenden mit Strg+C.`,
  match: (auto, suggested, none, returns, debits, ms) =>
    `Automatisch zugeordnet: ${auto}, Vorschläge: ${suggested}, ohne Kandidat: ${none} (Rückbuchungen verarbeitet: ${returns}, Lastschriften/Abgänge: ${debits}; ${ms} ms)`,
  queue: {
    waiting: (c) =>
      `${pl(c, 'Buchung wartet', 'Buchungen warten')} auf Zuordnung (Zahlungseingänge und mögliche Rückbuchungen; kassenwart status zählt nur die Zahlungseingänge).`,
    nothing: 'Nichts zuzuordnen.',
    open: 'offen',
    band: { suggest: 'Vorschlag', none: 'kein Kandidat' },
    orderIs: (status) => `Bestellung: ${status}`,
    reason: {
      abbreviated_list_incomplete: 'abgekürzte Aufzählung: nicht alle ihre Bestellungen',
      abbreviated_list_not_exact: 'abgekürzte Aufzählung: Betrag nicht genau',
      abbreviated_list_other_customer: 'abgekürzte Aufzählung: Bestellungen eines anderen Kunden',
      allocation_not_positive: 'eine Bestellung bekäme nichts',
      ambiguous_combination: 'mehrere Kombinationen passen',
      ambiguous_return: 'mehrere Zahlungen passen zur Rückbuchung',
      ambiguous_same_amount_same_name: 'zwei Bestellungen mit gleichem Betrag und Namen',
      amount_exceeds_tolerance: 'Betrag außerhalb der Toleranz',
      amount_fits_other_order: 'der Betrag passt zu einer anderen Bestellung',
      amount_only: 'nur der Betrag passt',
      assignment_undone_before: 'eine Zuordnung dieser Buchung wurde schon einmal zurückgenommen',
      blocked: 'gesperrt',
      combination_pool_truncated: 'zu viele Bestellungen zum Kombinieren',
      credit_is_no_payment: 'der Text nennt sie Erstattung, Gutschrift oder Umbuchung',
      credit_returns_a_transfer: 'der Text nennt sie Rücküberweisung',
      currency_mismatch: 'andere Währung',
      debit: 'Abbuchung',
      end_to_end_id_differs: 'andere End-to-End-ID',
      masked_number_names_other_order:
        'der Text nennt die Nummer einer anderen offenen Bestellung als andere Nummer (z. B. Kundennr.)',
      may_return_a_payment_of_this_run: 'bucht vielleicht eine Zahlung dieses Abgleichs zurück',
      no_candidate: 'kein Kandidat',
      not_clearly_ahead: 'nicht deutlich vor dem nächsten Kandidaten',
      not_yet_run: 'automatisch beim nächsten Abgleich',
      number_abbreviated: 'Nummer abgekürzt geschrieben',
      number_letters_differ: 'Nummer mit anderen Buchstaben geschrieben',
      number_may_be_postcode: 'die Nummer kann eine Postleitzahl sein',
      number_of_closed_order: 'Nummer einer nicht mehr offenen Bestellung',
      number_only_in_identifier: 'Nummer nur in einem Kennungsfeld, der Text nennt ein anderes Dokument',
      order_already_paid: 'Bestellung schon bezahlt',
      orders_of_different_customers: 'Bestellungen verschiedener Kunden',
      other_order_named: 'der Text nennt eine andere Bestellung',
      outside_date_window: 'außerhalb des Zeitfensters',
      partial_needs_confirmation: 'Teilzahlung: bitte bestätigen',
      payer_amount_differs: 'der Betrag weicht ab',
      payer_is_payment_provider: 'Auszahlung eines Zahlungsdienstes oder Marktplatzes',
      payer_name_partial: 'der Zahlername stimmt nur teilweise überein',
      payer_points_elsewhere: 'der Zahler deutet auf eine andere Bestellung',
      payment_before_order: 'Zahlung vor der Bestellung',
      posting_not_booked: 'Buchung nur vorgemerkt',
      remittance_names_other_customer: 'der Text nennt einen anderen Kunden',
      resolved_only_after_other_assignments: 'erst nach anderen Zuordnungen entschieden',
      return_by_words_only: 'Rückbuchung nur dem Wortlaut nach',
      return_original_not_found: 'die zurückgebuchte Zahlung wurde nicht gefunden',
      returned_in_this_run: 'in diesem Abgleich zurückgebucht',
      returns_a_payment_of_this_run: 'bucht eine Zahlung dieses Abgleichs zurück',
      reversal_of_debit: 'zurückgekommene Abbuchung (keine Bestellzahlung)',
      score_below_threshold: 'Bewertung unter der Schwelle',
      short_number: 'kurze Nummer',
      text_names_paid_order: 'der Text nennt eine bezahlte Bestellung',
      text_names_unknown_order: 'der Text nennt eine noch nicht abgerufene Bestellung',
      typo_above_known_numbers: 'Tippfehler einer Nummer über den bekannten Nummern des Shops',
      typo_ambiguous: 'mehrere Bestellungen einen Tippfehler entfernt',
      typo_neighbour_fits_amount: 'eine benachbarte Nummer passt zum Betrag',
      typo_of_closed_order_number: 'Tippfehler der Nummer einer abgeschlossenen Bestellung',
      typo_unconfirmed: 'Tippfehler weder durch Betrag noch durch Zahler bestätigt',
      ultimate_debtor_differs: 'für jemand anderen bezahlt',
    },
  },
  order: (open, total) => `offen ${open} von ${total}`,
  noOrdersFound: 'Keine passenden Bestellungen.',
  assignment: {
    line: (id, posting, shop, number, orderId, amount) =>
      `#${id} Buchung ${posting} -> ${shop} Bestellung ${number} (id:${orderId}) ${amount}`,
    method: { auto: 'automatisch', manual: 'manuell' },
    undone: (at, reason) => ` ZURÜCKGENOMMEN ${at} (${reason})`,
    none: 'Keine Zuordnungen.',
    undoReason: {
      byDealer: 'vom Händler zurückgenommen',
      returnedBy: (posting) => `zurückgebucht durch Buchung ${posting}`,
    },
    warnings: {
      ASSIGN_ORDER_ALREADY_PAID: (order, assigned, undo) =>
        `Bestellung ${order} war schon vollständig bezahlt; ihr wurden weitere ${assigned} zugeordnet (doppelt bezahlt?). Zurücknehmen mit kassenwart unassign ${undo}.`,
      ASSIGN_ORDER_NOT_AWAITING_PAYMENT: (order, status, undo) =>
        `Bestellung ${order} wartete nicht auf eine Zahlung (Status ${status}); die Zahlung wurde ihr trotzdem zugeordnet. Prüfen Sie, ob es die richtige Bestellung ist. Zurücknehmen mit kassenwart unassign ${undo}.`,
      ASSIGN_MORE_THAN_OPEN: (order, open, assigned, more, undo) =>
        `Bei Bestellung ${order} waren ${open} offen; zugeordnet wurden ${assigned}, ${more} mehr als offen. Zurücknehmen mit kassenwart unassign ${undo}.`,
    },
  },
  undone: (assignment, status) => `Zurückgenommen: ${assignment}\nDie Bestellung ist jetzt: ${status}.`,
  transfer: {
    none: '',
    enqueued_paid: '',
    cancelled_pending: ' Die ausstehende Übertragung „bezahlt“ an den Shop wurde abgebrochen.',
    enqueued_correction:
      ' Der Shop stand schon auf „bezahlt“: eine Korrektur wird übertragen — nicht versenden.',
  },
  ignored: (posting, state) => `Buchung ${posting} ist jetzt: ${state}.`,
  returnUndone: (posting, restored) =>
    `Buchung ${posting} gilt nicht mehr als Rückbuchung; sie ist als „keine Bestellzahlung“ beiseitegelegt. Wieder zugeordnet:\n${restored}`,
  postings: (c) => pl(c, 'Buchung', 'Buchungen'),
  pending: 'VORGEMERKT',
  watch: { folder: (path) => `Überwachter Ordner: ${path}`, none: 'Kein überwachter Ordner eingestellt.' },
  csvProfile: {
    saved: (name) =>
      `CSV-Profil „${name}“ gespeichert. Einlesen mit: kassenwart import DATEI --csv-profile ${name}`,
    replaced: (name) =>
      `CSV-Profil „${name}“ ersetzt. Einlesen mit: kassenwart import DATEI --csv-profile ${name}`,
    builtin: 'eingebaut',
  },
  imported: {
    failed: (file, message, code) => `FEHLER ${file}: ${message} (${code})`,
    failedNamed: (message, code) => `FEHLER ${message} (${code})`,
    head: (file, format, accounts) => `${file}: ${format}, Konto ${accounts}`,
    newAccount: ' (neues Konto)',
    counts: (fresh, duplicate, replaced, balance) =>
      `  ${fresh} neu, ${duplicate} doppelt, ${replaced} ersetzt; Saldenprüfung: ${balance}`,
    balance: {
      ok: 'in Ordnung',
      mismatch: 'ABWEICHUNG',
      not_available: 'nicht möglich',
      not_checked: 'nicht geprüft, Währungen verschieden (siehe Warnung BALANCE_NOT_CHECKED)',
    },
    warning: (code, message) => `  Hinweis ${code}: ${message}`,
    matching: (auto, suggested, none, returns) =>
      `Abgleich: ${pl(auto, 'Buchung', 'Buchungen')} automatisch zugeordnet${returns.n > 0 ? `, ${pl(returns, 'Rückbuchung', 'Rückbuchungen')} verarbeitet` : ''}; auf Zuordnung warten ${suggested.s} mit Vorschlag, ${none.s} ohne (siehe „kassenwart queue“)`,
  },
  accounts: {
    none: 'Noch kein Bankkonto bekannt; „kassenwart import DATEI“ legt das Konto an, das ein Kontoauszug nennt.',
    postings: (c) => pl(c, 'Buchung', 'Buchungen'),
    lastBooking: (date) => `letzte Buchung ${date}`,
    lastStatement: (date) => `Kontoauszug bis ${date}`,
    lastImport: (at) => `eingelesen ${at}`,
    alsoKnownAs: (id) => `auch zu finden als ${id}`,
    csvProfile: (name) => `CSV-Profil: ${name}`,
  },
  shops: {
    none: 'Kein Shop verbunden. Einen Shop verbinden mit „kassenwart shop add“.',
    noneShort: 'Kein Shop abzugleichen (keiner verbunden oder keiner aktiviert).',
    connected: (at) => `verbunden ${at}`,
    ok: (name) => `Shop „${name}“: Verbindung in Ordnung.`,
    removed: (name, open, cancelled) =>
      `Shop „${name}“ entfernt; seine Zugangsdaten wurden aus dem Schlüsselspeicher gelöscht. Seine Bestellungen bleiben nur als Verlauf: ${pl(open, 'Bestellung', 'Bestellungen')} mit noch offener Zahlung ${open.n === 1 ? 'wird' : 'werden'} nicht mehr abgeglichen oder zugeordnet; ${pl(cancelled, 'wartende Statusübertragung', 'wartende Statusübertragungen')} ${cancelled.n === 1 ? 'wurde' : 'wurden'} abgebrochen${cancelled.n > 0 ? ' (ein „bezahlt“, das der Shop nicht mehr erfährt, steht in den Benachrichtigungen: kassenwart notifications)' : ''}.`,
    removeAsk: (name) =>
      `Shop „${name}“ entfernen? Seine Zugangsdaten werden gelöscht. Seine Bestellungen bleiben nur als Verlauf: Sie werden nicht mehr zugeordnet, gesucht oder abgeglichen, und ihre noch wartenden Statusübertragungen werden abgebrochen. Wird der Shop neu verbunden, kommen seine Bestellungen neu herein, ohne die hier zugeordneten Zahlungen; um Datei, Adresse oder Zugangsdaten zu ändern, nutzen Sie stattdessen „kassenwart shop update“.\n„${name}“ entfernen? [j/N] `,
    removeKept: (name) => `Shop „${name}“ wurde nicht entfernt.`,
    removeNeedsYes: (name) =>
      `shop remove fragt nach einer Bestätigung, und es gibt kein Terminal dafür (oder --json wurde angegeben): um Shop „${name}“ zu entfernen, rufen Sie kassenwart shop remove "${name}" --yes auf`,
    updated: (name) =>
      `Shop „${name}“ geändert: Die Verbindung funktioniert. Der nächste Abgleich liest seine Bestellungen wieder von vorn.`,
    syncFailed: (shop, message, code) => `${shop}: fehlgeschlagen – ${message} (${code})`,
    // `sync` prints a failed shop's reason once, on stderr (the error); its line on stdout only points there.
    syncFailedSeeBelow: (shop, code) => `${shop}: fehlgeschlagen (${code}); der Grund steht unten`,
    synced: (shop, seen, fresh, changed, removed, requests) =>
      `${shop}: ${pl(seen, 'Bestellung', 'Bestellungen')} gelesen, ${fresh} neu, ${changed} geändert, ${removed} entfernt (${pl(requests, 'Anfrage', 'Anfragen')})`,
    added: (system, name, at) =>
      `${system}-Shop „${name}“ verbunden am ${at}.\nZuordnung der Zahlarten und Status (prüfen mit „kassenwart shop mapping ${name}“):`,
    mapping: 'Zuordnung der Zahlarten und Status',
    mappingSaved: (saved, name) => `${saved ? 'Zuordnung gespeichert' : 'Zuordnung'} für „${name}“:`,
    mappingLine: (code, methods, open, paid) =>
      `  ${code.padEnd(11)} Zahlarten: ${methods}; offen: ${open}; bezahlt -> ${paid}`,
    cancelled: 'storniert',
    overdue: 'überfällig',
    collection: 'Inkasso',
    orderNumber: 'Bestellnr.',
    paymentInformation: (sent) =>
      `  Zahlungsinformation: ${sent ? 'aktiviert (Versand noch nicht verfügbar)' : 'deaktiviert'}`,
    every: (minutes) => `alle ${minutes} Min.`,
    off: 'aus',
    paused: 'pausiert (wird nicht abgeglichen)',
    schedule: (fresh, fast, fullHours) =>
      `Zeitplan: neue Bestellungen alle ${fresh} Min. (schnelle Abfrage ${fast}), vollständiger Abgleich alle ${fullHours} Std.`,
    scheduleShort: (fresh, fast, fullHours) =>
      `Neue Bestellungen alle ${fresh} Min.; schnelle Abfrage ${fast}; vollständiger Abgleich alle ${fullHours} Std.`,
    run: (at, kind, state, seen, fresh, changed, removed, requests) =>
      `  ${at} ${kind.padEnd(4)} ${state.padEnd(7)} gelesen ${seen}, neu ${fresh}, geändert ${changed}, entfernt ${removed}, ${pl(requests, 'Anfrage', 'Anfragen')}`,
    running: (shops) =>
      `Kassenwart läuft (${pl(shops, 'Shop', 'Shops')}). Beenden mit Strg+C.\nBestellungen werden nach dem Zeitplan jedes Shops abgeglichen (kassenwart shop show NAME), Kontoauszüge aus dem überwachten Ordner eingelesen (kassenwart watch); eine Zeile je Abgleich hier, Warnungen und Fehler auf stderr (mehr mit KASSENWART_LOG=info).`,
  },
  orders: { none: 'Keine Bestellungen.', notManaged: ' (nicht verwaltet)' },
  notifications: {
    level: { info: 'Info', warning: 'Warnung', error: 'Fehler' },
    read: (at) => ` (gelesen ${at})`,
    unread: (c) =>
      `${pl(c, 'ungelesene Benachrichtigung', 'ungelesene Benachrichtigungen')}. Als gelesen markieren: kassenwart notifications read ID … (oder --all)`,
    noneUnread: 'Keine ungelesenen Benachrichtigungen.',
    all: (c, unread) => `${pl(c, 'Benachrichtigung', 'Benachrichtigungen')}, davon ${unread} ungelesen.`,
    none: 'Keine Benachrichtigungen.',
    more: (from, to, total) =>
      `Angezeigt: ${from}–${to} von ${total}; weitere mit --offset N oder --limit N.`,
    marked: (c, ids) => `Als gelesen markiert: ${pl(c, 'Benachrichtigung', 'Benachrichtigungen')}${ids}.`,
    alreadyRead: (ids) => `Schon gelesen: ${ids}.`,
    nothingToMark: 'Nichts zu markieren: keine ungelesenen Benachrichtigungen.',
    unreadNow: (n) => `Noch ungelesen: ${n}.`,
  },
  shopSim: (system, url, credentials) => `${system}-Simulator unter ${url} – Zugangsdaten: ${credentials}`,
};

const TEXTS: Record<CliLanguage, CliTexts> = { de, en };

/** Texts and formatters for one CLI run. */
export type CliFormat = {
  language: CliLanguage;
  locale: string;
  t: CliTexts;
  money: (amountMinor: number, currency: string) => string;
  count: (value: number) => string;
  /** A count for texts that put their noun in singular or plural (see Counted). */
  counted: (value: number) => Counted;
  /** A `YYYY-MM-DD` calendar date (other text unchanged). */
  date: (isoDate: string) => string;
  status: (status: string) => string;
  /** A posting's match state (unassigned, ignored, …) for people. */
  postingState: (state: string) => string;
  /** An ISO instant in the locale, in the user's time zone. */
  instant: (iso: string) => string;
  /** A matcher score (0–1) with three decimals, as `0,985` / `0.985`. */
  score: (value: number) => string;
  /** An undo reason for people: the ones Kassenwart stores itself translated, a dealer's own text as typed. */
  undoReason: (reason: string) => string;
  /** A matcher signal (or an assignment's reason) in the language, money in the locale (#shared/signal-texts.ts). */
  signal: (signal: SignalLike) => string;
  /** Why a posting waits in the queue (a reason or blocker code) in the language; an unknown code as it is. */
  queueReason: (code: string) => string;
};

export function cliFormat(where: CliLocale): CliFormat {
  const { language, locale } = where;
  const counter = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const scorer = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const reasons = TEXTS[language].assignment.undoReason;
  return {
    language,
    locale,
    t: TEXTS[language],
    money: (amountMinor, currency) => formatMoney(amountMinor, currency, locale),
    count: (value) => counter.format(value),
    counted: (value) => ({ n: value, s: counter.format(value) }),
    date: (isoDate) => (/^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? formatDate(isoDate, locale) : isoDate),
    status: (status) => ORDER_STATUS_LABELS[language][status as OrderStatus] ?? status,
    postingState: (state) => POSTING_STATE_LABELS[language][state as PostingMatchState] ?? state,
    instant: (iso) => formatInstant(iso, locale),
    score: (value) => scorer.format(value),
    undoReason: (reason) => {
      if (reason === DEALER_UNDO_REASON) return reasons.byDealer;
      const returned = RETURNED_BY.exec(reason);
      return returned ? reasons.returnedBy(returned[1] ?? '') : reason;
    },
    signal: (s) => signalText(s, language, locale),
    queueReason: (code) => {
      const queue = TEXTS[language].queue;
      const text = queue.reason[code];
      if (text !== undefined) return text;
      const status = ORDER_REASON.exec(code)?.[1];
      const label = status && ORDER_STATUS_LABELS[language][status as OrderStatus];
      return label ? queue.orderIs(label) : code;
    },
  };
}
