/**
 * Field :86: "Information to Account Owner" (SWIFT MT940/MT942, 6*65x).
 *
 * German banks fill it in the structured form of DFÜ-Abkommen Anlage 3 (Die Deutsche Kreditwirtschaft,
 * "Spezifikation der Datenformate", chapter MT940 Feld 86): a 3-digit Geschäftsvorfallcode (GVC, e.g. 166
 * SEPA credit transfer, 105 SEPA direct debit, 159 return, 999 unstructured; the full list is the annex
 * "Geschäftsvorfallcodes" of Anlage 3), then subfields `?nn`:
 * ?00 booking text, ?10 primanota, ?20–?29 remittance lines 1–10, ?30 BLZ/BIC of the counterparty,
 * ?31 account/IBAN, ?32–?33 name, ?34 text key extension, ?60–?63 remittance lines 11–14.
 * Austrian banks send the same layout with `~` as subfield separator instead of `?`.
 * The 65-character line breaks carry no meaning in the structured form: lines are joined without a blank.
 *
 * Dutch and other banks use SWIFT-style slash codes (/EREF/…/REMI/…/CNTP/…); anything else is free text.
 * Triodos (NL) writes `000>10…>20…>31…` with `>` as separator and its own meaning (see parseTriodos).
 */
import { looksLikeBic as isValidBIC, looksLikeIban as isValidIBAN } from './ids.ts';
import { cleanText, joinFragments, parseSepaKeywords, type SepaFields } from './sepa-keywords.ts';

export type Details86 = {
  gvc?: string;
  bookingText?: string;
  primanota?: string;
  textKeyExtension?: string;
  remittance?: string;
  counterpartyName?: string;
  counterpartyIban?: string;
  counterpartyBic?: string;
  counterpartyAccount?: string;
  endToEndId?: string;
  customerReference?: string;
  mandateId?: string;
  creditorId?: string;
  ultimateDebtor?: string;
  ultimateCreditor?: string;
  purposeCode?: string;
  creditorReference?: string;
};

const STRUCTURED = /^(\d{3})\s*([?~])/;
/** Subfield starts: the separator followed by two digits. */
const SUBFIELD_SPLIT = { '?': /\?(?=\d{2})/, '~': /~(?=\d{2})/ } as const;

