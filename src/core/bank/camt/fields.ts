/**
 * Which CAMT leaf elements we read, by path relative to their scope (statement, entry, transaction details).
 * Paths cover camt.052/053/054 versions 001.01–001.13: parties moved from `Dbtr/Nm` (≤ v07) to
 * `Dbtr/Pty/Nm` (v08+, Party40Choice), BIC from `BIC` (v02) to `BICFI` (v04+), status from `Sts` text
 * (≤ v07) to `Sts/Cd` (v08+). Both spellings are accepted in every version ("mixed version structures").
 * Element names: ISO 20022 message definitions, e.g. BkToCstmrStmt/Stmt/Ntry/NtryDtls/TxDtls/RltdPties.
 */

export type Amount = { text: string; ccy: string | undefined };

export type TxAcc = {
  index: number;
  amt?: Amount;
  txAmt?: Amount;
  cdi?: string;
  acctSvcrRef?: string;
  endToEndId?: string;
  mandateId?: string;
  txId?: string;
  domain?: string;
  family?: string;
  subFamily?: string;
  prtry?: string;
  prtryIssuer?: string;
  dbtr: PartyAcc;
  cdtr: PartyAcc;
  ustrd: string[];
  /** The last Ustrd line was a full 35-character line cut inside a word. */
  ustrdCut?: boolean;
  strdRef?: string;
  /** Further CdtrRefInf/Ref of a payment that settles several invoices (one Strd per invoice). */
  moreRefs: string[];
  /** Strd/RfrdDocInf/Nb: the invoice (or credit note) numbers the payer names. */
  docNumbers: string[];
  addtlRmt: string[];
  addtlTxInf?: string;
  /** RtrInf/Rsn (Cd or Prtry): the transaction is the return of an earlier one (a returned direct debit). */
  returnReason?: string;
  /** RtrInf/AddtlInf: the bank's words for the return reason ("Konto erloschen"). */
  returnInfo: string[];
};

export type PartyAcc = { name?: string; iban?: string; otherId?: string; bic?: string; ultimate?: string };

export type NtryAcc = {
  index: number;
  path: string;
  amt?: Amount;
  cdi?: string;
  reversal?: string;
  status?: string;
  bookingDate?: string;
  valueDate?: string;
  acctSvcrRef?: string;
  ntryRef?: string;
  domain?: string;
  family?: string;
  subFamily?: string;
  prtry?: string;
  prtryIssuer?: string;
  addtlNtryInf?: string;
  batchCount?: string;
  txs: TxAcc[];
};

export type BalanceAcc = { code?: string; amt?: Amount; cdi?: string; date?: string };

export type StmtAcc = {
  index: number;
  path: string;
  id?: string;
  electronicSeq?: string;
  legalSeq?: string;
  createdAt?: string;
  from?: string;
  to?: string;
  iban?: string;
  otherId?: string;
  currency?: string;
  name?: string;
  holder?: string;
  bic?: string;
  balances: BalanceAcc[];
  announced: boolean;
};

/** `raw` is the element's text before trimming (only the Ustrd setter looks at it). */
type Setter<T> = (acc: T, text: string, ccy: string | undefined, raw?: string) => void;

/**
 * Unstructured remittance lines (RmtInf/Ustrd, repeatable): some banks cut the 140-character text into lines of
 * 35 (the SWIFT line length; Nordea's camt.053 sample: "Free text max 140 characters and ma" + "x 35 characters
 * in one line"). A line of exactly 35 characters with no blank at the cut, ending in a letter, followed by a line
 * starting with a letter, was cut inside a word: the next line is glued on. Any other line ends a word (a blank
 * follows when joined).
 */
const USTRD_LINE = 35;
function addUstrd(tx: TxAcc, text: string, raw: string | undefined): void {
  const last = tx.ustrd.length - 1;
  // Only letters are glued ("ma" + "x"): a digit at the cut may end a number ("Bestellung 10023" + "Kunde …"),
  // and a number cut in two ("1002" + "3") is joined by the matcher from two adjacent tokens anyway.
  const glue =
    tx.ustrdCut &&
    raw !== undefined &&
    raw.length > 0 &&
    !/^\s/.test(raw) &&
    /\p{L}$/u.test(tx.ustrd[last] ?? '') &&
    /^\p{L}/u.test(text);
  if (glue && last >= 0) tx.ustrd[last] += text;
  else tx.ustrd.push(text);
  tx.ustrdCut = raw !== undefined && raw.length === USTRD_LINE && raw === text;
}

export const newParty = (): PartyAcc => ({});

