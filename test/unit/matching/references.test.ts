import { describe, expect, it } from 'vitest';
import {
  REFERENCE_ALPHABET,
  REFERENCE_LENGTH,
  checkCharacter,
  compactReference,
  creditorReferenceBody,
  dammOp,
  generateReference,
  isValidCreditorReference,
  isValidReference,
  toCreditorReference,
} from '#core/matching/references.ts';
import { seededRandomInt } from '#core/matching/random.ts';

const N = REFERENCE_ALPHABET.length;

describe('Damm quasigroup over the reference alphabet', () => {
  it('has 32 unambiguous characters (no 0, O, 1, I)', () => {
    expect(N).toBe(32);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(32);
    for (const bad of '0O1I') expect(REFERENCE_ALPHABET).not.toContain(bad);
  });

  it('is a quasigroup: every row and every column is a permutation (exhaustive)', () => {
    for (let a = 0; a < N; a++) {
      const row = new Set<number>();
      const col = new Set<number>();
      for (let b = 0; b < N; b++) {
        row.add(dammOp(a, b));
        col.add(dammOp(b, a));
      }
      expect(row.size).toBe(N);
      expect(col.size).toBe(N);
    }
  });

  it('is totally anti-symmetric: (c∘x)∘y ≠ (c∘y)∘x for all c and x ≠ y (exhaustive, 32³ cases)', () => {
    let violations = 0;
    for (let c = 0; c < N; c++)
      for (let x = 0; x < N; x++)
        for (let y = 0; y < N; y++)
          if (x !== y && dammOp(dammOp(c, x), y) === dammOp(dammOp(c, y), x)) violations++;
    expect(violations).toBe(0);
  });
});

describe('payment references', () => {
  const random = seededRandomInt(42);
  const refs = Array.from({ length: 3000 }, () => generateReference(random));

  it('are KW + 6 + check, valid, without equal neighbours', () => {
    for (const ref of refs) {
      expect(ref).toHaveLength(REFERENCE_LENGTH);
      expect(ref.startsWith('KW')).toBe(true);
      expect(isValidReference(ref)).toBe(true);
      for (let i = 1; i < ref.length; i++) expect(ref[i]).not.toBe(ref[i - 1]);
    }
  });

  it('detects every single substitution (all positions × all 31 other characters)', () => {
    let missed = 0;
    for (const ref of refs.slice(0, 1000)) {
      for (let i = 0; i < ref.length; i++)
        for (const ch of REFERENCE_ALPHABET) {
          if (ch === ref[i]) continue;
          const wrong = ref.slice(0, i) + ch + ref.slice(i + 1);
          if (isValidReference(wrong)) missed++;
        }
    }
    expect(missed).toBe(0);
  });

  it('detects every adjacent transposition, including with the check character', () => {
    let missed = 0;
    for (const ref of refs) {
      for (let i = 0; i + 1 < ref.length; i++) {
        const wrong = ref.slice(0, i) + ref[i + 1] + ref[i] + ref.slice(i + 2);
        if (wrong !== ref && isValidReference(wrong)) missed++;
      }
    }
    expect(missed).toBe(0);
  });

  it('rejects characters outside the alphabet and wrong lengths', () => {
    const ref = refs[0] ?? '';
    expect(isValidReference(ref.replace(/.$/, '0'))).toBe(false);
    expect(isValidReference(ref.slice(0, -1))).toBe(false);
    expect(isValidReference(`XX${ref.slice(2)}`)).toBe(false);
    expect(checkCharacter('KW0')).toBeUndefined();
  });

  it('agrees with the Damm fold of dammOp over the alphabet indices, for any characters', () => {
    // isValidReference and checkCharacter read the character codes through tables: the same answers as folding
    // dammOp over the indices, and outside the alphabet (lower case, umlauts, a surrogate pair) none.
    const chars = [...REFERENCE_ALPHABET, 'a', 'k', '0', '1', 'I', 'O', 'Ä', '€', '\u{1F600}', '-', ' '];
    const random = seededRandomInt(4711);
    const fold = (text: string) => {
      let interim = 0;
      for (const ch of text) {
        const i = REFERENCE_ALPHABET.indexOf(ch);
        if (ch.length !== 1 || i < 0) return undefined;
        interim = dammOp(interim, i);
      }
      return interim;
    };
    for (let n = 0; n < 20_000; n++) {
      let body = '';
      const length = 6 + random(2);
      for (let i = 0; i < length; i++) body += chars[random(n % 2 === 0 ? N : chars.length)];
      const payload = `KW${body}`;
      const interim = fold(payload);
      expect(checkCharacter(payload)).toBe(
        interim === undefined ? undefined : REFERENCE_ALPHABET[dammOp(interim, 0)],
      );
      expect(isValidReference(payload)).toBe(payload.length === REFERENCE_LENGTH && interim === 0);
    }
  });

  it('compacts separators and case', () => {
    expect(compactReference('kw-7hp x4\nTQ')).toBe('KW7HPX4TQ');
  });
});

describe('ISO 11649 creditor references', () => {
  it('matches the example of the standard (RF18 5390 0754 7034)', () => {
    expect(toCreditorReference('539007547034')).toBe('RF18539007547034');
    expect(isValidCreditorReference('RF18 5390 0754 7034')).toBe(true);
    expect(isValidCreditorReference('RF18 5390 0754 7035')).toBe(false);
    expect(isValidCreditorReference('RF71 5390 0754 7034')).toBe(false);
  });

  it('wraps our reference and unwraps it again', () => {
    const random = seededRandomInt(7);
    for (let i = 0; i < 500; i++) {
      const ref = generateReference(random);
      const rf = toCreditorReference(ref);
      expect(isValidCreditorReference(rf)).toBe(true);
      expect(creditorReferenceBody(rf)).toBe(ref);
      const typo = rf.slice(0, 6) + (rf[6] === '2' ? '3' : '2') + rf.slice(7);
      expect(isValidCreditorReference(typo)).toBe(false);
    }
  });

  it('refuses bodies ISO 11649 does not allow', () => {
    expect(() => toCreditorReference('A'.repeat(22))).toThrow(RangeError);
    expect(() => toCreditorReference('ÄÖ')).toThrow(RangeError);
  });
});
