/**
 * CAMT entries: a booked entry without BookgDt takes its ValDt as booking date (with a warning) instead of
 * dropping out of date filters; an entry with status INFO (ISO 20022 EntryStatus: information only, no booking)
 * is not imported, in both spellings (<Sts>INFO</Sts> up to v07, <Sts><Cd>INFO</Cd></Sts> from v08).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCamt } from '#core/bank/camt/index.ts';
import type { ImportProblem, ParsedEntry } from '#core/bank/types.ts';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { camtXml } from '../../helpers/camt-builder.ts';

function parse(xml: string) {
  const entries: ParsedEntry[] = [];
  const problems: ImportProblem[] = [];
  for (const e of parseCamt(xml, 't.xml')) {
    if (e.kind === 'entry') entries.push(e.entry);
    else if (e.kind === 'problem') problems.push(e.problem);
  }
  return { entries, problems };
}

describe('CAMT booking date and INFO entries', () => {
  it('a booked entry without BookgDt gets its ValDt as booking date and a warning naming the element', () => {
    const { entries, problems } = parse(
      camtXml('053', [{ entries: [{ amount: '49.90', bookingDate: null, valueDate: '2026-11-03' }] }]),
    );
    expect(entries.map((e) => [e.bookingDate, e.valueDate, e.bookingStatus])).toEqual([
      ['2026-11-03', '2026-11-03', 'booked'],
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'CAMT_NO_BOOKING_DATE',
        severity: 'warning',
        path: expect.stringMatching(/Ntry/) as unknown,
      }),
    ]);
  });

  it('a pending entry without BookgDt keeps no booking date (it has not been booked)', () => {
    const { entries, problems } = parse(
      camtXml('052', [
        { entries: [{ amount: '9.99', status: 'PDNG', bookingDate: null, valueDate: '2026-11-04' }] },
      ]),
    );
    expect(entries.map((e) => [e.bookingDate, e.bookingStatus])).toEqual([[undefined, 'pending']]);
    expect(problems.map((p) => p.code)).not.toContain('CAMT_NO_BOOKING_DATE');
  });

  it('the posting is found by a date filter and a re-import with BookgDt adds nothing', async () => {
    const { core } = makeTestDb();
    const dir = tempDir();
    const without = join(dir, 'a.xml');
    writeFileSync(
      without,
      camtXml('053', [{ entries: [{ amount: '49.90', bookingDate: null, valueDate: '2026-11-03' }] }]),
    );
    const [r] = await core.bank.importFiles([without]);
    expect(r).toMatchObject({ ok: true, new: 1 });
    expect(r?.ok && r.warnings.map((w) => w.code)).toContain('CAMT_NO_BOOKING_DATE');
    expect(core.bank.listPostings({ from: '2026-11-03', to: '2026-11-03' }).total).toBe(1);
    const withDate = join(dir, 'b.xml');
    writeFileSync(withDate, camtXml('053', [{ entries: [{ amount: '49.90', bookingDate: '2026-11-03' }] }]));
    const [again] = await core.bank.importFiles([withDate]);
    expect(again).toMatchObject({ ok: true, new: 0, duplicate: 1 });
  });

  for (const statusV8 of [false, true]) {
    it(`an INFO entry (${statusV8 ? '<Sts><Cd>INFO</Cd>' : '<Sts>INFO</Sts>'}) is skipped with a warning`, async () => {
      const xml = camtXml(
        '053',
        [{ entries: [{ amount: '119.00' }, { amount: '10.00', status: 'INFO', statusV8 }] }],
        statusV8 ? '08' : '02',
      );
      const { entries, problems } = parse(xml);
      expect(entries.map((e) => e.amountMinor)).toEqual([11900]);
      const info = problems.find((p) => p.code === 'CAMT_INFO_ENTRY_SKIPPED');
      expect(info).toMatchObject({
        severity: 'warning',
        path: expect.stringMatching(/Ntry.*\/Sts$/) as unknown,
      });
      expect(info?.message).toMatch(/10\.00 EUR.*INFO.*not imported/);

      const { core } = makeTestDb();
      const file = join(tempDir(), 'info.xml');
      writeFileSync(file, xml);
      const [r] = await core.bank.importFiles([file]);
      expect(r).toMatchObject({ ok: true, entries: 1, new: 1 });
      expect(core.bank.listPostings({ limit: 10 }).items.map((p) => p.amountMinor)).toEqual([11900]);
    });
  }
});
