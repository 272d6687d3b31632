/**
 * Finds the table in a bank CSV export: the delimiter (sniffed: ";", ",", tab), the header row (banks put
 * preamble lines with account and period before it), and — without a given profile — the built-in profile whose
 * header signature matches. Only the first lines are looked at.
 */
import { looksLikeIban } from '../mt940/ids.ts';
import { BUILTIN_PROFILES } from './builtin-profiles.ts';
import { CsvProfileDefinition, type ColumnRefs, type CsvProfile } from './profile.ts';
import { normalizeHeader } from './values.ts';

const SCAN_LINES = 60;
const DELIMITERS = [';', ',', '\t', '|'] as const;

export type Layout = {
  profile: CsvProfile;
  delimiter: string;
  /** 0-based index of the header line (or of the first data line without a header). */
  headerLine: number;
  /** Lines before the header (the preamble), split into cells. */
  preamble: string[][];
};

/** Splits one line into cells (double quotes, "" inside quotes). Good enough for header and preamble lines. */
export function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

export function firstLines(text: string, n = SCAN_LINES): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < n && start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push(
      text
        .slice(start, end)
        .replace(/\r$/, '')
        .replace(/^\uFEFF/, ''),
    );
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

const asList = (refs: ColumnRefs): (string | number)[] => (Array.isArray(refs) ? refs : [refs]);

function matchesSignature(cells: Set<string>, signature: readonly (string | string[])[]): boolean {
  return signature.every((s) =>
    (Array.isArray(s) ? s : [s]).some((name) => cells.has(normalizeHeader(name))),
  );
}

/** Built-in profile and header row by signature; the most specific signature wins on the first matching line. */
export function detectLayout(text: string): Layout | undefined {
  const lines = firstLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    let best: { size: number; profile: CsvProfile; delimiter: string } | undefined;
    for (const delimiter of DELIMITERS) {
      if (!line.includes(delimiter)) continue;
      const cells = new Set(splitLine(line, delimiter).map(normalizeHeader));
      for (const b of BUILTIN_PROFILES) {
        if (matchesSignature(cells, b.signature) && (!best || b.signature.length > best.size)) {
          best = { size: b.signature.length, profile: CsvProfileDefinition.parse(b.profile), delimiter };
        }
      }
    }
    if (best)
      return {
        profile: best.profile,
        delimiter: best.delimiter,
        headerLine: i,
        preamble: preambleOf(lines, i, best.delimiter),
      };
  }
  return undefined;
}

/** Header row of a given (user) profile: its headerLines, else the first line naming its date and amount columns. */
export function layoutForProfile(text: string, profile: CsvProfile): Layout | undefined {
  const lines = firstLines(text);
  const names = [
    profile.columns.bookingDate,
    profile.columns.amount ?? profile.columns.debit ?? profile.columns.credit,
  ]
    .filter((r): r is ColumnRefs => r !== undefined)
    .map((r) =>
      asList(r)
        .filter((x): x is string => typeof x === 'string')
        .map(normalizeHeader),
    )
    .filter((l) => l.length > 0);
  const sniff = (line: string) =>
    profile.delimiter ??
    [...DELIMITERS].sort((a, b) => splitLine(line, b).length - splitLine(line, a).length)[0] ??
    ';';
  if (profile.headerLines !== undefined || !profile.hasHeader || names.length === 0) {
    const i = profile.headerLines ?? 0;
    const delimiter = sniff(lines[i] ?? '');
    return { profile, delimiter, headerLine: i, preamble: preambleOf(lines, i, delimiter) };
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const delimiter = sniff(line);
    const cells = new Set(splitLine(line, delimiter).map(normalizeHeader));
    if (names.every((alts) => alts.some((n) => cells.has(n)))) {
      return { profile, delimiter, headerLine: i, preamble: preambleOf(lines, i, delimiter) };
    }
  }
  return undefined;
}

function preambleOf(lines: string[], headerLine: number, delimiter: string): string[][] {
  return lines.slice(0, headerLine).map((l) => splitLine(l, delimiter));
}

/** The first IBAN written in the preamble ("IBAN;DE89 3704 …", "Girokonto";"DE42…", "Kontonummer:";"DE33… / Girokonto"). */
export function ibanInPreamble(preamble: string[][]): string | undefined {
  for (const row of preamble) {
    for (const cell of row) {
      for (const m of cell.toUpperCase().matchAll(/[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/g)) {
        const compact = m[0].replace(/ /g, '');
        // Grouped IBANs may run into following words; try the longest prefix that validates.
        for (let len = compact.length; len >= 15; len--)
          if (looksLikeIban(compact.slice(0, len))) return compact.slice(0, len);
      }
    }
  }
  return undefined;
}

/**
 * A German account written as bank code and account number in the preamble ("BLZ:";"12345678" and
 * "Konto:";"1234567", Volksbank/Raiffeisenbank's old "Umsatzanzeige"): `BLZ/Kontonummer`, the form MT940 :25: uses,
 * which account resolution ties to the account's IBAN. Undefined unless both are there.
 */
export function bankCodeAccountInPreamble(preamble: string[][]): string | undefined {
  let bankCode: string | undefined;
  let account: string | undefined;
  for (const row of preamble) {
    const cells = row.map((c) => c.trim());
    for (let i = 0; i + 1 < cells.length; i++) {
      const label = cells[i] ?? '';
      const value = (cells[i + 1] ?? '').replace(/\s/g, '');
      if (/^BLZ:?$/i.test(label) && /^\d{8}$/.test(value)) bankCode ??= value;
      else if (/^(?:Konto|Kontonummer|Konto-?Nr\.?):?$/i.test(label) && /^\d{1,10}$/.test(value))
        account ??= value;
    }
  }
  return bankCode && account ? `${bankCode}/${account}` : undefined;
}

/** "Währung:;CHF" (PostFinance), "Currency;EUR" in the preamble: the account currency, when a line says so. */
export function currencyInPreamble(preamble: string[][]): string | undefined {
  for (const row of preamble) {
    const cells = row.map((c) => c.trim()).filter((c) => c !== '');
    const i = cells.findIndex((c) => /^(währung|waehrung|currency|devise)\s*:?$/i.test(c));
    const code = i >= 0 ? cells[i + 1]?.toUpperCase() : undefined;
    if (code && /^[A-Z]{3}$/.test(code)) return code;
  }
  return undefined;
}

/** "Gutschrift in CHF", "Betrag (EUR)", "Amount (USD)": the currency an amount column's header names. */
export function currencyInHeader(
  header: string[] | undefined,
  columns: (number | undefined)[],
): string | undefined {
  for (const i of columns) {
    const name = i === undefined ? undefined : header?.[i]?.trim();
    const m = name ? /(?:\bin |\()([A-Z]{3})\)?$/.exec(name) : null;
    if (m?.[1]) return m[1];
  }
  return undefined;
}
