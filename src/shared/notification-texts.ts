/**
 * The words of the dealer notifications, in German (the default) and English, made from a notification's kind and
 * params (notification-kinds.ts) when it is shown: one table for every shell, like labels.ts. Notifications
 * stored before they had params (only an English title and body) are shown with that stored text, as is one whose
 * params do not fit its kind.
 *
 * The English text with instants as ISO strings (`englishNotificationText`) is what `title` and `body` of the API
 * and of `notifications --json` carry: the same in every language, like the messages of errors.
 */
import type { NotificationParams } from './api/notifications.ts';
import { formatInstant, formatMoney } from './format.ts';
import {
  NOTIFICATION_KINDS,
  isNotificationKind,
  type NotificationKind,
  type NotificationParamsOf,
} from './notification-kinds.ts';

export type NotificationLanguage = 'de' | 'en';

/** How the words show instants and money; `notificationFormat` gives the user's locale. */
export type NotificationFormat = {
  language: NotificationLanguage;
  instant(iso: string): string;
  money(amountMinor: number, currency: string): string;
};

export type NotificationText = { title: string; body: string };

type Wording = {
  [K in NotificationKind]: (p: NotificationParamsOf<K>, f: NotificationFormat) => NotificationText;
};

/** Order numbers of a finding: the first `max`, then how many more. */
function listed(p: { orderNumbers: string[]; orderCount: number }, max: number, more: string): string {
  const shown = p.orderNumbers.slice(0, max);
  const rest = p.orderCount - shown.length;
  return rest > 0 ? `${shown.join(', ')} ${more.replace('{n}', String(rest))}` : shown.join(', ');
}

const amounts = (p: NotificationParamsOf<'overpaid'>, f: NotificationFormat, of: string) =>
  `${f.money(p.paidMinor, p.currency)} ${of} ${f.money(p.totalMinor, p.currency)}`;

