/**
 * `csv-profile add FILE.json [--replace]` and `csv-profile list`: the merchant's own CSV layouts (README "Bank
 * import", CSV), stored in the database and used with `kassenwart import FILE --csv-profile NAME`. The file is
 * checked with the same zod schema the importer uses (CsvProfileDefinition) before the database is opened.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CsvProfileDefinition, type CsvProfile, describeProfileIssues } from '#core/bank/csv/profile.ts';
import { ValidationError } from '#core/errors.ts';
import { type Io, formatFor, printJson, withCore } from '../context.ts';

/** The profile in FILE, validated; errors name the file and say what to correct. */
export function readCsvProfileFile(file: string): CsvProfile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ValidationError(
      'CSV_PROFILE_FILE_UNREADABLE',
      `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check the path.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ValidationError(
      'CSV_PROFILE_NOT_JSON',
      `${file}: not valid JSON (${(error as Error).message}). Write the profile as one JSON object, e.g. {"name": "my-bank", "delimiter": ";", "dateFormat": "DD.MM.YYYY", "columns": {"bookingDate": "Datum", "amount": "Betrag"}}.`,
    );
  }
  const checked = CsvProfileDefinition.safeParse(json);
  if (!checked.success) {
    throw new ValidationError(
      'CSV_PROFILE_INVALID',
      `${file}: the CSV profile is not valid: ${describeProfileIssues(checked.error)}. Nothing was stored. Correct these fields in ${file} (README, "Bank import", CSV, lists each field and its values) and run "kassenwart csv-profile add ${file}" again.`,
    );
  }
  return checked.data;
}

export function registerCsvProfile(program: Command, io: Io): void {
  const group = program
    .command('csv-profile')
    .description('define your own CSV layouts for bank exports no built-in layout reads');

  group
    .command('add')
    .description('store the CSV profile in FILE (JSON); import with --csv-profile NAME')
    .argument('<file>', 'the profile as a JSON object')
    .option('--replace', 'replace a stored profile of the same name')
    .action((file: string, cmd: { replace?: boolean }) => {
      const input = readCsvProfileFile(file);
      return withCore(program, io, (core, options) => {
        const { replaced, ...saved } = core.bank.saveCsvProfile(input, { replace: cmd.replace === true });
        if (options.json) {
          printJson(io, { name: saved.name, replaced, createdAt: saved.createdAt, profile: saved.profile });
          return;
        }
        const t = formatFor(options, io).t.csvProfile;
        io.stdout(`${replaced ? t.replaced(saved.name) : t.saved(saved.name)}\n`);
      });
    });

  group
    .command('list')
    .description('list the built-in and the stored CSV profiles')
    .action(() =>
      withCore(program, io, (core, options) => {
        const profiles = core.bank.listCsvProfiles().map((p) => ({
          name: p.name,
          builtin: p.builtin,
          label: p.profile.label ?? null,
          createdAt: p.createdAt ?? null,
        }));
        if (options.json) {
          printJson(io, { profiles });
          return;
        }
        const t = formatFor(options, io).t.csvProfile;
        const lines = profiles.map(
          (p) => `${p.name.padEnd(28)} ${p.builtin ? t.builtin : (p.createdAt ?? '')}`,
        );
        io.stdout(`${lines.join('\n')}\n`);
      }),
    );
}
