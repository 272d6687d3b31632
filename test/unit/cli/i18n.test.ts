import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliFormat, resolveCliLocale, unknownLanguageWarning } from '../../../src/cli/i18n.ts';

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
    [undefined, { KASSENWART_LANG: 'fr', LANG: 'en_US.UTF-8' }, 'en', 'en-US'], // unknown: ignored (a warning)
    [undefined, { KASSENWART_LANG: 'fr' }, 'de', 'de-DE'],
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

  it('warns about a KASSENWART_LANG it does not have, not about one it has or an unset one', () => {
    expect(unknownLanguageWarning({ KASSENWART_LANG: 'fr' })).toContain('KASSENWART_LANG="fr"');
    expect(unknownLanguageWarning({ KASSENWART_LANG: 'en_US.UTF-8' })).toBeUndefined();
    expect(unknownLanguageWarning({ KASSENWART_LANG: '' })).toBeUndefined();
    expect(unknownLanguageWarning({})).toBeUndefined();
  });

  it('puts counted nouns in singular for exactly one, in both languages', () => {
    const de = cliFormat({ language: 'de', locale: 'de-DE' });
    const en = cliFormat({ language: 'en', locale: 'en-GB' });
    expect(de.t.postings(de.counted(1))).toBe('1 Buchung');
    expect(de.t.postings(de.counted(1200))).toBe('1.200 Buchungen');
    expect(de.t.queue.waiting(de.counted(1))).toMatch(/^1 Buchung wartet auf Zuordnung \(/);
    expect(de.t.queue.waiting(de.counted(2))).toMatch(/^2 Buchungen warten auf Zuordnung \(/);
    expect(de.t.shops.running(de.counted(1)).split('\n')[0]).toBe(
      'Kassenwart läuft (1 Shop). Beenden mit Strg+C.',
    );
    expect(de.t.shops.synced('L', de.counted(1), '1', '0', '0', de.counted(1))).toBe(
      'L: 1 Bestellung gelesen, 1 neu, 0 geändert, 0 entfernt (1 Anfrage)',
    );
    expect(en.t.postings(en.counted(0))).toBe('0 postings');
    expect(en.t.queue.waiting(en.counted(1))).toMatch(/^1 posting waiting \(/);
    expect(en.t.shops.synced('L', en.counted(2), '1', '0', '0', en.counted(1))).toBe(
      'L: 2 orders read, 1 new, 0 changed, 0 removed (1 request)',
    );
    expect(de.t.notifications.unread(de.counted(1))).toMatch(/^1 ungelesene Benachrichtigung\. /);
    expect(de.t.notifications.all(de.counted(1), '0')).toBe('1 Benachrichtigung, davon 0 ungelesen.');
    expect(de.t.notifications.marked(de.counted(2), '')).toBe('Als gelesen markiert: 2 Benachrichtigungen.');
    expect(en.t.notifications.unread(en.counted(1))).toMatch(/^1 unread notification\. /);
    expect(en.t.notifications.all(en.counted(1200), '3')).toBe('1,200 notifications, 3 unread.');
  });

  it('does not promise that payment information is sent: customer messages are not built yet', () => {
    const de = cliFormat({ language: 'de', locale: 'de-DE' });
    const en = cliFormat({ language: 'en', locale: 'en-GB' });
    expect(de.t.shops.paymentInformation(true)).toBe(
      '  Zahlungsinformation: aktiviert (Versand noch nicht verfügbar)',
    );
    expect(de.t.shops.paymentInformation(false)).toBe('  Zahlungsinformation: deaktiviert');
    expect(en.t.shops.paymentInformation(true)).toBe(
      '  payment information: enabled (sending not available yet)',
    );
    expect(en.t.shops.paymentInformation(false)).toBe('  payment information: disabled');
  });
});

describe('queue reasons', () => {
  /**
   * The reason and blocker codes the matcher writes in its usual forms (`blockers.push('…')`, `reasons: ['…']`, a
   * named constant), read from its sources: a code added there without a text would reach German output raw.
   */
  function matcherCodes(): string[] {
    const root = fileURLToPath(new URL('../../../src/core/matching/', import.meta.url));
    const codes = new Set<string>();
    const forms = [
      /\b(?:blockers|reasons|added)\.push\('([a-z][a-z_]*)'\)/g,
      /\breasons(?::| =) \['([a-z][a-z_]*)'/g,
      /\bconst [A-Z][A-Z_]* = '([a-z]+_[a-z_]+)';/g,
    ];
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(join(root, file), 'utf8');
      for (const form of forms) for (const m of text.matchAll(form)) codes.add(m[1] as string);
    }
    return [...codes].sort();
  }

  it('has a text in both languages for every reason and blocker code the matcher writes', () => {
    const codes = matcherCodes();
    // The scan itself must find the codes (a changed form of writing them would make this test pass vacuously).
    expect(codes).toEqual(
      expect.arrayContaining(['amount_only', 'masked_number_names_other_order', 'no_candidate']),
    );
    for (const language of ['de', 'en'] as const) {
      const f = cliFormat({ language, locale: language === 'de' ? 'de-DE' : 'en-GB' });
      const untranslated = codes.filter((code) => f.t.queue.reason[code] === undefined);
      expect(untranslated, language).toEqual([]);
    }
  });
});
