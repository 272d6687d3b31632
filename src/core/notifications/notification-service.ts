/**
 * Dealer notifications (`core.notifications`): what the matcher (match-service.ts), the assignment effects
 * (orders/assignment-effects.ts: a "paid" status corrected after an undo — do not ship) and the shop sync
 * (sync/sync-service.ts, sync/sync-findings.ts) store in `dealer_notifications` for the dealer, as a kind and its
 * params (notice.ts). Listed newest first, unread ones by default, with the English title and body the API has
 * always carried; the shells word them in the user's language (#shared/notification-texts.ts). Marking one read
 * sets its `readAt` once.
 *
 * Reading is not audited (design §3.8 audits state changes of orders, postings, assignments and transfers, and
 * the project also audits shops and bank accounts): it changes nothing the money or the shops depend on, and
 * the row's own `readAt` already records when it was read (a second "mark read" keeps the first time).
 */
import { and, count, desc, inArray, isNull, type SQL } from 'drizzle-orm';
import type { MarkReadResult, NotificationDto, NotificationsPage } from '#shared/api/notifications.ts';
import { API_NOTIFICATION_FORMAT, notificationText } from '#shared/notification-texts.ts';
import type { Clock } from '../deps.ts';
import type { Db } from '../db/open.ts';
import { dealerNotifications } from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';

export type NotificationsQuery = { includeRead?: boolean; limit?: number; offset?: number };
/** Either the ids to mark read, or `all: true` for every unread one. */
export type MarkReadRequest = { ids: readonly number[] } | { all: true };

const unreadOnly = isNull(dealerNotifications.readAt);

function countWhere(db: Pick<Db, 'select'>, where: SQL | undefined): number {
  return db.select({ n: count() }).from(dealerNotifications).where(where).get()?.n ?? 0;
}

/** Title and body in English (from kind and params, or as stored before params existed), plus the params. */
function toDto(row: typeof dealerNotifications.$inferSelect): NotificationDto {
  const { title, body } = notificationText(row, API_NOTIFICATION_FORMAT);
  return {
    id: row.id,
    kind: row.kind,
    level: row.level,
    title,
    body,
    params: row.params,
    orderId: row.orderId,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

/** Unknown ids fail all together (NOTIFICATION_NOT_FOUND), so nothing is half done. */
function notFound(ids: number[]): NotFoundError {
  const which =
    ids.length === 1
      ? `No notification has the id ${ids[0]}`
      : `No notifications have the ids ${ids.join(', ')}`;
  return new NotFoundError(
    'NOTIFICATION_NOT_FOUND',
    `${which}; nothing was marked read. See the ids with: kassenwart notifications --all`,
  );
}

export function createNotificationsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    /** Newest first (by creation time, then id); unread ones unless `includeRead`. */
    list(q: NotificationsQuery = {}): NotificationsPage {
      const where = q.includeRead ? undefined : unreadOnly;
      const rows = db
        .select()
        .from(dealerNotifications)
        .where(where)
        .orderBy(desc(dealerNotifications.createdAt), desc(dealerNotifications.id))
        .limit(q.limit ?? 50)
        .offset(q.offset ?? 0)
        .all();
      const unread = countWhere(db, unreadOnly);
      return { items: rows.map(toDto), total: q.includeRead ? countWhere(db, undefined) : unread, unread };
    },

    /** Marks the given notifications (or every unread one) read, in one transaction. */
    markRead(request: MarkReadRequest): MarkReadResult {
      const now = clock.now().toISOString();
      return db.transaction((tx) => {
        let alreadyRead: number[] = [];
        const conditions: SQL[] = [unreadOnly];
        if (!('all' in request)) {
          const ids = [...new Set(request.ids)];
          const rows = tx
            .select({ id: dealerNotifications.id, readAt: dealerNotifications.readAt })
            .from(dealerNotifications)
            .where(inArray(dealerNotifications.id, ids))
            .all();
          const known = new Set(rows.map((r) => r.id));
          const missing = ids.filter((id) => !known.has(id));
          if (missing.length) throw notFound(missing);
          alreadyRead = rows.filter((r) => r.readAt !== null).map((r) => r.id);
          conditions.push(inArray(dealerNotifications.id, ids));
        }
        const marked = tx
          .update(dealerNotifications)
          .set({ readAt: now })
          .where(and(...conditions))
          .returning({ id: dealerNotifications.id })
          .all()
          .map((r) => r.id);
        const ascending = (a: number, b: number) => a - b;
        return {
          marked: marked.sort(ascending),
          alreadyRead: alreadyRead.sort(ascending),
          unread: countWhere(tx, unreadOnly),
        };
      });
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
