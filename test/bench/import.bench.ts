/**
 * `npm run bench:import`: generates a CAMT.053 and an MT940 file with 100 000 entries each (temp dir), then
 * measures, each in its own child process (honest peak RSS = process.resourceUsage().maxRSS):
 *   - our streaming parser alone, and parse + store (one transaction into a fresh encrypted database);
 *   - reference points: fast-xml-parser (whole-document parse) on the CAMT file, mt940js on the MT940 file;
 *   - an idle child (baseline RSS of Node + the TypeScript loader).
 * Goals (issue 3 §11): 100 000 CAMT entries parsed + stored < 3 s, peak RSS < 250 MB, parse faster than the
 * whole-document reference. Prints figures; it is not a test.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const N = Number(process.env['BENCH_ENTRIES'] ?? 100_000);
const SELF = fileURLToPath(import.meta.url);
const RUN_TS = fileURLToPath(new URL('../../bin/run-ts.mjs', import.meta.url));

type Measure = { entries: number; ms: number; cpuMs: number; maxRssMb: number };

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

function amountFor(i: number): number {
  return ((i * 7919) % 500_000) + 1; // minor units, deterministic
}

function dayFor(i: number): string {
  const d = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 400) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function camtEntry(i: number): string {
  const amt = amountFor(i);
  const credit = i % 5 !== 0;
  const dec = `${Math.floor(amt / 100)}.${pad(amt % 100, 2)}`;
  const day = dayFor(i);
  const party = credit
    ? `<Dbtr><Nm>Kunde ${i}</Nm></Dbtr><DbtrAcct><Id><IBAN>DE${pad(i, 20)}</IBAN></Id></DbtrAcct>`
    : `<Cdtr><Nm>Lieferant ${i % 97}</Nm></Cdtr><CdtrAcct><Id><IBAN>DE${pad(i % 97, 20)}</IBAN></Id></CdtrAcct>`;
  return `<Ntry><Amt Ccy="EUR">${dec}</Amt><CdtDbtInd>${credit ? 'CRDT' : 'DBIT'}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${day}</Dt></BookgDt><ValDt><Dt>${day}</Dt></ValDt><AcctSvcrRef>REF${pad(i, 10)}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><Refs><AcctSvcrRef>TX${pad(i, 10)}</AcctSvcrRef><EndToEndId>E2E-${i}</EndToEndId></Refs><Amt Ccy="EUR">${dec}</Amt><CdtDbtInd>${credit ? 'CRDT' : 'DBIT'}</CdtDbtInd><RltdPties>${party}</RltdPties><RmtInf><Ustrd>Bestellung ${100000 + i} Kundennummer ${i}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n`;
}

export function generateCamt(path: string): void {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += (i % 5 !== 0 ? 1 : -1) * amountFor(i);
  const opening = 100_000_000;
  const closing = opening + sum;
  const money = (m: number) => `${Math.floor(Math.abs(m) / 100)}.${pad(Math.abs(m) % 100, 2)}`;
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-12-31T18:00:00+01:00</CreDtTm></GrpHdr><Stmt><Id>BENCH-1</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>2026-12-31T18:00:00+01:00</CreDtTm><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>`,
    `<Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${money(opening)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-01-01</Dt></Dt></Bal>`,
    `<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${money(closing)}</Amt><CdtDbtInd>${closing < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>2026-12-31</Dt></Dt></Bal>\n`,
  ];
  for (let i = 0; i < N; i++) parts.push(camtEntry(i));
  parts.push('</Stmt></BkToCstmrStmt></Document>\n');
  writeFileSync(path, parts.join(''));
}

export function generateMt940(path: string): void {
  const lines: string[] = [':20:BENCH', ':25:37040044/0532013000', ':28C:1/1', ':60F:C260101EUR1000000,00'];
  let balance = 100_000_000;
  for (let i = 0; i < N; i++) {
    const amt = amountFor(i);
    const credit = i % 5 !== 0;
    balance += credit ? amt : -amt;
    const yymmdd = dayFor(i).slice(2).replace(/-/g, '');
    lines.push(
      `:61:${yymmdd}${yymmdd.slice(2)}${credit ? 'C' : 'D'}${Math.floor(amt / 100)},${pad(amt % 100, 2)}NTRFNONREF//REF${pad(i, 10)}`,
    );
    lines.push(
      `:86:166?00GUTSCHRIFT?20EREF+E2E-${i}?21SVWZ+Bestellung ${100000 + i}?22Kundennummer ${i}?30COBADEFFXXX?31DE${pad(i, 20)}?32Kunde ${i}`,
    );
  }
  lines.push(
    `:62F:${balance < 0 ? 'D' : 'C'}261231EUR${Math.floor(Math.abs(balance) / 100)},${pad(Math.abs(balance) % 100, 2)}`,
    '-',
  );
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
}

async function child(mode: string, file: string): Promise<void> {
  const t0 = performance.now();
  let entries = 0;
  if (mode === 'idle') {
    entries = 0;
  } else if (mode === 'camt-parse' || mode === 'mt940-parse') {
    const { sourceFromPath } = await import('#core/bank/source.ts');
    const { openStatementFiles } = await import('#core/bank/read-statement.ts');
    const start = performance.now();
    cpuStart = process.cpuUsage();
    for (const f of openStatementFiles(sourceFromPath(file), {}, undefined))
      for (const e of f.events()) if (e.kind === 'entry') entries++;
    report(entries, performance.now() - start);
    return;
  } else if (mode === 'camt-store' || mode === 'mt940-store') {
    const { openDatabase } = await import('#core/db/open.ts');
    const { createBankService } = await import('#core/bank/import-service.ts');
    const dir = mkdtempSync(join(tmpdir(), 'kw-bench-db-'));
    const db = openDatabase({
      path: join(dir, 'bench.db'),
      keyHex: randomBytes(32).toString('hex'),
      mode: 'create',
    });
    const bank = createBankService({
      db,
      clock: { now: () => new Date() },
      logger: { log: () => undefined },
    });
    const start = performance.now();
    cpuStart = process.cpuUsage();
    const [result] = await bank.importFiles([file]);
    const ms = performance.now() - start;
    if (!result?.ok) throw new Error(JSON.stringify(result));
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
    report(result.new, ms);
    return;
  } else if (mode === 'fxp-camt') {
    const { XMLParser } = await import('fast-xml-parser');
    const start = performance.now();
    cpuStart = process.cpuUsage();
    const doc = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(file, 'utf8')) as {
      Document: { BkToCstmrStmt: { Stmt: { Ntry: unknown[] } } };
    };
    entries = doc.Document.BkToCstmrStmt.Stmt.Ntry.length;
    report(entries, performance.now() - start);
    return;
  } else if (mode === 'mt940js') {
    const mt940js = await import('mt940js');
    const start = performance.now();
    cpuStart = process.cpuUsage();
    const statements = new mt940js.Parser().parse(readFileSync(file, 'utf8'));
    entries = statements.reduce((n, s) => n + s.transactions.length, 0);
    report(entries, performance.now() - start);
    return;
  }
  report(entries, performance.now() - t0);
}

let cpuStart = process.cpuUsage();

/** CPU time (user + system) of the measured section too: wall time on a shared 2-core machine varies with load. */
function report(entries: number, ms: number): void {
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(`${JSON.stringify({ entries, ms, cpuMs, maxRssMb } satisfies Measure)}\n`);
}

