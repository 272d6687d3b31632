import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, sniffEncoding } from '#core/bank/decode.ts';
import { detectFormat, isZip } from '#core/bank/detect.ts';

describe('decodeBytes', () => {
  const text = ':20:X\r\n:86:166?32Jürgen Größe ÄÖÜ\r\n';
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeBytes(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({
      text,
      encoding: 'utf-8',
    });
  });
  it('reads UTF-16LE/BE with BOM and UTF-16LE without BOM', () => {
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({
      text,
      encoding: 'utf-16le',
    });
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({
      text,
      encoding: 'utf-16be',
    });
    expect(decodeBytes(Buffer.from(text, 'utf16le'))).toEqual({ text, encoding: 'utf-16le' });
  });
  it('falls back to Windows-1252 for Latin-1 bytes, and to CP850 for DOS-era MT940', () => {
    expect(decodeBytes(Buffer.from(text, 'latin1'), 'mt940')).toEqual({ text, encoding: 'windows-1252' });
    expect(decodeBytes(iconv.encode(text, 'cp850'), 'mt940')).toEqual({ text, encoding: 'cp850' });
    // Outside MT940 the CP850 guess is not made (CSV exports are Windows-1252 in practice).
    expect(decodeBytes(iconv.encode(text, 'cp850'), 'csv').encoding).toBe('windows-1252');
  });
  it('honours the XML declaration', () => {
    expect(
      sniffEncoding(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><Document/>'), 'xml').encoding,
    ).toBe('windows-1252');
  });
});

describe('detectFormat (content, not file name)', () => {
  it.each([
    [
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.13"><BkToCstmrAcctRpt>',
      { kind: 'camt', message: 'camt.052', version: 'camt.052.001.13' },
    ],
    ['<Document><BkToCstmrDbtCdtNtfctnV01>', { kind: 'camt', message: 'camt.054' }],
    [
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn>',
      { kind: 'xml-other', root: 'Document' },
    ],
    [':20:STARTUMS\r\n:25:DE89370400440532013000\r\n:28C:1\r\n:60F:C261101EUR0,00', { kind: 'mt940' }],
    [':20:X\n:25:DE89370400440532013000\n:28C:1\n:34F:EUR0,\n:13D:2611021200+0100', { kind: 'mt942' }],
    ['{1:F01X}{2:O9421200}{4:\r\n:20:X', { kind: 'mt942' }],
    ['Buchungstag;Betrag\n02.11.2026;1,00', { kind: 'csv' }],
    ['just some words', { kind: 'unknown' }],
  ])('%s', (head, want) => {
    expect(detectFormat(head)).toEqual(want);
  });
  it('recognises ZIP archives by signature', () => {
    expect(isZip(Buffer.from('PK\u0003\u0004rest', 'latin1'))).toBe(true);
    expect(isZip(Buffer.from('<?xml'))).toBe(false);
  });
});
