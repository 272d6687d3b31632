/**
 * The human output of the matching commands and `status` in German (the default) and English, as a newcomer's
 * walkthrough met it: no English sentence and no raw ISO instant in German, no German in English; `--json` the
 * same in both. And what `status` and `queue` count (issue R11). Through the real `kassenwart` child process.
 */
import { describe, expect, it } from 'vitest';
import { formatInstant } from '#shared/format.ts';
import { runCli } from '../../helpers/cli.ts';
import { makeBankAccount, makeOrder, makePosting, makeShop } from '../../helpers/factories.ts';
import { freshDb, GERMAN_SHELL, json } from './support.ts';

/** German and English by the POSIX locale, as a user's shell sets it (no KASSENWART_LANG). */
const GERMAN = GERMAN_SHELL;
const ENGLISH = { ...GERMAN, LANG: 'en_GB.UTF-8' };
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

type Assignment = { id: number; undoneAt: string | null; undoReason: string | null };

describe('human output in German and English (matching commands)', () => {
  it('assignments: undo time in the locale, undo reasons translated, no "manual/manual", scores as decimals', () => {
    const { db, fill } = freshDb();
    const waiting = fill((d) => {
      const shop = makeShop(d, { name: 'Laden' });
      makeOrder(d, { shopId: shop.id, number: 'WC-5001', totalMinor: 2350 });
      makeOrder(d, { shopId: shop.id, number: 'WC-5002', totalMinor: 1000 });
      makePosting(d, { remittance: 'Bestellung WC-5001', amountMinor: 2350 });
      return makePosting(d, { remittance: 'Danke', amountMinor: 1000, counterpartyName: 'Irgendwer' });
    });
    const de = (...args: string[]) => runCli(['--db', db, ...args], GERMAN);
    const en = (...args: string[]) => runCli(['--db', db, ...args], ENGLISH);
    expect(de('match').status).toBe(0);
    const [auto] = json<{ items: Assignment[] }>(de('--json', 'assignments')).items;
    const { assignment: undone } = json<{ assignment: Assignment }>(
      de('--json', 'unassign', String(auto?.id)),
    );
    expect(undone).toMatchObject({ undoReason: 'undone by the dealer', undoneAt: expect.any(String) });
    const manual = de('assign', String(waiting.id), 'WC-5002');
    expect(manual.status, manual.stderr).toBe(0);
    expect(manual.stdout).toMatch(/ manuell\n$/);

    const german = de('assignments', '--all').stdout;
    expect(german).not.toMatch(ISO_INSTANT);
    expect(german).toContain(
      `ZURÜCKGENOMMEN ${formatInstant(undone.undoneAt ?? '', 'de-DE')} (vom Händler zurückgenommen)`,
    );
    expect(german).toMatch(/ automatisch\/number 0,\d{3}/);
    expect(german).not.toContain('manual');
    expect(german).not.toContain('undone by');

    const english = en('assignments', '--all').stdout;
    expect(english).not.toMatch(ISO_INSTANT);
    expect(english).toContain(
      `UNDONE ${formatInstant(undone.undoneAt ?? '', 'en-GB')} (undone by the dealer)`,
    );
    expect(english).toMatch(/ auto\/number 0\.\d{3}/);
    expect(english).toMatch(/ manual\n/);
    expect(english).not.toMatch(/manual\/manual|automatisch|manuell|ZURÜCKGENOMMEN|Buchung|Bestellung /);
  });

  it('assign: the warnings of a manual assignment in German by their code; JSON keeps the core messages', () => {
    const { fill, cli, db } = freshDb();
    const { posting } = fill((d) => {
      const shop = makeShop(d, { name: 'Laden' });
      makeOrder(d, { shopId: shop.id, number: 'C-1', status: 'cancelled', totalMinor: 1000 });
      makeOrder(d, { shopId: shop.id, number: 'P-1', status: 'paid', totalMinor: 1000, paidMinor: 1000 });
      makeOrder(d, { shopId: shop.id, number: 'O-1', totalMinor: 1000 });
      return { posting: makePosting(d, { amountMinor: 10000 }) };
    });
    const r = runCli(['--db', db, 'assign', String(posting.id), 'C-1:10', 'P-1:10', 'O-1:25'], GERMAN);
    expect(r.status, r.stderr).toBe(0);
    const text = r.stdout.replace(/\s/g, ' ');
    expect(text).toMatch(
      /Hinweis ASSIGN_ORDER_NOT_AWAITING_PAYMENT: Bestellung C-1 wartete nicht auf eine Zahlung \(Status Storniert\); .* Zurücknehmen mit kassenwart unassign \d+\./,
    );
    expect(text).toMatch(
      /Hinweis ASSIGN_ORDER_ALREADY_PAID: Bestellung P-1 war schon vollständig bezahlt; ihr wurden weitere 10,00 € zugeordnet/,
    );
    expect(text).toContain(
      'Hinweis ASSIGN_MORE_THAN_OPEN: Bei Bestellung O-1 waren 10,00 € offen; zugeordnet wurden 25,00 €, 15,00 € mehr als offen.',
    );
    expect(r.stdout).not.toMatch(/was |were |Take it back/);

    // In English the same facts, amounts in the English locale; --json keeps the core's messages.
    const again = runCli(['--db', db, 'assign', String(posting.id), 'O-1:5'], ENGLISH);
    expect(again.stdout).toContain(
      'warning ASSIGN_ORDER_ALREADY_PAID: Order O-1 was already paid in full; €5.00 more',
    );
    const asJson = json<{ assignments: Assignment[]; warnings: { code: string; message: string }[] }>(
      cli('--json', 'assign', String(posting.id), 'O-1:1'),
    );
    expect(asJson.warnings[0]?.message).toContain('1.00 EUR more were assigned');

    // A reason the dealer typed is shown as typed, in every language.
    const undo = ['unassign', String(asJson.assignments[0]?.id), '--reason', 'falsche Bestellung'];
    expect(runCli(['--db', db, ...undo], GERMAN).stdout).toContain('(falsche Bestellung)');
  });

  it('status and queue say what they count: the queue also holds debits that may be returns', () => {
    const { fill, db } = freshDb();
    fill((d) => {
      const account = makeBankAccount(d);
      makeShop(d, { name: 'Laden' });
      makePosting(d, { bankAccountId: account.id, remittance: 'Danke', amountMinor: 1500 });
      // A return whose payment Kassenwart never assigned: it waits in the queue for the dealer to look at.
      makePosting(d, {
        bankAccountId: account.id,
        remittance: 'RUECKLASTSCHRIFT MD06',
        amountMinor: -1990,
        endToEndId: 'E2E-UNKNOWN',
        matchState: 'debit',
      });
      // An ordinary debit is neither an incoming payment nor in the queue.
      makePosting(d, {
        bankAccountId: account.id,
        remittance: 'Miete',
        amountMinor: -50000,
        matchState: 'debit',
      });
    });
    const run = (env: Record<string, string | undefined>, ...args: string[]) => {
      const r = runCli(['--db', db, ...args], env);
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    // The counts (JSON unchanged): status counts the incoming payments, the queue those and the possible return.
    expect(JSON.parse(run(GERMAN, '--json', 'status'))).toMatchObject({ unassignedPostings: 1 });
    expect(JSON.parse(run(GERMAN, '--json', 'queue'))).toMatchObject({ total: 2 });

    expect(run(GERMAN, 'status')).toContain('Nicht zugeordnete Zahlungseingänge: 1\n');
    expect(run(GERMAN, 'queue')).toContain(
      '2 Buchungen warten auf Zuordnung (Zahlungseingänge und mögliche Rückbuchungen; kassenwart status zählt nur die Zahlungseingänge).',
    );
    expect(run(ENGLISH, 'status')).toContain('Unassigned incoming payments: 1\n');
    expect(run(ENGLISH, 'queue')).toContain(
      '2 postings waiting (incoming payments and possible returns; kassenwart status counts only the incoming payments).',
    );
  });

  it('warns about an unknown KASSENWART_LANG in the language it falls back to', () => {
    const { db } = freshDb();
    const german = runCli(['--db', db, 'status'], { ...GERMAN, KASSENWART_LANG: 'fr' });
    expect(german.stderr).toContain('KASSENWART_LANG="fr" ist keine Sprache von Kassenwart (de, en)');
    expect(german.stdout).toContain('Bestellungen: 0');
    const english = runCli(['--db', db, '--lang', 'en', 'status'], { ...GERMAN, KASSENWART_LANG: 'fr' });
    expect(english.stderr).toContain(
      'KASSENWART_LANG="fr" is not a language of Kassenwart (de, en); it is ignored.',
    );
  });
});
