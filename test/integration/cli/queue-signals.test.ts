/**
 * The matcher's signals and the queue's reasons in the user's language (#shared/signal-texts.ts, src/cli/i18n.ts):
 * German output says German, with money in the locale, never minor units; `--json` keeps the English `detail` and
 * adds `params`, also in the reasons an automatic assignment stores. Through the real `kassenwart` child process.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.ts';
import { makeOrder, makePosting, makeShop } from '../../helpers/factories.ts';
import { freshDb, GERMAN_SHELL, json } from './support.ts';

const ENGLISH = { ...GERMAN_SHELL, LANG: 'en_GB.UTF-8' };
/** U+00A0, the no-break space Intl puts between amount and currency sign in de-DE. */
const NBSP = '\u00a0';

type Signal = { kind: string; detail: string; params: Record<string, unknown> | null };
type Queue = { items: { posting: { id: number }; reasons: string[]; candidates: { signals: Signal[] }[] }[] };
type Assignments = { items: { orderNumber: string; reasons: Signal[] }[] };

describe('queue: signals and reasons in the user language', () => {
  it('German queue shows German signal texts with money, JSON keeps detail and adds params', () => {
    const { db, fill } = freshDb();
    const { partial } = fill((d) => {
      const shop = makeShop(d, { name: 'Laden' });
      makeOrder(d, { shopId: shop.id, number: 'WC-10023', totalMinor: 12900 });
      makeOrder(d, { shopId: shop.id, number: 'WC-10024', totalMinor: 5990 });
      makePosting(d, {
        remittance: 'Bestellung WC-10023',
        amountMinor: 12900,
        counterpartyName: 'Hans Meier',
      });
      return {
        partial: makePosting(d, {
          remittance: 'Bestellung WC-10024',
          amountMinor: 4990,
          counterpartyName: 'Petra Schmidt',
        }),
      };
    });
    const run = (env: Record<string, string | undefined>, ...args: string[]) => {
      const r = runCli(['--db', db, ...args], env);
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };

    const de = run(GERMAN_SHELL, 'queue');
    expect(de).toContain('Bestellnummer WC-10023 nach einem Bestell-Stichwort');
    expect(de).toContain(`Betrag gleich dem offenen Betrag von 129,00${NBSP}€`);
    expect(de).toContain(`zahlt 49,90${NBSP}€ von den offenen 59,90${NBSP}€`);
    expect(de).toContain('Bestellung 1 Tag vor der Buchung');
    // The reasons by their code, in German: the partial payment waits for confirmation, the other is automatic
    // at the next run (the queue runs the matcher without applying it).
    expect(de).toContain('Vorschlag (Teilzahlung: bitte bestätigen');
    expect(de).toContain('Vorschlag (automatisch beim nächsten Abgleich)');
    // No English detail and no minor units left in the German output.
    expect(de).not.toMatch(/amount equals|pays 4990|order number|partial_needs_confirmation|not_yet_run/);

    const en = run(ENGLISH, 'queue');
    expect(en).toContain('amount equals the open €129.00');
    expect(en).toContain('pays €49.90 of the open €59.90');
    expect(en).toContain('suggestion (partial payment: confirm it');

    // JSON: the English detail as before (minor units), the facts as params.
    const page = json<Queue>(runCli(['--db', db, '--json', 'queue'], GERMAN_SHELL));
    const item = page.items.find((i) => i.posting.id === partial.id);
    expect(item?.reasons).toContain('partial_needs_confirmation');
    expect(item?.candidates[0]?.signals).toContainEqual({
      kind: 'amount_partial',
      detail: 'pays 4990 of the open 5990',
      weight: 0,
      params: { form: 'amount_partial', paidMinor: 4990, openMinor: 5990, currency: 'EUR' },
    });
    expect(item?.candidates[0]?.signals).toContainEqual(
      expect.objectContaining({
        kind: 'number',
        detail: 'order number WC-10024 after an order keyword',
        params: { form: 'number', field: 'number', number: 'WC-10024', keyword: true },
      }),
    );
  });

  it('an automatic assignment stores the params with its reasons; assignments --json carries them', () => {
    const { db, fill } = freshDb();
    fill((d) => {
      const shop = makeShop(d, { name: 'Laden' });
      makeOrder(d, { shopId: shop.id, number: 'WC-10023', totalMinor: 12900 });
      makePosting(d, {
        remittance: 'Bestellung WC-10023',
        amountMinor: 12900,
        counterpartyName: 'Hans Meier',
      });
    });
    expect(json<{ auto: number }>(runCli(['--db', db, '--json', 'match'], GERMAN_SHELL)).auto).toBe(1);
    const { items } = json<Assignments>(runCli(['--db', db, '--json', 'assignments'], GERMAN_SHELL));
    expect(items[0]?.orderNumber).toBe('WC-10023');
    expect(items[0]?.reasons).toContainEqual({
      kind: 'amount_exact',
      detail: 'amount equals the open 12900',
      weight: 0.7,
      params: { form: 'amount_exact', openMinor: 12900, currency: 'EUR' },
    });
  });
});
