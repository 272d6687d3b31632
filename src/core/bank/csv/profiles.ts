/**
 * Stored CSV profiles (table csv_profiles): a merchant defines a layout once per account and imports with it by
 * name. Built-in profile names are reserved, so `getCsvProfile` answers for both kinds.
 */
import { asc, eq } from 'drizzle-orm';
import type { Clock } from '../../deps.ts';
import type { Db } from '../../db/open.ts';
import { csvProfiles } from '../../db/schema/csv-profiles.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { BUILTIN_PROFILES } from './builtin-profiles.ts';
import {
  CsvProfileDefinition,
  describeProfileIssues,
  type CsvProfile,
  type CsvProfileInput,
} from './profile.ts';

export type StoredCsvProfile = { name: string; builtin: boolean; profile: CsvProfile; createdAt?: string };

function builtin(name: string): CsvProfile | undefined {
  const b = BUILTIN_PROFILES.find((p) => p.profile.name === name);
  return b ? CsvProfileDefinition.parse(b.profile) : undefined;
}

/**
 * Validates and stores a profile; `replace` overwrites one of the same name, otherwise a name is used once.
 * `replaced` says whether a stored profile of that name was overwritten.
 */
export function saveCsvProfile(
  deps: { db: Db; clock: Clock },
  input: CsvProfileInput,
  options: { replace?: boolean } = {},
): StoredCsvProfile & { replaced: boolean } {
  const checked = CsvProfileDefinition.safeParse(input);
  if (!checked.success) {
    throw new ValidationError(
      'CSV_PROFILE_INVALID',
      `The CSV profile${profileName(input)} is not valid: ${describeProfileIssues(checked.error)}. Nothing was stored. Correct these fields (README, "Bank import", CSV, lists each field and its values) and store the profile again.`,
    );
  }
  const profile = checked.data;
  if (builtin(profile.name)) {
    throw new ValidationError(
      'CSV_PROFILE_RESERVED',
      `"${profile.name}" is the name of a built-in profile; choose another name.`,
    );
  }
  const createdAt = deps.clock.now().toISOString();
  const definition = JSON.stringify(profile);
  const { db } = deps;
  const replaced = db.transaction((tx) => {
    const existing = tx
      .select({ id: csvProfiles.id })
      .from(csvProfiles)
      .where(eq(csvProfiles.name, profile.name))
      .get();
    if (existing && !options.replace) {
      throw new ValidationError(
        'CSV_PROFILE_EXISTS',
        `A CSV profile named "${profile.name}" exists already; use another name or replace it.`,
      );
    }
    if (existing)
      tx.update(csvProfiles).set({ definition, createdAt }).where(eq(csvProfiles.id, existing.id)).run();
    else tx.insert(csvProfiles).values({ name: profile.name, definition, createdAt }).run();
    return existing !== undefined;
  });
  return { name: profile.name, builtin: false, profile, createdAt, replaced };
}

/** A stored or built-in profile by name; NotFoundError (CSV_PROFILE_NOT_FOUND) otherwise. */
export function getCsvProfile(deps: { db: Db }, name: string): StoredCsvProfile {
  const b = builtin(name);
  if (b) return { name, builtin: true, profile: b };
  const row = deps.db.select().from(csvProfiles).where(eq(csvProfiles.name, name)).get();
  if (!row) {
    throw new NotFoundError(
      'CSV_PROFILE_NOT_FOUND',
      `There is no CSV profile "${name}". List them with "kassenwart csv-profile list", or define one with "kassenwart csv-profile add FILE.json".`,
    );
  }
  return {
    name: row.name,
    builtin: false,
    profile: parseStored(row.definition, row.name),
    createdAt: row.createdAt,
  };
}

/** Built-in profiles first, then stored ones by name. */
export function listCsvProfiles(deps: { db: Db }): StoredCsvProfile[] {
  const stored = deps.db.select().from(csvProfiles).orderBy(asc(csvProfiles.name)).all();
  return [
    ...BUILTIN_PROFILES.map((b) => ({
      name: b.profile.name,
      builtin: true,
      profile: CsvProfileDefinition.parse(b.profile),
    })),
    ...stored.map((r) => ({
      name: r.name,
      builtin: false,
      profile: parseStored(r.definition, r.name),
      createdAt: r.createdAt,
    })),
  ];
}

/** ` "name"` of a profile that is being checked, when it has a name at all. */
function profileName(input: unknown): string {
  const name = (input as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() ? ` "${name}"` : '';
}

function parseStored(definition: string, name: string): CsvProfile {
  let json: unknown;
  try {
    json = JSON.parse(definition);
  } catch {
    throw new ValidationError(
      'CSV_PROFILE_CORRUPT',
      `The stored CSV profile "${name}" is not valid JSON; define it again.`,
    );
  }
  const checked = CsvProfileDefinition.safeParse(json);
  if (!checked.success) {
    throw new ValidationError(
      'CSV_PROFILE_CORRUPT',
      `The stored CSV profile "${name}" no longer validates; define it again.`,
    );
  }
  return checked.data;
}
