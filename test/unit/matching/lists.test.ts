import { describe, expect, it } from 'vitest';
import { appended, EMPTY_LIST } from '#core/matching/lists.ts';

describe('appended', () => {
  it('makes a new list of exactly one more item, leaving the old one as it was', () => {
    const one = appended(EMPTY_LIST, 'a');
    const two = appended(one, 'b');
    const three = appended(two, 'c');
    expect(one).toEqual(['a']);
    expect(two).toEqual(['a', 'b']);
    expect(three).toEqual(['a', 'b', 'c']);
    expect(three).toHaveLength(3);
    expect(Object.keys(three)).toEqual(['0', '1', '2']);
    expect(EMPTY_LIST).toHaveLength(0);
  });
});
