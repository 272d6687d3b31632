/**
 * Where the desktop app keeps things. The database lives in the same per-user folder the CLI uses
 * (src/cli/paths.ts: appData + "Kassenwart"), so `kassenwart status` and the desktop app see the same data.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from 'electron';

/** Same folder name as APP_NAME in src/cli/paths.ts (package.json's lower-case "name" would differ on Linux). */
export const APP_FOLDER_NAME = 'Kassenwart';

/** Must run before `ready`: Electron derives userData from the app name, which is "kassenwart" here. */
export function useSharedUserDataFolder(app: App): void {
  app.setPath('userData', join(app.getPath('appData'), APP_FOLDER_NAME));
}

export function databasePath(app: App, env: NodeJS.ProcessEnv = process.env): string {
  return env['KASSENWART_DB'] || join(app.getPath('userData'), 'kassenwart.db');
}

/** out/main/index.js -> out/main/migrations (copied there by electron.vite.config.ts). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
/** out/preload/index.cjs: CommonJS, because sandboxed preloads cannot be ES modules. */
export const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
export const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));
export const RESOURCES_DIR = fileURLToPath(new URL('../../resources', import.meta.url));
