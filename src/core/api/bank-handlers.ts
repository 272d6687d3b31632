/** Handlers of the bank area of the API (see src/shared/api/bank.ts). */
import { isAbsolute } from 'node:path';
import type { bankApi } from '#shared/api/bank.ts';
import { ValidationError } from '../errors.ts';
import type { Core } from '../index.ts';
import type { AreaHandlers } from './area.ts';

export function createBankHandlers(core: Core): AreaHandlers<typeof bankApi> {
  return {
    // `account` as `postings --account` takes it; one that is not known is ACCOUNT_NOT_FOUND, as in the CLI.
    'postings.list': ({ account, ...query }) =>
      core.bank.listPostings({
        ...query,
        ...(account !== undefined ? { accountId: core.bank.findAccount(account).id } : {}),
      }),
    'import.files': async (input) => {
      const relative = input.paths.find((p) => !isAbsolute(p));
      if (relative)
        throw new ValidationError(
          'IMPORT_PATH_NOT_ABSOLUTE',
          `"${relative}" is not an absolute path. Pass full paths of the statement files.`,
        );
      const account = input.account ?? input.accountIban;
      // What the matcher did afterwards too, as `kassenwart import --json` reports it.
      const { results, matching } = await core.bank.importFilesWithMatching(input.paths, {
        actor: 'api',
        ...(account ? { accountIban: account } : {}),
        ...(input.csvProfile ? { csvProfile: input.csvProfile } : {}),
      });
      return {
        results: results.map((r) => (r.ok ? (({ postingIds: _ids, ...rest }) => rest)(r) : r)),
        matching,
      };
    },
    'bank.watchFolder.get': () => ({ folder: core.bank.getWatchFolder() }),
    'bank.watchFolder.set': (input) => {
      if (input.folder !== null && !isAbsolute(input.folder))
        throw new ValidationError('WATCH_FOLDER_NOT_ABSOLUTE', 'The watch folder must be an absolute path.');
      return { folder: core.bank.setWatchFolder(input.folder) };
    },
  };
}