export const newTx = (index: number): TxAcc => ({
  index,
  dbtr: newParty(),
  cdtr: newParty(),
  ustrd: [],
  moreRefs: [],
  docNumbers: [],
  addtlRmt: [],
  returnInfo: [],
});

function partySetters(role: 'Dbtr' | 'Cdtr', pick: (tx: TxAcc) => PartyAcc): Record<string, Setter<TxAcc>> {
  const name: Setter<TxAcc> = (tx, t) => {
    const p = pick(tx);
    p.name ??= t;
  };
  const ultimate: Setter<TxAcc> = (tx, t) => {
    pick(tx).ultimate ??= t;
  };
  const bic: Setter<TxAcc> = (tx, t) => {
    pick(tx).bic ??= t;
  };
  return {
    [`RltdPties/${role}/Nm`]: name,
    [`RltdPties/${role}/Pty/Nm`]: name,
    [`RltdPties/${role}/Agt/FinInstnId/Nm`]: name,
    [`RltdPties/${role}Acct/Id/IBAN`]: (tx, t) => {
      pick(tx).iban = t;
    },
    [`RltdPties/${role}Acct/Id/Othr/Id`]: (tx, t) => {
      pick(tx).otherId = t;
    },
    [`RltdPties/Ultmt${role}/Nm`]: ultimate,
    [`RltdPties/Ultmt${role}/Pty/Nm`]: ultimate,
    [`RltdAgts/${role}Agt/FinInstnId/BIC`]: bic,
    [`RltdAgts/${role}Agt/FinInstnId/BICFI`]: bic,
    [`RltdPties/${role}/Agt/FinInstnId/BICFI`]: bic,
    [`RltdPties/${role}/Agt/FinInstnId/BIC`]: bic,
  };
}

function btcSetters<
  T extends { domain?: string; family?: string; subFamily?: string; prtry?: string; prtryIssuer?: string },
>(): Record<string, Setter<T>> {
  return {
    'BkTxCd/Domn/Cd': (a, t) => (a.domain = t),
    'BkTxCd/Domn/Fmly/Cd': (a, t) => (a.family = t),
    'BkTxCd/Domn/Fmly/SubFmlyCd': (a, t) => (a.subFamily = t),
    'BkTxCd/Prtry/Cd': (a, t) => (a.prtry = t),
    'BkTxCd/Prtry/Issr': (a, t) => (a.prtryIssuer = t),
  };
}

export const TX_FIELDS: ReadonlyMap<string, Setter<TxAcc>> = new Map(
  Object.entries<Setter<TxAcc>>({
    'Refs/AcctSvcrRef': (tx, t) => (tx.acctSvcrRef = t),
    'Refs/EndToEndId': (tx, t) => (tx.endToEndId = t),
    'Refs/MndtId': (tx, t) => (tx.mandateId = t),
    'Refs/TxId': (tx, t) => (tx.txId = t),
    Amt: (tx, t, ccy) => (tx.amt = { text: t, ccy }),
    CdtDbtInd: (tx, t) => (tx.cdi = t),
    'AmtDtls/TxAmt/Amt': (tx, t, ccy) => (tx.txAmt = { text: t, ccy }),
    ...btcSetters<TxAcc>(),
    ...partySetters('Dbtr', (tx) => tx.dbtr),
    ...partySetters('Cdtr', (tx) => tx.cdtr),
    'RmtInf/Ustrd': (tx, t, _ccy, raw) => addUstrd(tx, t, raw),
    // RmtInf/Strd is repeatable (RemittanceInformation5+, one per referred document): the first creditor
    // reference is THE reference, the others and every RfrdDocInf/Nb stay visible in the remittance text.
    'RmtInf/Strd/CdtrRefInf/Ref': (tx, t) => {
      if (tx.strdRef === undefined) tx.strdRef = t;
      else if (t !== tx.strdRef && !tx.moreRefs.includes(t)) tx.moreRefs.push(t);
    },
    'RmtInf/Strd/RfrdDocInf/Nb': (tx, t) => void tx.docNumbers.push(t),
    // PostFinance writes the status of its ISR/QR reference processing here ("?REJECT?0", "?ERROR?000": no
    // reject, no error): not the payer's text, and it would crowd out the entry's description.
    'RmtInf/Strd/AddtlRmtInf': (tx, t) => {
      if (!/^\?(?:REJECT|ERROR)\?\d+$/.test(t.trim())) tx.addtlRmt.push(t);
    },
    AddtlTxInf: (tx, t) => (tx.addtlTxInf = t),
    'RtrInf/Rsn/Cd': (tx, t) => (tx.returnReason = t),
    'RtrInf/Rsn/Prtry': (tx, t) => (tx.returnReason ??= t),
    'RtrInf/AddtlInf': (tx, t) => void tx.returnInfo.push(t),
  }),
);

