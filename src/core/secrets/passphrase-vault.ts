/**
 * SecretStore for machines without a keyring (headless Linux, CI): entries are sealed with AES-256-GCM under
 * a key-encryption key derived from the passphrase with scrypt (RFC 7914). Salt and parameters are stored in
 * the key file beside the database. A wrong passphrase fails the GCM tag check of the first entry.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { SecretStore } from '../deps.ts';
import { SecretError } from '../errors.ts';
import { type KeyFile, type ScryptParams, type SealedEntry, readKeyFile, writeKeyFile } from './key-file.ts';

/** OWASP-recommended minimum for scrypt is N=2^17, r=8, p=1 (about 128 MiB, a few hundred ms). */
export const DEFAULT_SCRYPT: Omit<ScryptParams, 'salt'> = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

/** The shortest passphrase a new key file takes (see PassphraseVault.create). */
export const MIN_PASSPHRASE_LENGTH = 15;

type PassphraseKeyFile = Extract<KeyFile, { mode: 'passphrase' }>;

function deriveKek(passphrase: string, kdf: ScryptParams): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r + 1024 * 1024,
  });
}

export function seal(key: Buffer, plaintext: string, aad: string): SealedEntry {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

export function unseal(key: Buffer, entry: SealedEntry, aad: string): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(entry.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(entry.data, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}

export class PassphraseVault implements SecretStore {
  readonly kind = 'passphrase' as const;
  private readonly kek: Buffer;
  private file: PassphraseKeyFile;

  private constructor(
    private readonly path: string,
    kek: Buffer,
    file: PassphraseKeyFile,
  ) {
    this.kek = kek;
    this.file = file;
  }

  /** Creates a new key file. Refuses to overwrite an existing one. */
  static create(
    path: string,
    passphrase: string,
    params: Omit<ScryptParams, 'salt'> = DEFAULT_SCRYPT,
  ): PassphraseVault {
    if (readKeyFile(path)) {
      throw new SecretError(
        'KEY_FILE_EXISTS',
        `A key file already exists at ${path}; refusing to replace it.`,
      );
    }
    if (passphrase.length === 0) {
      throw new SecretError(
        'PASSPHRASE_EMPTY',
        'The passphrase is empty. Choose a passphrase (KASSENWART_PASSPHRASE).',
      );
    }
    // The passphrase alone protects the database key against anyone who copies the two files: NIST SP 800-63B-4
    // §3.1.1.2 asks at least 15 characters of a password that is the only factor. Counted in code points, so that
    // umlauts count once. Only for a new key file: an existing one opens with the passphrase it was made with.
    const length = [...passphrase.normalize('NFC')].length;
    if (length < MIN_PASSPHRASE_LENGTH) {
      throw new SecretError(
        'PASSPHRASE_TOO_SHORT',
        `The passphrase has ${length} characters; a new database needs at least ${MIN_PASSPHRASE_LENGTH}. Nothing was created. Choose a longer one (KASSENWART_PASSPHRASE or the prompt), e.g. four or five words.`,
      );
    }
    const kdf: ScryptParams = { ...params, salt: randomBytes(16).toString('base64') };
    const kek = deriveKek(passphrase, kdf);
    const file: PassphraseKeyFile = { format: 1, mode: 'passphrase', kdf, entries: {} };
    file.entries['check'] = seal(kek, 'kassenwart', 'check');
    writeKeyFile(path, file);
    return new PassphraseVault(path, kek, file);
  }

  /** Opens an existing key file; a wrong passphrase is a `SecretError('WRONG_PASSPHRASE')`. */
  static open(path: string, passphrase: string): PassphraseVault {
    const file = readKeyFile(path);
    if (!file || file.mode !== 'passphrase') {
      throw new SecretError('KEY_FILE_MODE', `${path} is not protected by a passphrase.`);
    }
    const kek = deriveKek(passphrase, file.kdf);
    const check = file.entries['check'];
    if (!check || unseal(kek, check, 'check') !== 'kassenwart') {
      throw new SecretError(
        'WRONG_PASSPHRASE',
        `Wrong passphrase: it does not unlock the database key in ${path}. Check KASSENWART_PASSPHRASE (or what you typed) and try again; nothing was changed.`,
      );
    }
    return new PassphraseVault(path, kek, file);
  }

  get(name: string): string | undefined {
    const entry = this.file.entries[name];
    if (!entry) return undefined;
    const value = unseal(this.kek, entry, name);
    if (value === undefined) {
      throw new SecretError('SECRET_CORRUPT', `The secret "${name}" in ${this.path} cannot be decrypted.`);
    }
    return value;
  }

  set(name: string, value: string): void {
    this.file = { ...this.file, entries: { ...this.file.entries, [name]: seal(this.kek, value, name) } };
    writeKeyFile(this.path, this.file);
  }

  delete(name: string): void {
    const entries = { ...this.file.entries };
    delete entries[name];
    this.file = { ...this.file, entries };
    writeKeyFile(this.path, this.file);
  }
}
