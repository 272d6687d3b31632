/** German UI texts (the default language). Keys are shared with en.ts, which must have the same shape. */
import { ORDER_STATUS_LABELS } from '#shared/labels.ts';

export const de = {
  app: { name: 'Kassenwart', tagline: 'Zahlungsabgleich' },
  nav: {
    label: 'Hauptnavigation',
    dashboard: 'Übersicht',
    queue: 'Zuordnung',
    orders: 'Bestellungen',
    postings: 'Buchungen',
    shops: 'Shops',
    settings: 'Einstellungen',
    toggle: 'Navigation ein- oder ausblenden',
  },
  language: { label: 'Sprache', de: 'Deutsch', en: 'English' },
  comingSoon: {
    badge: 'Kommt bald',
    body: 'Dieser Bereich ist noch nicht gebaut. Er folgt in einer der nächsten Versionen.',
  },
  // \u00ad: soft hyphens at the joints of long compounds, where a narrow stat card may break them (the
  // browser's own hyphenation needs a dictionary that not every Chromium has).
  dashboard: {
    title: 'Übersicht',
    loading: 'Übersicht wird geladen …',
    error: 'Die Übersicht konnte nicht geladen werden',
    retry: 'Erneut versuchen',
    ordersTotal: 'Bestellungen gesamt',
    unassignedPostings: 'Nicht zugeordnete Zahlungs\u00adeingänge',
    failedTransfers: 'Fehlgeschlagene Status\u00adübertragungen',
    pendingTransfers: 'Ausstehende Status\u00adübertragungen',
    shops: 'Verbundene Shops',
    unreadNotifications: 'Ungelesene Benach\u00adrichtigungen',
    ordersByStatus: 'Bestellungen nach Status',
    status: 'Status',
    count: 'Anzahl',
  },
  notifications: {
    title: 'Ungelesene Benachrichtigungen',
    loading: 'Benachrichtigungen werden geladen …',
    error: 'Die Benachrichtigungen konnten nicht geladen werden',
    markFailed: 'Nicht als gelesen markiert',
    none: 'Keine ungelesenen Benachrichtigungen.',
    markRead: 'Als gelesen markieren',
    markReadOne: '„{{title}}“ als gelesen markieren',
    markAllRead: 'Alle als gelesen markieren',
    more: '{{shown}} von {{total}} ungelesenen angezeigt; die übrigen erscheinen, wenn diese gelesen sind.',
    level: { info: 'Hinweis', warning: 'Warnung', error: 'Fehler' },
  },
  errors: {
    NETWORK: 'Kassenwart ist nicht erreichbar. Läuft „kassenwart serve“ noch?',
    UNAUTHORIZED:
      'Der Zugangsschlüssel fehlt oder ist falsch. Öffnen Sie die Adresse, die „kassenwart serve“ ausgegeben hat.',
    INTERNAL: 'Interner Fehler in Kassenwart. Details stehen im Protokoll.',
    HTTP: 'Kassenwart hat unerwartet geantwortet (HTTP {{status}}).',
  },
  orderStatus: ORDER_STATUS_LABELS.de,
};

export type Messages = typeof de;
