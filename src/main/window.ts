/**
 * The one application window, locked down (design §3.5): context isolation, sandboxed renderer without Node,
 * web security on, no webview; the preload exposes only the API functions. Navigation and window-open guards
 * are installed app-wide in security.ts.
 */
import { join } from 'node:path';
import { BrowserWindow } from 'electron';

export type MainWindowOptions = { preloadPath: string; startUrl: string; iconPath: string; title: string };

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: options.title,
    icon: options.iconPath,
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.startUrl);
  return window;
}

export function showWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

export function iconFile(resourcesDir: string, name: string): string {
  return join(resourcesDir, name);
}
