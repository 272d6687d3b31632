/** No duplicates, ever — and no lost payments (dedupe.ts module comment is the specification). */
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../helpers/db.ts';
import { camtXml } from '../../helpers/camt-builder.ts';
import type { FileResult } from '#core/bank/import-service.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

function ok(results: FileResult[]) {
  const [r] = results;
  if (!r?.ok) throw new Error(JSON.stringify(r));
  return r;
}

describe('dedupe', () => {
  it('imports identical twin payments on one day as two postings, and the same file twice adds nothing', async () => {
    const { core } = makeTestDb();
    const twin = { amount: '49.90', name: 'Erika Mustermann', remittance: 'Bestellung 1001' };
    const file = camtXml('053', [{ entries: [twin, twin] }]);
    expect(ok(await core.bank.importBytes('a.xml', bytes(file)))).toMatchObject({ new: 2, duplicate: 0 });
    expect(ok(await core.bank.importBytes('a-again.xml', bytes(file)))).toMatchObject({
      new: 0,
      duplicate: 2,
    });
    expect(core.bank.listPostings().total).toBe(2);
  });

  it('overlapping statements add only the new days', async () => {
    const { core } = makeTestDb();
    const a = { amount: '10.00', bookingDate: '2026-11-02', iban: 'DE02120300000000202051' };
    const b = { amount: '20.00', bookingDate: '2026-11-02', iban: 'DE02500105170137075030' };
    const c = { amount: '30.00', bookingDate: '2026-11-03', iban: 'DE02100100100006820101' };
    ok(await core.bank.importBytes('1.xml', bytes(camtXml('053', [{ entries: [a, b] }]))));
    expect(
      ok(await core.bank.importBytes('2.xml', bytes(camtXml('053', [{ entries: [a, b, c] }])))),
    ).toMatchObject({ new: 1, duplicate: 2 });
  });

  it('an intraday CAMT.052 delta report does not swallow a different payment of the same amount', async () => {
    const { core } = makeTestDb();
    const x = { amount: '49.90', iban: 'DE02120300000000202051', e2e: 'E2E-X' };
    const y = { amount: '49.90', iban: 'DE02500105170137075030', e2e: 'E2E-Y' };
    ok(await core.bank.importBytes('morning.xml', bytes(camtXml('052', [{ entries: [x] }]))));
    expect(
      ok(await core.bank.importBytes('noon.xml', bytes(camtXml('052', [{ entries: [y] }])))),
    ).toMatchObject({ new: 1, duplicate: 0 });
    expect(
      ok(await core.bank.importBytes('day.xml', bytes(camtXml('053', [{ entries: [x, y] }])))),
    ).toMatchObject({ new: 0, duplicate: 2 });
  });

  it('replaces a pending entry by its booked version (same row, booked data)', async () => {
    const { core, db } = makeTestDb();
    const pending = {
      amount: '75.00',
      status: 'PDNG',
      bookingDate: null,
      valueDate: '2026-11-01',
      iban: 'DE02120300000000202051',
      e2e: 'ORDER-7',
      name: 'Max',
    };
    const booked = {
      amount: '75.00',
      bookingDate: '2026-11-03',
      valueDate: '2026-11-03',
      iban: 'DE02120300000000202051',
      e2e: 'ORDER-7',
      name: 'Max Mustermann',
      ref: 'BANK-1',
    };
    expect(
      ok(await core.bank.importBytes('pending.xml', bytes(camtXml('052', [{ entries: [pending] }])))),
    ).toMatchObject({ new: 1 });
    const [before] = core.bank.listPostings().items;
    expect(before?.bookingStatus).toBe('pending');
    expect(
      ok(await core.bank.importBytes('booked.xml', bytes(camtXml('053', [{ entries: [booked] }])))),
    ).toMatchObject({ new: 0, replaced: 1 });
    const page = core.bank.listPostings();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id: before?.id,
      bookingStatus: 'booked',
      bookingDate: '2026-11-03',
      counterpartyName: 'Max Mustermann',
      bankReference: 'BANK-1',
    });
    const audit = db.$client
      .prepare(`SELECT action FROM audit_log WHERE entity_type = 'posting' AND entity_id = ? ORDER BY id`)
      .all(String(before?.id));
    expect(audit).toEqual([{ action: 'imported' }, { action: 'replaced_by_booked' }]);
    // The stale pending report imported again afterwards changes nothing.
    expect(
      ok(await core.bank.importBytes('pending-again.xml', bytes(camtXml('052', [{ entries: [pending] }])))),
    ).toMatchObject({ new: 0, duplicate: 1 });
  });

  it('recognises the same booking in MT940 and CAMT (cross-format key: date, amount, currency; e2e agrees)', async () => {
    const { core } = makeTestDb();
    const iban = 'DE89370400440532013000';
    ok(
      await core.bank.importBytes(
        'day.xml',
        bytes(
          camtXml('053', [
            {
              iban,
              entries: [
                { amount: '12.34', bookingDate: '2026-11-02', e2e: 'E2E-42', iban: 'DE02120300000000202051' },
              ],
            },
          ]),
        ),
      ),
    );
    const mt940 = [
      ':20:STARTUMS',
      `:25:${iban}`,
      ':28C:1/1',
      ':60F:C261101EUR0,00',
      ':61:2611021102C12,34NTRFNONREF',
      ':86:166?00GUTSCHRIFT?20EREF+E2E-42?21SVWZ+Bestellung?31DE02120300000000202051?32Kunde',
      ':62F:C261102EUR12,34',
      '-',
      '',
    ].join('\r\n');
    expect(ok(await core.bank.importBytes('day.sta', bytes(mt940)))).toMatchObject({
      format: 'mt940',
      new: 0,
      duplicate: 1,
    });
  });
});

