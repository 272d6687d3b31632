/**
 * What the places that tell the dealer something store: a notification's kind and its params, checked against the
 * kind at compile time (#shared/notification-kinds.ts), and no words: those are made when it is shown
 * (#shared/notification-texts.ts).
 */
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { NotificationParams } from '#shared/api/notifications.ts';
import type { NotificationKind, NotificationParamsOf } from '#shared/notification-kinds.ts';
import { englishNotificationText } from '#shared/notification-texts.ts';
import { dealerNotifications } from '../db/schema/index.ts';

/** The kind and params columns of a new notification. */
export function notice<K extends NotificationKind>(
  kind: K,
  params: NotificationParamsOf<K>,
): { kind: K; params: NotificationParams } {
  return { kind, params };
}

/**
 * Matches the stored notifications whose params have the same values for `keys` as `params` (one told before
 * about the same shop and status, say), and those stored before params existed whose English title is the one
 * these params give (their titles were worded the same way).
 */
export function sameNotice<K extends NotificationKind>(
  kind: K,
  params: NotificationParamsOf<K>,
  keys: readonly (keyof NotificationParamsOf<K> & string)[],
): SQL {
  const values = params as Record<string, unknown>;
  const sameParams = keys.map(
    (key) => sql`json_extract(${dealerNotifications.params}, ${`$.${key}`}) = ${values[key]}`,
  );
  const storedAsText = eq(dealerNotifications.title, englishNotificationText(kind, params).title);
  return or(and(...sameParams), storedAsText) ?? storedAsText;
}
