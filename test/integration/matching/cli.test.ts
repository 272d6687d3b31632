import { describe, expect, it } from 'vitest';
import { openStore } from '#core/secrets/open-store.ts';
import { runCli } from '../../helpers/cli.ts';
import { makeBankAccount, makeOrder, makePosting, makeShop } from '../../helpers/factories.ts';
import { ENV, freshDb } from '../cli/support.ts';

describe('kassenwart match / queue / assign / unassign / assignments (real CLI)', () => {
  it('runs the matcher, lists the queue, assigns with amounts, undoes; JSON fields are stable', () => {
    const { db } = freshDb();
    const store = openStore(db, { passphrase: () => 'test-passphrase-1' });
    const shop = makeShop(store.db, { name: 'Laden' });
    const account = makeBankAccount(store.db);
    makeOrder(store.db, { shopId: shop.id, number: 'WC-5001', totalMinor: 2350 });
    const o2 = makeOrder(store.db, {
      shopId: shop.id,
      number: 'WC-5002',
      totalMinor: 1000,
      customerName: 'Eva Koch',
    });
    const o3 = makeOrder(store.db, {
      shopId: shop.id,
      number: 'WC-5003',
      totalMinor: 2000,
      customerName: 'Eva Koch',
    });
    const auto = makePosting(store.db, {
      bankAccountId: account.id,
      remittance: 'Bestellung WC-5001',
      amountMinor: 2350,
      endToEndId: 'E2E-77',
      bankReference: 'BR-1',
    });
    const manual = makePosting(store.db, {
      bankAccountId: account.id,
      remittance: 'Danke',
      amountMinor: 3500,
      counterpartyName: 'Irgendwer',
    });
    store.db.$client.close();

    const match = runCli(['--db', db, '--json', 'match'], ENV);
    expect(match.status, match.stderr).toBe(0);
    expect(JSON.parse(match.stdout)).toMatchObject({
      auto: 1,
      suggested: expect.any(Number),
      none: expect.any(Number),
    });

    const queue = runCli(['--db', db, '--json', 'queue'], ENV);
    expect(queue.status, queue.stderr).toBe(0);
    const page = JSON.parse(queue.stdout) as { total: number; items: { posting: { id: number } }[] };
    expect(page.items.map((i) => i.posting.id)).toEqual([manual.id]);

    const text = runCli(['--db', db, 'queue'], ENV);
    expect(text.stdout).toContain(`#${manual.id}`);

    // Searching open orders for a manual assignment: by name, amount (as typed), number; paid ones with --all.
    const search = (...args: string[]) => {
      const r = runCli(['--db', db, '--json', 'search', ...args], ENV);
      expect(r.status, r.stderr).toBe(0);
      const items = (JSON.parse(r.stdout) as { items: { number: string; openMinor: number }[] }).items;
      return items.map((i) => i.number).sort();
    };
    expect(search('koch')).toEqual(['WC-5002', 'WC-5003']);
    expect(search('--amount', '10,00')).toEqual(['WC-5002']);
    expect(search('eva koch', '--amount', '20.00')).toEqual(['WC-5003']);
    expect(search('5001')).toEqual([]); // assigned automatically above: no longer awaiting payment
    expect(search('5001', '--all')).toEqual(['WC-5001']);
    const found = runCli(['--db', db, 'search', 'Eva'], ENV);
    expect(found.stdout).toMatch(/WC-5002 .* open +€10\.00 of +€10\.00 Open \(unpaid\) +Eva Koch/);
    expect(runCli(['--db', db, 'search', '--limit', '300'], ENV).status).toBe(2); // the API's maximum is 200
    const badAmount = runCli(['--db', db, 'search', '--amount', 'zehn'], ENV);
    expect(badAmount.status).toBe(1);
    expect(badAmount.stderr).toContain('MONEY_BAD_AMOUNT');

    const assign = runCli(
      ['--db', db, '--json', 'assign', String(manual.id), 'WC-5002:10.00', `${o3.id}:25,00`],
      ENV,
    );
    expect(assign.status, assign.stderr).toBe(0);
    const created = (
      JSON.parse(assign.stdout) as { assignments: { orderId: number; amountMinor: number; method: string }[] }
    ).assignments;
    expect(created.map((a) => [a.orderId, a.amountMinor, a.method]).sort()).toEqual(
      [
        [o2.id, 1000, 'manual'],
        [o3.id, 2500, 'manual'],
      ].sort(),
    );

    const list = runCli(['--db', db, '--json', 'assignments'], ENV);
    const items = (JSON.parse(list.stdout) as { items: Record<string, unknown>[] }).items;
    expect(items).toHaveLength(3);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(
      [
        'id',
        'postingId',
        'endToEndId',
        'bankReference',
        'shop',
        'orderId',
        'orderNumber',
        'amountMinor',
        'currency',
        'method',
        'pass',
        'score',
        'reasons',
        'createdAt',
        'createdBy',
        'undoneAt',
        'undoReason',
      ].sort(),
    );
    const autoRow = items.find((i) => i['postingId'] === auto.id);
    expect(autoRow).toMatchObject({
      endToEndId: 'E2E-77',
      bankReference: 'BR-1',
      shop: 'Laden',
      orderNumber: 'WC-5001',
      amountMinor: 2350,
      method: 'auto',
      pass: 'number',
    });

    const undo = runCli(['--db', db, 'unassign', String(autoRow?.['id'])], ENV);
    expect(undo.status, undo.stderr).toBe(0);
    expect(undo.stdout).toContain('Order is now Open (unpaid).');
    expect(runCli(['--db', db, 'unassign', String(autoRow?.['id'])], ENV)).toMatchObject({ status: 1 });
    expect(runCli(['--db', db, 'unassign', 'abc'], ENV).status).toBe(2);

    const missing = runCli(['--db', db, 'assign', String(manual.id), 'NOPE-1'], ENV);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('ORDER_NOT_FOUND');
  });
});

