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
  dashboard: {
    title: 'Übersicht',
    loading: 'Übersicht wird geladen …',
    error: 'Die Übersicht konnte nicht geladen werden',
    retry: 'Erneut versuchen',
    ordersTotal: 'Bestellungen gesamt',
    unassignedPostings: 'Nicht zugeordnete Zahlungseingänge',
    failedTransfers: 'Fehlgeschlagene Statusübertragungen',
    pendingTransfers: 'Ausstehende Statusübertragungen',
    shops: 'Verbundene Shops',
    ordersByStatus: 'Bestellungen nach Status',
    status: 'Status',
    count: 'Anzahl',
  },
  orderStatus: ORDER_STATUS_LABELS.de,
};

export type Messages = typeof de;
