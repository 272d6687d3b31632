/**
 * A small seeded generator (mulberry32) for reproducible references in tests and the benchmark data set.
 * Production uses `cryptoRandomInt` (node:crypto) so references cannot be guessed from each other.
 */
import { randomInt } from 'node:crypto';
import type { RandomInt } from './references.ts';

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededRandomInt(seed: number): RandomInt {
  const next = seededRandom(seed);
  return (n) => Math.floor(next() * n);
}

export const cryptoRandomInt: RandomInt = (n) => randomInt(n);
