/**
 * `kassenwart accounts`: the known bank accounts, each with the IBAN or id that `import --account` and
 * `postings --account` take. JSON output (global --json) is a public interface (README "Bank import").
 */
import type { Command } from 'commander';
import type { AccountView } from '#core/bank/accounts-query.ts';
import { type Io, formatFor, printJson, withCore } from '../context.ts';
import type { CliFormat } from '../i18n.ts';

function describeAccount(a: AccountView, f: CliFormat): string {
  const t = f.t.accounts;
  const label = [a.name, a.holder].filter((s): s is string => Boolean(s)).join(', ');
  const lines = [
    [`id:${a.id}`.padEnd(7), a.iban ?? a.otherId ?? '?', a.currency, label ? `(${label})` : '']
      .filter(Boolean)
      .join(' '),
    `  ${t.postings(f.counted(a.postings))}${a.lastBookingDate ? `, ${t.lastBooking(f.date(a.lastBookingDate))}` : ''}${a.lastStatementDate ? `, ${t.lastStatement(f.date(a.lastStatementDate))}` : ''}${a.lastImportedAt ? `, ${t.lastImport(f.instant(a.lastImportedAt))}` : ''}`,
  ];
  // An account with an IBAN may also be known by the bank's other id (BLZ/Kontonummer): both find it.
  if (a.iban && a.otherId) lines.push(`  ${t.alsoKnownAs(a.otherId)}`);
  if (a.csvProfile) lines.push(`  ${t.csvProfile(a.csvProfile)}`);
  return lines.join('\n');
}

export function registerAccounts(program: Command, io: Io): void {
  program
    .command('accounts')
    .description(
      'list the known bank accounts with the IBAN or id that import --account and postings --account take',
    )
    .action(() =>
      withCore(program, io, (core, options) => {
        const accounts = core.bank.listAccounts();
        if (options.json) {
          printJson(io, { accounts });
          return;
        }
        const f = formatFor(options, io);
        io.stdout(
          accounts.length
            ? `${accounts.map((a) => describeAccount(a, f)).join('\n')}\n`
            : `${f.t.accounts.none}\n`,
        );
      }),
    );
}
