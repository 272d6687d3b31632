// Types for node-version.mjs (plain JavaScript so that an old Node can run it).
export function requiredNodeVersion(enginesNode: string): [number, number, number];
export function packageEnginesNode(): string;
export function nodeVersionProblem(
  version: string,
  enginesNode: string,
  platform: string,
  arch: string,
  execPath: string,
): string | undefined;