describe('dedupe across CSV and CAMT', () => {
  const iban = 'DE89370400440532013000';
  const header =
    '"Auftragskonto";"Buchungstag";"Valutadatum";"Buchungstext";"Verwendungszweck";"Glaeubiger ID";"Mandatsreferenz";"Kundenreferenz (End-to-End)";"Sammlerreferenz";"Lastschrift Ursprungsbetrag";"Auslagenersatz Ruecklastschrift";"Beguenstigter/Zahlungspflichtiger";"Kontonummer/IBAN";"BIC (SWIFT-Code)";"Betrag";"Waehrung";"Info"';
  const row = (
    day: string,
    text: string,
    name: string,
    cp: string,
    amount: string,
    info = 'Umsatz gebucht',
  ) =>
    `"${iban}";"${day}";"${day}";"GUTSCHRIFT";"${text}";"";"";"";"";"";"";"${name}";"${cp}";"";"${amount}";"EUR";"${info}"`;

  it('a Sparkasse CSV-CAMT export and the CAMT.053 of the same days do not duplicate; twins stay two', async () => {
    const { core } = makeTestDb();
    const csv = [
      header,
      row('02.11.26', 'Bestellung 1001', 'Erika Mustermann', 'DE02120300000000202051', '49,90'),
      row('02.11.26', 'Bestellung 1001', 'Erika Mustermann', 'DE02120300000000202051', '49,90'),
      row('03.11.26', 'Bestellung 1002', 'Max Mustermann', 'DE02500105170137075030', '12,00'),
    ].join('\r\n');
    const fromCsv = ok(await core.bank.importBytes('umsatz.csv', bytes(`${csv}\r\n`)));
    expect(fromCsv).toMatchObject({ format: 'csv', new: 3 });
    const twin = {
      amount: '49.90',
      bookingDate: '2026-11-02',
      iban: 'DE02120300000000202051',
      name: 'Erika Mustermann',
      e2e: 'E2E-A',
      ref: 'R1',
    };
    const camt = camtXml('053', [
      {
        iban,
        entries: [
          twin,
          { ...twin, e2e: 'E2E-B', ref: 'R2' },
          { amount: '12.00', bookingDate: '2026-11-03', iban: 'DE02500105170137075030', ref: 'R3' },
          { amount: '5.00', bookingDate: '2026-11-03', iban: 'DE02100100100006820101' },
        ],
      },
    ]);
    expect(ok(await core.bank.importBytes('day.xml', bytes(camt)))).toMatchObject({ new: 1, duplicate: 3 });
    expect(core.bank.listPostings().total).toBe(4);
  });

  it('a CSV row taken as a stored posting of another payer (no shared id, names share no word) is warned about', async () => {
    const { core } = makeTestDb();
    const camt = camtXml('053', [
      {
        iban,
        entries: [
          { amount: '49.90', bookingDate: '2026-11-02', name: 'Erika Musterfrau' },
          { amount: '12.00', bookingDate: '2026-11-02', name: 'Max Mustermann' },
          {
            amount: '20.00',
            bookingDate: '2026-11-02',
            name: 'Jürgen Müller',
            iban: 'DE02500105170137075030',
          },
          { amount: '30.00', bookingDate: '2026-11-02', name: 'Shop Kunde', iban: 'DE02120300000000202051' },
        ],
      },
    ]);
    ok(await core.bank.importBytes('day.xml', bytes(camt)));
    const stored = core.bank.listPostings().items.find((p) => p.counterpartyName === 'Erika Musterfrau');
    const csv = [
      header,
      row('02.11.26', 'Bestellung 1', 'Otto Normalverbraucher', '', '49,90'),
      // The same payers in other spellings, or an IBAN that agrees: no warning.
      row('02.11.26', 'Bestellung 2', 'MUSTERMANN, MAX', '', '12,00'),
      row('02.11.26', 'Bestellung 3', 'Juergen Mueller', '', '20,00'),
      row('02.11.26', 'Bestellung 4', 'Paul Payer', 'DE02120300000000202051', '30,00'),
    ].join('\r\n');
    const r = ok(await core.bank.importBytes('umsatz.csv', bytes(`${csv}\r\n`)));
    // The documented dedupe key is kept: all four are duplicates.
    expect(r).toMatchObject({ new: 0, duplicate: 4 });
    const doubtful = r.warnings.filter((w) => w.code === 'DUPLICATE_NAME_DIFFERS');
    expect(doubtful).toEqual([
      {
        code: 'DUPLICATE_NAME_DIFFERS',
        message: `umsatz.csv, line 2: 49.90 EUR on 2026-11-02 from "Otto Normalverbraucher" was counted as already imported: posting #${stored?.id} of the same day and amount is stored from "Erika Musterfrau", and the names share no word. If these are two different payments, this one was not stored: check the bank statement of that day (a CAMT or MT940 statement tells such payments apart by IBAN or reference) and import it.`,
      },
    ]);
  });

  it('a pending CSV row is replaced by the booked CAMT entry', async () => {
    const { core } = makeTestDb();
    const csv = [
      header,
      row('02.11.26', 'Bestellung 7', 'Max', 'DE02120300000000202051', '75,00', 'Umsatz vorgemerkt'),
    ].join('\r\n');
    expect(ok(await core.bank.importBytes('vorgemerkt.csv', bytes(`${csv}\r\n`)))).toMatchObject({ new: 1 });
    expect(core.bank.listPostings({ status: 'pending' }).total).toBe(1);
    const camt = camtXml('053', [
      {
        iban,
        entries: [
          { amount: '75.00', bookingDate: '2026-11-04', iban: 'DE02120300000000202051', name: 'Max' },
        ],
      },
    ]);
    expect(ok(await core.bank.importBytes('booked.xml', bytes(camt)))).toMatchObject({ new: 0, replaced: 1 });
    expect(core.bank.listPostings({ status: 'pending' }).total).toBe(0);
    expect(core.bank.listPostings().items).toMatchObject([
      { bookingStatus: 'booked', bookingDate: '2026-11-04' },
    ]);
  });
});

