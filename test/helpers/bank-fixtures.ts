/** The shared bank statement fixtures live next to the repository: <repo>/../shared/fixtures/bank (never copied in). */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_BANK_FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/bank/', import.meta.url));
export const OWN_BANK_FIXTURES = fileURLToPath(new URL('../fixtures/bank/', import.meta.url));

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

export const rel = (file: string): string => relative(SHARED_BANK_FIXTURES, file);
