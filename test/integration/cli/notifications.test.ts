/**
 * `kassenwart notifications [--all] [--limit N] [--offset N]`, `kassenwart notifications read ID... | --all` and the
 * unread count in `kassenwart status`, through the real `kassenwart` child process (test/helpers/cli.ts). The
 * "do not ship" warning is written by the real path: a payment undone after the shop was set to paid.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dealerNotifications, statusTransfers } from '#core/db/schema/index.ts';
import { runCli } from '../../helpers/cli.ts';
import { makeOrder, makePosting } from '../../helpers/factories.ts';
import { ENV, freshDb, json } from './support.ts';

type Notification = { id: number; kind: string; readAt: string | null } & Record<string, unknown>;
type Page = { items: Notification[]; total: number; unread: number; limit: number; offset: number };

describe('kassenwart notifications (real CLI)', () => {
  it('lists newest first (text in the locale and time zone, JSON), status shows the unread count; usage errors exit 2, an unknown id 1', () => {
    const { db, fill, cli } = freshDb();
    // Dates in the user's time zone: Berlin for this test (UTC+1 in January).
    const tz = (...args: string[]) => runCli(['--db', db, ...args], { ...ENV, TZ: 'Europe/Berlin' });
    const orderId = fill((d) => {
      const o = makeOrder(d, { number: 'WC-7001', totalMinor: 2350 });
      makePosting(d, { remittance: 'Bestellung WC-7001', amountMinor: 2350 });
      return o.id;
    });
    expect(cli('match').status).toBe(0);
    fill((d) =>
      d.update(statusTransfers).set({ state: 'done' }).where(eq(statusTransfers.orderId, orderId)).run(),
    );
    const [assignment] = json<{ items: { id: number }[] }>(cli('--json', 'assignments')).items;
    expect(cli('unassign', String(assignment?.id)).status).toBe(0);
    const syncFailed = fill(
      (d) =>
        d
          .insert(dealerNotifications)
          .values({
            kind: 'sync_failed',
            level: 'error',
            title: 'Shop "Laden" could not be synchronised',
            body: 'The shop refused the key. (SHOP_AUTH_FAILED)',
            createdAt: '2026-01-15T09:00:00.000Z',
          })
          .returning()
          .get().id,
    );

    const status = cli('status');
    expect(status.stdout).toContain('Unread notifications: 2 (read them with "kassenwart notifications")');
    expect(cli('--lang', 'de', 'status').stdout).toContain(
      'Ungelesene Benachrichtigungen: 2 (lesen mit „kassenwart notifications“)',
    );

    const page = json<Page>(cli('--json', 'notifications'));
    expect(page).toMatchObject({ total: 2, unread: 2, limit: 50, offset: 0 });
    const [corrected, failed] = page.items;
    expect(Object.keys(corrected ?? {}).sort()).toEqual(
      ['body', 'createdAt', 'id', 'kind', 'level', 'orderId', 'params', 'readAt', 'title'].sort(),
    );
    expect(corrected).toMatchObject({
      kind: 'paid_status_corrected',
      level: 'warning',
      title: 'Order WC-7001 is no longer paid',
      params: { orderNumber: 'WC-7001', shopConnected: true },
      orderId,
      readAt: null,
    });
    // Stored as English text only (before notifications had params): params null, the text as stored.
    expect(failed).toMatchObject({
      id: syncFailed,
      kind: 'sync_failed',
      title: 'Shop "Laden" could not be synchronised',
      params: null,
      orderId: null,
    });

    const text = tz('notifications');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(`#${corrected?.id}  `);
    expect(text.stdout).toContain('warning  Order WC-7001 is no longer paid\n    A payment was taken back');
    expect(text.stdout).toContain(
      `#${syncFailed}  15 Jan 2026, 10:00  error  Shop "Laden" could not be synchronised\n    The shop refused the key.`,
    );
    expect(text.stdout).toContain(
      '2 unread notifications. Mark read: kassenwart notifications read ID... (or --all)',
    );
    expect(text.stdout.indexOf(`#${corrected?.id} `)).toBeLessThan(text.stdout.indexOf(`#${syncFailed} `));
    // German: the one with params is worded in German; the one stored as English text stays as it was stored.
    const de = tz('--lang', 'de', 'notifications');
    expect(de.stdout).toContain(
      'Warnung  Bestellung WC-7001 ist nicht mehr bezahlt\n    Eine Zahlung wurde zurückgenommen, nachdem der Shop schon auf „bezahlt“ gesetzt war; Kassenwart setzt den Status im Shop zurück.',
    );
    expect(de.stdout).toContain(
      `#${syncFailed}  15.01.2026, 10:00  Fehler  Shop "Laden" could not be synchronised\n    The shop refused the key.`,
    );
    const limited = cli('notifications', '--limit', '1');
    expect(limited.stdout).toContain('Shown: 1-1 of 2; more with --offset N or --limit N.');
    expect(limited.stdout).not.toContain(`#${syncFailed} `);

    // Usage errors (2) and an unknown id (1, nothing marked).
    const unknown = cli('notifications', 'read', '999', String(syncFailed));
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No notification has the id 999; nothing was marked read.');
    expect(unknown.stderr).toContain('NOTIFICATION_NOT_FOUND');
    expect(cli('notifications', 'read').status).toBe(2);
    expect(cli('notifications', 'read', 'abc').status).toBe(2);
    expect(cli('notifications', '--limit', '501').status).toBe(2);
    const both = cli('--json', 'notifications', 'read', String(syncFailed), '--all');
    expect(both.status).toBe(2);
    expect(JSON.parse(both.stderr)).toEqual({
      error: { code: 'USAGE', message: 'give ids or --all, not both' },
    });
    expect(json<Page>(cli('--json', 'notifications')).unread).toBe(2);
  });

  it('marks given ids or every unread one read; read ones show when; German and English', () => {
    const { db, fill, cli } = freshDb();
    const tz = (...args: string[]) => runCli(['--db', db, ...args], { ...ENV, TZ: 'Europe/Berlin' });
    const [warning, syncFailed] = fill((d) =>
      d
        .insert(dealerNotifications)
        .values([
          {
            kind: 'paid_status_corrected',
            level: 'warning' as const,
            title: 'Order WC-7001 is no longer paid',
            body: 'Do not ship unless paid.',
            createdAt: '2026-01-16T09:00:00.000Z',
          },
          {
            kind: 'sync_failed',
            level: 'error' as const,
            title: 'Shop "Laden" could not be synchronised',
            body: 'The shop refused the key. (SHOP_AUTH_FAILED)',
            createdAt: '2026-01-15T09:00:00.000Z',
          },
        ])
        .returning()
        .all()
        .map((n) => n.id),
    );

    const read = cli('notifications', 'read', String(syncFailed));
    expect(read.status, read.stderr).toBe(0);
    expect(read.stdout).toBe(`Marked read: 1 notification (#${syncFailed}).\nUnread now: 1.\n`);
    const again = cli('--lang', 'de', 'notifications', 'read', String(syncFailed));
    expect(again.stdout).toBe(`Schon gelesen: #${syncFailed}.\nNoch ungelesen: 1.\n`);

    const de = tz('--lang', 'de', 'notifications', '--all');
    expect(de.status, de.stderr).toBe(0);
    expect(de.stdout).toContain(`#${warning}  16.01.2026, 10:00  Warnung  Order WC-7001 is no longer paid\n`);
    expect(de.stdout).toMatch(
      new RegExp(
        `#${syncFailed}  15\\.01\\.2026, 10:00  Fehler  Shop "Laden" could not be synchronised \\(gelesen \\d\\d\\.\\d\\d\\.\\d{4}, \\d\\d:\\d\\d\\)`,
      ),
    );
    expect(de.stdout).toContain('2 Benachrichtigungen, davon 1 ungelesen.');

    expect(
      json<{ marked: number[]; alreadyRead: number[]; unread: number }>(
        cli('--json', 'notifications', 'read', '--all'),
      ),
    ).toEqual({ marked: [warning], alreadyRead: [], unread: 0 });
    expect(cli('notifications').stdout).toBe('No unread notifications.\n');
    expect(cli('--lang', 'de', 'notifications').stdout).toBe('Keine ungelesenen Benachrichtigungen.\n');
    expect(cli('notifications', 'read', '--all').stdout).toBe(
      'Nothing to mark: no unread notifications.\nUnread now: 0.\n',
    );
    expect(cli('status').stdout).not.toContain('notifications');
    expect(json<Page>(cli('--json', 'notifications', '--all')).items.map((n) => n.readAt)).toEqual([
      expect.any(String),
      expect.any(String),
    ]);
  });
});
