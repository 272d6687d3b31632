/**
 * The CSV parser in the shape the import pipeline plugs in (read-statement.ts `CsvParse`): the profile comes by
 * name. Built-in names resolve here; stored (user) profiles through `lookup`, e.g.
 * `makeCsvParse((name) => getCsvProfile({ db }, name).profile)`.
 */
import type { ParseEvent } from '../types.ts';
import { isKassenwartError } from '../../errors.ts';
import { BUILTIN_PROFILES } from './builtin-profiles.ts';
import { parseCsv } from './index.ts';
import { CsvProfileDefinition, type CsvProfile } from './profile.ts';

export type CsvProfileLookup = (name: string) => CsvProfile | undefined;

export function makeCsvParse(lookup?: CsvProfileLookup) {
  return function* csvParse(
    text: string,
    fileName: string,
    options: { profile?: string } = {},
  ): Generator<ParseEvent> {
    if (!options.profile) {
      yield* parseCsv(text, fileName);
      return;
    }
    const builtin = BUILTIN_PROFILES.find((b) => b.profile.name === options.profile);
    let profile: CsvProfile | undefined = builtin ? CsvProfileDefinition.parse(builtin.profile) : undefined;
    if (!profile && lookup) {
      try {
        profile = lookup(options.profile);
      } catch (e) {
        if (!isKassenwartError(e)) throw e;
      }
    }
    if (!profile) {
      yield {
        kind: 'problem',
        problem: {
          code: 'CSV_PROFILE_NOT_FOUND',
          message: `${fileName}: there is no CSV profile "${options.profile}". Define it first, or import without --csv-profile to use the built-in bank layouts.`,
          file: fileName,
          severity: 'error',
        },
      };
      return;
    }
    yield* parseCsv(text, fileName, { profile });
  };
}
