/** One focused case per CAMT/import quirk (own small files, built in the test or under test/fixtures/bank). */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCamt } from '#core/bank/camt/index.ts';
import { openStatementFiles } from '#core/bank/read-statement.ts';
import { sourceFromBytes } from '#core/bank/source.ts';
import type { ParsedEntry } from '#core/bank/types.ts';
import type { FileResult } from '#core/bank/import-service.ts';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { camtXml } from '../../helpers/camt-builder.ts';
import { OWN_BANK_FIXTURES } from '../../helpers/bank-fixtures.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const entries = (xml: string): ParsedEntry[] =>
  [...parseCamt(xml, 't.xml')].flatMap((e) => (e.kind === 'entry' ? [e.entry] : []));
const problems = (xml: string): string[] =>
  [...parseCamt(xml, 't.xml')].flatMap((e) => (e.kind === 'problem' ? [e.problem.code] : []));
function ok(results: FileResult[]) {
  const [r] = results;
  if (!r?.ok) throw new Error(JSON.stringify(r));
  return r;
}

describe('CAMT quirks', () => {
  it('keeps 5-decimal amounts exact where the currency allows and rounds sub-cent digits half-even with a warning', () => {
    const xml = camtXml('053', [
      {
        entries: [
          { amount: '10.12000' },
          { amount: '10.12500' },
          { amount: '10.13500' },
          { amount: '0.00501' },
        ],
      },
    ]);
    expect(entries(xml).map((e) => e.amountMinor)).toEqual([1012, 1012, 1014, 1]);
    expect(problems(xml).filter((c) => c === 'CAMT_AMOUNT_ROUNDED')).toHaveLength(3);
  });

  it('splits a batch into one posting per TxDtls when the amounts add up, else keeps one posting and warns', () => {
    const split = camtXml('053', [
      {
        entries: [
          {
            amount: '60.00',
            txs: [
              { amount: '10.00', name: 'A' },
              { amount: '20.00', name: 'B' },
              { amount: '30.00', name: 'C' },
            ],
          },
        ],
      },
    ]);
    expect(entries(split).map((e) => [e.amountMinor, e.counterpartyName])).toEqual([
      [1000, 'A'],
      [2000, 'B'],
      [3000, 'C'],
    ]);
    const noAmounts = camtXml('053', [
      { entries: [{ amount: '60.00', txs: [{ name: 'A' }, { name: 'B' }] }] },
    ]);
    expect(entries(noAmounts).map((e) => e.amountMinor)).toEqual([6000]);
    expect(problems(noAmounts)).toContain('CAMT_BATCH_NOT_SPLIT');
    const wrongSum = camtXml('053', [
      { entries: [{ amount: '60.00', txs: [{ amount: '10.00' }, { amount: '20.00' }] }] },
    ]);
    expect(entries(wrongSum).map((e) => e.amountMinor)).toEqual([6000]);
  });

  it('reads pending (Sts PDNG and v08 Sts/Cd PDNG), missing status and missing booking date', () => {
    const xml = camtXml('052', [
      {
        entries: [
          { amount: '1.00', status: 'PDNG' },
          { amount: '2.00', status: 'PDNG', statusV8: true, bookingDate: null, valueDate: '2026-11-04' },
          { amount: '3.00', status: null },
        ],
      },
    ]);
    const es = entries(xml);
    expect(es.map((e) => e.bookingStatus)).toEqual(['pending', 'pending', 'booked']);
    expect(es[1]).toMatchObject({ valueDate: '2026-11-04' });
    expect(es[1]?.bookingDate).toBeUndefined();
    expect(problems(xml)).toContain('CAMT_STATUS_ASSUMED_BOOKED');
  });

  it('takes the original payer as counterparty of a reversal (RvslInd)', () => {
    // A returned credit: booked as DBIT with RvslInd, the parties are those of the original credit.
    const xml = camtXml('053', [
      { entries: [{ amount: '5.00', cdi: 'DBIT', reversal: true, txs: [{ name: 'Original Payer' }] }] },
    ]).replace('<Cdtr><Nm>Original Payer</Nm></Cdtr>', '<Dbtr><Nm>Original Payer</Nm></Dbtr>');
    expect(entries(xml)[0]).toMatchObject({
      amountMinor: -500,
      reversal: true,
      counterpartyName: 'Original Payer',
    });
  });

  it("skips PostFinance's ISR processing status (?REJECT?0, ?ERROR?000): the entry's description is the text", () => {
    const xml = camtXml('054', [{ entries: [{ amount: '10.00', txs: [{ name: 'Muster AG' }] }] }])
      .replace(
        '</RltdPties>',
        '</RltdPties><RmtInf><Strd><AddtlRmtInf>?REJECT?0</AddtlRmtInf><AddtlRmtInf>?ERROR?000</AddtlRmtInf></Strd></RmtInf>',
      )
      .replace(
        '</NtryDtls>',
        '</NtryDtls><AddtlNtryInf>GUTSCHRIFT AUFTRAGGEBER: MUSTER AG RECHNUNG 2026-118</AddtlNtryInf>',
      );
    expect(entries(xml)[0]?.remittance).toBe('GUTSCHRIFT AUFTRAGGEBER: MUSTER AG RECHNUNG 2026-118');
  });

  it('takes the original debtor as counterparty of a returned direct debit (RtrInf without RvslInd)', () => {
    // As German banks report a "Rücklastschrift" (hbci4java's test-camt-ruecklastschrift.xml): DBIT, no RvslInd,
    // RltdPties of the original collection (Cdtr = the account holder who collected, Dbtr = the customer).
    const xml = camtXml('052', [
      { entries: [{ amount: '53.00', cdi: 'DBIT', txs: [{ name: 'Erwin Einzieher' }] }] },
    ]).replace(
      '<RltdPties><Cdtr><Nm>Erwin Einzieher</Nm></Cdtr></RltdPties>',
      '<RltdPties><Dbtr><Nm>Sven Schuldner</Nm></Dbtr><DbtrAcct><Id><IBAN>DE02120300000000202051</IBAN></Id></DbtrAcct>' +
        '<Cdtr><Nm>Erwin Einzieher</Nm></Cdtr></RltdPties><RtrInf><Rsn><Cd>MS03</Cd></Rsn></RtrInf>',
    );
    expect(entries(xml)[0]).toMatchObject({
      amountMinor: -5300,
      counterpartyName: 'Sven Schuldner',
      counterpartyIban: 'DE02120300000000202051',
    });
  });

  it('takes name and account of the other party together where the counterparty role is empty', () => {
    // A reversal whose parties the bank wrote only in the Cdtr role (ABN AMRO in OCA's camt053 test file).
    const xml = camtXml('053', [
      {
        entries: [
          {
            amount: '5.00',
            cdi: 'DBIT',
            reversal: true,
            txs: [{ name: 'Test Customer', iban: 'NL46ABNA0499998748' }],
          },
        ],
      },
    ]);
    expect(entries(xml)[0]).toMatchObject({
      counterpartyName: 'Test Customer',
      counterpartyIban: 'NL46ABNA0499998748',
    });
  });

  it('reads every version namespace 001.01–001.13 and prefixed elements', () => {
    for (let v = 1; v <= 13; v++) {
      const version = String(v).padStart(2, '0');
      const events = [...parseCamt(camtXml('053', [{ entries: [{ amount: '1.00' }] }], version), 't.xml')];
      expect(events.find((e) => e.kind === 'statement')).toMatchObject({
        statement: { version: `camt.053.001.${version}` },
      });
    }
    const prefixed = readFileSync(join(OWN_BANK_FIXTURES, 'camt053-prefixed-dk.xml'), 'utf8');
    expect(entries(prefixed)).toMatchObject([
      {
        amountMinor: 2500,
        bankTxCode: 'GVC:166',
        remittance: 'Rechnung 4711 vom 01.11.',
        counterpartyIban: 'DE02120300000000202051',
        creditorReference: 'RF18539007547034',
      },
    ]);
  });

  it('rejects a truncated file with a typed error naming file and element path, and stores nothing', async () => {
    const { core, db } = makeTestDb();
    const xml = camtXml('053', [{ entries: [{ amount: '1.00' }, { amount: '2.00' }] }]);
    const [r] = await core.bank.importBytes('cut.xml', bytes(xml.slice(0, xml.lastIndexOf('<Ntry>') + 40)));
    expect(r).toMatchObject({ ok: false, error: { code: 'CAMT_XML_MALFORMED' } });
    expect(r?.ok === false && r.error.message).toMatch(
      /cut\.xml.*\/Document\/BkToCstmrStmt\/Stmt\[1\]\/Ntry\[2\]/,
    );
    expect(
      db.$client
        .prepare(
          'SELECT (SELECT count(*) FROM postings) + (SELECT count(*) FROM import_batches) + (SELECT count(*) FROM bank_accounts) AS n',
        )
        .get(),
    ).toEqual({ n: 0 });
  });

  it('reports a missing amount as CAMT_MISSING_AMOUNT', async () => {
    const { core } = makeTestDb();
    const xml = camtXml('053', [{ entries: [{ amount: '1.00' }] }]).replace(/<Amt Ccy="EUR">1.00<\/Amt>/, '');
    expect((await core.bank.importBytes('noamt.xml', bytes(xml)))[0]).toMatchObject({
      ok: false,
      error: { code: 'CAMT_MISSING_AMOUNT' },
    });
  });

  it('detects the format from content: ZIP of several files, UTF-16 with BOM, Latin-1 that claims UTF-8', async () => {
    const { core } = makeTestDb();
    const a = camtXml('053', [{ entries: [{ amount: '1.00', iban: 'DE02120300000000202051' }] }]);
    const b = camtXml('054', [{ entries: [{ amount: '2.00', iban: 'DE02500105170137075030' }] }]);
    const zipped = await core.bank.importBytes(
      'statements.zip',
      zipSync({ 'a.dat': bytes(a), 'sub/b.txt': bytes(b) }),
    );
    expect(zipped.map((r) => (r.ok ? [r.file, r.format, r.new] : r.error.code))).toEqual([
      ['statements.zip/a.dat', 'camt.053', 1],
      ['statements.zip/sub/b.txt', 'camt.054', 1],
    ]);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(
        camtXml('053', [{ entries: [{ amount: '3.00', name: 'Jürgen Groß' }] }]).replace('UTF-8', 'UTF-16'),
        'utf16le',
      ),
    ]);
    expect(ok(await core.bank.importBytes('u16.xml', utf16))).toMatchObject({ encoding: 'utf-16le', new: 1 });
    const latin1 = Buffer.from(
      camtXml('053', [{ entries: [{ amount: '4.00', name: 'Jörg Müller' }] }]),
      'latin1',
    );
    const r = ok(await core.bank.importBytes('latin1.xml', latin1));
    expect(r.warnings.map((w) => w.code)).toContain('ENCODING_FALLBACK');
    expect(core.bank.listPostings().items.map((p) => p.counterpartyName)).toContain('Jörg Müller');
  });

  it('refuses archives that would unpack too large, before inflating them', () => {
    const archive = zipSync({ 'a.xml': new Uint8Array(4096) });
    expect(() =>
      openStatementFiles(
        sourceFromBytes('z.zip', archive),
        { archiveLimits: { memberBytes: 1024, archiveBytes: 8192 } },
        undefined,
      ),
    ).toThrow(expect.objectContaining({ code: 'IMPORT_ARCHIVE_TOO_LARGE' }));
  });

  it('reports balance mismatches and statement sequence gaps per account', async () => {
    const { core } = makeTestDb();
    const first = ok(
      await core.bank.importBytes(
        's1.xml',
        bytes(
          camtXml('053', [
            { seq: '1', opening: '100.00', closing: '110.00', entries: [{ amount: '10.00' }] },
          ]),
        ),
      ),
    );
    expect(first.balanceCheck).toBe('ok');
    const third = ok(
      await core.bank.importBytes(
        's3.xml',
        bytes(
          camtXml('053', [
            {
              seq: '3',
              opening: '110.00',
              closing: '999.00',
              entries: [{ amount: '5.00', bookingDate: '2026-11-05' }],
            },
          ]),
        ),
      ),
    );
    expect(third.balanceCheck).toBe('mismatch');
    expect(third.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['BALANCE_MISMATCH', 'STATEMENT_SEQUENCE_GAP']),
    );
  });

  it('creates unknown accounts and reports them; --account must agree with the file', async () => {
    const { core, db } = makeTestDb();
    const file = bytes(camtXml('053', [{ iban: 'DE02120300000000202051', entries: [{ amount: '1.00' }] }]));
    const r = ok(await core.bank.importBytes('x.xml', file));
    expect(r.accounts).toEqual([expect.objectContaining({ iban: 'DE02120300000000202051', created: true })]);
    expect(
      db.$client.prepare('SELECT file_sha256 AS sha, format, entries_new AS n FROM import_batches').all(),
    ).toEqual([{ sha: createHash('sha256').update(file).digest('hex'), format: 'camt.053', n: 1 }]);
    const [mismatch] = await core.bank.importBytes(
      'y.xml',
      bytes(camtXml('053', [{ iban: 'DE02120300000000202051', entries: [{ amount: '2.00' }] }])),
      { accountIban: 'DE89370400440532013000' },
    );
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'IMPORT_ACCOUNT_MISMATCH' } });
  });

  it('--account names the account of an MT940 file that gives only bank code and account number', async () => {
    const { core } = makeTestDb();
    const mt940 = (account: string, amount: string) =>
      bytes(
        [
          ':20:X',
          `:25:${account}`,
          ':28C:1/1',
          ':60F:C261101EUR0,00',
          `:61:2611021102CR${amount}NTRFNONREF`,
          `:62F:C261102EUR${amount}`,
          '-',
        ].join('\n'),
      );
    // 37040044/532013000 is DE89370400440532013000: another IBAN is a mismatch, the same one is that account.
    const [wrong] = await core.bank.importBytes('a.sta', mt940('37040044/532013000', '1,00'), {
      accountIban: 'DE02120300000000202051',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'IMPORT_ACCOUNT_MISMATCH' } });
    const right = ok(
      await core.bank.importBytes('a.sta', mt940('37040044/532013000', '1,00'), {
        accountIban: 'DE89370400440532013000',
      }),
    );
    expect(right.accounts).toEqual([expect.objectContaining({ iban: 'DE89370400440532013000' })]);
    // A foreign bank's own account id cannot be checked: --account is taken, and the file is known by it afterwards.
    const first = ok(
      await core.bank.importBytes('t.sta', mt940('TRIODOSBANK/0454545454', '2,00'), {
        accountIban: 'NL91ABNA0417164300',
      }),
    );
    expect(first.accounts).toEqual([expect.objectContaining({ iban: 'NL91ABNA0417164300', created: true })]);
    const again = ok(await core.bank.importBytes('t2.sta', mt940('TRIODOSBANK/0454545454', '2,00')));
    expect(again.accounts).toEqual([expect.objectContaining({ id: first.accounts[0]?.id, created: false })]);
    expect(again).toMatchObject({ new: 0, duplicate: 1 });
  });

  it('runs the afterImport hook after a committed import only', async () => {
    const { db, clock } = makeTestDb();
    const { createBankService } = await import('#core/bank/import-service.ts');
    const seen: number[][] = [];
    const bank = createBankService({
      db,
      clock,
      logger: { log: () => undefined },
      afterImport: (e) => void seen.push(e.postingIds),
    });
    ok(
      await bank.importBytes(
        'ok.xml',
        bytes(camtXml('053', [{ entries: [{ amount: '1.00' }, { amount: '2.00' }] }])),
      ),
    );
    await bank.importBytes(
      'bad.xml',
      bytes('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>'),
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]).toHaveLength(2);
  });

  it('writes own fixture files readable from disk (watch-folder style paths)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const path = join(dir, 'in', 'statement.sta');
    writeFileSync(path, camtXml('053', [{ entries: [{ amount: '1.00' }] }]));
    const { core } = makeTestDb();
    expect(ok(await core.bank.importFiles([path]))).toMatchObject({ format: 'camt.053', new: 1 });
  });
});
