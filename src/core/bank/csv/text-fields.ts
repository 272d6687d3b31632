/**
 * References written as plain text inside a CSV remittance column:
 * - labels as Volksbank/Atruvia exports them ("EREF: 1345 MREF: M-200 CRED: DE74ZZZ… IBAN: DE62… BIC: WELADEDDXXX
 *   ABWA: Name") and Commerzbank ("End-to-End-Ref.: … Mandatsref: … Gläubiger-ID: …");
 * - Commerzbank's "Buchungstext" that starts with the counterparty: "NAME BIC IBAN remittance …";
 * - comdirect's "Buchungstext" column: "Auftraggeber: NAME Buchungstext: TEXT End-to-End-Ref.: … Ref. …" and
 *   "Empfänger: NAMEKto/IBAN: DE… BLZ/BIC: … Buchungstext: … Mandatsref.: … Gläubiger-ID: …" (the IBAN label
 *   glued to the name is how comdirect writes it).
 */
import { looksLikeBic, looksLikeIban } from '../mt940/ids.ts';
import { cleanText } from '../mt940/sepa-keywords.ts';

export type TextFields = {
  remittance?: string;
  endToEndId?: string;
  mandateId?: string;
  creditorId?: string;
  iban?: string;
  bic?: string;
  ultimateDebtor?: string;
  ultimateCreditor?: string;
  name?: string;
};

/** 'text': the label only introduces remittance text (comdirect "Buchungstext:"). */
type Field = Exclude<keyof TextFields, 'remittance'> | 'text';
/** Label, field, and whether the value is one token (identifiers) or runs to the next label (names). */
const LABELS: readonly (readonly [string, Field, boolean])[] = [
  ['End-to-End-Ref.:', 'endToEndId', true],
  ['EREF:', 'endToEndId', true],
  ['Mandatsref:', 'mandateId', true],
  ['Mandatsref.:', 'mandateId', true],
  ['Kto/IBAN:', 'iban', true],
  ['BLZ/BIC:', 'bic', true],
  ['Auftraggeber:', 'name', false],
  ['Empfänger:', 'name', false],
  ['Buchungstext:', 'text', false],
  ['SVWZ:', 'text', false],
  ['MREF:', 'mandateId', true],
  ['Gläubiger-ID:', 'creditorId', true],
  ['CRED:', 'creditorId', true],
  ['IBAN:', 'iban', true],
  ['BIC:', 'bic', true],
  ['ABWA:', 'ultimateDebtor', false],
  ['ABWE:', 'ultimateCreditor', false],
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LABEL_RE = new RegExp(`(?:^|(?<=\\s))(${LABELS.map(([l]) => escape(l)).join('|')})`, 'g');

export function parseLabels(raw: string): TextFields {
  const text = raw.replace(/(?<=\S)(?=Kto\/IBAN:)/g, ' ');
  const hits = [...text.matchAll(LABEL_RE)].map((m) => ({
    label: m[1] ?? '',
    start: m.index,
    end: m.index + (m[1]?.length ?? 0),
  }));
  if (hits.length === 0) return text.trim() ? { remittance: cleanText(text) } : {};
  const out: TextFields = {};
  const rest: string[] = [text.slice(0, hits[0]?.start ?? 0)];
  hits.forEach((h, i) => {
    const def = LABELS.find(([l]) => l === h.label);
    if (!def) return;
    const [, field, token] = def;
    const segment = text.slice(h.end, hits[i + 1]?.start ?? text.length).trim();
    if (field === 'text') {
      rest.push(segment);
      return;
    }
    let v = segment;
    if (token) {
      const sp = segment.search(/\s/);
      v = sp < 0 ? segment : segment.slice(0, sp);
      if (sp >= 0) rest.push(segment.slice(sp));
    }
    v = cleanText(v);
    if (v && v.toUpperCase() !== 'NOTPROVIDED' && out[field] === undefined) out[field] = v;
  });
  const remittance = cleanText(rest.join(' '));
  if (remittance) out.remittance = remittance;
  return out;
}

/**
 * The counterparty at the start of a single text column: "NAME BIC IBAN rest" (Commerzbank), when a valid BIC and
 * IBAN follow a name.
 */
export function splitCounterpartyPrefix(text: string): {
  name?: string;
  bic?: string;
  iban?: string;
  rest: string;
} {
  const m =
    /^(.+?)\s+([A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\s+([A-Z]{2}\d{2}[A-Z0-9]{11,30})(?:\s+([\s\S]*))?$/.exec(
      text.trim(),
    );
  if (!m || !looksLikeBic(m[2] ?? '') || !looksLikeIban(m[3] ?? '')) return { rest: text };
  return { name: cleanText(m[1] ?? ''), bic: m[2], iban: m[3], rest: m[4] ?? '' };
}

/**
 * "NAMESEPA-ÜBERWEISUNG rest" or "NAME SEPA-ÜBERWEISUNG rest" (Sparda-Bank): the name at the start, running into
 * the SEPA booking text without a blank or after one. The name is at most 70 characters (the SEPA limit) and holds
 * no keyword ("SVWZ+"), so a "SEPA-" further into the text is not taken for the booking text.
 */
export function splitNameBeforeSepaText(text: string): { name?: string; bookingText?: string; rest: string } {
  const m = /^([^+]{0,69}?[^+\s]) ?(SEPA-[A-ZÄÖÜ][A-ZÄÖÜ/-]*)(?=\s|$)([\s\S]*)$/.exec(text.trim());
  if (m?.[1] && m[2]) return { name: cleanText(m[1]), bookingText: m[2], rest: (m[3] ?? '').trim() };
  return { rest: text };
}
