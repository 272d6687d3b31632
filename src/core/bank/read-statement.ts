/**
 * From bytes to ParseEvents: archive members, encoding, format detection (content only), the right parser.
 * CAMT is decoded and parsed in chunks (streaming); MT940/MT942 and CSV are decoded whole (their parsers take
 * text) — those files are small in practice, and still only a few MB for 100 000 MT940 entries.
 */
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { parseCamt } from './camt/index.ts';
import { createChunkDecoder, decodeBytes, sniffEncoding, type TextEncoding } from './decode.ts';
import { detectLayout } from './csv/layout.ts';
import { detectFormat, isZip, type DetectedFormat } from './detect.ts';
import { documentError, documentKind, officePackageKind } from './documents.ts';
import { ImportError, importError } from './import-error.ts';
import { parseMt940 } from './mt940/index.ts';
import { sourceFromBytes, type ByteSource } from './source.ts';
import type { ParseEvent } from './types.ts';

const MAX_MEMBER_BYTES = 512 * 2 ** 20;
const MAX_ARCHIVE_BYTES = 1024 * 2 ** 20;
/** Archive members with these errors are no statements at all; they are skipped, not fatal. */
const NOT_A_STATEMENT = new Map([
  ['IMPORT_UNKNOWN_FORMAT', 'not a statement format'],
  // Office documents are ZIP packages themselves: documentKind cannot tell them from a nested archive by their
  // first bytes, opening them says so (documents.ts documentError).
  ['IMPORT_SPREADSHEET', 'spreadsheet'],
  ['IMPORT_NOT_A_STATEMENT', 'no statement'],
  ['IMPORT_UNSUPPORTED_XML', 'XML but no CAMT statement'],
  ['IMPORT_EMPTY_FILE', 'empty'],
]);
/** Names of notes and documents next to the statements in an archive (a CSV export is .csv). */
const NOTE_NAME = /\.(?:txt|md|html?|rtf|log)$/i;

export type ReadOptions = {
  csvProfile?: string;
  forceEncoding?: TextEncoding;
  archiveLimits?: { memberBytes: number; archiveBytes: number };
};

export type StatementFile = {
  name: string;
  format: Exclude<DetectedFormat, { kind: 'zip' }>;
  encoding: TextEncoding;
  /** SHA-256 of the file's bytes; for streamed CAMT files complete once events() is exhausted. */
  sha256(): string;
  events(): Iterable<ParseEvent>;
  /** Notes about the archive this file came from (members skipped because they are no statements). */
  warnings?: { code: string; message: string }[];
};

function sha256Of(source: ByteSource): () => string {
  return () => createHash('sha256').update(source.all()).digest('hex');
}

/** Raised when a file that claimed UTF-8 turns out not to be; the importer retries it as Windows-1252. */
export class EncodingRetry extends Error {
  constructor(readonly fileName: string) {
    super(`${fileName} is not valid UTF-8`);
  }
}

/** CSV parser hook: the CSV helper's parseCsv(text, fileName, options), wired in csv-hook.ts. */
export type CsvParse = (
  text: string,
  fileName: string,
  options: { profile?: string },
) => Iterable<ParseEvent>;

