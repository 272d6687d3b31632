/**
 * The simulator's own OAuth 1.0a check, written the way WooCommerce's server does it and not with the client's
 * signing code (oauth1.ts), so the integration tests notice when the client drifts from what a real shop accepts.
 * It follows WC_REST_Authentication (plugins/woocommerce/includes/class-wc-rest-authentication.php in
 * https://github.com/woocommerce/woocommerce), step by step:
 *  - get_oauth_parameters: the parameters are the query's ($_GET; our requests send no form body for $_POST), the
 *    last value of a repeated name winning as in PHP; all five oauth_* present or "Missing OAuth parameter(s) …".
 *  - check_oauth_signature: base URI = rawurlencode(get_home_url(null, request path without the home's own path,
 *    'http')); oauth_signature taken out; `uksort($params, 'strcmp')` on the raw names (byte order, before any
 *    encoding); normalize_parameters: names and values each wc_rest_urlencode_rfc3986'd (rawurlencode);
 *    join_with_equals_sign: `name=value`, that string encoded once more; pairs joined with "%26"; string to sign
 *    `METHOD&base&pairs`; key `consumer_secret&`; HMAC-SHA1 or -SHA256, base64; compared with
 *    rawurldecode(str_replace(' ', '+', oauth_signature)).
 *  - check_oauth_timestamp_and_nonce: the timestamp within 15 minutes either way of time(); a nonce once per key.
 * Not modelled: PHP's renaming of query names with "." or " " and its nested `a[b]` arrays (no request of ours
 * has them).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** PHP's rawurlencode on UTF-8: everything but A-Z a-z 0-9 - _ . ~ as %XX (upper case). */
function rawurlencode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const c = String.fromCharCode(byte);
      return /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** PHP's rawurldecode: %XX decoded, anything else (a stray '%') left as it is. */
function rawurldecode(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** wc_rest_urlencode_rfc3986 (includes/wc-rest-functions.php): rawurlencode, '+' to ' ' and '%7E' to '~'. */
function wcRestUrlencode(text: string): string {
  return rawurlencode(text).replace(/\+/g, ' ').replace(/%7E/g, '~');
}

/** PHP's strcmp: byte order of the UTF-8 strings. */
function strcmp(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export type OAuthRequest = {
  method: string;
  /** The request's path as sent (REQUEST_URI without the query), e.g. /wp-json/wc/v3/orders. */
  path: string;
  query: URLSearchParams;
};

export type OAuthShop = {
  /** WordPress's home URL (get_option('home')), e.g. http://localhost:8080 or http://example.test/shop. */
  homeUrl: string;
  consumerKey: string;
  consumerSecret: string;
  /** Server time in seconds (PHP time()). */
  nowSeconds: number;
  /** The key's used nonces (the woocommerce_api_keys.nonces column). */
  nonces: Set<string>;
};

/** undefined: no OAuth attempted (no oauth_* parameter); '' accepted; otherwise WooCommerce's error message. */
export function checkWooOAuth(request: OAuthRequest, shop: OAuthShop): string | undefined {
  const params = new Map<string, string>();
  for (const [name, value] of request.query) params.set(name, value);
  const required = [
    'oauth_consumer_key',
    'oauth_timestamp',
    'oauth_nonce',
    'oauth_signature',
    'oauth_signature_method',
  ];
  const missing = required.filter((name) => !params.get(name));
  if (missing.length === required.length) return undefined;
  if (missing.length > 0)
    return `Missing OAuth parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
  if (params.get('oauth_consumer_key') !== shop.consumerKey) return 'Consumer key is invalid.';

  const home = new URL(shop.homeUrl);
  const homePath = home.pathname.endsWith('/') ? home.pathname : `${home.pathname}/`;
  const relative = request.path.startsWith(homePath) ? request.path.slice(homePath.length) : request.path;
  // home_url(): the option with the scheme set, '/' and the path without its leading slashes appended.
  const homeOption = shop.homeUrl.replace(/^https?:/, 'http:').replace(/\/+$/, '');
  const baseRequestUri = rawurlencode(`${homeOption}/${relative.replace(/^\/+/, '')}`);

  const consumerSignature = rawurldecode((params.get('oauth_signature') ?? '').replace(/ /g, '+'));
  params.delete('oauth_signature');
  const sorted = [...params.entries()].sort(([a], [b]) => strcmp(a, b));
  const pairs = sorted.map(([name, value]) =>
    wcRestUrlencode(`${wcRestUrlencode(name)}=${wcRestUrlencode(value)}`),
  );
  const stringToSign = `${request.method.toUpperCase()}&${baseRequestUri}&${pairs.join('%26')}`;

  const method = params.get('oauth_signature_method');
  if (method !== 'HMAC-SHA1' && method !== 'HMAC-SHA256')
    return 'Invalid signature - signature method is invalid.';
  const signature = createHmac(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', `${shop.consumerSecret}&`)
    .update(stringToSign)
    .digest('base64');
  const given = Buffer.from(consumerSignature);
  const expected = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return 'Invalid signature - provided signature does not match.';

  const timestamp = Number(params.get('oauth_timestamp'));
  if (timestamp < shop.nowSeconds - 15 * 60 || timestamp > shop.nowSeconds + 15 * 60)
    return 'Invalid timestamp.';
  const nonce = params.get('oauth_nonce') ?? '';
  if (shop.nonces.has(nonce)) return 'Invalid nonce - nonce has already been used.';
  shop.nonces.add(nonce);
  return '';
}
