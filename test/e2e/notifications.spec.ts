/**
 * Dealer notifications on the dashboard, in Debian Chromium against `kassenwart serve`: written by the real path
 * (the demo data matched, then its shop removed before the "paid" write-backs were sent: each such order is a
 * `paid_not_sent` notification), worded in German or English, dates in the user's locale and time zone, and
 * gone from the list (and the unread count) once marked read, one or all.
 */
import { expect, test } from '@playwright/test';
import type { NotificationsPage } from '#shared/api/notifications.ts';
import { formatInstant } from '#shared/format.ts';
import { makeSeededDb, runCli, serve, type Served, type TempDb } from './cli.ts';

let db: TempDb;
let server: Served;
let told: NotificationsPage;

const listed = (): NotificationsPage =>
  JSON.parse(runCli(['--db', db.dbPath, '--json', 'notifications'], db.env)) as NotificationsPage;

test.use({ timezoneId: 'Europe/Berlin' });

test.beforeAll(async () => {
  db = makeSeededDb();
  runCli(['--db', db.dbPath, 'match'], db.env);
  runCli(['--db', db.dbPath, 'shop', 'remove', 'Demo-Shop', '--yes'], db.env);
  told = listed();
  server = await serve(db);
});

test.afterAll(async () => {
  await server?.stop();
  db?.cleanup();
});

test('unread notifications are listed in German and English and disappear when marked read', async ({
  page,
}, testInfo) => {
  // The demo's matcher assigns 10002 and 10003 automatically; neither "paid" reached the shop before it was removed.
  expect(told.items.map((n) => [n.kind, n.params?.['orderNumber']])).toEqual([
    ['paid_not_sent', '10003'],
    ['paid_not_sent', '10002'],
  ]);
  const [first, second] = told.items;
  if (!first || !second) throw new Error('the demo data gave fewer notifications than expected');

  await page.goto(server.url);
  const panel = page.getByTestId('notifications-panel');
  await expect(panel.getByRole('heading', { name: 'Ungelesene Benachrichtigungen' })).toBeVisible();
  await expect(page.getByTestId('summary-unread-notifications')).toHaveText('2');
  await expect(page.getByTestId(`notification-title-${first.id}`)).toHaveText(
    'Bestellung 10003 ist bezahlt, aber ihr Shop weiß es nicht',
  );
  await expect(page.getByTestId(`notification-body-${first.id}`)).toHaveText(
    'Der Shop wurde aus Kassenwart entfernt, bevor „bezahlt“ an ihn übertragen war: Setzen Sie die Bestellung im Shop von Hand auf bezahlt.',
  );
  // The time in the user's locale and time zone (de-DE, Berlin).
  await expect(page.getByTestId(`notification-${first.id}`).locator('time')).toHaveText(
    formatInstant(first.createdAt, 'de-DE', 'Europe/Berlin'),
  );
  await expect(page.getByTestId(`notification-${first.id}`).getByText('Warnung')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('notifications-de.png'), fullPage: true });

  // One marked read: gone from the list and the count, and read for the CLI too.
  await page
    .getByRole('button', {
      name: '„Bestellung 10003 ist bezahlt, aber ihr Shop weiß es nicht“ als gelesen markieren',
    })
    .click();
  await expect(page.getByTestId(`notification-${first.id}`)).toHaveCount(0);
  await expect(page.getByTestId(`notification-${second.id}`)).toBeVisible();
  await expect(page.getByTestId('summary-unread-notifications')).toHaveText('1');
  expect(listed().items.map((n) => n.id)).toEqual([second.id]);

  // In English, the same notification in English words.
  await page.getByRole('radiogroup', { name: 'Sprache' }).getByText('English', { exact: true }).click();
  await expect(page.getByTestId(`notification-title-${second.id}`)).toHaveText(
    'Order 10002 is paid, but its shop was not told',
  );
  await expect(page.getByTestId(`notification-${second.id}`).locator('time')).toHaveText(
    formatInstant(second.createdAt, 'en-GB', 'Europe/Berlin'),
  );
  await page.screenshot({ path: testInfo.outputPath('notifications-en.png'), fullPage: true });

  // All marked read: the list is empty, here and after a reload.
  await page.getByTestId('notifications-read-all').click();
  await expect(page.getByTestId(`notification-${second.id}`)).toHaveCount(0);
  await expect(page.getByTestId('notifications-empty')).toHaveText('No unread notifications.');
  await expect(page.getByTestId('summary-unread-notifications')).toHaveText('0');
  await page.reload();
  await expect(page.getByTestId('notifications-empty')).toBeVisible();
  expect(listed()).toMatchObject({ items: [], unread: 0 });
});
