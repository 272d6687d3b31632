/**
 * The statement import's typed error (design §3.7): a stable code (CAMT_…, MT940_…, CSV_…, IMPORT_…) and a
 * message a merchant can act on that always names the file, the line or XML element path, and what to do.
 * Parsers report most problems as `{ kind: 'problem' }` events and throw an ImportError only where they
 * cannot go on. An import that throws leaves the database unchanged (one synchronous transaction per file).
 */
import { KassenwartError } from '../errors.ts';
import type { ImportProblem } from './types.ts';

export type ImportErrorWhere = { file?: string; line?: number; path?: string };

export class ImportError extends KassenwartError {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly path: string | undefined;

  /** `message` should say what is wrong and what to do; the location is prefixed unless already named. */
  constructor(code: string, message: string, where: ImportErrorWhere = {}) {
    super(code, withWhere(message, where), { ...where });
    this.file = where.file;
    this.line = where.line;
    this.path = where.path;
  }
}

export function importError(code: string, message: string, where: ImportErrorWhere = {}): ImportError {
  return new ImportError(code, message, where);
}

/** A parser problem of severity 'error' as a thrown error. */
export function importErrorFromProblem(problem: ImportProblem): ImportError {
  const where: ImportErrorWhere = {};
  if (problem.file !== undefined) where.file = problem.file;
  if (problem.line !== undefined) where.line = problem.line;
  if (problem.path !== undefined) where.path = problem.path;
  return new ImportError(problem.code, problem.message, where);
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}

function withWhere(message: string, where: ImportErrorWhere): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.path) parts.push(where.path);
  if (parts.length === 0 || (where.file && message.startsWith(where.file))) return message;
  return `${parts.join(', ')}: ${message}`;
}
