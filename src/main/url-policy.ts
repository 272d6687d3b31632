/**
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
