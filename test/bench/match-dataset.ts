/**
 * Seeded generator of realistic orders and postings with ground truth and labelled case types, for the
 * matcher's accuracy benchmark (`npm run bench:match`) and the fixed-seed precision test
 * (test/unit/matching/accuracy.test.ts, data in test/fixtures/match/). German and international names,
 * two shops with different number formats, amounts from a small catalogue (so amounts collide as in real
 * shops), distractor open orders, noise postings (salaries, refunds, private transfers).
 */
import { toCreditorReference, generateReference } from '#core/matching/references.ts';
import { nameKey } from '#core/matching/names.ts';
import { seededRandom } from '#core/matching/random.ts';
import { DEFAULT_MATCH_SETTINGS } from '#core/matching/settings.ts';
import { runMatcher } from '#core/matching/matcher.ts';
import type {
  LearnedFacts,
  MatchAssignment,
  MatchInput,
  MatchOrder,
  MatchPosting,
} from '#core/matching/types.ts';

export const CASE_TYPES = [
  'exact_reference',
  'number_only',
  'typo',
  'missing_number',
  'payer_differs',
  'company_payer',
  'learned_payer',
  'combined',
  'partial',
  'overpayment',
  'fees_deducted',
  'same_amount',
  'return',
  'noise',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** Share of each case type among generated postings (the "default mix"). About half carry the order data as expected. */
export const DEFAULT_MIX: Record<CaseType, number> = {
  exact_reference: 25,
  number_only: 21,
  typo: 4,
  missing_number: 12,
  payer_differs: 6,
  company_payer: 4,
  learned_payer: 3,
  combined: 4,
  partial: 4,
  overpayment: 2,
  fees_deducted: 4,
  same_amount: 2,
  return: 2,
  noise: 7,
};

export type LabelledPosting = MatchPosting & {
  caseType: CaseType;
  truth: number[] | null;
  reverses?: number[];
};
export type Dataset = {
  seed: number;
  orders: MatchOrder[];
  postings: LabelledPosting[];
  assignments: MatchAssignment[];
  learned: { iban: [string, string[]][]; alias: [string, string[]][] };
};

export function learnedFacts(d: Dataset): LearnedFacts {
  return { ibanToCustomers: new Map(d.learned.iban), aliasToCustomers: new Map(d.learned.alias) };
}

const FIRST_DE = [
  'Ralf',
  'Birgit',
  'Dieter',
  'Karin',
  'Wolfgang',
  'Gabriele',
  'Matthias',
  'Claudia',
  'Tobias',
  'Julia',
  'Christian',
  'Nicole',
  'Florian',
  'Sandra',
  'Markus',
  'Tanja',
  'Oliver',
  'Silke',
  'Sebastian',
  'Anja',
  'Thomas',
  'Anna',
  'Jürgen',
  'Sabine',
  'Michael',
  'Petra',
  'Stefan',
  'Ursula',
  'Andreas',
  'Monika',
  'Jörg',
  'Katrin',
  'Björn',
  'Sören',
  'Lena',
  'Lukas',
  'Sophie',
  'Maximilian',
  'Marie',
  'Paul',
  'Hannah',
  'Felix',
  'Jürgen',
  'Günther',
  'Uwe',
  'Heike',
  'Dörte',
  'Kai',
  'Elke',
  'Frank',
];
const LAST_DE = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Krause',
  'Meier',
  'Lehmann',
  'Köhler',
  'Weiß',
  'Jäger',
  'Groß',
  'Böhm',
  'Vogel',
  'Fuchs',
  'Günther',
  'Kühn',
  'Pohl',
];
const FIRST_INT = [
  'José',
  'María',
  'Łukasz',
  'Agnieszka',
  'Mehmet',
  'Ayşe',
  'Giuseppe',
  'Francesca',
  'John',
  'Emily',
  'Pierre',
  'Amélie',
  'Søren',
  'Ingrid',
  'Dmitri',
  'Olga',
  'Ahmed',
  'Fatima',
  'Chen',
  'Mei',
  'Jan',
  'Eva',
  'Zoltán',
  'Ágnes',
];
const LAST_INT = [
  'García',
  'Fernández',
  'Wiśniewski',
  'Kowalska',
  'Yılmaz',
  'Öztürk',
  'Rossi',
  'Bianchi',
  'Smith',
  'Johnson',
  'Dubois',
  'Lefèvre',
  'Ødegaard',
  'Johansson',
  'Ivanov',
  'Petrova',
  'Haddad',
  'Benali',
  'Wang',
  'Li',
  'de Vries',
  'Novák',
  'Nagy',
  'Szabó',
];
// Synthetic surnames (Stein+feld, Bach+mann, …): real customer bases have far more surnames than any list.
const ROOTS = [
  'Stein',
  'Berg',
  'Bach',
  'Feld',
  'Wald',
  'Hof',
  'Brunn',
  'Lind',
  'Eich',
  'Buch',
  'Rosen',
  'Kirch',
  'Mühl',
  'Hahn',
  'Horn',
  'Kess',
  'Renn',
  'Gold',
  'Silber',
  'Eisen',
  'Holz',
  'Sand',
  'Wies',
  'Roth',
  'Schön',
  'Groß',
  'Neu',
  'Alt',
  'Kling',
  'Dorn',
];
const SUFFIXES = [
  'mann',
  'er',
  'feld',
  'berg',
  'hoff',
  'bach',
  'hauer',
  'inger',
  'ke',
  'mayer',
  'stedt',
  'brink',
  'rath',
  'huber',
  'wald',
  'kamp',
  'ler',
  'dorf',
];
const COMPANY_WORDS = [
  'Werkzeuge',
  'Blumen',
  'Holzbau',
  'Elektro',
  'Reisen',
  'Bürobedarf',
  'Gartenbau',
  'Feinkost',
  'Medien',
  'Technik',
  'Kaffee',
  'Sport',
];
const LEGAL = ['GmbH', 'UG (haftungsbeschränkt)', 'e.K.', 'GmbH & Co. KG', 'OHG', 'AG', 'GbR'];
const PRICES = [
  499, 990, 1290, 1499, 1990, 2450, 2990, 3499, 3990, 4990, 5990, 7990, 8950, 9990, 12900, 14999, 19900,
  24900,
];
const NOISE_TEXT = [
  'Gehalt 11/2026',
  'Lohn Oktober',
  'Erstattung Retourenlabel',
  'Gutschrift Kaution',
  'Miete Lager 12/2026',
  'Taschengeld',
  'Zinsen',
  'Rueckzahlung Darlehen',
  'Stromabrechnung Gutschrift',
  'Amazon Payments Auszahlung 302-1234567-7654321',
];
const GENERIC_TEXT = [
  'Danke',
  'Online-Einkauf',
  'Bestellung',
  'Ihre Rechnung',
  'Zahlung',
  '',
  'Einkauf Webshop',
  'Vielen Dank!',
  'Kauf',
];