describe('human-readable CLI output in German (the default) and English', () => {
  it('follows --lang, KASSENWART_LANG and the POSIX locale; JSON stays the same in every language', () => {
    const { db } = freshDb();
    const store = openStore(db, { passphrase: () => 'test-passphrase-1' });
    const shop = makeShop(store.db, { name: 'Laden' });
    makeOrder(store.db, { shopId: shop.id, number: 'WC-7001', totalMinor: 123456, customerName: 'Eva Koch' });
    store.db.$client.close();
    const german = { ...ENV, KASSENWART_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined };

    // Nothing chosen (or a C locale): German, with German numbers.
    for (const env of [{ LANG: undefined }, { LANG: 'C.UTF-8' }, { LANG: 'de_DE.UTF-8' }]) {
      const status = runCli(['--db', db, 'status'], { ...german, ...env });
      expect(status.stdout).toContain('Bestellungen: 1');
      expect(status.stdout).toContain('Offen (unbezahlt)');
      expect(status.stdout).toContain('Nicht zugeordnete Zahlungseingänge: 0');
    }
    const search = runCli(['--db', db, 'search', 'koch'], { ...german, LANG: 'de_DE.UTF-8' });
    expect(search.stdout.replace(/\s/g, ' ')).toMatch(/WC-7001 .*offen +1\.234,56 € von +1\.234,56 €/);
    expect(runCli(['--db', db, 'queue'], german).stdout).toBe('Nichts zuzuordnen.\n');

    // English by the locale, by KASSENWART_LANG, or by --lang (which wins over both).
    const english = [
      runCli(['--db', db, 'status'], { ...german, LANG: 'en_US.UTF-8' }),
      runCli(['--db', db, 'status'], { ...german, KASSENWART_LANG: 'en' }),
      runCli(['--db', db, '--lang', 'en', 'status'], { ...german, LANG: 'de_DE.UTF-8' }),
    ];
    for (const r of english) expect(r.stdout).toContain('Unassigned incoming payments: 0');
    expect(runCli(['--db', db, '--lang', 'en', 'search', 'koch'], german).stdout.replace(/\s/g, ' ')).toMatch(
      /WC-7001 .*open +€1,234\.56 of +€1,234\.56 Open \(unpaid\)/,
    );
    expect(runCli(['--db', db, '--lang', 'fr', 'status'], german).status).toBe(2);

    const json = (env: Record<string, string | undefined>) =>
      runCli(['--db', db, '--json', 'search', 'koch'], { ...german, ...env }).stdout;
    expect(json({ LANG: 'de_DE.UTF-8' })).toBe(json({ KASSENWART_LANG: 'en' }));
  });
});

describe('kassenwart unreturn (real CLI)', () => {
  it('unreturn takes back a processed return; JSON fields are stable; bad input exits 1 or 2', () => {
    const { db } = freshDb();
    const store = openStore(db, { passphrase: () => 'test-passphrase-1' });
    const shop = makeShop(store.db, { name: 'Laden' });
    const account = makeBankAccount(store.db);
    const o = makeOrder(store.db, { shopId: shop.id, number: 'WC-6001', totalMinor: 1990 });
    const payment = makePosting(store.db, {
      bankAccountId: account.id,
      remittance: 'Bestellung WC-6001',
      amountMinor: 1990,
      endToEndId: 'E2E-R6',
    });
    store.db.$client.close();
    // The payment is assigned first; its return arrives with a later statement.
    expect(runCli(['--db', db, 'match'], ENV).status).toBe(0);
    const later = openStore(db, { passphrase: () => 'test-passphrase-1' });
    const debit = makePosting(later.db, {
      bankAccountId: account.id,
      remittance: 'RUECKLASTSCHRIFT MD06',
      amountMinor: -1990,
      endToEndId: 'E2E-R6',
      matchState: 'debit',
    });
    later.db.$client.close();
    const returned = JSON.parse(runCli(['--db', db, '--json', 'match'], ENV).stdout) as { returns: number };
    expect(returned.returns).toBe(1);

    const text = runCli(['--db', db, 'unreturn', String(debit.id)], ENV);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Posting ${debit.id} is no longer a return`);
    expect(text.stdout).toMatch(new RegExp(`posting ${payment.id} -> Laden order WC-6001 \\(id:${o.id}\\)`));
    // Put back for matching, the debit is that return again; taken back once more, with --json.
    expect(runCli(['--db', db, 'ignore', String(debit.id), '--undo'], ENV).status).toBe(0);
    const again0 = JSON.parse(runCli(['--db', db, '--json', 'match'], ENV).stdout) as { returns: number };
    expect(again0.returns).toBe(1);
    const r = runCli(['--db', db, '--json', 'unreturn', String(debit.id), '--reason', 'Erstattung'], ENV);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { assignments: Record<string, unknown>[] };
    expect(Object.keys(out).sort()).toEqual(['assignments', 'matchState', 'postingId']);
    expect(out).toMatchObject({ postingId: debit.id, matchState: 'ignored' });
    expect(out.assignments).toMatchObject([
      { postingId: payment.id, orderId: o.id, orderNumber: 'WC-6001', amountMinor: 1990, undoneAt: null },
    ]);
    const again = runCli(['--db', db, 'unreturn', String(debit.id)], ENV);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('RETURN_NOT_PROCESSED');
    expect(runCli(['--db', db, 'unreturn', 'abc'], ENV).status).toBe(2);
  });
});
