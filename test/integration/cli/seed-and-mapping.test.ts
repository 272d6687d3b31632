/**
 * What a newcomer's walkthrough of the command line ran into: each case is the command as a user types it,
 * through the real `kassenwart` child process (test/helpers/cli.ts).
 */
import { describe, expect, it } from 'vitest';
import { makeShop } from '../../helpers/factories.ts';
import { freshDb, json } from './support.ts';

describe('dev seed and damaged shop settings', () => {
  it('a seeded database works with every shop command and sync', () => {
    const { cli } = freshDb();
    expect(cli('dev', 'seed').status).toBe(0);
    for (const args of [
      ['shop', 'list'],
      ['shop', 'show', 'Demo-Shop'],
      ['shop', 'schedule', 'Demo-Shop'],
      ['shop', 'mapping', 'Demo-Shop'],
      ['sync'],
    ]) {
      const r = cli(...args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stderr).not.toContain('SHOP_SETTINGS_INVALID');
    }
    const mapping = json<{ paidStatus: Record<string, string> }>(
      cli('--json', 'shop', 'mapping', 'Demo-Shop'),
    );
    expect(mapping.paidStatus).toEqual({ prepayment: 'paid', invoice: 'paid', cod: 'paid' }); // the CSV default
  });

  it('shop mapping and shop show do not promise that payment information is sent (not built yet)', () => {
    const { cli } = freshDb();
    expect(cli('dev', 'seed').status).toBe(0);
    const de = cli('--lang', 'de', 'shop', 'mapping', 'Demo-Shop', '--send-payment-info', 'on');
    expect(de.status, de.stderr).toBe(0);
    expect(de.stdout).toContain('Zahlungsinformation: aktiviert (Versand noch nicht verfügbar)');
    expect(de.stdout).not.toContain('gesendet');
    const en = cli('--lang', 'en', 'shop', 'show', 'Demo-Shop');
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toContain('payment information: enabled (sending not available yet)');
    expect(en.stdout).not.toContain('will be sent');
  });

  it('"shop mapping NAME --…" repairs damaged settings, as SHOP_SETTINGS_INVALID advises', () => {
    const { fill, cli } = freshDb();
    fill((db) =>
      makeShop(db, {
        name: 'Laden',
        settings: {
          mapping: { paidStatus: { prepayment: 'done', invoice: 'done', cod: 'done' }, openStatuses: 5 },
          matching: { feeToleranceMinor: 150 },
        },
      }),
    );
    const shown = cli('shop', 'mapping', 'Laden');
    expect(shown.status).toBe(1);
    expect(shown.stderr).toContain('SHOP_SETTINGS_INVALID');
    expect(shown.stderr).toContain('kassenwart shop mapping "Laden" --send-payment-info on');

    // A refused change leaves the row as it was (one transaction).
    const refused = cli('shop', 'mapping', 'Laden', '--order-number-pattern', '(');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('SHOP_MAPPING_INVALID');
    expect(cli('shop', 'show', 'Laden').stderr).toContain('SHOP_SETTINGS_INVALID');

    const repaired = json<{ paidStatus: Record<string, string>; openStatuses: Record<string, string[]> }>(
      cli('--json', 'shop', 'mapping', 'Laden', '--paid', 'invoice=completed'),
    );
    // The system's default plus what was still valid (paidStatus), then the change.
    expect(repaired.paidStatus).toEqual({ prepayment: 'done', invoice: 'completed', cod: 'done' });
    expect(repaired.openStatuses.prepayment).toEqual(['open']);
    expect(cli('shop', 'show', 'Laden').status).toBe(0);
    expect(cli('shop', 'list').status).toBe(0);
    const settings = fill(
      (db) =>
        db.$client.prepare('select settings from shops where name = ?').get('Laden') as { settings: string },
    );
    expect(JSON.parse(settings.settings)).toMatchObject({ matching: { feeToleranceMinor: 150 } });
  });
});
