/**
 * SecretStore on Electron's safeStorage (the desktop app). Core never imports electron: the main process
 * passes its `safeStorage` object, which satisfies `SafeStorageLike`. Entries are kept, encrypted, in the key
 * file beside the database.
 */
import type { SecretStore } from '../deps.ts';
import { SecretError } from '../errors.ts';
import { type KeyFile, readKeyFile, writeKeyFile } from './key-file.ts';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no real keyring protects the secret. */
  getSelectedStorageBackend?(): string;
}

type SafeStorageKeyFile = Extract<KeyFile, { mode: 'safeStorage' }>;

export function assertSafeStorageUsable(safeStorage: SafeStorageLike, allowPlainText: boolean): void {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new SecretError(
      'SAFE_STORAGE_UNAVAILABLE',
      'The system offers no secure storage for the database key.',
    );
  }
  if (safeStorage.getSelectedStorageBackend?.() === 'basic_text' && !allowPlainText) {
    throw new SecretError(
      'SAFE_STORAGE_PLAINTEXT',
      'No OS keyring is available, so the key would be stored with a hard-coded password. Install/unlock a keyring (gnome-keyring, KWallet) or start Kassenwart with a passphrase (KASSENWART_PASSPHRASE).',
    );
  }
}

export class SafeStorageStore implements SecretStore {
  readonly kind = 'safeStorage' as const;

  private constructor(
    private readonly path: string,
    private readonly safeStorage: SafeStorageLike,
    private file: SafeStorageKeyFile,
  ) {}

  static create(path: string, safeStorage: SafeStorageLike): SafeStorageStore {
    if (readKeyFile(path)) {
      throw new SecretError(
        'KEY_FILE_EXISTS',
        `A key file already exists at ${path}; refusing to replace it.`,
      );
    }
    const file: SafeStorageKeyFile = { format: 1, mode: 'safeStorage', entries: {} };
    writeKeyFile(path, file);
    return new SafeStorageStore(path, safeStorage, file);
  }

  static open(path: string, safeStorage: SafeStorageLike): SafeStorageStore {
    const file = readKeyFile(path);
    if (!file || file.mode !== 'safeStorage') {
      throw new SecretError('KEY_FILE_MODE', `${path} is not protected by the desktop app's safe storage.`);
    }
    return new SafeStorageStore(path, safeStorage, file);
  }

  get(name: string): string | undefined {
    const value = this.file.entries[name];
    if (value === undefined) return undefined;
    try {
      return this.safeStorage.decryptString(Buffer.from(value, 'base64'));
    } catch (error) {
      throw new SecretError(
        'SAFE_STORAGE_DECRYPT',
        `The secret "${name}" cannot be decrypted with this user's safe storage (${(error as Error).message}).`,
      );
    }
  }

  set(name: string, value: string): void {
    const sealed = this.safeStorage.encryptString(value).toString('base64');
    this.file = { ...this.file, entries: { ...this.file.entries, [name]: sealed } };
    writeKeyFile(this.path, this.file);
  }

  delete(name: string): void {
    const entries = { ...this.file.entries };
    delete entries[name];
    this.file = { ...this.file, entries };
    writeKeyFile(this.path, this.file);
  }
}
