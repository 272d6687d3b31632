import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAllowedOrigin, originOf } from '../../../src/main/url-policy.ts';
import { labelsFor } from '../../../src/main/labels.ts';

describe('originOf', () => {
  it('gives scheme and host also for the custom app scheme, where URL.origin is "null"', () => {
    expect(originOf('kassenwart://app/index.html#/orders')).toBe('kassenwart://app');
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(originOf('file:///etc/passwd')).toBeUndefined();
    expect(originOf('not a url')).toBeUndefined();
    expect(originOf(undefined)).toBeUndefined();
  });

  it('isAllowedOrigin compares whole origins, not prefixes', () => {
    const allowed = ['kassenwart://app'];
    expect(isAllowedOrigin('kassenwart://app/', allowed)).toBe(true);
    expect(isAllowedOrigin('kassenwart://app.evil/', allowed)).toBe(false);
    expect(isAllowedOrigin('kassenwart://other/', allowed)).toBe(false);
    expect(isAllowedOrigin('https://app/', allowed)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it('allows only https URLs on listed hosts, without credentials', () => {
    const list = ['docs.example.org'];
    expect(isAllowedExternalUrl('https://docs.example.org/page', list)).toBe(true);
    expect(isAllowedExternalUrl('http://docs.example.org/page', list)).toBe(false);
    expect(isAllowedExternalUrl('https://evil.example.org/', list)).toBe(false);
    expect(isAllowedExternalUrl('https://docs.example.org.evil.com/', list)).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@docs.example.org/', list)).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd', list)).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)', list)).toBe(false);
  });

  it('allows nothing with the default (empty) list', () => {
    expect(isAllowedExternalUrl('https://example.org/')).toBe(false);
  });
});

describe('labelsFor', () => {
  it('is German by default and English for English locales', () => {
    expect(labelsFor('de-DE')).toMatchObject({ open: 'Öffnen', quit: 'Beenden' });
    expect(labelsFor('fr')).toMatchObject({ open: 'Öffnen', quit: 'Beenden' });
    expect(labelsFor('en-US')).toMatchObject({ open: 'Open', quit: 'Quit' });
  });
});
