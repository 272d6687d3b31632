/**
 * The renderer in Debian Chromium against `kassenwart serve` on a temp encrypted database with the demo data:
 * the dashboard shows what `kassenwart --json status` reports, the API wants the token, and the language
 * switch works.
 */
import { expect, test } from '@playwright/test';
import { ORDER_STATUSES } from '#shared/domain.ts';
import type { StatusSummary } from '#shared/api.ts';
import { DEMO_FAILED_TRANSFERS, DEMO_ORDERS, DEMO_UNASSIGNED_POSTINGS } from '#core/demo/seed.ts';
import { cliStatus, makeSeededDb, serve, type Served, type TempDb } from './cli.ts';

let db: TempDb;
let server: Served;
let expected: StatusSummary;

test.beforeAll(async () => {
  db = makeSeededDb();
  expected = cliStatus(db);
  server = await serve(db);
});

test.afterAll(async () => {
  await server?.stop();
  db?.cleanup();
});

test('the CLI status agrees with the demo data set', () => {
  // Guards the comparison below against both sides being wrong the same way.
  expect(expected.ordersTotal).toBe(DEMO_ORDERS.length);
  for (const status of ORDER_STATUSES) {
    expect(expected.orders[status], status).toBe(DEMO_ORDERS.filter((o) => o.status === status).length);
  }
  expect(expected.unassignedPostings).toBe(DEMO_UNASSIGNED_POSTINGS);
  expect(expected.failedTransfers).toBe(DEMO_FAILED_TRANSFERS);
  expect(expected.shops).toBe(1);
});

test('the dashboard shows the counts of kassenwart status', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  // The token is taken from the address bar and kept out of it.
  await expect(page).not.toHaveURL(/token=/);

  for (const status of ORDER_STATUSES) {
    await expect(page.getByTestId(`order-count-${status}`), status).toHaveText(
      String(expected.orders[status]),
    );
  }
  await expect(page.getByTestId('summary-orders-total')).toHaveText(String(expected.ordersTotal));
  await expect(page.getByTestId('summary-unassigned-postings')).toHaveText(
    String(expected.unassignedPostings),
  );
  await expect(page.getByTestId('summary-failed-transfers')).toHaveText(String(expected.failedTransfers));
  await expect(page.getByTestId('summary-pending-transfers')).toHaveText(String(expected.pendingTransfers));
  await expect(page.getByTestId('summary-shops')).toHaveText(String(expected.shops));
  await expect(page.getByTestId('summary-unread-notifications')).toHaveText(
    String(expected.unreadNotifications),
  );

  // Literal expectations from the seed's definitions (src/core/demo/seed.ts).
  await expect(page.getByTestId('order-count-open')).toHaveText('3');
  await expect(page.getByTestId('order-count-paid')).toHaveText('2');
  await expect(page.getByTestId('summary-orders-total')).toHaveText('10');
  await expect(page.getByTestId('order-status-label-not_managed')).toHaveText('Nicht verwaltet');
});

test('the API and the page refuse requests without the token', async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: server.origin });
  try {
    const noToken = await anonymous.post('/api/status.summary', { data: {} });
    expect(noToken.status()).toBe(401);
    const body = (await noToken.json()) as { ok: boolean; error?: { code?: string } };
    expect(body.ok).toBe(false);
    expect(body.error?.code).toBe('UNAUTHORIZED');

    const wrongToken = await anonymous.post('/api/status.summary', {
      data: {},
      headers: { authorization: 'Bearer wrong' },
    });
    expect(wrongToken.status()).toBe(401);

    expect((await anonymous.get('/')).status()).toBe(401);

    const withToken = await anonymous.post('/api/status.summary', {
      data: {},
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(withToken.status()).toBe(200);
    expect(await withToken.json()).toEqual({ ok: true, data: expected });
  } finally {
    await anonymous.dispose();
  }
});

test('a second tab of the same session can use the API', async ({ page, context }) => {
  await page.goto(server.url); // sets the page cookie and stores the token
  await expect(page.getByTestId('summary-orders-total')).toBeVisible();
  const second = await context.newPage();
  await second.goto(`${server.origin}/#/dashboard`);
  await expect(second.getByTestId('summary-orders-total')).toHaveText(String(expected.ordersTotal));
});

test('an API error is shown in the UI language', async ({ page }, testInfo) => {
  await page.goto(server.url);
  await expect(page.getByTestId('summary-orders-total')).toBeVisible();
  await page.evaluate(() => window.localStorage.setItem('kassenwart.token', 'not-the-token'));
  await page.reload();
  await expect(page.getByTestId('dashboard-error')).toBeVisible();
  await expect(page.getByTestId('dashboard-error-message')).toHaveText(
    'Der Zugangsschlüssel fehlt oder ist falsch. Öffnen Sie die Adresse, die „kassenwart serve“ ausgegeben hat.',
  );
  await page.screenshot({ path: testInfo.outputPath('dashboard-error.png') });
});

