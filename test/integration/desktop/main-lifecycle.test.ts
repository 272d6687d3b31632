/**
 * The Electron main process (src/main/index.ts and the modules it wires) against a stand-in for the
 * 'electron' module, because no Electron binary can run here. Checks the wiring the design asks for: single
 * instance, locked-down window on the app protocol, tray menu, one IPC channel per method, permissions and
 * navigation denied, startup errors shown and ending the process. The real-binary check is
 * test/e2e/electron.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '#core/deps.ts';
import { API_METHODS, IPC_CHANNEL_PREFIX } from '#shared/api.ts';
import { openDesktopCore } from '../../../src/main/desktop-core.ts';
import { tempDir } from '../../helpers/db.ts';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(name: string, fn: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: Listener) {
      return this.on(name, fn);
    }
    emit(name: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(name) ?? []) fn(...args);
    }
  }
  function deferred<T>() {
    let resolve!: (value: T) => void;
    const promise = new Promise<T>((r) => (resolve = r));
    return { promise, resolve };
  }
  const flip = (buf: Buffer): Buffer => {
    const out = Buffer.from(buf);
    for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) ^ 0x5a;
    return out;
  };

  const state = {
    lock: true,
    locale: 'de-DE',
    ready: deferred<void>(),
    loaded: deferred<string>(),
    exited: deferred<number>(),
    windows: [] as {
      options: Record<string, unknown>;
      url?: string;
      visible: boolean;
      win: Emitter;
      webContents: Emitter & { openHandler?: Listener };
    }[],
    trayMenus: [] as unknown[],
    ipc: new Map<string, Listener>(),
    protocolHandlers: new Map<string, Listener>(),
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    errorBoxes: [] as [string, string][],
    quitCalls: 0,
    opened: [] as string[],
  };
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    paths: new Map<string, string>(),
    setPath: (name: string, path: string) => app.paths.set(name, path),
    getPath: (name: string) => app.paths.get(name) ?? `/tmp/fake-${name}`,
    requestSingleInstanceLock: () => state.lock,
    whenReady: () => state.ready.promise,
    getLocale: () => state.locale,
    getVersion: () => '0.1.0',
    quit: () => {
      state.quitCalls++;
      app.emit('before-quit');
      app.emit('will-quit');
    },
    exit: (code: number) => state.exited.resolve(code),
  });
  class BrowserWindow extends Emitter {
    webContents = Object.assign(new Emitter(), {
      openHandler: undefined as Listener | undefined,
      setWindowOpenHandler(fn: Listener) {
        this.openHandler = fn;
      },
    });
    record: (typeof state.windows)[number];
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, visible: false, win: this, webContents: this.webContents };
      state.windows.push(this.record);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.record.url = url;
      state.loaded.resolve(url);
      return Promise.resolve();
    }
    show() {
      this.record.visible = true;
    }
    hide() {
      this.record.visible = false;
    }
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
  }
  class Tray extends Emitter {
    setToolTip() {}
    setContextMenu(menu: unknown) {
      state.trayMenus.push(menu);
    }
  }
  const session = {
    defaultSession: Object.assign(new Emitter(), {
      setPermissionRequestHandler: (fn: Listener) => (state.permissionRequest = fn),
      setPermissionCheckHandler: (fn: Listener) => (state.permissionCheck = fn),
      setDevicePermissionHandler: () => undefined,
      protocol: { handle: (scheme: string, fn: Listener) => state.protocolHandlers.set(scheme, fn) },
    }),
  };
  const module = {
    app,
    BrowserWindow,
    Tray,
    session,
    Menu: { buildFromTemplate: (template: unknown) => template },
    nativeImage: { createFromPath: (path: string) => ({ path }) },
    dialog: { showErrorBox: (title: string, text: string) => state.errorBoxes.push([title, text]) },
    protocol: { registerSchemesAsPrivileged: () => undefined },
    ipcMain: {
      handle: (channel: string, fn: Listener) => state.ipc.set(channel, fn),
      removeHandler: (channel: string) => state.ipc.delete(channel),
    },
    net: { fetch: (url: string) => Promise.resolve(new Response(readFileSync(new URL(url)))) },
    shell: {
      openExternal: (url: string) => {
        state.opened.push(url);
        return Promise.resolve();
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => flip(Buffer.from(s, 'utf8')),
      decryptString: (b: Buffer) => flip(b).toString('utf8'),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
  };
  function reset() {
    Object.assign(state, {
      lock: true,
      locale: 'de-DE',
      ready: deferred<void>(),
      loaded: deferred<string>(),
      exited: deferred<number>(),
      windows: [],
      trayMenus: [],
      errorBoxes: [],
      quitCalls: 0,
      opened: [],
    });
    state.ipc.clear();
    state.protocolHandlers.clear();
    app.listeners.clear();
    app.paths.clear();
  }
  return { state, module, reset };
});

vi.mock('electron', () => fake.module);
vi.mock('../../../src/main/paths.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/main/paths.ts')>()),
  // From source, out/main/migrations does not exist; the build copies this folder there.
  MIGRATIONS_FOLDER: fileURLToPath(new URL('../../../src/core/db/migrations', import.meta.url)),
}));

const savedEnv = { ...process.env };
let dbPath: string;

beforeEach(() => {
  fake.reset();
  vi.resetModules();
  dbPath = join(tempDir(), 'kassenwart.db');
  process.env['KASSENWART_DB'] = dbPath;
  delete process.env['KASSENWART_PASSPHRASE'];
  delete process.env['ELECTRON_RENDERER_URL'];
  process.env['KASSENWART_LOG'] = 'error';
});
afterEach(async () => {
  // Quitting stops the background jobs first (the app defers will-quit once), then closes the database.
  let deferred = false;
  const quitsBefore = fake.state.quitCalls;
  fake.module.app.emit('will-quit', { preventDefault: () => (deferred = true) });
  if (deferred) await vi.waitFor(() => expect(fake.state.quitCalls).toBeGreaterThan(quitsBefore));
  process.env = { ...savedEnv };
});

async function startApp(): Promise<string> {
  await import('../../../src/main/index.ts');
  fake.state.ready.resolve();
  return fake.state.loaded.promise;
}

describe('Electron main', () => {
  it('quits at once when another instance holds the lock', async () => {
    fake.state.lock = false;
    await import('../../../src/main/index.ts');
    expect(fake.state.quitCalls).toBe(1);
    expect(fake.module.app.listeners.has('second-instance')).toBe(false);
  });

  it('opens a locked-down window on the app protocol with the preload, a tray menu and the IPC channels', async () => {
    const url = await startApp();
    expect(url).toBe('kassenwart://app/');
    expect(fake.module.app.paths.get('userData')).toBe(join('/tmp/fake-appData', 'Kassenwart'));
    const window = fake.state.windows[0]!;
    expect(window.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String((window.options['webPreferences'] as { preload: string }).preload)).toMatch(
      /preload[/\\]index\.cjs$/,
    );
    expect(fake.state.trayMenus[0]).toEqual([
      expect.objectContaining({ label: 'Öffnen' }),
      { type: 'separator' },
      expect.objectContaining({ label: 'Beenden' }),
    ]);
    expect([...fake.state.ipc.keys()].sort()).toEqual(API_METHODS.map((m) => IPC_CHANNEL_PREFIX + m).sort());

    const summary = fake.state.ipc.get(`${IPC_CHANNEL_PREFIX}status.summary`)!;
    await expect(
      summary({ senderFrame: { url: 'kassenwart://app/', parent: null } }, {}),
    ).resolves.toMatchObject({ ok: true });
    await expect(
      summary({ senderFrame: { url: 'https://evil.example/', parent: null } }, {}),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('denies permissions, navigation away and new windows', async () => {
    await startApp();
    const granted: boolean[] = [];
    fake.state.permissionRequest?.({}, 'media', (ok: boolean) => granted.push(ok));
    expect(granted).toEqual([false]);
    expect(fake.state.permissionCheck?.({}, 'notifications')).toBe(false);

    const contents = fake.state.windows[0]!.webContents;
    const away = { prevented: false, preventDefault: () => (away.prevented = true) };
    contents.emit('will-navigate', away, 'https://example.org/');
    expect(away.prevented).toBe(true);
    const inApp = { prevented: false, preventDefault: () => (inApp.prevented = true) };
    contents.emit('will-navigate', inApp, 'kassenwart://app/#/orders');
    expect(inApp.prevented).toBe(false);
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(fake.state.opened).toEqual([]); // not on the (empty) allow-list
  });

  it('serves the renderer from the app protocol with the CSP header and nothing outside it', async () => {
    await startApp();
    const handler = fake.state.protocolHandlers.get('kassenwart')!;
    const page = (await handler({ url: 'kassenwart://app/', method: 'GET' })) as Response;
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const outside = (await handler({
      url: 'kassenwart://app/%2e%2e/%2e%2e/package.json',
      method: 'GET',
    })) as Response;
    expect(outside.status).toBe(404);
    const otherHost = (await handler({ url: 'kassenwart://other/', method: 'GET' })) as Response;
    expect(otherHost.status).toBe(404);
  });

  it('hides to the tray on close and really closes on quit', async () => {
    await startApp();
    const window = fake.state.windows[0]!;
    window.visible = true;
    const close = { prevented: false, preventDefault: () => (close.prevented = true) };
    window.win.emit('close', close);
    expect(close.prevented).toBe(true);
    expect(window.visible).toBe(false);

    fake.module.app.emit('second-instance');
    expect(window.visible).toBe(true);

    fake.module.app.emit('before-quit');
    const closeOnQuit = { prevented: false, preventDefault: () => (closeOnQuit.prevented = true) };
    window.win.emit('close', closeOnQuit);
    expect(closeOnQuit.prevented).toBe(false);
  });

  it('uses English tray labels for an English locale', async () => {
    fake.state.locale = 'en-US';
    await startApp();
    expect(fake.state.trayMenus[0]).toEqual([
      expect.objectContaining({ label: 'Open' }),
      { type: 'separator' },
      expect.objectContaining({ label: 'Quit' }),
    ]);
  });

  it('shows why it cannot start and exits with 1 (wrong passphrase)', async () => {
    openDesktopCore({
      dbPath,
      migrationsFolder: fileURLToPath(new URL('../../../src/core/db/migrations', import.meta.url)),
      safeStorage: fake.module.safeStorage,
      env: { KASSENWART_PASSPHRASE: 'the right passphrase' },
      version: '0',
      logger: silentLogger,
      scrypt: { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 },
    }).core.close();
    process.env['KASSENWART_PASSPHRASE'] = 'wrong';
    await import('../../../src/main/index.ts');
    fake.state.ready.resolve();
    expect(await fake.state.exited.promise).toBe(1);
    expect(fake.state.errorBoxes).toEqual([
      ['Kassenwart konnte nicht starten', expect.stringContaining('WRONG_PASSPHRASE')],
    ]);
    expect(fake.state.windows).toEqual([]);
  });
});
