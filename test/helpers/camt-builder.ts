/** Builds small CAMT documents for focused tests (one quirk per test). */
export type TestNtry = {
  amount: string;
  cdi?: 'CRDT' | 'DBIT';
  status?: string | null;
  statusV8?: boolean;
  bookingDate?: string | null;
  valueDate?: string | null;
  ref?: string;
  e2e?: string;
  iban?: string;
  name?: string;
  remittance?: string;
  reversal?: boolean;
  txs?: { amount?: string; ccy?: string; e2e?: string; iban?: string; name?: string }[];
  ccy?: string;
};

export type TestStmt = {
  iban?: string;
  seq?: string;
  opening?: string;
  closing?: string;
  entries: TestNtry[];
  id?: string;
};

function ntry(n: TestNtry): string {
  const cdi = n.cdi ?? 'CRDT';
  const ccy = n.ccy ?? 'EUR';
  const role = cdi === 'CRDT' ? 'Dbtr' : 'Cdtr';
  const sts =
    n.status === null
      ? ''
      : n.statusV8
        ? `<Sts><Cd>${n.status ?? 'BOOK'}</Cd></Sts>`
        : `<Sts>${n.status ?? 'BOOK'}</Sts>`;
  const booking =
    n.bookingDate === null ? '' : `<BookgDt><Dt>${n.bookingDate ?? '2026-11-02'}</Dt></BookgDt>`;
  const value =
    n.valueDate === null ? '' : `<ValDt><Dt>${n.valueDate ?? n.bookingDate ?? '2026-11-02'}</Dt></ValDt>`;
  const txs = n.txs ?? [{ e2e: n.e2e, iban: n.iban, name: n.name }];
  const details = txs
    .map((t) => {
      const amt = t.amount ? `<Amt Ccy="${t.ccy ?? ccy}">${t.amount}</Amt><CdtDbtInd>${cdi}</CdtDbtInd>` : '';
      const refs = t.e2e ? `<Refs><EndToEndId>${t.e2e}</EndToEndId></Refs>` : '';
      const party =
        t.name || t.iban
          ? `<RltdPties>${t.name ? `<${role}><Nm>${t.name}</Nm></${role}>` : ''}${t.iban ? `<${role}Acct><Id><IBAN>${t.iban}</IBAN></Id></${role}Acct>` : ''}</RltdPties>`
          : '';
      const rmt = n.remittance ? `<RmtInf><Ustrd>${n.remittance}</Ustrd></RmtInf>` : '';
      return `<TxDtls>${refs}${amt}${party}${rmt}</TxDtls>`;
    })
    .join('');
  return `<Ntry><Amt Ccy="${ccy}">${n.amount}</Amt><CdtDbtInd>${cdi}</CdtDbtInd>${n.reversal ? '<RvslInd>true</RvslInd>' : ''}${sts}${booking}${value}${n.ref ? `<AcctSvcrRef>${n.ref}</AcctSvcrRef>` : ''}<NtryDtls>${details}</NtryDtls></Ntry>`;
}

export function camtXml(kind: '052' | '053' | '054', stmts: TestStmt[], version = '08'): string {
  const msg = {
    '052': ['BkToCstmrAcctRpt', 'Rpt'],
    '053': ['BkToCstmrStmt', 'Stmt'],
    '054': ['BkToCstmrDbtCdtNtfctn', 'Ntfctn'],
  }[kind];
  const [root, container] = msg as [string, string];
  const body = stmts
    .map((s, i) => {
      const bal = (code: string, v?: string) =>
        v === undefined
          ? ''
          : `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${v.replace('-', '')}</Amt><CdtDbtInd>${v.startsWith('-') ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>2026-11-02</Dt></Dt></Bal>`;
      return `<${container}><Id>${s.id ?? `S${i + 1}`}</Id>${s.seq ? `<ElctrncSeqNb>${s.seq}</ElctrncSeqNb>` : ''}<CreDtTm>2026-11-02T18:00:00+01:00</CreDtTm><Acct><Id><IBAN>${s.iban ?? 'DE89370400440532013000'}</IBAN></Id><Ccy>EUR</Ccy></Acct>${bal('OPBD', s.opening)}${bal('CLBD', s.closing)}${s.entries.map(ntry).join('')}</${container}>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.${kind}.001.${version}"><${root}><GrpHdr><MsgId>T</MsgId><CreDtTm>2026-11-02T18:00:00+01:00</CreDtTm></GrpHdr>${body}</${root}></Document>\n`;
}