export const NTRY_FIELDS: ReadonlyMap<string, Setter<NtryAcc>> = new Map(
  Object.entries<Setter<NtryAcc>>({
    Amt: (n, t, ccy) => (n.amt = { text: t, ccy }),
    CdtDbtInd: (n, t) => (n.cdi = t),
    RvslInd: (n, t) => (n.reversal = t),
    Sts: (n, t) => (n.status = t || n.status),
    'Sts/Cd': (n, t) => (n.status = t),
    'Sts/Prtry': (n, t) => (n.status ??= t),
    'BookgDt/Dt': (n, t) => (n.bookingDate = t),
    'BookgDt/DtTm': (n, t) => (n.bookingDate = t),
    'ValDt/Dt': (n, t) => (n.valueDate = t),
    'ValDt/DtTm': (n, t) => (n.valueDate = t),
    AcctSvcrRef: (n, t) => (n.acctSvcrRef = t),
    NtryRef: (n, t) => (n.ntryRef = t),
    ...btcSetters<NtryAcc>(),
    AddtlNtryInf: (n, t) => (n.addtlNtryInf = t),
    'NtryDtls/Btch/NbOfTxs': (n, t) => (n.batchCount = t),
  }),
);

export const STMT_FIELDS: ReadonlyMap<string, Setter<StmtAcc>> = new Map(
  Object.entries<Setter<StmtAcc>>({
    Id: (s, t) => (s.id = t),
    ElctrncSeqNb: (s, t) => (s.electronicSeq = t),
    LglSeqNb: (s, t) => (s.legalSeq = t),
    CreDtTm: (s, t) => (s.createdAt = t),
    'FrToDt/FrDtTm': (s, t) => (s.from = t),
    'FrToDt/ToDtTm': (s, t) => (s.to = t),
    'Acct/Id/IBAN': (s, t) => (s.iban = t),
    'Acct/Id/Othr/Id': (s, t) => (s.otherId = t),
    // camt.05x.001.01: AccountIdentification3Choice (PrtryAcct, BBAN, UPIC) instead of Othr.
    'Acct/Id/PrtryAcct/Id': (s, t) => (s.otherId = t),
    'Acct/Id/BBAN': (s, t) => (s.otherId = t),
    'Acct/Id/UPIC': (s, t) => (s.otherId = t),
    // Upper case like the amounts' Ccy attribute (CamtReader): `eur` names the same currency as `EUR`.
    'Acct/Ccy': (s, t) => (s.currency = t.trim().toUpperCase()),
    'Acct/Nm': (s, t) => (s.name = t),
    'Acct/Ownr/Nm': (s, t) => (s.holder = t),
    'Acct/Svcr/FinInstnId/BIC': (s, t) => (s.bic = t),
    'Acct/Svcr/FinInstnId/BICFI': (s, t) => (s.bic = t),
  }),
);

export const BAL_FIELDS: ReadonlyMap<string, Setter<BalanceAcc>> = new Map(
  Object.entries<Setter<BalanceAcc>>({
    'Tp/CdOrPrtry/Cd': (b, t) => (b.code = t),
    'Tp/CdOrPrtry/Prtry': (b, t) => (b.code ??= t),
    Amt: (b, t, ccy) => (b.amt = { text: t, ccy }),
    CdtDbtInd: (b, t) => (b.cdi = t),
    'Dt/Dt': (b, t) => (b.date = t),
    'Dt/DtTm': (b, t) => (b.date = t),
  }),
);

/**
 * The text of a return (TxDtls/RtrInf) for an entry whose payer wrote nothing: the German banks' booking word
 * for it, the reason code and the bank's words ("Rücklastschrift AC04 Konto erloschen"), so that the return is
 * seen as one from its text as in MT940 and CSV statements. A debit takes back money that came in (a returned
 * direct debit: "Rücklastschrift"; a returned incoming transfer: "Rückbelastung"); a credit brings back money
 * that went out ("Rücküberweisung"; a direct debit of the dealer's returned: "Rücklastschrift").
 */
export function returnText(tx: TxAcc, entryFamily: string | undefined, debit: boolean): string | undefined {
  if (tx.returnReason === undefined && tx.returnInfo.length === 0) return undefined;
  const family = (tx.family ?? entryFamily ?? '').toUpperCase();
  const word = family.endsWith('DDT')
    ? 'Rücklastschrift'
    : debit
      ? family.endsWith('CDT')
        ? 'Rückbelastung'
        : 'Rücklastschrift'
      : 'Rücküberweisung';
  return [word, tx.returnReason, ...tx.returnInfo].filter((p): p is string => Boolean(p?.trim())).join(' ');
}
