/**
 * API methods of the dealer notifications (what the matcher, the assignment effects and the shop sync tell the
 * dealer: a "paid" status corrected after an undo, orders removed in the shop, a shop that fails, gaps in a
 * mapping). Merged into the one table in ../api.ts. Ids are the database ids; instants are UTC ISO strings.
 */
import { z } from 'zod';
import type { ApiTable } from './types.ts';

const Id = z.number().int().positive();
const Count = z.number().int().nonnegative();

export const NOTIFICATION_LEVELS = ['info', 'warning', 'error'] as const;
export type NotificationLevel = (typeof NOTIFICATION_LEVELS)[number];

/**
 * What a notification is about, without language: order numbers, shop names, amounts in minor units with their
 * currency, instants as UTC ISO strings, lists of order numbers. Which keys a kind has: notification-texts.ts.
 */
export const NotificationParams = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
);
export type NotificationParams = z.infer<typeof NotificationParams>;

export const NotificationDto = z.object({
  id: Id,
  /** What it is about, stable for programs: `paid_status_corrected`, `sync_failed`, `order_out_of_reach`, … */
  kind: z.string(),
  level: z.enum(NOTIFICATION_LEVELS),
  /** English, like the messages of errors; a screen words it in its own language from kind and params. */
  title: z.string(),
  body: z.string(),
  /** The facts the text is made of (see NotificationParams); null for notifications stored as English text only. */
  params: NotificationParams.nullable(),
  /** The order it is about, where it is about one. */
  orderId: Id.nullable(),
  createdAt: z.string(),
  /** When the dealer marked it read; null while unread. */
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof NotificationDto>;

export const NotificationsQuery = z
  .object({
    /** false (the default): unread ones only; true: read ones too. */
    includeRead: z.boolean().default(false),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const NotificationsPage = z.object({
  /** Newest first. */
  items: z.array(NotificationDto),
  /** How many the query matches (unread ones, or all with includeRead), beyond this page too. */
  total: Count,
  /** How many are unread. */
  unread: Count,
});
export type NotificationsPage = z.infer<typeof NotificationsPage>;

export const MarkReadInput = z
  .object({
    ids: z.array(Id).min(1).max(1000).optional(),
    all: z.boolean().optional(),
  })
  .strict()
  .refine((input) => (input.ids !== undefined) !== (input.all === true), {
    error: 'give either ids (the notifications to mark read) or all: true (every unread one), not both',
  });

export const MarkReadResult = z.object({
  /** The ids marked read now. */
  marked: z.array(Id),
  /** Ids given that were read before (they keep their readAt). */
  alreadyRead: z.array(Id),
  /** How many are still unread. */
  unread: Count,
});
export type MarkReadResult = z.infer<typeof MarkReadResult>;

export const notificationsApi = {
  'notifications.list': { input: NotificationsQuery, output: NotificationsPage },
  /** Unknown ids fail with NOTIFICATION_NOT_FOUND and mark nothing. */
  'notifications.markRead': { input: MarkReadInput, output: MarkReadResult },
} as const satisfies ApiTable;
