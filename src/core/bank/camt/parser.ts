/**
 * Streaming CAMT.052/053/054 reader on saxes (SAX, no document tree): memory stays bounded by one entry
 * (Ntry with its TxDtls) no matter how large the file is. Feed text chunks with `write`, collect the events
 * produced so far with `drain`, finish with `close`.
 *
 * Structure (ISO 20022 camt.052/053/054, all versions 001.01–001.13):
 *   Document / BkToCstmrAcctRpt | BkToCstmrStmt | BkToCstmrDbtCdtNtfctn (v01 names carry a "V01" suffix)
 *     / Rpt | Stmt | Ntfctn (one or many)   / Acct, Bal*, Ntry*   / Ntry / NtryDtls* / TxDtls*
 * Namespace prefixes are ignored (local names only) so prefixed documents and DK variants read the same.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { importError } from '../import-error.ts';
import type { ImportProblem, ParseEvent, StatementFormat, StatementInfo } from '../types.ts';
import { buildEntries, buildStatement } from './build.ts';
import {
  BAL_FIELDS,
  type BalanceAcc,
  NTRY_FIELDS,
  type NtryAcc,
  newTx,
  STMT_FIELDS,
  type StmtAcc,
  TX_FIELDS,
  type TxAcc,
} from './fields.ts';

const MESSAGES: Record<string, StatementFormat> = {
  BkToCstmrAcctRpt: 'camt.052',
  BkToCstmrStmt: 'camt.053',
  BkToCstmrDbtCdtNtfctn: 'camt.054',
};
const CONTAINERS = new Set(['Rpt', 'Stmt', 'Ntfctn']);
const isMessageName = (name: string): boolean => MESSAGES[name.replace(/V\d{2}$/, '')] !== undefined;

type Scope = 'outside' | 'message' | 'stmt' | 'bal' | 'ntry' | 'tx';

const localName = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

export class CamtReader {
  // position tracking off: it costs ~20 % of the parse; errors name the element path instead of a line.
  private readonly sax = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  // Parallel stacks (scope, relative path) of the open elements; cheaper than one object per element.
  private readonly scopes: Scope[] = [];
  private readonly rels: string[] = [];
  private scope: Scope = 'outside';
  private rel = '';
  private depth = 0;
  /** Depth of the message element (BkToCstmrStmt …); its Stmt/Rpt/Ntfctn children are one level deeper. */
  private messageDepth = 0;
  /** Depth of the ISO 20022 Document element, when there is one. */
  private documentDepth = 0;
  private text = '';
  private ccy: string | undefined;
  private events: ParseEvent[] = [];
  private format: StatementFormat | undefined;
  private version: string | undefined;
  private messageName = '';
  private stmt: StmtAcc | undefined;
  private bal: BalanceAcc | undefined;
  private ntry: NtryAcc | undefined;
  private tx: TxAcc | undefined;
  private statementCount = 0;
  private ntryCount = 0;
  private txCount = 0;
  private statementInfo: StatementInfo | undefined;

  constructor(private readonly file: string) {
    this.sax.on('opentag', (tag) => this.open(tag));
    this.sax.on('closetag', () => this.closeTag());
    this.sax.on('text', (t) => {
      this.text += t;
    });
    this.sax.on('cdata', (t) => {
      this.text += t;
    });
    this.sax.on('error', (err) => {
      throw importError(
        'CAMT_XML_MALFORMED',
        `The XML is not well-formed (${err.message.replace(/^.*?:\d+:\d+: /, '')}). The file is damaged or truncated; download it again.`,
        {
          file: this.file,
          path: this.where(),
        },
      );
    });
  }

  write(chunk: string): void {
    this.sax.write(chunk);
  }

  drain(): ParseEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  end(): void {
    this.sax.close();
    if (!this.format) {
      throw importError(
        'CAMT_UNKNOWN_MESSAGE',
        'No CAMT message (BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn) found. Is this a bank statement file?',
        { file: this.file },
      );
    }
    if (this.statementCount === 0) {
      throw importError(
        'CAMT_NO_STATEMENT',
        `The ${this.messageName} message contains no statement (Stmt/Rpt/Ntfctn). The file is incomplete; export it again.`,
        { file: this.file, path: `/Document/${this.messageName}` },
      );
    }
  }

  private where(): string {
    const parts = ['', 'Document'];
    if (this.messageName) parts.push(this.messageName);
    if (this.stmt) parts.push(this.stmt.path.split('/').pop() ?? '');
    if (this.ntry) parts.push(`Ntry[${this.ntry.index}]`);
    if (this.tx) parts.push(`NtryDtls/TxDtls[${this.tx.index}]`);
    if (this.rel) parts.push(this.rel);
    return parts.join('/');
  }

  private open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    this.text = '';
    // "eur" is seen in hand-made and converted files; ISO 4217 codes are upper case. Read once, here.
    this.ccy = tag.attributes['Ccy']?.trim().toUpperCase();
    this.scopes.push(this.scope);
    this.rels.push(this.rel);
    this.depth++;
    if (this.scope === 'outside') {
      this.openOutside(name, tag);
      return;
    }
    if (this.scope === 'message' && this.depth === this.messageDepth + 1 && CONTAINERS.has(name)) {
      this.statementCount++;
      this.ntryCount = 0;
      this.stmt = {
        index: this.statementCount,
        path: `/Document/${this.messageName}/${name}[${this.statementCount}]`,
        balances: [],
        announced: false,
      };
      this.statementInfo = undefined;
      this.enter('stmt');
      return;
    }
    if (this.scope === 'stmt' && this.rel === '') {
      if (name === 'Bal') {
        this.bal = {};
        this.enter('bal');
        return;
      }
      if (name === 'Ntry') {
        this.announce();
        this.ntryCount++;
        this.txCount = 0;
        this.ntry = {
          index: this.ntryCount,
          path: `${this.stmt?.path ?? ''}/Ntry[${this.ntryCount}]`,
          txs: [],
        };
        this.enter('ntry');
        return;
      }
    }
    if (this.scope === 'ntry' && this.rel === 'NtryDtls' && name === 'TxDtls') {
      this.txCount++;
      this.tx = newTx(this.txCount);
      this.enter('tx');
      return;
    }
    this.rel = this.childRel(name);
  }

  /** Relative paths are interned (one flat string per distinct path), so the field-table lookups hash once. */
  private readonly relCache = new Map<string, Map<string, string>>();

  private childRel(name: string): string {
    let kids = this.relCache.get(this.rel);
    if (!kids) {
      kids = new Map();
      this.relCache.set(this.rel, kids);
    }
    let next = kids.get(name);
    if (next === undefined) {
      next = this.rel === '' ? name : `${this.rel}/${name}`;
      kids.set(name, next);
    }
    return next;
  }

  /**
   * Outside the message: the Document, or a message without the Document wrapper. Business messages sent over
   * SWIFTNet/EBICS gateways wrap the Document with its business application header (head.001 AppHdr) in an
   * envelope element (e.g. <BizMsgEnvlp><AppHdr/><Document/></BizMsgEnvlp>); such wrappers are skipped.
   */
  private openOutside(name: string, tag: SaxesTagPlain): void {
    if (name === 'Document' && this.documentDepth === 0) {
      this.documentDepth = this.depth;
      this.readNamespace(tag);
      return;
    }
    if (this.documentDepth > 0 ? this.depth === this.documentDepth + 1 : isMessageName(name))
      this.openMessage(name, tag);
  }

  private readNamespace(tag: SaxesTagPlain): void {
    for (const [key, value] of Object.entries(tag.attributes)) {
      if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
      const m = /camt\.(05[234])\.001\.(\d{2})/.exec(value);
      if (m) this.version = `camt.${m[1]}.001.${m[2]}`;
    }
  }

  private openMessage(name: string, tag: SaxesTagPlain): void {
    const base = name.replace(/V\d{2}$/, '');
    const format = MESSAGES[base];
    if (!format) {
      throw importError(
        'CAMT_UNKNOWN_MESSAGE',
        `<${name}> is not a CAMT.052/053/054 message. Only bank-to-customer reports, statements and notifications can be imported.`,
        { file: this.file, path: `/Document/${name}` },
      );
    }
    this.messageDepth = this.depth;
    if (!this.version) this.readNamespace(tag);
    const suffix = /V(\d{2})$/.exec(name);
    if (!this.version && suffix) this.version = `${format}.001.${suffix[1]}`;
    this.format = format;
    this.messageName = name;
    this.scope = 'message';
    this.rel = '';
  }

  private enter(scope: Scope): void {
    this.scope = scope;
    this.rel = '';
  }

  private closeTag(): void {
    const parentScope = this.scopes.pop();
    const parentRel = this.rels.pop();
    if (parentScope !== undefined && parentScope !== this.scope) {
      this.finishScope();
    } else if (this.rel !== '') {
      this.setLeaf(this.text.trim(), this.text);
    }
    this.text = '';
    if (parentScope !== undefined) {
      this.scope = parentScope;
      this.rel = parentRel ?? '';
    }
    this.depth--;
    if (this.depth < this.documentDepth) this.documentDepth = 0;
  }

  private setLeaf(text: string, raw: string): void {
    const key = this.rel;
    switch (this.scope) {
      case 'tx':
        if (this.tx) TX_FIELDS.get(key)?.(this.tx, text, this.ccy, raw);
        break;
      case 'ntry':
        if (this.ntry) NTRY_FIELDS.get(key)?.(this.ntry, text, this.ccy);
        break;
      case 'bal':
        if (this.bal) BAL_FIELDS.get(key)?.(this.bal, text, this.ccy);
        break;
      case 'stmt':
        if (this.stmt) STMT_FIELDS.get(key)?.(this.stmt, text, this.ccy);
        break;
      default:
        break;
    }
  }

  private finishScope(): void {
    switch (this.scope) {
      case 'tx':
        if (this.tx && this.ntry) this.ntry.txs.push(this.tx);
        this.tx = undefined;
        break;
      case 'bal':
        if (this.bal && this.stmt) this.stmt.balances.push(this.bal);
        this.bal = undefined;
        break;
      case 'ntry':
        if (this.ntry) this.emitEntry(this.ntry);
        this.ntry = undefined;
        break;
      case 'stmt':
        this.announce();
        this.stmt = undefined;
        break;
      default:
        break;
    }
  }

  /** Emits the statement once its header and balances are known (ISO order: Acct, Bal before Ntry). */
  private announce(): void {
    const s = this.stmt;
    if (!s || s.announced || !this.format) return;
    s.announced = true;
    const problems: ImportProblem[] = [];
    this.statementInfo = buildStatement(s, this.format, this.version, this.file, problems);
    this.events.push({ kind: 'statement', statement: this.statementInfo, index: s.index });
    for (const problem of problems) this.events.push({ kind: 'problem', problem });
  }

  private emitEntry(n: NtryAcc): void {
    const s = this.stmt;
    if (!s) return;
    const problems: ImportProblem[] = [];
    const fallbackDate = this.statementInfo?.toDate ?? this.statementInfo?.createdAt?.slice(0, 10);
    const ctx = {
      file: this.file,
      statementIndex: s.index,
      statementCurrency: s.currency,
      fallbackDate,
      accountIban: this.statementInfo?.account.iban,
      accountOwner: s.holder,
    };
    const entries = buildEntries(n, ctx, problems);
    for (const entry of entries) this.events.push({ kind: 'entry', entry });
    for (const problem of problems) this.events.push({ kind: 'problem', problem });
  }
}
