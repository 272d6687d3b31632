/**
 * Statement format from the CONTENT, never the file name (issue 3 §1): banks and banking software name files
 * arbitrarily (`.xml`, `.sta`, `.txt`, `.csv`, `.940`, no extension).
 *
 * - ZIP archive: local file header signature "PK\x03\x04" (APPNOTE.TXT §4.3.7).
 * - CAMT: an XML document whose namespace is urn:iso:std:iso:20022:tech:xsd:camt.05x.001.nn, or whose message
 *   element is BkToCstmrAcctRpt / BkToCstmrStmt / BkToCstmrDbtCdtNtfctn (files without namespace exist).
 * - MT942 (SWIFT interim report): field :34F: (floor limit) or :13D: (date/time indication), or an MT 942
 *   application header {2:I942 / {2:O942.
 * - MT940: any SWIFT field tag (:20:, :25:, :28C:, :60F:, :61:, :62F:, :86:, :NS: …) at a line start.
 * - CSV: anything else that looks like delimited text.
 */
export type DetectedFormat =
  | { kind: 'zip' }
  | { kind: 'camt'; message: 'camt.052' | 'camt.053' | 'camt.054' | 'unknown'; version?: string }
  | { kind: 'mt940' }
  | { kind: 'mt942' }
  | { kind: 'csv' }
  | { kind: 'xml-other'; root: string }
  | { kind: 'unknown' };

export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

const CAMT_NS = /urn:iso:std:iso:20022:tech:xsd:(camt\.05[234])\.001\.(\d{2})/;
const CAMT_ROOT =
  /<(?:[A-Za-z0-9_-]+:)?(BkToCstmrAcctRpt|BkToCstmrStmt|BkToCstmrDbtCdtNtfctn)(?:V\d{2})?[\s>]/;
const ROOTS = {
  BkToCstmrAcctRpt: 'camt.052',
  BkToCstmrStmt: 'camt.053',
  BkToCstmrDbtCdtNtfctn: 'camt.054',
} as const;

/** `head` is the decoded start of the file (the first 64 KB are plenty). */
export function detectFormat(head: string): DetectedFormat {
  const text = head.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('<')) {
    const ns = CAMT_NS.exec(text);
    if (ns?.[1] && ns[2])
      return { kind: 'camt', message: ns[1] as 'camt.052', version: `${ns[1]}.001.${ns[2]}` };
    const root = CAMT_ROOT.exec(text);
    if (root?.[1]) return { kind: 'camt', message: ROOTS[root[1] as keyof typeof ROOTS] };
    const first = /<([A-Za-z_][\w:.-]*)[\s>/]/.exec(
      trimmed.replace(/^<\?[^>]*\?>\s*/, '').replace(/^(<!--[\s\S]*?-->\s*)+/, ''),
    );
    return { kind: 'xml-other', root: first?.[1] ?? '?' };
  }
  if (/\{2:[IO]942/.test(text) || /(^|[\r\n]|@@)\s*:(34F|13D):/.test(text)) return { kind: 'mt942' };
  // Any SWIFT field tag at a line start (:20:, :25:, :28C:, :60F:, :61:, :62F:, :64:, :86:, :NS: …).
  // "@@" stands for a line break in MT940 taken from FinTS/HBCI responses (see mt940/index.ts).
  if (/(^|[\r\n]|@@)[ \t]*:(\d{2}[A-Z]?|NS):/.test(text) || /\{4:\s*[\r\n]/.test(text))
    return { kind: 'mt940' };
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
  if (lines.length > 0 && lines.some((l) => /[;,\t|]/.test(l))) return { kind: 'csv' };
  return { kind: 'unknown' };
}
