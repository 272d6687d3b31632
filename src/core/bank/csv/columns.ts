/** Resolves a profile's column references against a header row, once per file. */
import type { ColumnRefs, CsvProfile } from './profile.ts';
import { normalizeHeader } from './values.ts';

type Single =
  | Exclude<keyof CsvProfile['columns'], 'remittance'>
  | 'status'
  | 'skip'
  | 'emailFrom'
  | 'emailTo'
  | 'balance';
export type Resolved = Partial<Record<Single, number>> & { remittance: number[] };

/** Index of the first existing column of `refs`; a name that occurs twice resolves to its last occurrence. */
export function resolveColumn(
  refs: ColumnRefs | undefined,
  header: string[] | undefined,
): number | undefined {
  if (refs === undefined) return undefined;
  const names = header?.map(normalizeHeader);
  for (const ref of Array.isArray(refs) ? refs : [refs]) {
    if (typeof ref === 'number') {
      if (!header || ref < header.length) return ref;
      continue;
    }
    const i = names?.lastIndexOf(normalizeHeader(ref)) ?? -1;
    if (i >= 0) return i;
  }
  return undefined;
}

export function resolveColumns(profile: CsvProfile, header: string[] | undefined): Resolved {
  const c = profile.columns;
  const r: Resolved = { remittance: [] };
  for (const key of Object.keys(c) as (keyof CsvProfile['columns'])[]) {
    if (key === 'remittance' || key === 'sign') continue;
    const i = resolveColumn(c[key], header);
    if (i !== undefined) r[key] = i;
  }
  for (const refs of c.remittance ?? []) {
    const i = resolveColumn(refs, header);
    if (i !== undefined && !r.remittance.includes(i)) r.remittance.push(i);
  }
  const set = (
    key: 'status' | 'skip' | 'sign' | 'emailFrom' | 'emailTo' | 'balance',
    refs: ColumnRefs | undefined,
  ) => {
    const i = resolveColumn(refs, header);
    if (i !== undefined) r[key] = i;
  };
  set('status', profile.status?.column);
  // A status index past the header names the unnamed cell that rows carry after the named ones (Sparda's "*").
  const st = profile.status?.column;
  if (r.status === undefined && typeof st === 'number') r.status = st;
  set('skip', profile.skip?.column);
  set('sign', c.sign?.column);
  set('emailFrom', profile.accountFromEmails?.from);
  set('emailTo', profile.accountFromEmails?.to);
  set('balance', profile.balanceRows?.column);
  return r;
}
