// Types for electron-binary.mjs (plain JavaScript, run before anything else is loaded).
export function electronPackageDir(): string | undefined;
export function findElectronBinary(
  env: Record<string, string | undefined>,
  packageDir: string | undefined,
): { path: string; missing?: undefined } | { missing: string; path?: undefined };
export function electronMissingMessage(missing: string): string;
