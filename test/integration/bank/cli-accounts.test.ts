/**
 * What a newcomer's walkthrough of import and accounts missed, as users type it (real `kassenwart` child processes,
 * real encrypted database): what the matcher did after an import, the list of accounts, and `postings --account`
 * taking whatever `import --account` takes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { camtXml } from '../../helpers/camt-builder.ts';
import { tempDir } from '../../helpers/db.ts';
import { makeOrder, makeShop } from '../../helpers/factories.ts';
import { freshDb, json } from '../cli/support.ts';

type Matching = {
  auto: number;
  suggested: number;
  none: number;
  returns: number;
  debits: number;
  assignmentsCreated: number;
  assignmentsUndone: number;
};

/** An MT940 statement naming its account as `:25:` writes it (none without `account`), with one credit. */
const mt940 = (account: string | undefined, amount: string, date = '261127') =>
  [
    ':20:STMT',
    ...(account ? [`:25:${account}`] : []),
    ':28C:1/1',
    `:60F:C${date}EUR0,00`,
    `:61:${date}${date.slice(2)}CR${amount}NTRFNONREF`,
    ':86:166?20Bestellung 1',
    `:62F:C${date}EUR${amount}`,
    '-',
    '',
  ].join('\r\n');

describe('kassenwart import: what the matcher did afterwards', () => {
  it('prints the automatic assignments and the queue after the import summary, and adds `matching` to --json', () => {
    const { fill, cli } = freshDb();
    fill((db) => {
      const shop = makeShop(db, { name: 'Laden' });
      makeOrder(db, { shopId: shop.id, number: 'WC-5001', totalMinor: 2350 });
      makeOrder(db, { shopId: shop.id, number: 'WC-5002', totalMinor: 1000, customerName: 'Eva Koch' });
    });
    const dir = tempDir();
    const file = join(dir, 'camt.xml');
    writeFileSync(
      file,
      camtXml('053', [
        {
          entries: [
            { amount: '23.50', name: 'Erika Mustermann', remittance: 'Bestellung WC-5001', e2e: 'E2E-1' },
            { amount: '10.00', name: 'Hans Weber', remittance: 'Zahlung' },
            { amount: '35.00', name: 'Irgendwer', remittance: 'Danke' },
            { amount: '12.00', cdi: 'DBIT', name: 'Stadtwerke', remittance: 'Abschlag' },
          ],
        },
      ]),
    );
    const imported = cli('--json', 'import', file);
    const body = json<{ results: { ok: boolean; new: number }[]; matching: Matching }>(imported);
    expect(body.results).toMatchObject([{ ok: true, new: 4 }]);
    expect(body.matching).toMatchObject({ auto: 1, returns: 0, assignmentsCreated: 1, assignmentsUndone: 0 });
    // The queue counts are the queue as `kassenwart queue` shows it, with and without a suggestion.
    const queue = json<{ items: { band: string }[]; total: number }>(cli('--json', 'queue'));
    const bands = queue.items.map((i) => i.band);
    expect(bands.sort()).toEqual(['none', 'suggest']); // 35.00 fits no order; 10.00 fits WC-5002's amount
    expect(body.matching.suggested).toBe(bands.filter((b) => b === 'suggest').length);
    expect(body.matching.none).toBe(bands.filter((b) => b === 'none').length);
    // A second file with one payment more: the line comes after the file's summary.
    const more = join(dir, 'more.xml');
    writeFileSync(
      more,
      camtXml('053', [{ entries: [{ amount: '7.00', name: 'Jemand', remittance: 'Spende' }] }]),
    );
    const { suggested, none } = body.matching;
    const english = cli('import', more);
    expect(english.status, english.stderr).toBe(0);
    const lines = english.stdout.trim().split('\n');
    expect(lines[0]).toContain(`${more}: camt.053`);
    expect(lines.at(-1)).toBe(
      `Matching: 0 postings assigned automatically; waiting in the queue: ${suggested} with a suggestion, ${none + 1} without (see "kassenwart queue")`,
    );
    // Nothing new: the matcher did not run, so nothing is said about it (JSON: null).
    expect(json<{ matching: unknown }>(cli('--json', 'import', file)).matching).toBeNull();
    const last = join(dir, 'last.xml');
    writeFileSync(
      last,
      camtXml('053', [{ entries: [{ amount: '8.00', name: 'Jemand', remittance: 'Spende' }] }]),
    );
    const deutsch = cli('--lang', 'de', 'import', last);
    expect(deutsch.stdout.trim().split('\n').at(-1)).toBe(
      `Abgleich: 0 Buchungen automatisch zugeordnet; auf Zuordnung warten ${suggested} mit Vorschlag, ${none + 2} ohne (siehe „kassenwart queue“)`,
    );
  });
});

