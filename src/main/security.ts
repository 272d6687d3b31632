/**
 * App-wide hardening for every web contents (design §3.5, Electron security checklist
 * https://www.electronjs.org/docs/latest/tutorial/security): no permissions, no navigation away from the app,
 * no new windows, no <webview>; external links open in the browser only for allow-listed https hosts.
 */
import { app, shell, type Session } from 'electron';
import type { Logger } from '#core/deps.ts';
import { isAllowedExternalUrl, isAllowedOrigin } from './url-policy.ts';

function openExternally(url: string, logger: Logger): void {
  if (!isAllowedExternalUrl(url)) {
    logger.log('warn', 'blocked opening a url', { url });
    return;
  }
  shell
    .openExternal(url)
    .catch((error: unknown) => logger.log('warn', 'could not open url', { url, error: String(error) }));
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/** Installs navigation and window-open guards on every web contents the app ever creates. */
export function guardWebContents(allowedOrigins: readonly string[], logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isAllowedOrigin(url, allowedOrigins)) return;
      event.preventDefault();
      openExternally(url, logger);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedOrigin(url, allowedOrigins)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternally(url, logger);
      return { action: 'deny' };
    });
  });
}
