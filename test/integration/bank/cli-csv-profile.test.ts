/**
 * `kassenwart csv-profile add FILE.json` / `csv-profile list`: what CSV_UNKNOWN_LAYOUT tells the merchant to do
 * (define a profile once, import with --csv-profile NAME) can be done from the CLI (real child processes, real
 * encrypted database).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/db.ts';
import { ENV, freshDb } from '../cli/support.ts';

/** A bunq-like export no built-in layout reads. */
const CSV = [
  '"Date";"Interest Date";"Amount";"Account";"Counterparty";"Name";"Description"',
  '"2026-11-26";"2026-11-26";"49,90";"NL91ABNA0417164300";"DE02120300000000202051";"Erika Mustermann";"Bestellung 1001"',
  '',
].join('\r\n');

const PROFILE = {
  name: 'bunq',
  delimiter: ';',
  decimalSeparator: ',',
  dateFormat: 'YYYY-MM-DD',
  columns: {
    bookingDate: 'Date',
    valueDate: 'Interest Date',
    amount: 'Amount',
    account: 'Account',
    iban: 'Counterparty',
    name: 'Name',
    remittance: ['Description'],
  },
  defaultCurrency: 'EUR',
};

describe('kassenwart csv-profile', () => {
  it('add stores a profile the unknown export then imports with; list shows it; errors have codes', () => {
    const dir = tempDir();
    const { db } = freshDb(dir);
    const csv = join(dir, 'bunq.csv');
    writeFileSync(csv, CSV);

    const unknown = runCli(['--db', db, '--json', 'import', csv], ENV);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toContain('CSV_UNKNOWN_LAYOUT');
    expect(unknown.stdout).toContain('kassenwart csv-profile add FILE.json');

    const file = join(dir, 'bunq.json');
    writeFileSync(file, JSON.stringify(PROFILE));
    const added = runCli(['--db', db, '--json', 'csv-profile', 'add', file], ENV);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      name: 'bunq',
      replaced: false,
      profile: { name: 'bunq' },
    });

    const imported = runCli(['--db', db, '--json', 'import', csv, '--csv-profile', 'bunq'], ENV);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      results: [{ ok: true, version: 'bunq', new: 1, accounts: [{ iban: 'NL91ABNA0417164300' }] }],
    });

    const again = runCli(['--db', db, '--json', 'csv-profile', 'add', file], ENV);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stderr)).toMatchObject({ error: { code: 'CSV_PROFILE_EXISTS' } });
    const replaced = runCli(['--db', db, 'csv-profile', 'add', file, '--replace'], ENV);
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toMatch(/CSV profile "bunq" replaced\. Import with: .*--csv-profile bunq/);

    const list = runCli(['--db', db, '--json', 'csv-profile', 'list'], ENV);
    const profiles = (JSON.parse(list.stdout) as { profiles: { name: string; builtin: boolean }[] }).profiles;
    expect(profiles).toContainEqual(expect.objectContaining({ name: 'bunq', builtin: false }));
    expect(profiles).toContainEqual(expect.objectContaining({ name: 'revolut', builtin: true }));

    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ ...PROFILE, name: 'x', dateFormat: 'D.M.Y', columns: {} }));
    const bad = runCli(['--db', db, '--json', 'csv-profile', 'add', invalid], ENV);
    expect(bad.status).toBe(1);
    const error = (JSON.parse(bad.stderr) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('CSV_PROFILE_INVALID');
    expect(error.message).toContain(invalid);
    expect(error.message).toMatch(/dateFormat: .*columns\.bookingDate: /);
    expect(error.message).toContain(
      `Nothing was stored. Correct these fields in ${invalid} (README, "Bank import", CSV, lists each field and its values) and run "kassenwart csv-profile add ${invalid}" again.`,
    );

    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ name: bunq }');
    const broken = runCli(['--db', db, 'csv-profile', 'add', notJson], ENV);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/not\.json: not valid JSON .*\(CSV_PROFILE_NOT_JSON\)/);

    const reserved = join(dir, 'reserved.json');
    writeFileSync(reserved, JSON.stringify({ ...PROFILE, name: 'revolut' }));
    expect(runCli(['--db', db, 'csv-profile', 'add', reserved], ENV).stderr).toContain(
      'CSV_PROFILE_RESERVED',
    );
    expect(runCli(['--db', db, 'csv-profile', 'add', join(dir, 'missing.json')], ENV).stderr).toContain(
      'CSV_PROFILE_FILE_UNREADABLE',
    );
  });
});
