/**
 * Electron main process: lifecycle only (design §3.9). Window, tray, IPC, protocol, security and the secret
 * store live in their own modules beside this file.
 */
import { app, dialog, session, type BrowserWindow, type Tray } from 'electron';
import { createStderrLogger, type LogLevel } from '#core/deps.ts';
import { toErrorPayload } from '#core/errors.ts';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './app-protocol.ts';
import { openDesktopCore, startBackgroundJobs, type DesktopCore } from './desktop-core.ts';
import { registerIpcHandlers } from './ipc.ts';
import { labelsFor } from './labels.ts';
import { originOf } from './url-policy.ts';
import {
  MIGRATIONS_FOLDER,
  PRELOAD_PATH,
  RENDERER_DIR,
  RESOURCES_DIR,
  databasePath,
  useSharedUserDataFolder,
} from './paths.ts';
import { electronSafeStorage } from './safe-storage.ts';
import { denyAllPermissions, guardWebContents } from './security.ts';
import { createTray } from './tray.ts';
import { createMainWindow, iconFile, showWindow } from './window.ts';

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const requestedLevel = LOG_LEVELS.find((l) => l === process.env['KASSENWART_LOG']);
const logger = createStderrLogger(requestedLevel ?? 'info');

// Both must happen before `ready`.
useSharedUserDataFolder(app);
registerAppScheme();

if (app.requestSingleInstanceLock()) {
  run();
} else {
  // Another Kassenwart already runs on this profile; it gets a `second-instance` event and shows itself.
  app.quit();
}

function run(): void {
  // electron-vite dev serves the renderer over http; a built app loads it from our own protocol.
  const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
  const devOrigin = originOf(devUrl);
  const allowedOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
  const startUrl = devUrl ?? `${APP_ORIGIN}/`;
  let desktop: DesktopCore | undefined;
  let window: BrowserWindow | undefined;
  let tray: Tray | undefined;
  let removeIpc: (() => void) | undefined;
  let quitting = false;
  let background: { stop(): Promise<void> } | undefined;

  guardWebContents(allowedOrigins, logger);

  const openWindow = (): void => {
    if (!desktop) return; // not started (yet): a second launch or `activate` before ready has nothing to show
    if (!window) {
      const created = createMainWindow({
        preloadPath: PRELOAD_PATH,
        startUrl,
        iconPath: iconFile(RESOURCES_DIR, 'icon.png'),
        title: 'Kassenwart',
      });
      // Closing the window keeps the app in the tray; "Quit" in the tray menu ends it.
      created.on('close', (event) => {
        if (!quitting && tray) {
          event.preventDefault();
          created.hide();
        }
      });
      created.on('closed', () => {
        window = undefined;
      });
      window = created;
    }
    showWindow(window);
  };

  app.on('second-instance', openWindow);
  app.on('activate', openWindow);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (!tray) app.quit();
  });
  app.on('will-quit', (event) => {
    if (background) {
      // Let a running sync finish its page and the watcher close before the database closes.
      event.preventDefault();
      const stopping = background;
      background = undefined;
      void stopping.stop().finally(() => app.quit());
      return;
    }
    removeIpc?.();
    desktop?.core.close();
    desktop = undefined;
  });

  app
    .whenReady()
    .then(() => {
      const labels = labelsFor(app.getLocale());
      try {
        desktop = openDesktopCore({
          dbPath: databasePath(app),
          migrationsFolder: MIGRATIONS_FOLDER,
          safeStorage: electronSafeStorage(),
          env: process.env,
          version: app.getVersion(),
          logger,
        });
      } catch (error) {
        // Wrong passphrase, missing key file, refused plain-text key storage, ...: say what to do and stop.
        const { code, message } = toErrorPayload(error);
        logger.log('error', 'startup failed', { code, reason: message });
        dialog.showErrorBox(labels.startFailed, `${message}\n\n(${code})`);
        app.exit(1);
        return;
      }
      denyAllPermissions(session.defaultSession);
      handleAppProtocol(session.defaultSession, RENDERER_DIR);
      removeIpc = registerIpcHandlers(desktop.handlers, allowedOrigins, logger);
      background = startBackgroundJobs(desktop, logger);
      tray = createTray({
        iconPath: iconFile(RESOURCES_DIR, 'tray.png'),
        labels,
        onOpen: openWindow,
        onQuit: () => app.quit(),
      });
      openWindow();
    })
    .catch((error: unknown) => {
      logger.log('error', 'startup failed', { error: String(error) });
      app.exit(1);
    });
}