export function openStatementFiles(
  source: ByteSource,
  options: ReadOptions,
  csv: CsvParse | undefined,
  depth = 0,
): StatementFile[] {
  const head = source.head();
  if (isZip(head)) {
    if (depth > 1)
      throw importError(
        'IMPORT_NESTED_ARCHIVE',
        'Archives nested deeper than one level are not imported. Unpack the archive and import its files.',
        { file: source.name },
      );
    let members: Record<string, Uint8Array>;
    let total = 0;
    let tooLarge: string | undefined;
    const limits = options.archiveLimits ?? {
      memberBytes: MAX_MEMBER_BYTES,
      archiveBytes: MAX_ARCHIVE_BYTES,
    };
    try {
      // Sizes from the central directory are checked before inflating (no zip bombs).
      members = unzipSync(source.all(), {
        filter: (info) => {
          total += info.originalSize;
          if (info.originalSize > limits.memberBytes || total > limits.archiveBytes) tooLarge ??= info.name;
          return tooLarge === undefined;
        },
      });
    } catch (error) {
      throw importError(
        'IMPORT_BAD_ARCHIVE',
        `The ZIP archive cannot be read (${(error as Error).message}). Download it again.`,
        { file: source.name },
      );
    }
    if (tooLarge !== undefined) {
      throw importError(
        'IMPORT_ARCHIVE_TOO_LARGE',
        `"${tooLarge}" in the archive unpacks to more than ${Math.round(limits.memberBytes / 2 ** 20)} MB (or the archive to more than ${Math.round(limits.archiveBytes / 2 ** 20)} MB). Unpack it and import the statement files one by one.`,
        { file: source.name },
      );
    }
    const office = officePackageKind(Object.keys(members), members['mimetype']);
    if (office) throw documentError(office, source.name);
    const names = Object.keys(members)
      .filter((n) => !n.endsWith('/') && !n.startsWith('__MACOSX/') && !/(^|\/)\./.test(n))
      .sort();
    if (names.length === 0)
      throw importError('IMPORT_EMPTY_ARCHIVE', 'The ZIP archive contains no files.', { file: source.name });
    // Banks put the PDF statement (or a protocol XML, a readme) next to the CAMT files: members that are no
    // statement at all are skipped and named in a warning. A member that looks like a statement but does not
    // read still fails the whole archive.
    const skipped: string[] = [];
    const files = names.flatMap((n) => {
      const bytes = members[n] ?? new Uint8Array();
      const kind = documentKind(bytes.subarray(0, 1024));
      if (kind) {
        skipped.push(`${n} (${kind})`);
        return [];
      }
      try {
        return openStatementFiles(sourceFromBytes(`${source.name}/${n}`, bytes), options, csv, depth + 1);
      } catch (error) {
        if (!(error instanceof ImportError) || !NOT_A_STATEMENT.has(error.code)) throw error;
        skipped.push(`${n} (${NOT_A_STATEMENT.get(error.code) ?? 'no statement'})`);
        return [];
      }
    });
    const first = files[0];
    if (!first)
      throw importError(
        'IMPORT_ARCHIVE_WITHOUT_STATEMENT',
        `The ZIP archive holds no statement file, only ${skipped.join(', ')}. Download the statements as CAMT, MT940 or CSV.`,
        { file: source.name },
      );
    if (skipped.length > 0)
      first.warnings = [
        ...(first.warnings ?? []),
        {
          code: 'IMPORT_ARCHIVE_MEMBERS_SKIPPED',
          message: `${source.name}: skipped ${skipped.join(', ')}: no statement file.`,
        },
      ];
    return files;
  }
  const document = documentKind(head);
  if (document) throw documentError(document, source.name);
  if (source.size === 0)
    throw importError('IMPORT_EMPTY_FILE', 'The file is empty. Download the statement again.', {
      file: source.name,
    });
  const sniff = options.forceEncoding
    ? { encoding: options.forceEncoding, bomLength: 0 }
    : sniffEncoding(head, 'unknown');
  const headText = new TextDecoder(sniff.encoding === 'cp850' ? 'latin1' : sniff.encoding).decode(
    head.subarray(sniff.bomLength),
  );
  // Only blank lines (a BOM, line breaks, spaces): as empty as a 0-byte file, not a file of unknown format.
  if (head.length === source.size && headText.replace(/^\uFEFF/, '').trim() === '')
    throw importError(
      'IMPORT_EMPTY_FILE',
      'The file is empty (only blank lines). Download the statement again.',
      { file: source.name },
    );
  const format = detectFormat(headText);
  switch (format.kind) {
    case 'camt':
      return [camtFile(source, format, options)];
    case 'mt940':
    case 'mt942': {
      const { text, encoding } = decodeWhole(source, 'mt940', options);
      return [
        {
          name: source.name,
          format,
          encoding,
          sha256: sha256Of(source),
          events: () => parseMt940(text, source.name),
        },
      ];
    }
    case 'csv': {
      if (!csv)
        throw importError(
          'IMPORT_CSV_UNAVAILABLE',
          'CSV import is not available in this build. Import the CAMT or MT940 export of your bank instead.',
          { file: source.name },
        );
      const { text, encoding } = decodeWhole(source, 'csv', options);
      // In a bank's ZIP download a note ("Sehr geehrte Kundin, anbei …") has commas too: a text member that no
      // known export layout fits is no statement (skipped by the archive), unless a CSV profile was asked for.
      if (depth > 0 && !options.csvProfile && NOTE_NAME.test(source.name) && !detectLayout(text))
        throw importError('IMPORT_UNKNOWN_FORMAT', `${source.name} is a text, not a statement.`, {
          file: source.name,
        });
      const csvOptions = options.csvProfile ? { profile: options.csvProfile } : {};
      return [
        {
          name: source.name,
          format,
          encoding,
          sha256: sha256Of(source),
          events: () => csv(text, source.name, csvOptions),
        },
      ];
    }
    case 'xml-other':
      throw importError(
        'IMPORT_UNSUPPORTED_XML',
        `This XML file (<${format.root}>) is not a bank statement (CAMT.052/053/054). Export the account statement as CAMT, MT940 or CSV.`,
        { file: source.name },
      );
    case 'unknown':
      throw importError(
        'IMPORT_UNKNOWN_FORMAT',
        'The file is neither CAMT, MT940/MT942 nor CSV. Export the account statement from your online banking in one of these formats.',
        { file: source.name },
      );
    default:
      throw importError('IMPORT_UNKNOWN_FORMAT', 'Unrecognised file.', { file: source.name });
  }
}

