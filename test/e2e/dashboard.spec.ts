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

test('an API error is shown with its message', async ({ page }, testInfo) => {
  await page.goto(server.url); // sets the page cookie and stores the token
  await expect(page.getByTestId('summary-orders-total')).toBeVisible();
  await page.evaluate(() => window.sessionStorage.setItem('kassenwart.token', 'not-the-token'));
  await page.reload();
  await expect(page.getByTestId('dashboard-error')).toBeVisible();
  await expect(page.getByTestId('dashboard-error-message')).toHaveText('Missing or wrong token.');
  await page.screenshot({ path: testInfo.outputPath('dashboard-error.png') });
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