type Rng = {
  next: () => number;
  int: (n: number) => number;
  pick: <T>(a: readonly T[]) => T;
  chance: (p: number) => boolean;
};

function rngOf(seed: number): Rng {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(a: readonly T[]): T => a[int(a.length)] as T, chance: (p) => next() < p };
}

const translit = (s: string) =>
  s
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'AE')
    .replace(/Ö/g, 'OE')
    .replace(/Ü/g, 'UE')
    .replace(/ß/g, 'ss');
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss');

/** How banks and customers write a person's name in the payer field. */
function payerVariant(r: Rng, first: string, last: string): string {
  const v = r.int(7);
  const name = [
    `${first} ${last}`,
    `${translit(last).toUpperCase()}, ${translit(first).toUpperCase()}`,
    `${last} ${first}`,
    ascii(`${first} ${last}`).toUpperCase(),
    `Dr. ${first} ${last}`,
    translit(`${first} ${last}`),
    `${ascii(last).toUpperCase()} ${ascii(first).toUpperCase()}`,
  ][v] as string;
  return name.slice(0, 70);
}

const day = (base: string, plus: number) => {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plus);
  return d.toISOString().slice(0, 10);
};

function iban(r: Rng): string {
  let s = 'DE';
  for (let i = 0; i < 20; i++) s += String(r.int(10));
  return s;
}

export type GenerateOptions = { payments: number; distractors?: number; mix?: Record<CaseType, number> };

