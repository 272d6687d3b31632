import { describe, expect, it } from 'vitest';
import { checkCreditorReference, isValidRfReference } from '#core/bank/creditor-reference.ts';

describe('ISO 11649 creditor reference', () => {
  it.each([
    ['RF18539007547034', true],
    ['RF18 5390 0754 7034', true],
    ['rf18539007547034', true],
    ['RF19539007547034', false],
    ['RF18', false],
    ['RF18539007547034000000000000', false],
  ])('%s -> %s', (ref, valid) => {
    expect(isValidRfReference(ref)).toBe(valid);
  });
  it('keeps other structured references and rejects broken RF ones', () => {
    expect(checkCreditorReference('210000000003139471430009017')).toEqual({
      reference: '210000000003139471430009017',
    });
    expect(checkCreditorReference('RF19539007547034').problem).toMatch(/ISO 11649/);
    expect(checkCreditorReference(undefined)).toEqual({});
  });
});
