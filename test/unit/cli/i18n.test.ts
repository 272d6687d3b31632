import { describe, expect, it } from 'vitest';
import { cliFormat, resolveCliLocale } from '../../../src/cli/i18n.ts';

describe('CLI language and locale', () => {
  it.each([
    [undefined, {}, 'de', 'de-DE'], // nothing set: German, the product's default
    [undefined, { LANG: 'C.UTF-8' }, 'de', 'de-DE'],
    [undefined, { LANG: 'POSIX' }, 'de', 'de-DE'],
    [undefined, { LANG: 'en_US.UTF-8' }, 'en', 'en-US'],
    [undefined, { LANG: 'de_AT.UTF-8' }, 'de', 'de-AT'],
    [undefined, { LANG: 'fr_FR.UTF-8' }, 'de', 'de-DE'], // a language we do not have: the default
    [undefined, { LC_ALL: 'en_GB.UTF-8', LANG: 'de_DE.UTF-8' }, 'en', 'en-GB'], // LC_ALL wins
    [undefined, { KASSENWART_LANG: 'en', LANG: 'de_CH.UTF-8' }, 'en', 'en-GB'],
    ['de', { KASSENWART_LANG: 'en', LANG: 'en_US.UTF-8' }, 'de', 'de-DE'], // --lang wins
    ['en', { LANG: 'en_IE.UTF-8' }, 'en', 'en-IE'],
    [undefined, { KASSENWART_LANG: '', LANG: 'en_US.UTF-8' }, 'en', 'en-US'], // empty: not set
    [undefined, { KASSENWART_LANG: 'EN' }, 'en', 'en-GB'],
    [undefined, { KASSENWART_LANG: 'en_US.UTF-8' }, 'en', 'en-GB'],
  ] as const)('--lang %s with %o -> %s (%s)', (flag, env, language, locale) => {
    expect(resolveCliLocale(flag, env)).toEqual({ language, locale });
  });

  it('formats money, counts, dates and statuses in the chosen locale, from minor units', () => {
    const de = cliFormat({ language: 'de', locale: 'de-DE' });
    expect(de.money(123456, 'EUR').replace(/\s/g, ' ')).toBe('1.234,56 €');
    expect(de.money(-5, 'EUR').replace(/\s/g, ' ')).toBe('-0,05 €');
    expect(de.money(4990, 'JPY').replace(/\s/g, ' ')).toBe('4.990 ¥');
    expect(de.count(20202)).toBe('20.202');
    expect(de.date('2026-11-26')).toBe('26.11.2026');
    expect(de.date('----------')).toBe('----------');
    expect(de.status('partially_paid')).toBe('Teilweise bezahlt');
    expect(de.status('something_new')).toBe('something_new');
    expect(de.postingState('ignored')).toBe('keine Bestellzahlung');
    expect(de.t.imported.balance['mismatch']).toBe('ABWEICHUNG');
    const en = cliFormat({ language: 'en', locale: 'en-GB' });
    expect(en.money(123456, 'EUR')).toBe('€1,234.56');
    expect(en.date('2026-11-26')).toBe('26 Nov 2026');
    expect(en.status('removed_externally')).toBe('Removed externally');
    expect(en.t.match('1', '2', '3', '4', '5', '6')).toBe(
      'Automatic: 1, suggested: 2, none: 3 (returns processed: 4, debits: 5; 6 ms)',
    );
    expect(de.t.match('1', '2', '3', '4', '5', '6')).toMatch(/^Automatisch zugeordnet: 1, Vorschläge: 2/);
  });
});
