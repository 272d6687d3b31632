/**
 * electron-vite build of the desktop shell (design §1): main (ESM), preload (CommonJS) and renderer (React).
 * `npm run build` needs no Electron binary. Native and large dependencies (better-sqlite3-multiple-ciphers,
 * @napi-rs/keyring, drizzle-orm, zod, ...) stay external in main: electron-vite externalises everything in
 * package.json "dependencies" by default, and they load from node_modules at run time.
 * `#core/*` and `#shared/*` resolve through package.json "imports", which Vite follows like Node and vitest do
 * (design §1), so there are deliberately no aliases here.
 * https://electron-vite.org/config/
 */
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { RENDERER_CSP_META } from './src/shared/csp.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The drizzle-kit migrations are read from disk at open time, so main needs them beside its bundle. */
function copyMigrations(): Plugin {
  return {
    name: 'kassenwart:copy-migrations',
    apply: 'build',
    closeBundle() {
      const target = fromRoot('./out/main/migrations');
      rmSync(target, { recursive: true, force: true });
      cpSync(fromRoot('./src/core/db/migrations'), target, { recursive: true });
    },
  };
}

/**
 * The strict CSP goes into the built index.html only: in `electron-vite dev` the React refresh preamble is an
 * inline script that a strict policy would block. The loopback server and the app protocol also send it as a
 * header.
 */
function cspMeta(): Plugin {
  return {
    name: 'kassenwart:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP_META },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  main: {
    root,
    plugins: [copyMigrations()],
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: fromRoot('./src/main/index.ts') } },
    },
  },
  preload: {
    root,
    build: {
      outDir: 'out/preload',
      // A sandboxed preload runs without Node's module system: it must be one CommonJS file with everything
      // except 'electron' bundled in (zod comes in through the shared API table).
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: fromRoot('./src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: fromRoot('./src/renderer'),
    plugins: [react(), cspMeta()],
    build: {
      outDir: fromRoot('./out/renderer'),
      emptyOutDir: true,
      minify: true,
      // One bundle of ~600 kB (Mantine, React, zod for the shared contract), loaded from disk or loopback.
      chunkSizeWarningLimit: 1024,
      rolldownOptions: { input: { index: fromRoot('./src/renderer/index.html') } },
    },
  },
});