test('a lost connection is reported, and "try again" is busy until the answer', async ({ page }) => {
  const api = '**/api/status.summary';
  await page.route(api, (route) => route.abort('failed'));
  await page.goto(server.url);
  await expect(page.getByTestId('dashboard-error-message')).toHaveText(
    'Kassenwart ist nicht erreichbar. Läuft „kassenwart serve“ noch?',
  );
  await page.unroute(api);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(api, async (route) => {
    await held;
    await route.continue();
  });
  const retry = page.getByTestId('dashboard-retry');
  await retry.click();
  await expect(retry).toBeDisabled();
  await expect(retry).toHaveAttribute('aria-busy', 'true');
  release();
  await expect(page.getByTestId('summary-orders-total')).toHaveText(String(expected.ordersTotal));
  await expect(page.getByTestId('dashboard-error')).toBeHidden();
});

test('the dashboard refreshes itself every 30 s and when the window gets the focus', async ({ page }) => {
  await page.clock.install();
  let calls = 0;
  const summaryRequest = (request: { url: () => string }) => request.url().endsWith('/api/status.summary');
  page.on('request', (request) => {
    if (summaryRequest(request)) calls += 1;
  });
  await page.goto(server.url);
  await expect(page.getByTestId('summary-orders-total')).toBeVisible();
  const loaded = calls;
  await page.clock.runFor(30_000);
  await expect.poll(() => calls).toBe(loaded + 1);
  // Data is stale 5 s after its answer arrived. On a slow machine that answer may be processed only after the
  // clock has moved on (then the data is fresh and the focus rightly fetches nothing): move the clock and give the
  // focus again, a few times, until the focus finds it stale. A focus that never refetches fails all attempts.
  for (let attempt = 0; attempt < 3 && calls === loaded + 1; attempt++) {
    const next = page.waitForRequest(summaryRequest, { timeout: 3_000 }).catch(() => undefined);
    await page.clock.runFor(6_000);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await next;
  }
  expect(calls).toBe(loaded + 2);
});

test('the shell on a phone: title, headings, hash, navigation, labels, icon', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${server.url}#/no-such-screen`);
  await expect(page.getByTestId('summary-orders-total')).toBeVisible();
  await expect(page).toHaveURL(/\/#\/dashboard$/);
  await expect(page).toHaveTitle('Übersicht – Kassenwart');
  // The screen's h1 is the first heading; the app name in the header is none.
  await expect(page.getByRole('heading').first()).toHaveJSProperty('tagName', 'H1');

  // Long German labels break inside their cards instead of running out of them (all six cards' labels).
  const labels = page.locator('[id^="summary-"][id$="-label"]');
  await expect(labels).toHaveCount(6);
  for (const label of await labels.all()) {
    const { scroll, client } = await label.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }));
    expect(scroll, (await label.textContent()) ?? '').toBeLessThanOrEqual(client);
  }
  await page.screenshot({ path: testInfo.outputPath('dashboard-360.png'), fullPage: true });

  const burger = page.getByTestId('nav-burger');
  await burger.click();
  await expect(burger).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(burger).toHaveAttribute('aria-expanded', 'false');
  await burger.click();
  await page.getByTestId('nav-orders').click();
  await expect(page).toHaveTitle('Bestellungen – Kassenwart');

  const icon = page.locator('link[rel="icon"]');
  const href = await icon.getAttribute('href');
  const response = await page.request.get(new URL(href ?? '', page.url()).href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('image/svg+xml');
});

test('switching to English changes the labels, and the choice survives a reload', async ({
  page,
}, testInfo) => {
  await page.goto(server.url);
  await expect(page.getByTestId('order-status-label-open')).toHaveText('Offen (unbezahlt)');
  await expect(page.getByRole('link', { name: 'Bestellungen' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dashboard-de.png'), fullPage: true });

  // The switch is a labelled radio group; the radio inputs are visually hidden behind their labels.
  const languages = page.getByRole('radiogroup', { name: 'Sprache' });
  await expect(languages.getByRole('radio', { name: 'Deutsch' })).toBeChecked();
  await languages.getByText('English', { exact: true }).click();
  await expect(
    page.getByRole('radiogroup', { name: 'Language' }).getByRole('radio', { name: 'English' }),
  ).toBeChecked();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('order-status-label-open')).toHaveText('Open (unpaid)');
  await expect(page.getByTestId('order-status-label-removed_externally')).toHaveText('Removed externally');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('summary-orders-total')).toHaveText(String(expected.ordersTotal));
  await page.screenshot({ path: testInfo.outputPath('dashboard-en.png'), fullPage: true });

  await page.reload();
  await expect(page.getByTestId('order-status-label-open')).toHaveText('Open (unpaid)');

  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await expect(page.getByTestId('coming-soon')).toContainText('Coming soon');
});
