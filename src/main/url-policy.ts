/**
 * URL decisions of the main process, kept free of Electron imports so they can be unit tested.
 *
 * `scheme://host[:port]` of a URL. WHATWG `URL.origin` is "null" for schemes Node does not know as special,
 * such as our `kassenwart:` app scheme, so origins are compared with this instead.
 */
export function originOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.host === '' ? undefined : `${url.protocol}//${url.host}`;
  } catch {
    return undefined;
  }
}

export function isAllowedOrigin(raw: string | undefined, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(raw);
  return origin !== undefined && allowedOrigins.includes(origin);
}

/**
 * Hosts the app may hand to the system browser (design §3.5: `shell.openExternal` only for allow-listed https
 * URLs). Kept explicit; a feature that links out (shop admin pages, documentation) adds its host here.
 */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = [];

export function isAllowedExternalUrl(
  raw: string,
  allowlist: readonly string[] = EXTERNAL_HOST_ALLOWLIST,
): boolean {
  try {
    const url = new URL(raw);
    return (
      url.protocol === 'https:' &&
      url.username === '' &&
      url.password === '' &&
      allowlist.includes(url.hostname)
    );
  } catch {
    return false;
  }
}
