/**
 * The whole daily job on embedded defaults, for `kassenwart demo`: a WooCommerce shop (our loopback simulator
 * of the REST API v3) with orders from before and after the connection, a first sync, a CAMT.053 bank statement
 * with typical German payments (exact number, our reference, a typo, a payer without number, a partial
 * payment, noise), its import, and the matcher run that follows every import. Everything goes through the real
 * services; nothing is written to the database behind their back.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../index.ts';
import { formatMinorAsDecimal } from '../money.ts';
import { WooCommerceSimulator } from '../shops/woocommerce/simulator.ts';

export const DEMO_IBAN = 'DE02120300000000202051';

type DemoPayment = { amountMinor: number; name: string; iban: string; text: string; endToEndId?: string };

export type DemoRun = { shopName: string; statementFile: string; stop: () => Promise<void> };

export async function runDemoPipeline(core: Core, dir: string): Promise<DemoRun> {
  const now = core.deps.clock.now().getTime();
  const day = 86_400_000;
  const sim = await new WooCommerceSimulator({ startTime: new Date(now - 10 * day).toISOString() }).start();
  try {
    // Open before the connection: imported as "not managed" (matched, but no customer messages).
    sim.addOrder({
      status: 'on-hold',
      total: '150.00',
      billing: { first_name: 'Klaus', last_name: 'Becker' },
    });
    sim.addOrder({ status: 'completed', total: '12.00' });
    const shopName = 'Demo-Shop (WooCommerce)';
    const shop = await core.shops.add({
      system: 'woocommerce',
      name: shopName,
      url: sim.url,
      credentials: { key: sim.consumerKey, secret: sim.consumerSecret },
    });
    // Orders from the connection on are managed.
    sim.setTime(new Date(now + 1000).toISOString());
    const customers = [
      ['Jürgen', 'Müller', '49.90'],
      ['Anna', 'Schmidt', '129.00'],
      ['Petra', 'Weiß', '89.00'],
      ['Luca', 'Rossi', '19.99'],
      ['Fatma', 'Yılmaz', '56.00'],
      ['Sören', 'Ødegaard', '74.50'],
      ['Marie', 'Dupont', '32.00'],
      ['Eva', 'Braun-Schulz', '9.90'],
    ] as const;
    const created = customers.map(([first, last, total]) =>
      sim.addOrder({ status: 'on-hold', total, billing: { first_name: first, last_name: last } }),
    );
    await core.shops.sync.run(shopName, 'new');

    const orders = core.shops.listOrders({ shopId: shop.id, limit: 1000 }).filter((o) => o.managed);
    const byNumber = new Map(orders.map((o) => [o.number, o]));
    const order = (i: number) => {
      const found = byNumber.get(created[i]!.number);
      if (!found) throw new Error(`demo order ${created[i]!.number} was not synced`);
      return found;
    };
    const reference = core.matching.ensurePaymentReference(order(1).id);
    const mistyped = order(2).number.replace(/(\d)(\d)$/, '$2$1');
    const payments: DemoPayment[] = [
      {
        amountMinor: order(0).totalMinor,
        name: 'Juergen Mueller',
        iban: 'DE89370400440532013000',
        text: `Bestellung ${order(0).number}`,
      },
      {
        amountMinor: order(1).totalMinor,
        name: 'Anna Schmidt',
        iban: 'DE75512108001245126199',
        text: `${reference} Danke`,
        endToEndId: 'NOTPROVIDED',
      },
      {
        amountMinor: order(2).totalMinor,
        name: 'Petra Weiss',
        iban: 'DE12500105170648489890',
        text: `Bestellnr ${mistyped}`,
      },
      {
        amountMinor: order(3).totalMinor,
        name: 'Luca Rossi',
        iban: 'IT60X0542811101000000123456',
        text: 'Einkauf Onlineshop',
      },
      {
        amountMinor: 3000,
        name: 'Fatma Yilmaz',
        iban: 'DE02100500000054540402',
        text: `Anzahlung ${order(4).number}`,
      },
      {
        amountMinor: 250000,
        name: 'Steuerberatung Kanzlei',
        iban: 'DE44500105175407324931',
        text: 'Erstattung Auslagen 2026',
      },
    ];
    const statementFile = join(dir, 'kontoauszug-demo.camt053.xml');
    writeFileSync(statementFile, camt053(payments, new Date(now).toISOString().slice(0, 10)));
    await core.bank.importFiles([statementFile]);
    return { shopName, statementFile, stop: () => sim.close() };
  } catch (error) {
    await sim.close();
    throw error;
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal, valid camt.053.001.08 statement (ISO 20022) with the given credits and one debit. */
function camt053(payments: DemoPayment[], date: string): string {
  const entry = (p: DemoPayment, i: number) => `
      <Ntry>
        <Amt Ccy="EUR">${formatMinorAsDecimal(p.amountMinor, 'EUR')}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${date}</Dt></BookgDt>
        <ValDt><Dt>${date}</Dt></ValDt>
        <AcctSvcrRef>DEMO-${i + 1}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>${esc(p.endToEndId ?? `E2E-DEMO-${i + 1}`)}</EndToEndId></Refs>
          <RltdPties><Dbtr><Pty><Nm>${esc(p.name)}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>${p.iban}</IBAN></Id></DbtrAcct></RltdPties>
          <RmtInf><Ustrd>${esc(p.text)}</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>DEMO-${date}</MsgId><CreDtTm>${date}T18:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>DEMO-${date}</Id>
      <CreDtTm>${date}T18:00:00</CreDtTm>
      <Acct><Id><IBAN>${DEMO_IBAN}</IBAN></Id><Ccy>EUR</Ccy><Ownr><Nm>Demo GmbH</Nm></Ownr></Acct>${payments.map(entry).join('')}
      <Ntry>
        <Amt Ccy="EUR">1850.00</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${date}</Dt></BookgDt>
        <ValDt><Dt>${date}</Dt></ValDt>
        <AcctSvcrRef>DEMO-DEBIT</AcctSvcrRef>
        <NtryDtls><TxDtls><RltdPties><Cdtr><Pty><Nm>Lagerhalle Nord GmbH</Nm></Pty></Cdtr></RltdPties><RmtInf><Ustrd>Miete November</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}
