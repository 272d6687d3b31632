/**
 * Realistic CAMT files (own fixtures under test/fixtures/bank/realistic, names and IBANs made up, IBAN check
 * digits valid) modelled on what German banks deliver, imported through the real import service and checked
 * field by field. Sources of the variants:
 * - DK "Spezifikation der Datenformate" (Anlage 3 DFÜ-Abkommen), camt.053 chapter: BkTxCd Domn + Prtry
 *   "NTRF+166+9310+997" (GVC + text key), AddtlNtryInf = booking text, batch bookings with NtryDtls/Btch/NbOfTxs,
 *   camt.054 as the "Sammlerauflösung" of a camt.053 batch entry; ISO 20022 camt.053.001.02/.08 message
 *   definitions (Party40Choice Dbtr/Pty in v08, BICFI, Sts/Cd, RvslInd, AmtDtls/InstdAmt/TxAmt, Chrgs, RtrInf).
 * - Sparkasse / Volksbank (Atruvia) statements as parsed by hibiscus (de.willuhn.jameica.hbci.server.sepa
 *   camt parsers) and the camt test files of ofxstatement-germany style importers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../helpers/db.ts';
import { importRealistic, REALISTIC, storedPostings } from '../../helpers/realistic-bank.ts';

describe('realistic CAMT statements', () => {
  it('camt.053.001.08 Sparkasse/DK: v08 parties, UltmtDbtr, RF reference, direct debit with mandate, charges entry', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'camt053-v08-sparkasse-dk.xml');
    expect(r).toMatchObject({
      format: 'camt.053',
      version: 'camt.053.001.08',
      entries: 3,
      new: 3,
      balanceCheck: 'ok',
    });
    const [credit, debit, fee] = storedPostings(core);
    expect(credit).toMatchObject({
      accountIban: 'DE89430609677731109900',
      bookingDate: '2026-11-03',
      valueDate: '2026-11-03',
      amountMinor: 11990,
      currency: 'EUR',
      counterpartyName: 'Erika Mustermann',
      counterpartyIban: 'DE39500105175407324924',
      counterpartyBic: 'INGDDEFFXXX',
      ultimateDebtor: 'Max Mustermann',
      endToEndId: 'SHOP-100482',
      creditorReference: 'RF18539007547034',
      bankReference: '2026110307441000123',
      bankTxCode: 'PMNT/RCDT/ESCT',
      bookingStatus: 'booked',
      reversal: false,
    });
    expect(debit).toMatchObject({
      amountMinor: -3955,
      counterpartyName: 'Telekom Deutschland GmbH',
      counterpartyIban: 'DE45120300001234567890',
      counterpartyBic: 'BYLADEM1001',
      remittance: 'Festnetz Rechnung 10/2026 Kundenkonto 4711',
      mandateId: 'M-2023-000871',
      endToEndId: null,
      bankTxCode: 'PMNT/IDDT/ESDD',
    });
    // An entry without TxDtls (account closing fee): the DK booking text in AddtlNtryInf is all there is.
    expect(fee).toMatchObject({
      amountMinor: -300,
      bookingDate: '2026-11-03',
      valueDate: '2026-10-31',
      remittance: 'ABSCHLUSS Entgelt Kontofuehrung 10/2026',
      counterpartyName: null,
      bankTxCode: 'ACMT/MDOP/CHRG',
    });
  });

  it('an RF reference that fails the ISO 11649 check is no creditor reference but stays visible in the remittance', async () => {
    const { core } = makeTestDb();
    const xml = readFileSync(join(REALISTIC, 'camt053-v08-sparkasse-dk.xml'), 'utf8').replace(
      'RF18539007547034',
      'RF18539007547035',
    );
    const [r] = await core.bank.importBytes('typo-rf.xml', new TextEncoder().encode(xml));
    expect(r).toMatchObject({ ok: true, new: 3 });
    expect(r?.ok && r.warnings.map((w) => w.code)).toContain('CAMT_BAD_CREDITOR_REFERENCE');
    expect(storedPostings(core)[0]).toMatchObject({
      amountMinor: 11990,
      creditorReference: null,
      remittance: 'RF18539007547035',
    });
  });

  it('camt.053.001.02 Volksbank: batch split by TxAmt, return debit (RvslInd) with charges, GVC-only BkTxCd, several Ustrd', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'camt053-v02-volksbank-batch-return.xml');
    expect(r).toMatchObject({ version: 'camt.053.001.02', entries: 4, new: 4, balanceCheck: 'ok' });
    const [a, b, ret, transfer] = storedPostings(core);
    expect(
      [a, b].map((p) => [
        p?.amountMinor,
        p?.counterpartyName,
        p?.counterpartyIban,
        p?.endToEndId,
        p?.mandateId,
        p?.remittance,
      ]),
    ).toEqual([
      [
        5950,
        'Hans Beispiel',
        'DE42200411550411223300',
        'ABO-2026-11-0007',
        'KD-0007',
        'Kaffee-Abo November 2026 Kunde 0007',
      ],
      [
        3000,
        'Petra Probe',
        'DE29100100100987654321',
        'ABO-2026-11-0012',
        'KD-0012',
        'Kaffee-Abo November 2026 Kunde 0012',
      ],
    ]);
    expect(a).toMatchObject({
      counterpartyBic: 'COBADEHD001',
      bankReference: 'AZV2026110400077',
      bankTxCode: 'PMNT/RDDT/ESDD',
    });
    // The return of a collected direct debit: booked DBIT with RvslInd; the counterparty is the original payer.
    expect(ret).toMatchObject({
      amountMinor: -6500,
      reversal: true,
      counterpartyName: 'Jana Rueck',
      counterpartyIban: 'DE24700202700015551234',
      endToEndId: 'ABO-2026-10-0031',
      mandateId: 'KD-0031',
      bankTxCode: 'PMNT/RDDT/UPDD',
    });
    expect(transfer).toMatchObject({
      amountMinor: -2000,
      counterpartyName: 'Verpackungen Nord e.K.',
      remittance: 'Rechnung 2026-0815 Kartonagen, Kd-Nr. 55 1 Palette',
      endToEndId: null,
      bankTxCode: 'GVC:116',
    });
  });

  it('camt.053.001.04 (Commerzbank style) in ISO-8859-1 with two accounts: cash deposit names only the holder, USD account, non-IBAN creditor account', async () => {
    const { core } = makeTestDb();
    const r = await importRealistic(core, 'camt053-v04-two-accounts-latin1.xml');
    expect(r).toMatchObject({
      version: 'camt.053.001.04',
      encoding: 'windows-1252',
      statements: 2,
      entries: 2,
      balanceCheck: 'ok',
    });
    expect(r.accounts.map((a) => a.iban)).toEqual(['DE89370400440532013000', 'DE45120300001234567890']);
    const [deposit, usd] = storedPostings(core);
    // The only party of a cash deposit is the account holder (Cdtr = own account): no counterparty.
    expect(deposit).toMatchObject({
      accountIban: 'DE89370400440532013000',
      amountMinor: 50000,
      counterpartyName: null,
      counterpartyIban: null,
      remittance: 'Bareinzahlung Filiale Köln',
      bankTxCode: 'PMNT/CNTR/CDPT',
    });
    expect(usd).toMatchObject({
      accountIban: 'DE45120300001234567890',
      amountMinor: -11950,
      currency: 'USD',
      counterpartyName: 'Bean Importers Inc.',
      counterpartyIban: null,
      counterpartyBic: 'BOFAUS3NXXX',
      endToEndId: 'PO-US-2026-11',
      remittance: 'PO 2026-11 green coffee, Säcke 12',
    });
  });

  describe('a SEPA direct debit batch (Sammler) as camt.053 total and camt.054 details', () => {
    const total = 'camt053-v02-batch-unresolved.xml';
    const details = 'camt054-v08-batch-details.xml';
    const parts = [
      [5950, 'Hans Beispiel', 'ABO-2026-11-0007', 'KD-0007'],
      [3000, 'Petra Probe', 'ABO-2026-11-0012', 'KD-0012'],
    ];
    const view = (core: Parameters<typeof storedPostings>[0]) =>
      storedPostings(core).map((p) => [p.amountMinor, p.counterpartyName, p.endToEndId, p.mandateId]);

    it('details after the total: the total posting is replaced by the transactions (money counted once)', async () => {
      const { core } = makeTestDb();
      expect(await importRealistic(core, total)).toMatchObject({ new: 1, balanceCheck: 'ok' });
      expect(view(core)).toEqual([[8950, null, null, null]]);
      expect(await importRealistic(core, details)).toMatchObject({
        format: 'camt.054',
        new: 1,
        replaced: 1,
        duplicate: 0,
      });
      expect(view(core)).toEqual(parts);
      expect(await importRealistic(core, total)).toMatchObject({ new: 0, duplicate: 1 });
      expect(await importRealistic(core, details)).toMatchObject({ new: 0, replaced: 0, duplicate: 2 });
      expect(view(core)).toEqual(parts);
    });

    it('details with their own TxDtls AcctSvcrRef still replace the total (matched by the entry reference)', async () => {
      const { core } = makeTestDb();
      await importRealistic(core, total);
      let n = 0;
      const xml = readFileSync(join(REALISTIC, details), 'utf8').replace(
        /<Refs><EndToEndId>/g,
        () => `<Refs><AcctSvcrRef>TX-${++n}</AcctSvcrRef><EndToEndId>`,
      );
      const [r] = await core.bank.importBytes('details-own-refs.xml', new TextEncoder().encode(xml));
      expect(r).toMatchObject({ ok: true, new: 1, replaced: 1 });
      expect(storedPostings(core).map((p) => [p.amountMinor, p.bankReference])).toEqual([
        [5950, 'TX-1'],
        [3000, 'TX-2'],
      ]);
    });

    it('total after the details: a duplicate of the stored transactions', async () => {
      const { core } = makeTestDb();
      await importRealistic(core, details);
      expect(await importRealistic(core, total)).toMatchObject({ new: 0, duplicate: 1, balanceCheck: 'ok' });
      expect(view(core)).toEqual(parts);
    });

    it('an already assigned total is kept and absorbs the details', async () => {
      const { core, db } = makeTestDb();
      await importRealistic(core, total);
      db.$client.prepare(`UPDATE postings SET assigned_minor = 8950, match_state = 'assigned'`).run();
      expect(await importRealistic(core, details)).toMatchObject({ new: 0, replaced: 0, duplicate: 2 });
      expect(view(core)).toEqual([[8950, null, null, null]]);
    });

    it('a total marked "not an order payment" is kept and absorbs the details (the decision is not passed to one part)', async () => {
      const { core, db } = makeTestDb();
      await importRealistic(core, total);
      const states = () =>
        db.$client.prepare('SELECT amount_minor AS a, match_state AS s FROM postings').all() as {
          a: number;
          s: string;
        }[];
      const id = (db.$client.prepare('SELECT id FROM postings').get() as { id: number }).id;
      core.matching.ignore({ postingId: id });
      expect(await importRealistic(core, details)).toMatchObject({ new: 0, replaced: 0, duplicate: 2 });
      expect(states()).toEqual([{ a: 8950, s: 'ignored' }]);
    });
  });

  it('camt.052.001.08 intraday pending entry (no BookgDt, no AcctSvcrRef) is replaced by the booked camt.053 entry', async () => {
    const { core } = makeTestDb();
    const intraday = await importRealistic(core, 'camt052-v08-intraday-pending.xml');
    expect(intraday).toMatchObject({ format: 'camt.052', new: 1 });
    expect(storedPostings(core)).toMatchObject([
      { bookingStatus: 'pending', bookingDate: null, valueDate: '2026-11-06', amountMinor: 2490 },
    ]);
    const booked = await importRealistic(core, 'camt053-v08-booked-after-intraday.xml');
    expect(booked).toMatchObject({ new: 0, replaced: 1, duplicate: 0, balanceCheck: 'ok' });
    expect(storedPostings(core)).toEqual([
      expect.objectContaining({
        bookingStatus: 'booked',
        bookingDate: '2026-11-07',
        valueDate: '2026-11-06',
        amountMinor: 2490,
        endToEndId: 'SHOP-100499',
        bankReference: '2026110707441000311',
        remittance: 'Bestellung 100499',
        counterpartyName: 'Klaus Kunde',
      }),
    ]);
  });
});
