import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../../../src/main/renderer-files.ts';
import { tempDir } from '../../helpers/db.ts';

function rendererDir(): { root: string; dir: string } {
  const root = tempDir();
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'assets', 'app.js'), '');
  writeFileSync(join(root, 'secret.txt'), 'not for the renderer');
  return { root, dir };
}

describe('resolveRendererFile', () => {
  it('serves files of the built renderer and the app page for /', () => {
    const { dir } = rendererDir();
    expect(resolveRendererFile(dir, '/')).toBe(join(dir, 'index.html'));
    expect(resolveRendererFile(dir, '/assets/app.js')).toBe(join(dir, 'assets', 'app.js'));
  });

  it('falls back to the app page for routes but not for missing assets', () => {
    const { dir } = rendererDir();
    expect(resolveRendererFile(dir, '/orders')).toBe(join(dir, 'index.html'));
    expect(resolveRendererFile(dir, '/assets/missing.js')).toBeUndefined();
  });

  it('never leaves the renderer folder', () => {
    const { dir } = rendererDir();
    expect(resolveRendererFile(dir, '/../secret.txt')).toBeUndefined();
    expect(resolveRendererFile(dir, '/%2e%2e/secret.txt')).toBeUndefined();
    expect(resolveRendererFile(dir, '/assets/..%2f..%2fsecret.txt')).toBeUndefined();
    expect(resolveRendererFile(dir, '/%E0%A4%A')).toBeUndefined(); // malformed escape
  });
});
