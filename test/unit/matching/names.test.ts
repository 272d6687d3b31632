import { describe, expect, it } from 'vitest';
import { compareNames, customerKey, nameKey, nameTokens } from '#core/matching/names.ts';

describe('name normalisation', () => {
  it.each([
    ['Jürgen Müller', 'MUELLER, JUERGEN'],
    ['Jürgen Müller', 'Juergen Muller'],
    ['Sören Ødegaard', 'SOREN ODEGAARD'],
    ['Fatma Yılmaz', 'YILMAZ FATMA'],
    ['Müller & Söhne GmbH', 'MUELLER UND SOEHNE'],
    ['Krause UG (haftungsbeschränkt)', 'KRAUSE UG HAFTUNGSBESCHRAENKT'],
    ['Blumen Schulz e. K.', 'Blumen Schulz e.K.'],
    ['Dr. Anna Weiß', 'Frau Anna Weiss'],
    ['José García', 'GARCIA JOSE'],
    ['Łukasz Wiśniewski', 'LUKASZ WISNIEWSKI'],
    // Đ as Serbian and Croatian documents write it (Dj), and as a bank that drops the stroke writes it (D).
    ['Đorđe Đurić', 'DJORDJE DJURIC'],
    ['Đorđe Đurić', 'DORDE DURIC'],
    ['Djamila Adjani', 'DJAMILA ADJANI'],
    // Titles and suffixes, written-out legal forms (second matcher probe).
    ['Dr. med. Thomas Müller', 'THOMAS MUELLER'],
    ['Dipl.-Kfm. Thomas Müller', 'Thomas Müller'],
    ['Mag. Thomas Müller', 'Thomas Müller'],
    ['Hr. Thomas Müller', 'Thomas Müller'],
    ['Blumen Weber Aktiengesellschaft', 'BLUMEN WEBER AG'],
    ['Blumen Weber Gesellschaft mit beschränkter Haftung', 'Blumen Weber GmbH'],
  ])('%s = %s', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
    expect(nameKey(a)).not.toBe('');
  });

  it('distinguishes different people', () => {
    expect(nameKey('Thomas Müller')).not.toBe(nameKey('Thomas Möller'));
    // Jun, Phil, Nat and Şen are names as well as abbreviations: kept.
    expect(nameTokens('Phil Collins')).toEqual(['collins', 'phil']);
    expect(nameTokens('Ayşe Şen')).toEqual(['ayse', 'sen']);
  });

  it('compares token sets', () => {
    expect(compareNames(nameTokens('Thomas Mueller'), nameTokens('Müller, Thomas'))).toBe('exact');
    expect(compareNames(nameTokens('THOMAS UND ANNA MUELLER'), nameTokens('Anna Müller'))).toBe('partial');
    expect(compareNames(nameTokens('Thomas Alexander Müller'), nameTokens('Thomas Müller'))).toBe('partial');
    expect(compareNames(nameTokens('Petra Müller'), nameTokens('Thomas Müller'))).toBe('none');
    expect(compareNames([], nameTokens('Thomas Müller'))).toBe('none');
  });

  it('derives the customer key from e-mail, else name', () => {
    expect(customerKey({ email: ' A@B.de ', customerName: 'X' })).toBe('email:a@b.de');
    expect(customerKey({ customerName: 'Müller, Thomas' })).toBe('name:muller thomas');
    expect(customerKey({})).toBeUndefined();
  });
});
