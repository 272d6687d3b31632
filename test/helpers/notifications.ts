/**
 * Dealer notifications store a kind and its params, no words (src/core/notifications/notice.ts). Tests that read
 * the rows directly see them with the English title and body the API and `notifications --json` give them.
 */
import type { dealerNotifications } from '#core/db/schema/index.ts';
import { API_NOTIFICATION_FORMAT, notificationText } from '#shared/notification-texts.ts';

type Row = typeof dealerNotifications.$inferSelect;

export function worded<T extends Row>(rows: T[]): (T & { title: string; body: string })[] {
  return rows.map((row) => ({ ...row, ...notificationText(row, API_NOTIFICATION_FORMAT) }));
}
