/**
 * SecretStore on the OS keyring (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows)
 * through `@napi-rs/keyring`. Entries are namespaced by the id in the key file, so several databases on
 * one machine do not share secrets.
 */
import { randomUUID } from 'node:crypto';
import { Entry } from '@napi-rs/keyring';
import type { SecretStore } from '../deps.ts';
import { SecretError } from '../errors.ts';
import { readKeyFile, writeKeyFile } from './key-file.ts';

const SERVICE = 'kassenwart';

export class KeyringStore implements SecretStore {
  readonly kind = 'keyring' as const;

  private constructor(private readonly id: string) {}

  /** True when a keyring answers a write/read/delete round trip. */
  static available(): boolean {
    try {
      const probe = new Entry(SERVICE, `probe-${randomUUID()}`);
      probe.setPassword('probe');
      const ok = probe.getPassword() === 'probe';
      probe.deletePassword();
      return ok;
    } catch {
      return false;
    }
  }

  static create(path: string): KeyringStore {
    if (readKeyFile(path)) {
      throw new SecretError(
        'KEY_FILE_EXISTS',
        `A key file already exists at ${path}; refusing to replace it.`,
      );
    }
    const id = randomUUID();
    writeKeyFile(path, { format: 1, mode: 'keyring', id });
    return new KeyringStore(id);
  }

  static open(path: string): KeyringStore {
    const file = readKeyFile(path);
    if (!file || file.mode !== 'keyring') {
      throw new SecretError('KEY_FILE_MODE', `${path} does not refer to the OS keyring.`);
    }
    return new KeyringStore(file.id);
  }

  private entry(name: string): Entry {
    return new Entry(SERVICE, `${this.id}/${name}`);
  }

  get(name: string): string | undefined {
    try {
      return this.entry(name).getPassword() ?? undefined;
    } catch (error) {
      throw new SecretError(
        'KEYRING_UNAVAILABLE',
        `The OS keyring did not answer (${(error as Error).message}). Unlock your keyring (log in to the desktop session) and try again.`,
      );
    }
  }

  set(name: string, value: string): void {
    try {
      this.entry(name).setPassword(value);
    } catch (error) {
      throw new SecretError(
        'KEYRING_UNAVAILABLE',
        `Could not store a secret in the OS keyring: ${(error as Error).message}.`,
      );
    }
  }

  delete(name: string): void {
    try {
      this.entry(name).deletePassword();
    } catch {
      // Deleting what is not there is fine.
    }
  }
}