export function generateDataset(seed: number, options: GenerateOptions): Dataset {
  const r = rngOf(seed);
  const refRandom = (n: number) => r.int(n);
  const mix = options.mix ?? DEFAULT_MIX;
  const mixTotal = Object.values(mix).reduce((a, b) => a + b, 0);
  const orders: MatchOrder[] = [];
  const postings: LabelledPosting[] = [];
  const assignments: MatchAssignment[] = [];
  const learned: Dataset['learned'] = { iban: [], alias: [] };
  let orderId = 0;
  let postingId = 0;
  let assignmentId = 0;
  let wcSeq = 10000 + r.int(50000);
  let swSeq = 200000 + r.int(500000);
  let invSeq = 1 + r.int(1000);
  const usedRefs = new Set<string>();

  const person = () => {
    if (r.chance(0.3))
      return {
        first: r.pick(FIRST_INT),
        last: r.chance(0.5) ? r.pick(LAST_INT) : `${r.pick(LAST_INT)}-${r.pick(LAST_INT)}`,
      };
    return {
      first: r.pick(FIRST_DE),
      last: r.chance(0.25) ? r.pick(LAST_DE) : `${r.pick(ROOTS)}${r.pick(SUFFIXES)}`,
    };
  };
  const amount = () => {
    let total = 0;
    for (let i = 0, n = 1 + r.int(3); i < n; i++) total += r.pick(PRICES);
    return total + (r.chance(0.6) ? 490 : 0);
  };
  // A customer (one `who`) orders under one e-mail address, as shops store it; another customer of the same name
  // has another. (Until 2026-11-27 every order had its own address, which real shops do not have.)
  const emails = new WeakMap<object, string>();
  const emailOf = (who: { first: string; last: string }, id: number) => {
    let email = emails.get(who);
    if (email === undefined) {
      email = `${ascii(who.first).toLowerCase()}.${ascii(who.last).toLowerCase().replace(/\s/g, '')}${id}@example.org`;
      emails.set(who, email);
    }
    return email;
  };
  const newOrder = (who: { first: string; last: string }, extra: Partial<MatchOrder> = {}): MatchOrder => {
    const shopId = r.chance(0.6) ? 1 : 2;
    // Sequential numbers with gaps (other orders paid by other means), as real shops have.
    wcSeq += 1 + r.int(3);
    swSeq += 1 + r.int(3);
    invSeq += 1 + r.int(2);
    let ref = generateReference(refRandom);
    while (usedRefs.has(ref)) ref = generateReference(refRandom);
    usedRefs.add(ref);
    const o: MatchOrder = {
      id: ++orderId,
      shopId,
      number: shopId === 1 ? `WC-${wcSeq}` : String(swSeq),
      invoiceNumber: shopId === 2 ? `RE-2026-${String(invSeq).padStart(5, '0')}` : null,
      paymentReference: ref,
      totalMinor: amount(),
      paidMinor: 0,
      currency: 'EUR',
      customerName: `${who.first} ${who.last}`,
      company: null,
      email: emailOf(who, orderId),
      status: r.chance(0.1) ? 'not_managed' : 'open',
      createdAt: `${day('2026-10-01', r.int(45))}T${String(8 + r.int(12)).padStart(2, '0')}:00:00.000Z`,
      ...extra,
    };
    orders.push(o);
    return o;
  };
  const addPosting = (
    p: Partial<LabelledPosting> & Pick<LabelledPosting, 'caseType' | 'truth' | 'amountMinor'>,
    after: MatchOrder | undefined,
  ): LabelledPosting => {
    const posting: LabelledPosting = {
      id: ++postingId,
      assignedMinor: 0,
      currency: 'EUR',
      bookingDate: after ? day(after.createdAt.slice(0, 10), r.int(8)) : day('2026-10-05', r.int(45)),
      bookingStatus: 'booked',
      counterpartyName: null,
      counterpartyIban: iban(r),
      remittance: null,
      endToEndId: r.chance(0.5) ? 'NOTPROVIDED' : `E2E${postingId}X${r.int(1e6)}`,
      ...p,
    };
    postings.push(posting);
    return posting;
  };
  const numberText = (o: MatchOrder): string => {
    const useInvoice = o.invoiceNumber && r.chance(0.3);
    const n = useInvoice ? (o.invoiceNumber ?? o.number) : o.number;
    const bare = n.replace(/^WC-/, '');
    const styles = useInvoice
      ? [`Rechnung ${n}`, `Rg.Nr. ${n.replace(/-/g, ' ')}`, `RE ${n.slice(3)}`, `SVWZ+${n} EREF+NOTPROVIDED`]
      : [
          `Bestellung ${n}`,
          `Bestellnr. ${bare}`,
          `Order #${n}`,
          n,
          `SVWZ+Auftrag ${n}`,
          `${n} ${o.customerName ?? ''}`,
          `Kd-Nr. ${40000 + r.int(9999)} Bestellung ${n}`,
          `Bestellung ${n} vom ${day(o.createdAt.slice(0, 10), 0).split('-').reverse().join('.')}`,
          `Best. ${n} ${(o.totalMinor / 100).toFixed(2).replace('.', ',')} EUR`,
          `${n.slice(0, 4)}\n${n.slice(4)}`,
        ];
    return r.pick(styles);
  };
  const payerOf = (o: MatchOrder) => {
    const [first = '', ...rest] = (o.customerName ?? '').split(' ');
    return payerVariant(r, first, rest.join(' '));
  };
  // Someone else pays (spouse, parent, colleague): a surname no customer has.
  const stranger = () =>
    `${person().first} ${r.pick(['Sommer', 'Winter', 'Berg', 'Stein', 'Brandt', 'Seidel', 'Graf', 'Ludwig'])}`;

  const picks: CaseType[] = [];
  for (const t of CASE_TYPES)
    for (let i = 0; i < Math.round((mix[t] / mixTotal) * options.payments); i++) picks.push(t);
  for (const caseType of picks) {
    const who = person();
    switch (caseType) {
      case 'exact_reference': {
        const o = newOrder(who);
        const ref = o.paymentReference ?? '';
        const v = r.int(10);
        const spaced = `${ref.slice(0, 3)} ${ref.slice(3, 6)} ${ref.slice(6)}`;
        const remittance =
          v < 5
            ? r.pick([ref, `Zahlung ${ref}`, `SVWZ+${ref} EREF+NOTPROVIDED`, spaced, `${ref} ${payerOf(o)}`])
            : v < 7
              ? `Ref ${ref.toLowerCase()}`
              : v < 8
                ? `Zahlung fuer Bestellung ${ref.slice(0, 5)}\n${ref.slice(5)}`
                : 'Bestellung';
        addPosting(
          {
            caseType,
            truth: [o.id],
            amountMinor: o.totalMinor,
            counterpartyName: r.chance(0.8) ? payerOf(o) : stranger(),
            remittance,
            ...(v === 8 ? { endToEndId: ref } : {}),
            ...(v === 9 ? { creditorReference: toCreditorReference(ref) } : {}),
          },
          o,
        );
        break;
      }
      case 'number_only':
      case 'payer_differs': {
        const o = newOrder(who);
        addPosting(
          {
            caseType,
            truth: [o.id],
            amountMinor: o.totalMinor,
            counterpartyName: caseType === 'payer_differs' || r.chance(0.2) ? stranger() : payerOf(o),
            remittance: numberText(o),
          },
          o,
        );
        break;
      }
      case 'typo': {
        const o = newOrder(who);
        const digits = o.number.replace(/^WC-/, '');
        const i = r.int(digits.length - 1);
        const typo = r.chance(0.5)
          ? digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2)
          : digits.slice(0, i + 1) +
            String((Number(digits[i + 1]) + 1 + r.int(8)) % 10) +
            digits.slice(i + 2);
        addPosting(
          {
            caseType,
            truth: [o.id],
            amountMinor: o.totalMinor,
            counterpartyName: r.chance(0.6) ? payerOf(o) : stranger(),
            remittance: `Bestellung ${typo === digits ? `${digits}9` : typo}`,
          },
          o,
        );
        break;
      }
      case 'missing_number': {
        const o = newOrder(who);
        addPosting(
          {
            caseType,
            truth: [o.id],
            amountMinor: o.totalMinor,
            counterpartyName: payerOf(o),
            remittance: r.pick(GENERIC_TEXT),
          },
          o,
        );
        break;
      }
      case 'company_payer': {
        const company = `${who.last} ${r.pick(COMPANY_WORDS)} ${r.pick(LEGAL)}`;
        const o = newOrder(who, { company });
        const companyText = r.chance(0.5)
          ? company
          : translit(
              company.replace(/ \(.*\)| GmbH & Co\. KG| e\.K\.| OHG| AG| GbR| GmbH| UG/g, ''),
            ).toUpperCase();
        addPosting(
          {
            caseType,
            truth: [o.id],
            amountMinor: o.totalMinor,
            counterpartyName: companyText,
            remittance: r.chance(0.5) ? numberText(o) : r.pick(GENERIC_TEXT),
          },
          o,
        );
        break;
      }
      case 'learned_payer': {
        const o = newOrder(who);
        const payerIban = iban(r);
        // Someone else (a relative, a colleague) whose payment the dealer assigned by hand once: a person of their
        // own, not one of the few stranger names other cases share (an alias learned for one of those would
        // attach to every posting of that name). As learning.ts learns from it: the IBAN, and the payer's name
        // as an alias of the customer.
        const other = person();
        const payer = `${other.first} ${other.last}`;
        learned.iban.push([payerIban, [`email:${o.email ?? ''}`]]);
        const alias = learned.alias.find(([key]) => key === nameKey(payer));
        if (alias) alias[1].push(`email:${o.email ?? ''}`);
        else learned.alias.push([nameKey(payer), [`email:${o.email ?? ''}`]]);
        addPosting(
          {
            caseType,
            truth: [o.id],
            amountMinor: o.totalMinor,
            counterpartyName: payer,
            counterpartyIban: payerIban,
            remittance: r.pick(GENERIC_TEXT),
          },
          o,
        );
        break;
      }
      case 'combined': {
        const n = 2 + r.int(2);
        const os = Array.from({ length: n }, () => newOrder(who));
        const sum = os.reduce((s, o) => s + o.totalMinor, 0);
        const listed = r.chance(0.6);
        const newest = os.reduce((a, b) => (a.createdAt > b.createdAt ? a : b));
        addPosting(
          {
            caseType,
            truth: os.map((o) => o.id),
            amountMinor: sum,
            counterpartyName: payerOf(os[0] as MatchOrder),
            remittance: listed
              ? `Bestellungen ${os.map((o) => o.number).join(r.pick([', ', ' und ', ' / ', ' ']))}`
              : r.pick(GENERIC_TEXT),
          },
          newest,
        );
        break;
      }
      case 'partial': {
        const o = newOrder(who, { totalMinor: 10000 + r.int(40) * 500 });
        const first = Math.round(o.totalMinor / 2 / 100) * 100;
        const payer = payerOf(o);
        addPosting(
          {
            caseType,
            truth: [o.id],
            amountMinor: first,
            counterpartyName: payer,
            remittance: `${numberText(o)} Rate 1`,
          },
          o,
        );
        addPosting(
          {
            caseType,
            truth: [o.id],
            amountMinor: o.totalMinor - first,
            counterpartyName: payer,
            remittance: `${numberText(o)} Rest`,
          },
          o,
        );
        break;
      }
      case 'overpayment': {
        const o = newOrder(who);
        const ref = r.chance(0.5);
        addPosting(
          {
            caseType,
            truth: [o.id],
            amountMinor: o.totalMinor + 500 + r.int(20) * 100,
            counterpartyName: payerOf(o),
            remittance: ref ? `Zahlung ${o.paymentReference ?? ''}` : numberText(o),
          },
          o,
        );
        break;
      }
      case 'fees_deducted': {
        const o = newOrder(who);
        const fee = r.chance(0.7) ? 10 + r.int(90) : 250 + r.int(1250);
        addPosting(
          {
            caseType,
            truth: [o.id],
            amountMinor: o.totalMinor - fee,
            counterpartyName: payerOf(o),
            remittance: numberText(o),
            counterpartyIban: `GB${String(r.int(1e9)).padStart(20, '7')}`,
          },
          o,
        );
        break;
      }
      case 'same_amount': {
        const a = newOrder(who);
        newOrder(who, { totalMinor: a.totalMinor });
        addPosting(
          {
            caseType,
            truth: [a.id],
            amountMinor: a.totalMinor,
            counterpartyName: payerOf(a),
            remittance: r.pick(GENERIC_TEXT),
          },
          a,
        );
        break;
      }
      case 'return': {
        const o = newOrder(who, { status: 'paid' });
        o.paidMinor = o.totalMinor;
        const originalId = ++postingId;
        const e2e = `E2E-ORIG-${originalId}`;
        const payerIban = iban(r);
        const a: MatchAssignment = {
          id: ++assignmentId,
          postingId: originalId,
          orderId: o.id,
          amountMinor: o.totalMinor,
          endToEndId: e2e,
          counterpartyIban: payerIban,
          bookingDate: '2026-10-20',
          orderNumber: o.number,
          paymentReference: o.paymentReference ?? null,
        };
        assignments.push(a);
        const viaE2e = r.chance(0.6);
        addPosting(
          {
            caseType,
            truth: null,
            reverses: [a.id],
            amountMinor: -o.totalMinor,
            counterpartyName: payerOf(o),
            counterpartyIban: payerIban,
            bankTxCode: r.pick(['PMNT-RCDT-RRTN', 'PMNT-RDDT-UPDD', '109', '159']),
            reversal: r.chance(0.3),
            endToEndId: viaE2e ? e2e : 'NOTPROVIDED',
            remittance: viaE2e
              ? r.pick(['RETOURE AC04 KONTO ERLOSCHEN', 'Ruecklastschrift MD06', 'RETURN'])
              : `Rücklastschrift ${o.number} AM04`,
          },
          o,
        );
        break;
      }
      case 'noise': {
        const coincide = r.chance(0.4) && orders.length > 0;
        const amountMinor = coincide ? r.pick(orders).totalMinor : 1000 + r.int(300000);
        addPosting(
          {
            caseType,
            truth: null,
            amountMinor: r.chance(0.25) ? -amountMinor : amountMinor,
            counterpartyName: r.pick([
              'Arbeitgeber Logistik GmbH',
              'Amazon Payments Europe S.C.A.',
              'Vermieter Hausverwaltung',
              'Stadtwerke',
              'Finanzamt',
              stranger(),
            ]),
            remittance: r.pick(NOISE_TEXT),
          },
          undefined,
        );
        break;
      }
    }
  }
  // Open orders nobody paid yet: distractors with the same names, amounts and number ranges.
  const distractors = options.distractors ?? Math.round(options.payments * 0.8);
  for (let i = 0; i < distractors; i++) newOrder(person());
  return { seed, orders, postings, assignments, learned };
}