const EN: Wording = {
  overpaid: (p, f) => ({
    title: `Order overpaid: ${p.orderNumber}`,
    body: `More money was assigned than the order total (${amounts(p, f, 'of')}); refund or keep it as credit.`,
  }),
  paid_after_cancellation: (p) => ({
    title: `Payment for a cancelled order: ${p.orderNumber}`,
    body: 'A payment was assigned to a cancelled order; refund it or reactivate the order in the shop.',
  }),
  cancelled_in_shop_after_payment: (p) => ({
    title: `Paid order cancelled in the shop: ${p.orderNumber}`,
    body: 'The shop cancelled or refunded an order Kassenwart holds a payment for; refund the customer, or reactivate the order in the shop. Its "paid" write-back, if still waiting, was cancelled.',
  }),
  closed_in_shop_partially_paid: (p, f) => ({
    title: `Partly paid order closed in the shop: ${p.orderNumber}`,
    body: `The shop closed, cancelled or marked paid an order of which only part of the total arrived here (${amounts(p, f, 'of')}); check whether the rest was paid otherwise, or refund what was paid. The payment stays on the order.`,
  }),
  currency_changed_after_payment: (p) => ({
    title: `Currency changed in the shop after payment: ${p.orderNumber}`,
    body: `The shop changed the currency of an order that has payments in the old currency; Kassenwart keeps the old currency (${p.currency}). Check the order in the shop.`,
  }),
  payment_on_removed_order: (p) => ({
    title: `Payment for an order no longer open in the shop: ${p.orderNumber}`,
    body: 'A payment was assigned to an order the shop no longer lists as open; check it in the shop.',
  }),
  paid_status_corrected: (p) => ({
    title: `Order ${p.orderNumber} is no longer paid`,
    body: p.shopConnected
      ? 'A payment was taken back after the shop had been set to paid; Kassenwart is resetting the shop status. Do not ship unless paid.'
      : 'A payment was taken back after the shop had been set to paid. The shop is no longer connected to Kassenwart, so its status cannot be reset from here: set the order back to unpaid in the shop by hand. Do not ship unless paid.',
  }),
  paid_not_sent: (p) => ({
    title: `Order ${p.orderNumber} is paid, but its shop was not told`,
    body: `The shop was removed from Kassenwart (${p.reason}) before "paid" was sent to it: set the order to paid in the shop by hand.`,
  }),
  sync_failed: (p) => ({
    title: `Shop "${p.shopName}" could not be synchronised`,
    body: `${p.errorMessage} (${p.errorCode})`,
  }),
  order_out_of_reach: (p) => ({
    title: `Order ${p.orderNumber} cannot be checked in shop "${p.shopName}"`,
    body: `${p.errorMessage} Order ${p.orderNumber} stays open in Kassenwart; check it in the shop.`,
  }),
  customer_data_withheld: (p) => ({
    title: `Shop "${p.shopName}" withholds customer data from Kassenwart`,
    body:
      `The shop does not show the orders' ${p.fields.join(', ')}. Values stored earlier are kept; new orders arrive without them, so payments naming the customer are matched less often.` +
      (p.accessHint ? ` Request access in the Shopify app's settings ${p.accessHint}` : ''),
  }),
  order_modified_in_future: (p, f) => ({
    title: `Shop "${p.shopName}": orders modified in the future`,
    body:
      `The shop gives ${p.orderCount === 1 ? 'order' : 'orders'} ${listed(p, 10, 'and {n} more')} a modification date later than ` +
      `${p.ourClock ? "this computer's time" : "the shop's own time"} (order ${p.orderNumber}: ${f.instant(p.modifiedAt)}, time ${f.instant(p.shopNow)}). ` +
      'Kassenwart reads new orders up to that time only, so orders created later still arrive. ' +
      (p.ourClock
        ? "Check this computer's clock and the shop server's, or the plugin that set these dates."
        : "Check the shop server's clock, or the plugin that set these dates."),
  }),
  shop_status_unmapped: (p) => ({
    title: `Shop "${p.shopName}": status "${p.status}" is not in the mapping`,
    body:
      `${p.orderCount} order(s) (${listed(p, 5, 'and {n} more')}) now have the shop status "${p.status}", which the mapping ` +
      'treats neither as open, paid nor cancelled: Kassenwart took them as removed externally and matches no ' +
      'payment to them. If the customer still has to pay in this status, add it to the open statuses, e.g. ' +
      `${p.command}; the next sync reads the shop's orders again.`,
  }),
  payment_method_unmapped: (p) => ({
    title: `Shop "${p.shopName}": payment method "${p.method}" is not in the mapping`,
    body:
      `${p.orderCount} open order(s) (${listed(p, 5, 'and {n} more')}) use the payment method "${p.method}", which the mapping ` +
      'assigns to no payment code: Kassenwart does not import such orders, nor follow one it holds already. If ' +
      `these customers pay by bank transfer, map it, e.g. ${p.command} (or invoice=…, cod=…); the next sync reads the shop's orders again.`,
  }),
  matching_decision_failed: (p) => ({
    title: `Posting ${p.postingId} could not be processed`,
    body: `The matcher's decision (${p.pass}) for this posting was not applied: ${p.errorMessage} Check the posting and its order in the queue.`,
  }),
};

