import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Kassenwart';

/**
 * The per-user app-data folder, the same one Electron's app.getPath('userData') gives the desktop app
 * (appData + productName): %APPDATA% on Windows, ~/Library/Application Support on macOS,
 * $XDG_CONFIG_HOME or ~/.config on Linux.
 */
export function appDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), APP_NAME);
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env['KASSENWART_DB'] || join(appDataDir(env), 'kassenwart.db');
}