describe('kassenwart accounts and postings --account', () => {
  it('lists the known accounts with the IBAN or id --account takes, postings and last import', () => {
    const { cli } = freshDb();
    const dir = tempDir();
    const camt = join(dir, 'camt.xml');
    writeFileSync(
      camt,
      camtXml('053', [
        { entries: [{ amount: '49.90', bookingDate: '2026-11-03', name: 'Erika Mustermann' }] },
      ]),
    );
    const triodos = join(dir, 'triodos.sta');
    writeFileSync(triodos, mt940('TRIODOSBANK/0454545454', '5,00'), 'latin1');
    const blz = join(dir, 'blz.sta');
    writeFileSync(blz, mt940('50010517/5407324924', '7,00', '261125'), 'latin1');
    expect(cli('import', camt, triodos, blz).status).toBe(0);

    type Account = {
      id: number;
      iban: string | null;
      otherId: string | null;
      currency: string;
      postings: number;
      lastBookingDate: string | null;
      lastStatementDate: string | null;
      lastImportedAt: string | null;
    };
    const { accounts } = json<{ accounts: Account[] }>(cli('--json', 'accounts'));
    expect(accounts).toMatchObject([
      {
        iban: 'DE89370400440532013000',
        otherId: null,
        currency: 'EUR',
        postings: 1,
        lastBookingDate: '2026-11-03',
      },
      { iban: null, otherId: 'TRIODOSBANK/0454545454', postings: 1, lastBookingDate: '2026-11-27' },
      { iban: null, otherId: '50010517/5407324924', postings: 1, lastBookingDate: '2026-11-25' },
    ]);
    for (const a of accounts) expect(a.lastImportedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const text = cli('accounts');
    expect(text.stdout).toMatch(new RegExp(`^id:${accounts[0]?.id} +DE89370400440532013000 EUR$`, 'm'));
    expect(text.stdout).toMatch(/^ {2}1 posting, last booking 3 Nov 2026, .*imported /m);
    expect(text.stdout).toMatch(/^id:\d+ +TRIODOSBANK\/0454545454 EUR$/m);
    expect(cli('--lang', 'de', 'accounts').stdout).toMatch(/^ {2}1 Buchung, letzte Buchung 03\.11\.2026, /m);
  });

  it('postings --account takes an IBAN in any spacing, BLZ/Kontonummer or id:N; an unknown account is ACCOUNT_NOT_FOUND', () => {
    const { cli } = freshDb();
    const dir = tempDir();
    const camt = join(dir, 'camt.xml');
    writeFileSync(camt, camtXml('053', [{ entries: [{ amount: '49.90' }] }]));
    const blz = join(dir, 'blz.sta');
    writeFileSync(blz, mt940('50010517/5407324924', '7,00'), 'latin1');
    expect(cli('import', camt, blz).status).toBe(0);
    const amounts = (account: string) =>
      json<{ items: { amountMinor: number }[] }>(cli('--json', 'postings', '--account', account)).items.map(
        (p) => p.amountMinor,
      );
    expect(amounts('de89 3704 0044 0532 0130 00')).toEqual([4990]);
    // The IBAN of an account known so far by BLZ/Kontonummer only finds it too.
    expect(amounts('DE39500105175407324924')).toEqual([700]);
    // id:N as `kassenwart accounts` prints it, for import (a file that names no account) and postings.
    const ids = json<{ accounts: { id: number; otherId: string | null }[] }>(cli('--json', 'accounts'));
    const blzId = ids.accounts.find((a) => a.otherId === '50010517/5407324924')?.id;
    const unnamed = join(dir, 'unnamed.sta');
    writeFileSync(unnamed, mt940(undefined, '3,00'), 'latin1');
    expect(cli('import', unnamed, '--account', `id:${blzId}`).status).toBe(0);
    expect(amounts(`id:${blzId}`).sort((a, b) => a - b)).toEqual([300, 700]);
    const unknown = cli('postings', '--account', 'DE02120300000000202051');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(
      /no known account has that IBAN or id.*"kassenwart accounts".*\(ACCOUNT_NOT_FOUND\)/,
    );
  });

  it('says that no account is known yet', () => {
    const { cli } = freshDb();
    expect(json<{ accounts: unknown[] }>(cli('--json', 'accounts'))).toEqual({ accounts: [] });
    expect(cli('accounts').stdout).toContain('No bank account known yet');
  });
});