describe('statements and notifications together', () => {
  it('a CAMT.054 notification followed by the CAMT.053 statement adds nothing twice', async () => {
    const { core } = makeTestDb();
    const entry = { amount: '19.99', iban: 'DE02120300000000202051', e2e: 'N-1', ref: 'A-1' };
    ok(await core.bank.importBytes('n.xml', bytes(camtXml('054', [{ entries: [entry] }], '02'))));
    expect(
      ok(
        await core.bank.importBytes(
          's.xml',
          bytes(camtXml('053', [{ entries: [entry, { amount: '1.00' }] }], '13')),
        ),
      ),
    ).toMatchObject({ new: 1, duplicate: 1 });
  });

  it('several statements for several accounts in one file go to their own accounts', async () => {
    const { core } = makeTestDb();
    const r = ok(
      await core.bank.importBytes(
        'multi.xml',
        bytes(
          camtXml('053', [
            { iban: 'DE02120300000000202051', entries: [{ amount: '1.00' }] },
            { iban: 'DE02500105170137075030', entries: [{ amount: '2.00' }, { amount: '3.00' }] },
          ]),
        ),
      ),
    );
    expect(r).toMatchObject({ statements: 2, new: 3 });
    expect(r.accounts.map((a) => a.iban)).toEqual(['DE02120300000000202051', 'DE02500105170137075030']);
    expect(core.bank.listPostings({ accountIban: 'DE02500105170137075030' }).total).toBe(2);
  });
});