function measure(mode: string, file: string): Measure {
  const out = execFileSync(process.execPath, [RUN_TS, SELF, '--child', mode, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const last = out.trim().split('\n').pop() ?? '{}';
  return JSON.parse(last) as Measure;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    await child(argv[1] ?? '', argv[2] ?? '');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'kw-bench-import-'));
  try {
    const camt = join(dir, 'camt053-100k.xml');
    const mt940 = join(dir, 'mt940-100k.sta');
    generateCamt(camt);
    generateMt940(mt940);
    console.log(`bench:import — ${N} entries per file; node ${process.version}; files in ${dir}`);
    const rows: [string, string, string][] = [
      ['idle child (baseline RSS)', 'idle', camt],
      ['CAMT.053 parse (ours, streaming)', 'camt-parse', camt],
      ['CAMT.053 parse + store (ours)', 'camt-store', camt],
      ['CAMT.053 fast-xml-parser (whole doc)', 'fxp-camt', camt],
      ['MT940 parse (ours)', 'mt940-parse', mt940],
      ['MT940 parse + store (ours)', 'mt940-store', mt940],
      ['MT940 mt940js (reference)', 'mt940js', mt940],
    ];
    console.log(
      `load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (2 cores shared; CPU seconds are less load-sensitive than wall seconds)`,
    );
    console.log(
      `${'measurement'.padEnd(40)} ${'entries'.padStart(8)} ${'wall s'.padStart(8)} ${'CPU s'.padStart(8)} ${'entries/s'.padStart(10)} ${'peak RSS MB'.padStart(12)}`,
    );
    for (const [label, mode, file] of rows) {
      try {
        const m = measure(mode, file);
        const perSec = m.ms > 0 && m.entries > 0 ? Math.round((m.entries / m.ms) * 1000) : 0;
        console.log(
          `${label.padEnd(40)} ${String(m.entries).padStart(8)} ${(m.ms / 1000).toFixed(2).padStart(8)} ${(m.cpuMs / 1000).toFixed(2).padStart(8)} ${String(perSec).padStart(10)} ${m.maxRssMb.toFixed(0).padStart(12)}`,
        );
      } catch (error) {
        console.log(`${label.padEnd(40)} failed: ${(error as Error).message.split('\n')[0] ?? ''}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run only as a script (the generators are importable for profiling).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