export function parseField86(lines: readonly string[]): Details86 {
  // Structured when the GVC is followed by the subfield separator (possibly only on the next line).
  const joinedRaw = lines.join('');
  if (STRUCTURED.test(joinedRaw)) return parseStructured(joinedRaw);
  if (TRIODOS.test(joinedRaw)) return parseTriodos(joinedRaw);
  // Slash-coded text is wrapped wherever the bank's line ends (ABN AMRO at 62, others at 65): no blanks there.
  if (/^\/[A-Z]{2,4}\//.test(joinedRaw)) return parseSlashCodes(joinSlashLines(lines));
  const joined = joinLines(lines);
  // Unstructured with a leading GVC glued to the text (Penta "999SEPA_CREDIT_TRANSFER:…"): keep the code. A
  // number followed by a blank (mBank "911 TRANSAKCJA") is the bank's own text, not a DFÜ GVC.
  const gvc = /^(\d{3})(?=[^\d\s])/.exec(joined)?.[1];
  const text = gvc ? joined.slice(3) : joined;
  const out = fromSepa(parseSepaKeywords(text));
  if (gvc) out.gvc = gvc;
  return out;
}

/**
 * Free-text lines: a full 65-character line was wrapped by the bank (the first line's 65 include the ":86:"
 * tag), so it joins without a blank; a shorter line ended with a blank.
 */
function joinLines(lines: readonly string[]): string {
  const parts: string[] = [];
  lines.forEach((l, i) => {
    const previous = lines[i - 1];
    if (previous !== undefined && previous.length + (i === 1 ? 4 : 0) < 65) parts.push(' ');
    parts.push(l);
  });
  return cleanText(parts.join(''));
}

/**
 * Slash-coded lines: ABN AMRO, ING and Rabobank cut at the line width (62–65 characters, inside a word), so those
 * lines join without a blank. A line well short of that was ended at a word boundary (Rabobank
 * "/REMI/NR.201303-111/11.3.2013" + "NR.201303-112/…", Knab "/TRTP/SEPA" + "OVERBOEKING/…"): a blank keeps the
 * two words apart. Never next to a "/", which delimits the codes, nor inside a code name cut at the line end.
 *
 * The blank goes only into prose (remittance, names, addresses, booking text): an identifier (/EREF/, /MARF/,
 * /CSID/, /IBAN/, /BIC/, the account and BIC of /CNTP/, …) has no blanks, and a producer that wraps short lines
 * may cut it anywhere ("/CNTP/NL54INGB00" + "06752576/…"), so those lines always join without one. In prose the
 * blank stays between digits too: two numbers on consecutive lines ("BESTELLUNG 10023" + "10024 DANKE",
 * "RATE 1" + "2024") glued into one would name another order, while a number cut at the line end
 * ("ORDER 10" + "023" → "ORDER 10 023") is still found by the matcher, which joins numbers split by a blank.
 */
const SLASH_WRAP_WIDTH = 60;
function joinSlashLines(lines: readonly string[]): string {
  let joined = '';
  lines.forEach((l, i) => {
    const previous = lines[i - 1];
    if (
      previous !== undefined &&
      previous.length + (i === 1 ? 4 : 0) < SLASH_WRAP_WIDTH &&
      !previous.endsWith('/') &&
      !l.startsWith('/') &&
      !codeCutAt(previous, l) &&
      previous.trim() !== '' &&
      l.trim() !== '' &&
      inProse(joined)
    )
      joined += ' ';
    joined += l;
  });
  return joined;
}

/** A code name cut at the line end ("…/NAME/Bedrijf/RE" + "MI/USTD//…"): its two halves join without a blank. */
function codeCutAt(previous: string, next: string): boolean {
  const tail = /\/([A-Z]{1,4})$/.exec(previous)?.[1];
  const head = /^([A-Z]{0,4})\//.exec(next)?.[1];
  return tail !== undefined && head !== undefined && SLASH_CODES.includes(tail + head);
}

/** Slash codes whose value is prose, where a line end may have been a blank. Every other value is an identifier. */
const PROSE_CODES = new Set(['REMI', 'NAME', 'ADDR', 'TRTP', 'ORDP', 'BENM', 'ULTD', 'ULTC', 'ULTB', 'BUSP']);
/** Whether the end of the slash-coded text so far lies in a prose value. */
function inProse(text: string): boolean {
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(SLASH_CODE_AT)) last = m;
  const code = last?.[1];
  if (code === undefined) return false;
  // /CNTP/account/BIC/name/city/: only the name and the city are prose.
  if (code === 'CNTP') return (text.slice((last?.index ?? 0) + 6).match(/\//g)?.length ?? 0) >= 2;
  return PROSE_CODES.has(code);
}

function parseStructured(text: string): Details86 {
  const m = STRUCTURED.exec(text);
  const gvc = m?.[1];
  const sep = m?.[2] === '~' ? '~' : '?';
  const body = text.slice(m?.[0].length ?? 0);
  // Subfields: separator + two digits. The first subfield follows the GVC directly (body starts with "nn").
  const pieces = body.split(SUBFIELD_SPLIT[sep]);
  const sub = new Map<number, string[]>();
  const remittance: string[] = [];
  for (const piece of pieces) {
    if (piece === '' || !/^\d{2}/.test(piece)) continue;
    const code = Number(piece.slice(0, 2));
    const content = piece.slice(2);
    if ((code >= 20 && code <= 29) || (code >= 60 && code <= 63)) remittance.push(content);
    else {
      const list = sub.get(code) ?? [];
      list.push(content);
      sub.set(code, list);
    }
  }
  const get = (code: number) => {
    const v = cleanText((sub.get(code) ?? []).join(''));
    return v === '' ? undefined : v;
  };
  const sepa = parseSepaKeywords(joinFragments(remittance));
  const out: Details86 = fromSepa(sepa);
  if (gvc) out.gvc = gvc;
  const bookingText = get(0);
  if (bookingText) out.bookingText = bookingText;
  const primanota = get(10);
  if (primanota) out.primanota = primanota;
  const textKeyExtension = get(34);
  if (textKeyExtension) out.textKeyExtension = textKeyExtension;
  const name = cleanText((sub.get(32) ?? []).join('') + (sub.get(33) ?? []).join(''));
  if (name) out.counterpartyName = name;
  applyAccount(out, get(30), get(31));
  if (!out.counterpartyIban && sepa.iban) out.counterpartyIban = sepa.iban;
  if (!out.counterpartyBic && sepa.bic) out.counterpartyBic = sepa.bic;
  return out;
}

/** The SEPA keyword values that a posting keeps (debtor id and keyword IBAN/BIC are handled by the caller). */
function fromSepa(sepa: SepaFields): Details86 {
  const out: Details86 = {};
  if (sepa.remittance) out.remittance = sepa.remittance;
  if (sepa.endToEndId) out.endToEndId = sepa.endToEndId;
  if (sepa.customerReference) out.customerReference = sepa.customerReference;
  if (sepa.mandateId) out.mandateId = sepa.mandateId;
  if (sepa.creditorId) out.creditorId = sepa.creditorId;
  if (sepa.ultimateDebtor) out.ultimateDebtor = sepa.ultimateDebtor;
  if (sepa.ultimateCreditor) out.ultimateCreditor = sepa.ultimateCreditor;
  if (sepa.purposeCode) out.purposeCode = sepa.purposeCode;
  if (sepa.creditorReference) out.creditorReference = sepa.creditorReference;
  return out;
}

const TRIODOS = /^\d{3}>\d{2}/;

/**
 * Triodos Bank's :86: (as read by the zilverline and dovadi MT940 parsers): `>10` transaction reference, `>20`
 * the counterparty's BIC and `>21` its IBAN when there is one (else both are text: a card payment's terminal and
 * place), `>22`–`>29` name, address and description as 27-character pieces cut anywhere, `>31` the own account.
 */
function parseTriodos(text: string): Details86 {
  const sub = new Map<number, string>();
  for (const piece of text.slice(3).split(/>(?=\d{2})/)) {
    if (/^\d{2}/.test(piece)) sub.set(Number(piece.slice(0, 2)), piece.slice(2));
  }
  const out: Details86 = {};
  const bic = sub.get(20)?.trim() ?? '';
  const iban = sub.get(21)?.replace(/\s/g, '').toUpperCase() ?? '';
  // An account is a BIC followed by something in the shape of an IBAN; the IBAN is kept when its checksum holds.
  const account = isValidBIC(bic) && /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(iban);
  if (account) {
    out.counterpartyBic = bic;
    if (isValidIBAN(iban)) out.counterpartyIban = iban;
  }
  const pieces: string[] = [];
  for (let code = account ? 22 : 20; code <= 29; code++) {
    const piece = sub.get(code);
    if (piece !== undefined) pieces.push(piece);
  }
  const remittance = cleanText(joinFragments(pieces));
  if (remittance) out.remittance = remittance;
  return out;
}

/** ?30 is a BIC (SEPA) or a BLZ (legacy); ?31 an IBAN (SEPA) or an account number (legacy). */
function applyAccount(out: Details86, bankCode: string | undefined, account: string | undefined): void {
  const acct = account?.replace(/\s/g, '');
  const bank = bankCode?.replace(/\s/g, '');
  if (acct && isValidIBAN(acct)) out.counterpartyIban = acct;
  else if (acct) out.counterpartyAccount = bank && !isValidBIC(bank) ? `${bank}/${acct}` : acct;
  if (bank && isValidBIC(bank)) out.counterpartyBic = bank;
}

/**
 * Slash codes as used by Dutch banks (ING, Rabobank, ABN AMRO "SEPA MT940" layouts): /EREF/…, /REMI/…,
 * /CNTP/IBAN/BIC/NAME/CITY/, /ORDP//NAME/…, /BENM//NAME/…, /MARF/ mandate, /CSID/ creditor id, /ULTD/ /ULTC/.
 */
const SLASH_CODES = [
  'EREF',
  'REMI',
  'CNTP',
  'ORDP',
  'BENM',
  'MARF',
  'CSID',
  'ULTD',
  'ULTC',
  'ULTB',
  'TRTP',
  'PURP',
  'IBAN',
  'BIC',
  'NAME',
  'PREF',
  'RTRN',
  'ADDR',
  'ISDT',
  'BUSP',
  // Knab: the counterparty's domestic account number; Rabobank: "/ACCW/IBAN,BIC/" of the counterparty.
  'BBAN',
  'ACCW',
];
const SLASH_SPLIT = new RegExp(`/(?=(?:${SLASH_CODES.join('|')})/)`);
const SLASH_CODE_AT = new RegExp(`/(${SLASH_CODES.join('|')})(?=/)`, 'g');

function parseSlashCodes(text: string): Details86 {
  const values = new Map<string, string>();
  for (const part of text.split(SLASH_SPLIT)) {
    const m = /^\/?([A-Z]{2,4})\/(.*)$/s.exec(part);
    if (m?.[1] && SLASH_CODES.includes(m[1]) && !values.has(m[1])) values.set(m[1], m[2] ?? '');
  }
  const clean = (s: string | undefined) => {
    const v = s === undefined ? '' : cleanText(s.replace(/\/+$/, ''));
    return v === '' || v.toUpperCase() === 'NOTPROVIDED' ? undefined : v;
  };
  const out: Details86 = {};
  let remi = values.get('REMI');
  if (remi !== undefined) {
    remi = remi.replace(/^USTD\/\//, '').replace(/^STRD\/(?:CUR|ISO)\//, '');
    out.remittance = clean(remi);
    const rf = out.remittance?.replace(/\s/g, '');
    if (rf && /^RF\d{2}/i.test(rf)) out.creditorReference = parseSepaKeywords(rf).creditorReference;
  }
  out.endToEndId = clean(values.get('EREF'));
  out.mandateId = clean(values.get('MARF'));
  out.creditorId = clean(values.get('CSID'));
  out.ultimateDebtor = clean(values.get('ULTD')?.replace(/^\/*NAME\//, ''));
  out.ultimateCreditor = clean(values.get('ULTC')?.replace(/^\/*NAME\//, ''));
  out.purposeCode = clean(values.get('PURP')?.replace(/^\/*CD\//, ''));
  out.bookingText = clean(values.get('TRTP'));
  const cntp = values.get('CNTP');
  if (cntp !== undefined) {
    const [iban, bic, name] = cntp.split('/');
    out.counterpartyIban = iban && isValidIBAN(iban) ? iban : undefined;
    if (iban && !out.counterpartyIban) out.counterpartyAccount = iban;
    out.counterpartyBic = clean(bic);
    out.counterpartyName = clean(name);
  } else {
    const party = values.get('ORDP') ?? values.get('BENM');
    out.counterpartyName = clean(values.get('NAME') ?? party?.replace(/^\/*NAME\//, '').split('/')[0]);
    const iban = clean(values.get('IBAN'));
    if (iban && isValidIBAN(iban)) out.counterpartyIban = iban;
    out.counterpartyBic = clean(values.get('BIC'));
  }
  const [accwAccount, accwBic] = (values.get('ACCW') ?? '').split(',');
  const account = clean(accwAccount) ?? clean(values.get('BBAN'));
  if (account && !out.counterpartyIban && !out.counterpartyAccount) {
    if (isValidIBAN(account)) out.counterpartyIban = account;
    else out.counterpartyAccount = account;
  }
  if (!out.counterpartyBic && accwBic) out.counterpartyBic = clean(accwBic);
  if (out.remittance === undefined && values.size === 0) out.remittance = clean(text);
  return compact(out);
}

function compact<T extends object>(v: T): T {
  for (const k of Object.keys(v) as (keyof T)[]) if (v[k] === undefined || v[k] === '') delete v[k];
  return v;
}
