import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseEvent, ParsedEntry, StatementInfo, ImportProblem } from '#core/bank/types.ts';

/** <repo>/../shared/fixtures/bank: shared, read-only test input (never copied into the repo). */
export const SHARED_BANK_FIXTURES = fileURLToPath(
  new URL('../../../../shared/fixtures/bank/', import.meta.url),
);
/** Our own small fixtures, one per quirk. */
export const OWN_BANK_FIXTURES = fileURLToPath(new URL('../../fixtures/bank/', import.meta.url));

export function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

/**
 * Bytes to text for tests: UTF-8 when valid, else Windows-1252 (the importer's own decoder with CP850 and
 * UTF-16 detection lives in bank/decode.ts and is tested there).
 */
export function decodeForTest(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function readText(path: string): string {
  return decodeForTest(readFileSync(path));
}

export type Collected = {
  entries: ParsedEntry[];
  statements: (StatementInfo & { index: number })[];
  problems: ImportProblem[];
};

export function collect(events: Iterable<ParseEvent>): Collected {
  const out: Collected = { entries: [], statements: [], problems: [] };
  for (const ev of events) {
    if (ev.kind === 'entry') out.entries.push(ev.entry);
    else if (ev.kind === 'statement') out.statements.push({ ...ev.statement, index: ev.index });
    else out.problems.push(ev.problem);
  }
  return out;
}

export const errorsOf = (c: Collected) => c.problems.filter((p) => p.severity === 'error');
