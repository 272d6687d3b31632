import { describe, expect, it } from 'vitest';
import { possibleTransitions } from '#core/shops/shopware6/connector.ts';

// IllegalTransitionException (shopware/shopware src/Core/System/StateMachine/Exception) passes the action names
// as a PHP array, which JSON encodes as a list or, with gaps in its keys, as an object, plus the joined string.
describe('possible transitions of a Shopware illegal-transition error', () => {
  it('reads the list as Shopware sends it', () => {
    expect(
      possibleTransitions({
        possibleTransitions: ['pay', 'pay_partially', 'cancel'],
        possibleTransitionsString: 'pay, pay_partially, cancel',
      }),
    ).toEqual(['pay', 'pay_partially', 'cancel']);
  });

  it('reads a PHP array with gaps in its keys (a JSON object)', () => {
    expect(possibleTransitions({ possibleTransitions: { '0': 'pay', '2': 'cancel' } })).toEqual([
      'pay',
      'cancel',
    ]);
  });

  it('falls back to the joined string, and reads an older comma-separated value', () => {
    expect(possibleTransitions({ possibleTransitionsString: 'pay, cancel' })).toEqual(['pay', 'cancel']);
    expect(possibleTransitions({ possibleTransitions: 'pay,cancel' })).toEqual(['pay', 'cancel']);
  });

  it('gives nothing for an error without them', () => {
    expect(possibleTransitions(undefined)).toEqual([]);
    expect(possibleTransitions({ possibleTransitions: [1, null] })).toEqual([]);
  });
});
