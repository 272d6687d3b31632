/**
 * CAMT.052 / .053 / .054 statement parser (all versions 001.01–001.13, DK variants): text chunks in, ParseEvents
 * out, streaming. Fatal problems throw ImportError (file + element path + what to do); warnings are events.
 */
import type { ParseEvent } from '../types.ts';
import { CamtReader } from './parser.ts';

export function* parseCamt(input: string | Iterable<string>, fileName: string): Generator<ParseEvent> {
  const reader = new CamtReader(fileName);
  const chunks = typeof input === 'string' ? [input] : input;
  for (const chunk of chunks) {
    reader.write(chunk);
    yield* reader.drain();
  }
  reader.end();
  yield* reader.drain();
}

export { CamtReader };
