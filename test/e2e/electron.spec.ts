/**
 * The built desktop app through Playwright's `_electron`, on a temp encrypted database made with the CLI.
 * Runs only where an Electron binary is installed: the binary cannot be downloaded on the machines this
 * project is developed on, and the test says so when it skips.
 * https://playwright.dev/docs/api/class-electron
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { API_METHODS, type StatusSummary } from '#shared/api.ts';
import { ORDER_STATUSES } from '#shared/domain.ts';
import { cliStatus, makeSeededDb, REPO_ROOT, type TempDb } from './cli.ts';

/**
 * Where the `electron` package's postinstall put the binary (path.txt + dist/), without requiring the package:
 * requiring it starts a download when the binary is missing, which this machine's network refuses.
 */
function electronBinary(): string | undefined {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const distDir = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(pkgDir, 'dist');
    const binaryPath = join(distDir, relative);
    return existsSync(binaryPath) ? binaryPath : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const electronAvailable = binary !== undefined;
const SKIP_REASON =
  'Electron binary not installed (download blocked on this machine); run on a machine with Electron';

test.describe('desktop app', () => {
  test.skip(!electronAvailable, SKIP_REASON);

  let db: TempDb;
  let expected: StatusSummary;
  let app: ElectronApplication;

  test.beforeAll(async () => {
    db = makeSeededDb();
    expected = cliStatus(db);
    const configHome = join(db.dir, 'config'); // own userData: no clash with a Kassenwart the user runs
    mkdirSync(configHome);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(db.env))
      if (v !== undefined && k !== 'ELECTRON_RENDERER_URL') env[k] = v;
    app = await electron.launch({
      executablePath: binary,
      args: ['.'], // package.json "main" -> out/main/index.js
      cwd: REPO_ROOT,
      env: { ...env, KASSENWART_DB: db.dbPath, XDG_CONFIG_HOME: configHome, APPDATA: configHome },
    });
  });

  test.afterAll(async () => {
    await app?.close();
    db?.cleanup();
  });

  test('shows the dashboard counts from the encrypted database', async () => {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
    for (const status of ORDER_STATUSES) {
      await expect(page.getByTestId(`order-count-${status}`), status).toHaveText(
        String(expected.orders[status]),
      );
    }
    await expect(page.getByTestId('summary-unassigned-postings')).toHaveText(
      String(expected.unassignedPostings),
    );
    await expect(page.getByTestId('summary-failed-transfers')).toHaveText(String(expected.failedTransfers));
  });

  test('the window is locked down and the bridge has one function per API method', async () => {
    const page = await app.firstWindow();
    // Served from the app protocol, not file:// (origin checked by IPC).
    expect(page.url()).toMatch(/^kassenwart:\/\/app\//);

    // Sandboxed, context-isolated page: no Node globals, only the bridge.
    const bridge = await page.evaluate(() => {
      const w = window as unknown as {
        kassenwart?: Record<string, unknown>;
        require?: unknown;
        process?: unknown;
      };
      return {
        keys: Object.keys(w.kassenwart ?? {}).sort(),
        allFunctions: Object.values(w.kassenwart ?? {}).every((v) => typeof v === 'function'),
        hasRequire: typeof w.require !== 'undefined',
        hasProcess: typeof w.process !== 'undefined',
      };
    });
    expect(bridge.keys).toEqual([...API_METHODS].sort());
    expect(bridge.allFunctions).toBe(true);
    expect(bridge.hasRequire).toBe(false);
    expect(bridge.hasProcess).toBe(false);

    // Errors cross the bridge with their code: invalid input is refused by the main process's validation.
    const failure = await page.evaluate(async () => {
      const api = (window as unknown as { kassenwart: Record<string, (input: unknown) => Promise<unknown>> })
        .kassenwart;
      try {
        await api['status.summary']?.({ unexpected: true });
        return undefined;
      } catch (error) {
        return error as { code?: string; message?: string };
      }
    });
    expect(failure?.code).toBe('API_INVALID_INPUT');
  });

  test('navigation away from the app and new windows are refused', async () => {
    const page = await app.firstWindow();
    const before = page.url();
    // Listen after the app's own guard (installed at web-contents-created), so it sees the guard's decision.
    await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents;
      (globalThis as { navigationRefused?: Promise<boolean> }).navigationRefused = new Promise<boolean>(
        (resolve) => {
          wc.once('will-navigate', (event) => resolve(event.defaultPrevented));
        },
      );
    });
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    expect(
      await app.evaluate(() => (globalThis as { navigationRefused?: Promise<boolean> }).navigationRefused),
    ).toBe(true);
    await expect(page.getByTestId('summary-orders-total')).toBeVisible();
    expect(page.url()).toBe(before);

    // A denied window.open returns null in the page.
    expect(await page.evaluate(() => window.open('https://example.org/', '_blank') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
