// Is the Electron binary there? `npm start` and `npm run dev` (bin/desktop.mjs) ask before electron-vite runs, which
// otherwise fails with "Error: Electron uninstall" after building. Plain JavaScript, no dependency loaded: requiring
// the `electron` package itself would start a download of the binary, which package.json's allowScripts and the
// machines without access to Electron's download host do not allow.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The `electron` package's folder, or undefined when it is not installed. */
export function electronPackageDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/**
 * Where the Electron binary is, as electron-vite looks for it (ELECTRON_EXEC_PATH, else the path the package's
 * install script wrote to path.txt, under dist/): `{ path }` when the file is there, `{ missing }` with the place
 * looked at when not.
 */
export function findElectronBinary(env, packageDir) {
  const fromEnv = env.ELECTRON_EXEC_PATH;
  if (fromEnv)
    return existsSync(fromEnv) ? { path: fromEnv } : { missing: `${fromEnv} (ELECTRON_EXEC_PATH)` };
  if (!packageDir) return { missing: 'node_modules/electron (the package is not installed: run npm ci)' };
  const pathFile = join(packageDir, 'path.txt');
  const distDir = join(packageDir, 'dist');
  if (!existsSync(pathFile)) return { missing: distDir };
  const binary = join(distDir, readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: binary };
}

/** What to tell the user when the binary is missing: what, where it was looked for, and what to use instead. */
export function electronMissingMessage(missing) {
  return (
    `The desktop app cannot start: the Electron binary is missing (looked for ${missing}). ` +
    'npm ci does not download it (package.json allowScripts). Use Kassenwart in a browser instead: ' +
    '`npm run build`, then `npx kassenwart serve` and open the URL it prints (or `npx kassenwart demo` to try it ' +
    'on demo data). To install Electron, run `node node_modules/electron/install.js` on a machine that can reach ' +
    "Electron's download host."
  );
}
