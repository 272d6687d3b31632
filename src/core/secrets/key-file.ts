/**
 * The key file lives beside the database (`<db>.keys.json`) and says how the database key is protected.
 * It never holds a key in plain text: either a reference into the OS keyring, or entries encrypted with a
 * passphrase-derived key (scrypt) or with Electron safeStorage.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { SecretError } from '../errors.ts';

export const SealedEntry = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
export type SealedEntry = z.infer<typeof SealedEntry>;

export const ScryptParams = z.object({
  name: z.literal('scrypt'),
  salt: z.string(),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
});
export type ScryptParams = z.infer<typeof ScryptParams>;

export const KeyFile = z.discriminatedUnion('mode', [
  z.object({ format: z.literal(1), mode: z.literal('keyring'), id: z.string().min(8) }),
  z.object({
    format: z.literal(1),
    mode: z.literal('passphrase'),
    kdf: ScryptParams,
    entries: z.record(z.string(), SealedEntry),
  }),
  z.object({
    format: z.literal(1),
    mode: z.literal('safeStorage'),
    entries: z.record(z.string(), z.string()),
  }),
]);
export type KeyFile = z.infer<typeof KeyFile>;
export type KeyMode = KeyFile['mode'];

export function keyFilePathFor(dbPath: string): string {
  return `${dbPath}.keys.json`;
}

export function readKeyFile(path: string): KeyFile | undefined {
  if (!existsSync(path)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SecretError(
      'KEY_FILE_CORRUPT',
      `The key file ${path} is not valid JSON (${(error as Error).message}). Restore it from a backup; without it the database cannot be opened.`,
    );
  }
  const parsed = KeyFile.safeParse(raw);
  if (!parsed.success) {
    throw new SecretError(
      'KEY_FILE_CORRUPT',
      `The key file ${path} is not a Kassenwart key file of a known format. Restore it from a backup.`,
    );
  }
  return parsed.data;
}

/** Writes atomically (temp file + rename) with owner-only permissions: a crash never leaves half a file. */
export function writeKeyFile(path: string, content: KeyFile): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}