const DE: Wording = {
  overpaid: (p, f) => ({
    title: `Bestellung überzahlt: ${p.orderNumber}`,
    body: `Es wurde mehr Geld zugeordnet, als die Bestellung kostet (${amounts(p, f, 'von')}); erstatten Sie den Rest oder führen Sie ihn als Guthaben.`,
  }),
  paid_after_cancellation: (p) => ({
    title: `Zahlung für eine stornierte Bestellung: ${p.orderNumber}`,
    body: 'Einer stornierten Bestellung wurde eine Zahlung zugeordnet; erstatten Sie sie oder aktivieren Sie die Bestellung im Shop wieder.',
  }),
  cancelled_in_shop_after_payment: (p) => ({
    title: `Bezahlte Bestellung im Shop storniert: ${p.orderNumber}`,
    body: 'Der Shop hat eine Bestellung storniert oder erstattet, für die Kassenwart eine Zahlung hält; erstatten Sie dem Kunden das Geld oder aktivieren Sie die Bestellung im Shop wieder. Ihre noch wartende Übertragung „bezahlt“ wurde abgebrochen.',
  }),
  closed_in_shop_partially_paid: (p, f) => ({
    title: `Teilweise bezahlte Bestellung im Shop geschlossen: ${p.orderNumber}`,
    body: `Der Shop hat eine Bestellung geschlossen, storniert oder als bezahlt markiert, von der hier nur ein Teil eingegangen ist (${amounts(p, f, 'von')}); prüfen Sie, ob der Rest anders bezahlt wurde, oder erstatten Sie das Bezahlte. Die Zahlung bleibt der Bestellung zugeordnet.`,
  }),
  currency_changed_after_payment: (p) => ({
    title: `Währung im Shop nach der Zahlung geändert: ${p.orderNumber}`,
    body: `Der Shop hat die Währung einer Bestellung geändert, für die Zahlungen in der alten Währung vorliegen; Kassenwart behält die alte Währung (${p.currency}). Prüfen Sie die Bestellung im Shop.`,
  }),
  payment_on_removed_order: (p) => ({
    title: `Zahlung für eine im Shop nicht mehr offene Bestellung: ${p.orderNumber}`,
    body: 'Einer Bestellung, die der Shop nicht mehr als offen führt, wurde eine Zahlung zugeordnet; prüfen Sie sie im Shop.',
  }),
  paid_status_corrected: (p) => ({
    title: `Bestellung ${p.orderNumber} ist nicht mehr bezahlt`,
    body: p.shopConnected
      ? 'Eine Zahlung wurde zurückgenommen, nachdem der Shop schon auf „bezahlt“ gesetzt war; Kassenwart setzt den Status im Shop zurück. Nicht versenden, solange nicht bezahlt ist.'
      : 'Eine Zahlung wurde zurückgenommen, nachdem der Shop schon auf „bezahlt“ gesetzt war. Der Shop ist nicht mehr mit Kassenwart verbunden, der Status lässt sich von hier nicht zurücksetzen: Setzen Sie die Bestellung im Shop von Hand wieder auf unbezahlt. Nicht versenden, solange nicht bezahlt ist.',
  }),
  paid_not_sent: (p) => ({
    title: `Bestellung ${p.orderNumber} ist bezahlt, aber ihr Shop weiß es nicht`,
    body: 'Der Shop wurde aus Kassenwart entfernt, bevor „bezahlt“ an ihn übertragen war: Setzen Sie die Bestellung im Shop von Hand auf bezahlt.',
  }),
  sync_failed: (p) => ({
    title: `Shop „${p.shopName}“ konnte nicht synchronisiert werden`,
    body: `${p.errorMessage} (${p.errorCode})`,
  }),
  order_out_of_reach: (p) => ({
    title: `Bestellung ${p.orderNumber} lässt sich im Shop „${p.shopName}“ nicht prüfen`,
    body: `${p.errorMessage} Bestellung ${p.orderNumber} bleibt in Kassenwart offen; prüfen Sie sie im Shop.`,
  }),
  customer_data_withheld: (p) => ({
    title: `Shop „${p.shopName}“ gibt Kassenwart keine Kundendaten`,
    body:
      `Der Shop zeigt von den Bestellungen nicht: ${p.fields.join(', ')}. Früher gespeicherte Werte bleiben; neue Bestellungen kommen ohne sie, daher werden Zahlungen mit dem Namen des Kunden seltener zugeordnet.` +
      (p.accessHint
        ? ` Fordern Sie den Zugriff in den Einstellungen der Shopify-App an ${p.accessHint}`
        : ''),
  }),
  order_modified_in_future: (p, f) => ({
    title: `Shop „${p.shopName}“: Bestellungen mit Änderungsdatum in der Zukunft`,
    body:
      `Der Shop gibt ${p.orderCount === 1 ? 'der Bestellung' : 'den Bestellungen'} ${listed(p, 10, 'und {n} weiteren')} ein Änderungsdatum nach ` +
      `${p.ourClock ? 'der Uhrzeit dieses Computers' : 'der eigenen Uhrzeit des Shops'} (Bestellung ${p.orderNumber}: ${f.instant(p.modifiedAt)}, Uhrzeit ${f.instant(p.shopNow)}). ` +
      'Kassenwart liest neue Bestellungen nur bis zu dieser Zeit, später angelegte kommen also trotzdem an. ' +
      (p.ourClock
        ? 'Prüfen Sie die Uhr dieses Computers und die des Shop-Servers oder das Plugin, das diese Daten gesetzt hat.'
        : 'Prüfen Sie die Uhr des Shop-Servers oder das Plugin, das diese Daten gesetzt hat.'),
  }),
  shop_status_unmapped: (p) => ({
    title: `Shop „${p.shopName}“: Status „${p.status}“ fehlt in der Zuordnung`,
    body:
      `${p.orderCount} Bestellung(en) (${listed(p, 5, 'und {n} weitere')}) haben jetzt den Shop-Status „${p.status}“, den die Zuordnung ` +
      'weder als offen noch als bezahlt oder storniert kennt: Kassenwart hat sie als extern entfernt übernommen und ordnet ihnen ' +
      'keine Zahlung zu. Muss der Kunde in diesem Status noch zahlen, nehmen Sie ihn in die offenen Status auf, z. B. ' +
      `${p.command}; die nächste Synchronisierung liest die Bestellungen des Shops neu.`,
  }),
  payment_method_unmapped: (p) => ({
    title: `Shop „${p.shopName}“: Zahlungsart „${p.method}“ fehlt in der Zuordnung`,
    body:
      `${p.orderCount} offene Bestellung(en) (${listed(p, 5, 'und {n} weitere')}) nutzen die Zahlungsart „${p.method}“, die die Zuordnung ` +
      'keinem Zahlungscode zuweist: Kassenwart übernimmt solche Bestellungen nicht und verfolgt auch keine schon gespeicherte. ' +
      `Zahlen diese Kunden per Überweisung, ordnen Sie sie zu, z. B. ${p.command} (oder invoice=…, cod=…); die nächste Synchronisierung liest die Bestellungen des Shops neu.`,
  }),
  matching_decision_failed: (p) => ({
    title: `Buchung ${p.postingId} konnte nicht verarbeitet werden`,
    body: `Die Entscheidung des Abgleichs (${p.pass}) für diese Buchung wurde nicht angewandt: ${p.errorMessage} Prüfen Sie die Buchung und ihre Bestellung in der Warteschlange.`,
  }),
};