/**
 * A text column as the SQLite driver returns it: one flat string made from the stored UTF-8 (the generator's
 * strings are built with templates, i.e. trees of concatenated pieces, which no loaded row has).
 */
function stored<T extends string | null | undefined>(text: T): T | null {
  return text == null ? null : (Buffer.from(text, 'utf8').toString('utf8') as T);
}

/**
 * An order as the matcher gets it from the database (match-loader.ts loadOrders): every field, in the loader's
 * order, null where the shop gave nothing.
 */
function asLoadedOrder(o: MatchOrder): MatchOrder {
  return {
    id: o.id,
    shopId: o.shopId,
    number: stored(o.number) ?? '',
    invoiceNumber: stored(o.invoiceNumber),
    paymentReference: stored(o.paymentReference),
    totalMinor: o.totalMinor,
    paidMinor: o.paidMinor,
    currency: stored(o.currency) ?? '',
    customerName: stored(o.customerName),
    company: stored(o.company),
    email: stored(o.email),
    status: o.status,
    createdAt: stored(o.createdAt) ?? '',
  };
}

/** A posting as match-loader.ts loadPostings gives it: every column, in its order, without the labels. */
function asLoadedPosting(p: MatchPosting): MatchPosting & { matchState: string } {
  return {
    id: p.id,
    amountMinor: p.amountMinor,
    assignedMinor: p.assignedMinor,
    currency: stored(p.currency) ?? '',
    bookingDate: stored(p.bookingDate),
    bookingStatus: p.bookingStatus ?? 'booked',
    counterpartyName: stored(p.counterpartyName),
    counterpartyIban: stored(p.counterpartyIban),
    ultimateDebtor: stored(p.ultimateDebtor),
    remittance: stored(p.remittance),
    creditorReference: stored(p.creditorReference),
    endToEndId: stored(p.endToEndId),
    bankTxCode: stored(p.bankTxCode),
    reversal: p.reversal ?? false,
    matchState: 'unassigned',
  };
}

