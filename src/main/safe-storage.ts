/**
 * Adapts Electron's safeStorage to the core's SafeStorageLike port. The storage backend can only be asked on
 * Linux (https://www.electronjs.org/docs/latest/api/safe-storage#safestoragegetselectedstoragebackend-linux),
 * where 'basic_text' means no keyring protects the key; elsewhere the OS always provides one.
 */
import { safeStorage } from 'electron';
import type { SafeStorageLike } from '#core/secrets/safe-storage-store.ts';

export function electronSafeStorage(platform: NodeJS.Platform = process.platform): SafeStorageLike {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (plainText) => safeStorage.encryptString(plainText),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
    ...(platform === 'linux'
      ? { getSelectedStorageBackend: () => safeStorage.getSelectedStorageBackend() }
      : {}),
  };
}
