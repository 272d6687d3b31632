/**
 * A statement file as bytes: from disk (read in chunks, so a 100 000-entry CAMT file never sits in memory
 * twice) or from memory (archive members, API uploads, tests). Synchronous on purpose: the import consumes it
 * inside one synchronous SQLite transaction.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';

export type ByteSource = {
  /** Shown in results and errors: the file name, or `archive.zip/member.xml`. */
  readonly name: string;
  readonly size: number;
  head(bytes?: number): Uint8Array;
  chunks(chunkSize?: number): Iterable<Uint8Array>;
  all(): Uint8Array;
};

const CHUNK = 1 << 20;

export function sourceFromBytes(name: string, data: Uint8Array): ByteSource {
  return {
    name,
    size: data.byteLength,
    head: (n = 65_536) => data.subarray(0, n),
    *chunks(chunkSize = CHUNK) {
      for (let i = 0; i < data.byteLength; i += chunkSize) yield data.subarray(i, i + chunkSize);
    },
    all: () => data,
  };
}

export function sourceFromPath(path: string, displayName = basename(path)): ByteSource {
  const readRange = (fd: number, length: number, position: number): Uint8Array => {
    const buffer = Buffer.allocUnsafe(length);
    const got = readSync(fd, buffer, 0, length, position);
    return buffer.subarray(0, got);
  };
  const fd0 = openSync(path, 'r');
  let size: number;
  try {
    size = fstatSync(fd0).size;
  } finally {
    closeSync(fd0);
  }
  return {
    name: displayName,
    size,
    head(n = 65_536) {
      const fd = openSync(path, 'r');
      try {
        return readRange(fd, Math.min(n, size), 0);
      } finally {
        closeSync(fd);
      }
    },
    *chunks(chunkSize = CHUNK) {
      const fd = openSync(path, 'r');
      try {
        for (let pos = 0; ;) {
          const chunk = readRange(fd, chunkSize, pos);
          if (chunk.byteLength === 0) break;
          pos += chunk.byteLength;
          yield chunk;
        }
      } finally {
        closeSync(fd);
      }
    },
    all() {
      const fd = openSync(path, 'r');
      try {
        return readRange(fd, size, 0);
      } finally {
        closeSync(fd);
      }
    },
  };
}
