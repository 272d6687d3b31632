/**
 * Bytes -> text for statement files. Banks deliver UTF-8 (with or without BOM), Windows-1252 / ISO-8859-1,
 * UTF-16 (some CSV exports, with or without BOM) and, in old MT940 files from DOS-era banking software, CP850.
 *
 * Order of evidence: BOM > UTF-16 byte pattern > XML declaration (XML 1.0 §4.3.3) > valid UTF-8 > CP850 (MT940
 * only, when its umlaut bytes dominate) > Windows-1252. Windows-1252 is a superset of the printable
 * ISO-8859-1 range, so it decodes both. Decoding is done by TextDecoder (WHATWG) and iconv-lite (CP850).
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-15' | 'cp850';
export type DecodeHint = 'xml' | 'mt940' | 'csv' | 'unknown';

export type SniffResult = { encoding: TextEncoding; bomLength: number; reason: string };

/** Looks at the first bytes (a few KB are enough) and picks an encoding; `full` enables the UTF-8 validity test. */
export function sniffEncoding(
  head: Uint8Array,
  hint: DecodeHint = 'unknown',
  full?: Uint8Array,
): SniffResult {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3, reason: 'UTF-8 BOM' };
  if (head[0] === 0xff && head[1] === 0xfe)
    return { encoding: 'utf-16le', bomLength: 2, reason: 'UTF-16LE BOM' };
  if (head[0] === 0xfe && head[1] === 0xff)
    return { encoding: 'utf-16be', bomLength: 2, reason: 'UTF-16BE BOM' };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomLength: 0, reason: 'UTF-16 byte pattern' };
  const declared = xmlDeclaredEncoding(head);
  if (declared) return { encoding: declared, bomLength: 0, reason: 'XML declaration' };
  if (hint === 'xml') return { encoding: 'utf-8', bomLength: 0, reason: 'XML default' };
  const sample = full ?? head;
  if (isValidUtf8(sample)) return { encoding: 'utf-8', bomLength: 0, reason: 'valid UTF-8' };
  if (hint === 'mt940' && looksLikeCp850(sample))
    return { encoding: 'cp850', bomLength: 0, reason: 'CP850 umlauts' };
  return { encoding: 'windows-1252', bomLength: 0, reason: 'not UTF-8' };
}

/** Decodes a whole buffer (MT940, CSV, archive members). */
export function decodeBytes(
  bytes: Uint8Array,
  hint: DecodeHint = 'unknown',
): { text: string; encoding: TextEncoding } {
  const sniff = sniffEncoding(bytes.subarray(0, 4096), hint, bytes);
  const body = bytes.subarray(sniff.bomLength);
  return { text: createChunkDecoder(sniff.encoding).end(body), encoding: sniff.encoding };
}

export type ChunkDecoder = { write(chunk: Uint8Array): string; end(chunk?: Uint8Array): string };

/**
 * A streaming decoder: multi-byte sequences split across chunks are carried over. UTF-8 is decoded with
 * `fatal: true`, so a file that claims UTF-8 but is not throws a TypeError the caller can turn into a retry.
 */
export function createChunkDecoder(encoding: TextEncoding): ChunkDecoder {
  if (encoding === 'cp850') {
    const dec = iconv.getDecoder('cp850');
    return {
      write: (c) => dec.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength)),
      end: (c) => (c ? dec.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength)) : '') + (dec.end() ?? ''),
    };
  }
  const dec = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
  return {
    write: (c) => dec.decode(c, { stream: true }),
    end: (c) => dec.decode(c ?? new Uint8Array(0)),
  };
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Text files in a Latin script have a zero in every other byte when encoded as UTF-16 without BOM. */
function utf16WithoutBom(head: Uint8Array): TextEncoding | undefined {
  const n = Math.min(head.length - (head.length % 2), 512);
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return 'utf-16be';
  return undefined;
}

function xmlDeclaredEncoding(head: Uint8Array): TextEncoding | undefined {
  const start = new TextDecoder('latin1').decode(head.subarray(0, 200));
  const m = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(start);
  if (!m?.[1]) return undefined;
  const name = m[1].toLowerCase();
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (['iso-8859-1', 'latin1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii'].includes(name))
    return 'windows-1252';
  // Latin-9 differs from Windows-1252 where it matters: 0xA4 is "€" (Windows-1252 has it at 0x80).
  if (['iso-8859-15', 'latin9', 'latin-9'].includes(name)) return 'iso-8859-15';
  if (name === 'utf-16' || name === 'utf-16le') return 'utf-16le';
  if (name === 'utf-16be') return 'utf-16be';
  return undefined;
}

// CP850 positions of ä ö ü Ä Ö Ü ß versus their ISO-8859-1 / Windows-1252 positions.
const CP850_UMLAUTS = new Set([0x84, 0x94, 0x81, 0x8e, 0x99, 0x9a, 0xe1]);
const LATIN1_UMLAUTS = new Set([0xe4, 0xf6, 0xfc, 0xc4, 0xd6, 0xdc, 0xdf]);

function looksLikeCp850(bytes: Uint8Array): boolean {
  let cp850 = 0;
  let latin = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    if (CP850_UMLAUTS.has(b)) cp850++;
    else if (LATIN1_UMLAUTS.has(b)) latin++;
  }
  return cp850 > 0 && cp850 > latin;
}