function decodeWhole(
  source: ByteSource,
  hint: 'mt940' | 'csv',
  options: ReadOptions,
): { text: string; encoding: TextEncoding } {
  const decoded = options.forceEncoding
    ? { text: createChunkDecoder(options.forceEncoding).end(source.all()), encoding: options.forceEncoding }
    : decodeBytes(source.all(), hint);
  return { ...decoded, text: withoutEofMarker(decoded.text) };
}

const EOF_MARK = String.fromCharCode(0x1a);

/**
 * DOS and old Windows banking programs end text files with Ctrl-Z (0x1A), the CP/M end-of-file mark. It is no
 * content: left in, it read as a cut-off last CSV row (CSV_TRUNCATED) or a stray MT940 line.
 */
function withoutEofMarker(text: string): string {
  // From the end over blanks and marks; cut at the first mark of that tail (line breaks before it stay).
  let cut = -1;
  for (let end = text.length; end > 0; end--) {
    const ch = text.charAt(end - 1);
    if (ch === EOF_MARK) cut = end - 1;
    else if (ch.trim() !== '') break;
  }
  return cut < 0 ? text : text.slice(0, cut);
}

function camtFile(
  source: ByteSource,
  format: Extract<DetectedFormat, { kind: 'camt' }>,
  options: ReadOptions,
): StatementFile {
  const sniff = options.forceEncoding
    ? { encoding: options.forceEncoding, bomLength: 0 }
    : sniffEncoding(source.head(), 'xml');
  // Hashed while streaming: the file is read once.
  const hash = createHash('sha256');
  let digest: string | undefined;
  function* text(): Generator<string> {
    const decoder = createChunkDecoder(sniff.encoding);
    let first = true;
    let leading = true;
    try {
      // 256 KB chunks: fewer large strings alive at once keeps the peak RSS down.
      for (const chunk of source.chunks(1 << 18)) {
        hash.update(chunk);
        let text = decoder.write(first ? chunk.subarray(sniff.bomLength) : chunk);
        first = false;
        // Blank lines before the XML declaration (files passed through web portals and scripts) make the XML
        // strictly not well-formed (XML 1.0 §2.8) but mean nothing: dropped, as is a second BOM.
        if (leading) {
          text = text.replace(/^[\uFEFF\s]+/, '');
          leading = text === '';
        }
        yield text;
      }
      yield decoder.end();
      digest = hash.digest('hex');
    } catch (error) {
      if (error instanceof TypeError && sniff.encoding === 'utf-8') throw new EncodingRetry(source.name);
      throw error;
    }
  }
  return {
    name: source.name,
    format,
    encoding: sniff.encoding,
    sha256: () => digest ?? '',
    events: () => parseCamt(text(), source.name),
  };
}
