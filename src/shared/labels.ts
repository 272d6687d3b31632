/**
 * Names of domain values for people, in German (the default) and English: one table for every shell (the
 * desktop app's texts and the CLI's human-readable output), so an order status reads the same everywhere.
 */
import type { OrderStatus, PostingMatchState } from './domain.ts';

export const ORDER_STATUS_LABELS: Readonly<Record<'de' | 'en', Readonly<Record<OrderStatus, string>>>> = {
  de: {
    open: 'Offen (unbezahlt)',
    not_managed: 'Nicht verwaltet',
    partially_paid: 'Teilweise bezahlt',
    paid: 'Bezahlt',
    overdue: 'Überfällig',
    debt_collection: 'Im Inkasso',
    cancelled: 'Storniert',
    removed_externally: 'Extern entfernt',
    refunded: 'Erstattet',
    partially_refunded: 'Teilweise erstattet',
  },
  en: {
    open: 'Open (unpaid)',
    not_managed: 'Not managed',
    partially_paid: 'Partially paid',
    paid: 'Paid',
    overdue: 'Overdue',
    debt_collection: 'In debt collection',
    cancelled: 'Cancelled',
    removed_externally: 'Removed externally',
    refunded: 'Refunded',
    partially_refunded: 'Partially refunded',
  },
};

export const POSTING_STATE_LABELS: Readonly<
  Record<'de' | 'en', Readonly<Record<PostingMatchState, string>>>
> = {
  de: {
    unassigned: 'nicht zugeordnet',
    partially_assigned: 'teilweise zugeordnet',
    assigned: 'zugeordnet',
    ignored: 'keine Bestellzahlung',
    debit: 'Abgang',
  },
  en: {
    unassigned: 'unassigned',
    partially_assigned: 'partially assigned',
    assigned: 'assigned',
    ignored: 'not an order payment',
    debit: 'debit',
  },
};
