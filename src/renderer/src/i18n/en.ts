import { ORDER_STATUS_LABELS } from '#shared/labels.ts';
import type { Messages } from './de.ts';

/** English UI texts; same keys as de.ts (the type enforces it). */
export const en: Messages = {
  app: { name: 'Kassenwart', tagline: 'Payment reconciliation' },
  nav: {
    label: 'Main navigation',
    dashboard: 'Dashboard',
    queue: 'Assignment queue',
    orders: 'Orders',
    postings: 'Postings',
    shops: 'Shops',
    settings: 'Settings',
    toggle: 'Show or hide navigation',
  },
  language: { label: 'Language', de: 'Deutsch', en: 'English' },
  comingSoon: {
    badge: 'Coming soon',
    body: 'This screen is not built yet. It follows in one of the next versions.',
  },
  dashboard: {
    title: 'Dashboard',
    loading: 'Loading the dashboard …',
    error: 'The dashboard could not be loaded',
    retry: 'Try again',
    ordersTotal: 'Orders in total',
    unassignedPostings: 'Unassigned incoming payments',
    failedTransfers: 'Failed status transfers',
    pendingTransfers: 'Pending status transfers',
    shops: 'Connected shops',
    unreadNotifications: 'Unread notifications',
    ordersByStatus: 'Orders by status',
    status: 'Status',
    count: 'Count',
  },
  notifications: {
    title: 'Unread notifications',
    loading: 'Loading the notifications …',
    error: 'The notifications could not be loaded',
    markFailed: 'Not marked read',
    none: 'No unread notifications.',
    markRead: 'Mark as read',
    markReadOne: 'Mark "{{title}}" as read',
    markAllRead: 'Mark all as read',
    more: '{{shown}} of {{total}} unread shown; the others appear once these are read.',
    level: { info: 'Info', warning: 'Warning', error: 'Error' },
  },
  errors: {
    NETWORK: 'Kassenwart is not reachable. Is "kassenwart serve" still running?',
    UNAUTHORIZED: 'The access token is missing or wrong. Open the URL that "kassenwart serve" printed.',
    INTERNAL: 'Internal error in Kassenwart. The log has the details.',
    HTTP: 'Kassenwart answered unexpectedly (HTTP {{status}}).',
  },
  orderStatus: ORDER_STATUS_LABELS.en,
};
