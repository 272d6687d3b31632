/** Maps app-protocol request paths to files of the built renderer; no Electron import, so it is unit tested. */
import { existsSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

/** The file for a request path inside `rendererDir`, or undefined (also for any attempt to leave the folder). */
export function resolveRendererFile(rendererDir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const base = resolve(rendererDir);
  const file = resolve(base, `.${decoded === '/' ? '/index.html' : decoded}`);
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  // Client-side routes fall back to the app page; missing assets stay 404.
  return extname(decoded) === '' ? resolve(base, 'index.html') : undefined;
}
