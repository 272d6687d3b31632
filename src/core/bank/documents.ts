/**
 * Files that are not statements (or in formats Kassenwart does not read) but get imported by mistake, or sit next to the statements in a bank's ZIP
 * download: PDF statements ("Kontoauszug.pdf"), spreadsheets (the "Excel" export many banks offer), images.
 * Recognised by their signatures (PDF 1.7 §7.5.2 "%PDF-" header within the first 1024 bytes; OLE2 compound file
 * D0 CF 11 E0 A1 B1 1A E1 for .xls; OOXML/ODF packages by their part names; PNG/JPEG magic numbers), so the
 * merchant gets "export CSV/CAMT instead" rather than a CSV or XML error about a file that never was one.
 */
import { importError, type ImportError } from './import-error.ts';

export type DocumentKind =
  | 'pdf'
  | 'spreadsheet'
  | 'word processor document'
  | 'image'
  // Personal-finance formats (Open Financial Exchange, Quicken Interchange Format) some banks offer too.
  | 'OFX file'
  | 'QIF file';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A document recognised from the first bytes of a (non-archive) file. */
export function documentKind(head: Uint8Array): DocumentKind | undefined {
  const start = new TextDecoder('latin1').decode(head.subarray(0, 1024));
  if (/(^|[\r\n])%PDF-\d/.test(start)) return 'pdf';
  if (/^\s*(?:OFXHEADER:|<\?OFX\b|<OFX>)/i.test(start) || /^\s*<\?xml[^>]*\?>\s*<\?OFX\b/i.test(start))
    return 'OFX file';
  if (/^\s*!(?:Type|Account|Option):/i.test(start)) return 'QIF file';
  if (OLE2.every((b, i) => head[i] === b)) return 'spreadsheet';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'image';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image';
  return undefined;
}

/** An office package (a ZIP archive by format): Excel .xlsx, LibreOffice .ods, Word .docx. */
export function officePackageKind(names: readonly string[], mimetype?: Uint8Array): DocumentKind | undefined {
  if (names.includes('[Content_Types].xml')) {
    if (names.some((n) => n.startsWith('xl/'))) return 'spreadsheet';
    if (names.some((n) => n.startsWith('word/'))) return 'word processor document';
  }
  const type = mimetype ? new TextDecoder('latin1').decode(mimetype.subarray(0, 100)) : '';
  if (type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'spreadsheet';
  if (type.startsWith('application/vnd.oasis.opendocument.text')) return 'word processor document';
  return undefined;
}

export function documentError(kind: DocumentKind, file: string): ImportError {
  const what =
    kind === 'pdf'
      ? 'a PDF document (a printed statement)'
      : kind === 'spreadsheet'
        ? 'a spreadsheet (Excel/LibreOffice)'
        : `a ${kind}`;
  return importError(
    kind === 'spreadsheet' ? 'IMPORT_SPREADSHEET' : 'IMPORT_NOT_A_STATEMENT',
    `This is ${what}, not a statement file Kassenwart reads. Export the account transactions from your online banking as CAMT (XML), MT940 or CSV${kind === 'spreadsheet' ? ', or save the sheet as CSV' : ''} and import that file.`,
    { file },
  );
}