describe('pending reported twice', () => {
  it('a pending entry re-reported with a booking date is still one posting', async () => {
    const { core } = makeTestDb();
    const base = { amount: '30.00', status: 'PDNG', iban: 'DE02120300000000202051', e2e: 'P-1' };
    ok(
      await core.bank.importBytes(
        '10h.xml',
        bytes(camtXml('052', [{ entries: [{ ...base, bookingDate: null, valueDate: '2026-11-02' }] }])),
      ),
    );
    expect(
      ok(
        await core.bank.importBytes(
          '14h.xml',
          bytes(camtXml('052', [{ entries: [{ ...base, bookingDate: '2026-11-03' }] }])),
        ),
      ),
    ).toMatchObject({ new: 0, duplicate: 1 });
    expect(core.bank.listPostings().total).toBe(1);
  });
});

describe('one German account, two spellings', () => {
  const mt940 = (account: string) =>
    [
      ':20:STARTUMS',
      `:25:${account}`,
      ':28C:1/1',
      ':60F:C261101EUR0,00',
      ':61:2611021102C12,34NTRFNONREF',
      ':86:166?00GUTSCHRIFT?20EREF+E2E-42?31DE02120300000000202051?32Kunde',
      ':62F:C261102EUR12,34',
      '-',
      '',
    ].join('\r\n');
  const camt = camtXml('053', [
    {
      iban: 'DE89370400440532013000',
      entries: [
        { amount: '12.34', bookingDate: '2026-11-02', e2e: 'E2E-42', iban: 'DE02120300000000202051' },
      ],
    },
  ]);

  it('MT940 "BLZ/Kontonummer" first, then CAMT with the IBAN: one account (it learns its IBAN), no duplicate', async () => {
    const { core } = makeTestDb();
    const first = ok(await core.bank.importBytes('a.sta', bytes(mt940('37040044/532013000'))));
    expect(first.accounts).toMatchObject([{ iban: null, otherId: '37040044/532013000', created: true }]);
    const second = ok(await core.bank.importBytes('b.xml', bytes(camt)));
    expect(second).toMatchObject({
      new: 0,
      duplicate: 1,
      accounts: [{ id: first.accounts[0]?.id, iban: 'DE89370400440532013000', created: false }],
    });
  });

  it('MT940 with a zero-padded account number first, then CAMT: one account', async () => {
    const { core } = makeTestDb();
    const first = ok(await core.bank.importBytes('a.sta', bytes(mt940('37040044/0532013000'))));
    const second = ok(await core.bank.importBytes('b.xml', bytes(camt)));
    expect(second).toMatchObject({
      duplicate: 1,
      accounts: [{ id: first.accounts[0]?.id, iban: 'DE89370400440532013000' }],
    });
  });

  it('CAMT first, then MT940 with BLZ/Kontonummer: same account', async () => {
    const { core } = makeTestDb();
    const first = ok(await core.bank.importBytes('b.xml', bytes(camt)));
    const second = ok(await core.bank.importBytes('a.sta', bytes(mt940('37040044/0532013000'))));
    expect(second).toMatchObject({
      new: 0,
      duplicate: 1,
      accounts: [{ id: first.accounts[0]?.id, created: false }],
    });
  });
});

