#!/usr/bin/env node
// Run by `npm start` and `npm run dev` before electron-vite (`node ./bin/check-electron.mjs && electron-vite …`):
// without the Electron binary, a message that says so and what to use instead, and exit 1 before anything is
// built; electron-vite alone fails with "Error: Electron uninstall" after building.
import { electronMissingMessage, electronPackageDir, findElectronBinary } from './electron-binary.mjs';

const found = findElectronBinary(process.env, electronPackageDir());
if (found.missing !== undefined) {
  process.stderr.write(`kassenwart: ${electronMissingMessage(found.missing)} (ELECTRON_MISSING)\n`);
  process.exit(1);
}
