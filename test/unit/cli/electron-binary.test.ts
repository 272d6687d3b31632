/**
 * `npm start` / `npm run dev` without the Electron binary (issue R17): bin/check-electron.mjs says that it is
 * missing and what to use instead, and stops (exit 1) before electron-vite builds anything.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronMissingMessage, findElectronBinary } from '../../../bin/electron-binary.mjs';
import { REPO_ROOT } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/db.ts';

const CHECK = fileURLToPath(new URL('../../../bin/check-electron.mjs', import.meta.url));

/** An `electron` package folder as its install script leaves it: path.txt naming the binary under dist/. */
function electronPackage(withBinary: boolean): { dir: string; binary: string } {
  const dir = tempDir('kassenwart-electron-');
  writeFileSync(join(dir, 'path.txt'), 'electron');
  const binary = join(dir, 'dist', 'electron');
  if (withBinary) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(binary, '');
  }
  return { dir, binary };
}

describe('the Electron binary check of npm start / npm run dev', () => {
  it('finds the binary where electron-vite looks for it, and says where it looked when it is not there', () => {
    const installed = electronPackage(true);
    expect(findElectronBinary({}, installed.dir)).toEqual({ path: installed.binary });
    const downloadBlocked = electronPackage(false);
    expect(findElectronBinary({}, downloadBlocked.dir)).toEqual({ missing: downloadBlocked.binary });
    const noScript = tempDir('kassenwart-electron-'); // install script never ran: no path.txt
    expect(findElectronBinary({}, noScript)).toEqual({ missing: join(noScript, 'dist') });
    expect(findElectronBinary({}, undefined).missing).toContain('run npm ci');
    // ELECTRON_EXEC_PATH (electron-vite's own override) wins, and is checked too.
    expect(findElectronBinary({ ELECTRON_EXEC_PATH: installed.binary }, undefined)).toEqual({
      path: installed.binary,
    });
    expect(findElectronBinary({ ELECTRON_EXEC_PATH: '/nowhere/electron' }, installed.dir)).toEqual({
      missing: '/nowhere/electron (ELECTRON_EXEC_PATH)',
    });
  });

  it('stops with ELECTRON_MISSING and points to kassenwart serve; passes when the binary is there', () => {
    const missing = spawnSync(process.execPath, [CHECK], {
      env: { ...process.env, ELECTRON_EXEC_PATH: '/nowhere/electron' },
      encoding: 'utf8',
    });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(
      `kassenwart: ${electronMissingMessage('/nowhere/electron (ELECTRON_EXEC_PATH)')} (ELECTRON_MISSING)\n`,
    );
    expect(missing.stderr).toContain('the Electron binary is missing (looked for /nowhere/electron');
    expect(missing.stderr).toContain('`npx kassenwart serve` and open the URL it prints');

    const present = spawnSync(process.execPath, [CHECK], {
      env: { ...process.env, ELECTRON_EXEC_PATH: electronPackage(true).binary },
      encoding: 'utf8',
    });
    expect(present.status).toBe(0);
    expect(present.stderr).toBe('');
  });

  it('runs before electron-vite in npm start and npm run dev', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['start']).toBe('node ./bin/check-electron.mjs && electron-vite preview');
    expect(pkg.scripts['dev']).toBe('node ./bin/check-electron.mjs && electron-vite dev');
  });
});