describe('booking date in one file, only value date in the other', () => {
  it('an MT940 line without entry date meets the CAMT entry booked on another day', async () => {
    const { core } = makeTestDb();
    const iban = 'DE89370400440532013000';
    ok(
      await core.bank.importBytes(
        'c.xml',
        bytes(
          camtXml('053', [
            {
              iban,
              entries: [
                {
                  amount: '12.34',
                  bookingDate: '2026-11-02',
                  valueDate: '2026-11-03',
                  iban: 'DE02120300000000202051',
                },
              ],
            },
          ]),
        ),
      ),
    );
    const mt = [
      ':20:X',
      `:25:${iban}`,
      ':28C:1/1',
      ':60F:C261101EUR0,00',
      ':61:261103C12,34NTRFNONREF',
      ':86:166?00GUTSCHRIFT?20Bestellung?31DE02120300000000202051?32Kunde',
      ':62F:C261103EUR12,34',
      '-',
      '',
    ].join('\r\n');
    expect(ok(await core.bank.importBytes('m.sta', bytes(mt)))).toMatchObject({ new: 0, duplicate: 1 });
    // And the other way round: value-date-only first, booking date later.
    const { core: core2 } = makeTestDb();
    ok(await core2.bank.importBytes('m.sta', bytes(mt)));
    expect(
      ok(
        await core2.bank.importBytes(
          'c.xml',
          bytes(
            camtXml('053', [
              {
                iban,
                entries: [
                  {
                    amount: '12.34',
                    bookingDate: '2026-11-02',
                    valueDate: '2026-11-03',
                    iban: 'DE02120300000000202051',
                  },
                ],
              },
            ]),
          ),
        ),
      ),
    ).toMatchObject({ new: 0, duplicate: 1 });
  });
});

describe('several statements in one file', () => {
  it('cumulative intraday reports (CAMT.052 Rpt blocks repeating earlier entries) add each booking once; twins stay two', async () => {
    const { core } = makeTestDb();
    const a = { amount: '5.00', iban: 'DE02120300000000202051' };
    const twin = { amount: '7.00' };
    const file = camtXml('052', [
      { entries: [a, twin, twin] },
      { entries: [a, twin, twin, { amount: '9.00' }] },
    ]);
    expect(ok(await core.bank.importBytes('intraday.xml', bytes(file)))).toMatchObject({
      new: 4,
      duplicate: 3,
    });
  });

  it('identical twins on two pages of one MT940 statement (:28C: 5/1 and 5/2) stay two postings', async () => {
    const { core } = makeTestDb();
    const page = (p: number, open: string, close: string) =>
      [
        ':20:X',
        ':25:DE89370400440532013000',
        `:28C:5/${p}`,
        `:60${p === 1 ? 'F' : 'M'}:C261101EUR${open}`,
        ':61:2611021102C10,00NTRFNONREF',
        ':86:166?00GUTSCHRIFT?20Miete',
        `:62${p === 2 ? 'F' : 'M'}:C261102EUR${close}`,
        '-',
      ].join('\r\n');
    const file = `${page(1, '0,00', '10,00')}\r\n${page(2, '10,00', '20,00')}\r\n`;
    expect(ok(await core.bank.importBytes('pages.sta', bytes(file)))).toMatchObject({ new: 2, duplicate: 0 });
    expect(ok(await core.bank.importBytes('pages-again.sta', bytes(file)))).toMatchObject({
      new: 0,
      duplicate: 2,
    });
  });
});

describe('account statements in one file do not repeat each other', () => {
  it('identical twins in two CAMT.053 Stmt blocks of one file stay two postings', async () => {
    const { core } = makeTestDb();
    const file = camtXml('053', [{ entries: [{ amount: '7.00' }] }, { entries: [{ amount: '7.00' }] }]);
    expect(ok(await core.bank.importBytes('two.xml', bytes(file)))).toMatchObject({ new: 2 });
  });
});
