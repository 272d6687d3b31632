import { describe, expect, it } from 'vitest';
import { oauthSignature, signatureBase, signWithOAuth1 } from '#core/shops/woocommerce/oauth1.ts';
import { checkWooOAuth } from '#core/shops/woocommerce/simulator-oauth.ts';

describe('OAuth 1.0a signatures for WooCommerce over plain HTTP', () => {
  it('builds the signature base string of RFC 5849 §3.4.1.1 (sorting, double encoding, default port)', () => {
    // The RFC's example, with its form-body parameters moved into the query (WooCommerce signs the query only).
    const url = new URL(
      'http://EXAMPLE.COM:80/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b&c2=&a3=2%20q' +
        '&oauth_consumer_key=9djdj82h48djs9d2&oauth_token=kkk9d7dh3k39sjv7&oauth_signature_method=HMAC-SHA1' +
        '&oauth_timestamp=137131201&oauth_nonce=7d8f3e4a&oauth_signature=djosJKDKJSD8743243%2Fjdk33klY%3D',
    );
    expect(signatureBase('post', url)).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    );
  });

  it('signs the example of OAuth Core 1.0 Appendix A.5 with HMAC-SHA1', () => {
    const url = new URL(
      'http://photos.example.net/photos?file=vacation.jpg&size=original&oauth_consumer_key=dpf43f3p2l4k3l03' +
        '&oauth_token=nnch734d00sl2jdk&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1191242096' +
        '&oauth_nonce=kllo9940pd9333jh&oauth_version=1.0',
    );
    expect(oauthSignature('GET', url, 'kd94hf93k423kf44&pfkkdhi9sl3r4s00', 'HMAC-SHA1')).toBe(
      'tR3+Ty81lMeYAr/Fid0kMTYa/WM=',
    );
  });

  it('adds the parameters WooCommerce checks, with a fresh nonce per request', () => {
    const url = new URL(
      'http://127.0.0.1:8080/wp-json/wc/v3/orders?modified_after=2026-11-01T08:00:00&page=2',
    );
    const a = signWithOAuth1('GET', url, 'ck_1', 'cs_2', Date.UTC(2026, 10, 27, 6, 0, 0));
    const b = signWithOAuth1('GET', url, 'ck_1', 'cs_2', Date.UTC(2026, 10, 27, 6, 0, 0));
    expect(a.searchParams.get('oauth_consumer_key')).toBe('ck_1');
    expect(a.searchParams.get('oauth_signature_method')).toBe('HMAC-SHA256');
    expect(a.searchParams.get('oauth_timestamp')).toBe(String(Date.UTC(2026, 10, 27, 6, 0, 0) / 1000));
    expect(a.searchParams.get('modified_after')).toBe('2026-11-01T08:00:00');
    expect(a.searchParams.get('oauth_nonce')).not.toBe(b.searchParams.get('oauth_nonce'));
    // The signature passes the simulator's own check (written after WooCommerce's server, not with oauth1.ts), and
    // fails it under another consumer secret.
    const shop = (consumerSecret: string) => ({
      homeUrl: 'http://127.0.0.1:8080',
      consumerKey: 'ck_1',
      consumerSecret,
      nowSeconds: Date.UTC(2026, 10, 27, 6, 0, 0) / 1000,
      nonces: new Set<string>(),
    });
    const asSent = (signed: URL) => ({ method: 'GET', path: signed.pathname, query: signed.searchParams });
    expect(checkWooOAuth(asSent(a), shop('cs_2'))).toBe('');
    expect(checkWooOAuth(asSent(b), shop('cs_2'))).toBe('');
    expect(checkWooOAuth(asSent(a), shop('cs_3'))).toBe(
      'Invalid signature - provided signature does not match.',
    );
    expect(url.searchParams.has('oauth_signature')).toBe(false); // the caller's URL is left as it was
  });
});