/**
 * The speed benchmark's matcher input (issue 5 §9): `size` open orders and `size` unassigned postings from the
 * fixed seed 7, with the active assignments and learned facts of the data set. Shared by match.bench.ts and the
 * matcher tools (match-hash, match-heap, match-profile), so they all look at the same run.
 *
 * The orders and postings are what the database loader gives the matcher in the product: all fields in one order
 * of keys, and flat strings (stored()). The generator's objects are built with spreads of case-specific fields
 * (a dozen shapes, which made every field access in the matcher a megamorphic lookup) and template strings
 * (concatenation trees the matcher flattened on first use); no real run has either.
 */
export function speedInput(size: number): MatchInput {
  const d = generateDataset(7, { payments: size, distractors: Math.ceil(size * 0.1) });
  return {
    orders: d.orders.slice(0, size).map(asLoadedOrder),
    postings: d.postings.slice(0, size).map(asLoadedPosting),
    activeAssignments: d.assignments,
    settings: DEFAULT_MATCH_SETTINGS,
    learned: learnedFacts(d),
  };
}

/** One matcher run on the first 2 000 orders and postings, so the timed or profiled runs after it meet warm code. */
export function warmUpMatcher(input: MatchInput): void {
  runMatcher({ ...input, orders: input.orders.slice(0, 2000), postings: input.postings.slice(0, 2000) });
}