const WORDING: Readonly<Record<NotificationLanguage, Wording>> = { de: DE, en: EN };

/** Instants and money in `locale` (and the user's time zone unless `timeZone` is given). */
export function notificationFormat(
  language: NotificationLanguage,
  locale: string,
  timeZone?: string,
): NotificationFormat {
  return {
    language,
    instant: (iso) => formatInstant(iso, locale, timeZone),
    money: (amountMinor, currency) => formatMoney(amountMinor, currency, locale),
  };
}

/** The one English wording of the API and JSON: instants as stored (ISO), money in en-GB. */
export const API_NOTIFICATION_FORMAT: NotificationFormat = {
  language: 'en',
  instant: (iso) => iso,
  money: (amountMinor, currency) => formatMoney(amountMinor, currency, 'en-GB'),
};

/** A kind's words from its params, or undefined when the kind is unknown or the params do not fit it. */
function word(kind: string, params: unknown, f: NotificationFormat): NotificationText | undefined {
  if (!isNotificationKind(kind) || params === null || params === undefined) return undefined;
  const parsed = NOTIFICATION_KINDS[kind].safeParse(params);
  if (!parsed.success) return undefined;
  const wording = WORDING[f.language][kind] as (p: unknown, f: NotificationFormat) => NotificationText;
  return wording(parsed.data, f);
}

/**
 * The text of a notification in `f`'s language: worded from its kind and params, else (stored before params
 * existed, or params that do not fit) its stored text, else its kind.
 */
export function notificationText(
  n: { kind: string; params: NotificationParams | null; title: string | null; body: string | null },
  f: NotificationFormat,
): NotificationText {
  return word(n.kind, n.params, f) ?? { title: n.title ?? n.kind, body: n.body ?? '' };
}

/** The English title and body of the API and `--json` (see the file comment). */
export function englishNotificationText<K extends NotificationKind>(
  kind: K,
  params: NotificationParamsOf<K>,
): NotificationText {
  return WORDING.en[kind](params, API_NOTIFICATION_FORMAT);
}
