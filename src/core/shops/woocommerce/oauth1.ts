/**
 * OAuth 1.0a "one-legged" request signing, as WooCommerce requires it for its REST API over plain HTTP
 * (https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication-over-http): HMAC-SHA256 (or -SHA1) over
 * the signature base string of RFC 5849 §3.4.1, keyed with the consumer secret and "&" (no token), the OAuth
 * parameters sent in the query string ("not in the Authorization header"). WooCommerce checks it in
 * WC_REST_Authentication::check_oauth_signature (plugins/woocommerce/includes/class-wc-rest-authentication.php):
 * the base URL without the query, every query parameter sorted by name, each name and value percent-encoded
 * (RFC 3986 unreserved characters kept), joined with "=" and "&", and the whole encoded once more.
 *
 * Hand-written (about 40 lines) rather than the `oauth-1.0a` package the official client used: that package has had
 * no release since 2019 and we need only this one signature; the RFC's own example is its unit test.
 */
import { createHmac, randomBytes } from 'node:crypto';

export type OAuthAlgorithm = 'HMAC-SHA1' | 'HMAC-SHA256';

/** RFC 3986 percent-encoding (RFC 5849 §3.6): everything but ALPHA, DIGIT, "-", ".", "_", "~". */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The signature base string of RFC 5849 §3.4.1 for a URL's query parameters (oauth_signature left out). */
export function signatureBase(method: string, url: URL): string {
  const pairs: [string, string][] = [];
  for (const [k, v] of url.searchParams)
    if (k !== 'oauth_signature') pairs.push([percentEncode(k), percentEncode(v)]);
  pairs.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  const params = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  // §3.4.1.2: scheme and host in lower case, the port only when it is not the scheme's default (as URL.origin).
  return `${method.toUpperCase()}&${percentEncode(url.origin + url.pathname)}&${percentEncode(params)}`;
}

/** HMAC over the base string, base64 (RFC 5849 §3.4.2); `key` is the consumer secret, "&", the token secret. */
export function oauthSignature(method: string, url: URL, key: string, algorithm: OAuthAlgorithm): string {
  const hash = algorithm === 'HMAC-SHA1' ? 'sha1' : 'sha256';
  return createHmac(hash, key).update(signatureBase(method, url)).digest('base64');
}

/**
 * `url` with the OAuth parameters and their signature added to its query. A new nonce per call: WooCommerce refuses
 * a nonce it has seen (a retry is signed again). `nowMs` is wall-clock time; the shop allows 15 minutes of skew.
 */
export function signWithOAuth1(
  method: string,
  url: URL,
  consumerKey: string,
  consumerSecret: string,
  nowMs: number,
  algorithm: OAuthAlgorithm = 'HMAC-SHA256',
): URL {
  const signed = new URL(url);
  signed.searchParams.set('oauth_consumer_key', consumerKey);
  signed.searchParams.set('oauth_nonce', randomBytes(16).toString('hex'));
  signed.searchParams.set('oauth_signature_method', algorithm);
  signed.searchParams.set('oauth_timestamp', String(Math.floor(nowMs / 1000)));
  signed.searchParams.set('oauth_signature', oauthSignature(method, signed, `${consumerSecret}&`, algorithm));
  return signed;
}
