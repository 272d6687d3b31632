/**
 * Checks on the built bundles that need no Electron binary (`npm run test:e2e` builds first):
 * - the preload runs the way a sandboxed preload does: one CommonJS file whose only `require` is 'electron';
 * - the main bundle imports only Node built-ins, 'electron' and runtime dependencies from package.json, so a
 *   packaged app (which ships only "dependencies") can load it.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { expect, test } from '@playwright/test';
import { API_METHODS, IPC_CHANNEL_PREFIX } from '#shared/api.ts';
import { REPO_ROOT } from './cli.ts';

const OUT = join(REPO_ROOT, 'out');

test('the preload bundle runs with only electron available and exposes one function per method', async () => {
  const code = readFileSync(join(OUT, 'preload', 'index.cjs'), 'utf8');
  const required: string[] = [];
  const invoked: { channel: string; input: unknown }[] = [];
  let exposed: { key: string; api: Record<string, (input?: unknown) => Promise<unknown>> } | undefined;
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, (input?: unknown) => Promise<unknown>>) =>
        (exposed = { key, api }),
    },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => {
        invoked.push({ channel, input });
        return Promise.resolve(
          channel.endsWith('app.info')
            ? { ok: true, data: { version: 'x' } }
            : { ok: false, error: { code: 'E_TEST', message: 'failed' } },
        );
      },
    },
  };
  // A sandboxed preload gets a `require` that knows 'electron' and a few polyfills, not node_modules.
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`Cannot find module '${name}' (sandboxed preload)`);
  };
  const module = { exports: {} };
  runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console });

  expect(required).toEqual(['electron']);
  expect(exposed?.key).toBe('kassenwart');
  const api = exposed!.api;
  expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
  // The bundle's async functions return promises of the vm realm; adopt them into this one.
  await expect(Promise.resolve(api['app.info']!({}))).resolves.toEqual({ version: 'x' });
  await expect(Promise.resolve(api['status.summary']!())).rejects.toEqual({
    code: 'E_TEST',
    message: 'failed',
  });
  expect(invoked).toEqual([
    { channel: `${IPC_CHANNEL_PREFIX}app.info`, input: {} },
    { channel: `${IPC_CHANNEL_PREFIX}status.summary`, input: {} },
  ]);
});

test('the main bundle imports only built-ins, electron and runtime dependencies', () => {
  const code = readFileSync(join(OUT, 'main', 'index.js'), 'utf8');
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const specifiers = [...code.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/gm)].map(
    (m) => m[1]!,
  );
  expect(specifiers.length).toBeGreaterThan(0);
  const packageOf = (s: string) =>
    s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!;
  const builtins = new Set(builtinModules);
  const outside = specifiers.filter(
    (s) =>
      s !== 'electron' &&
      !s.startsWith('node:') &&
      !builtins.has(s) &&
      !(packageOf(s) in pkg.dependencies) &&
      !s.startsWith('./'),
  );
  expect(outside).toEqual([]);
  expect(readFileSync(join(OUT, 'main', 'migrations', 'meta', '_journal.json'), 'utf8')).toContain(
    '"entries"',
  );
});
