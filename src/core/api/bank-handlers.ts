/** Handlers of the bank area of the API (see src/shared/api/bank.ts). */
import { isAbsolute } from 'node:path';
import type { bankApi } from '#shared/api/bank.ts';
import { ValidationError } from '../errors.ts';
import type { Core } from '../index.ts';
import type { AreaHandlers } from './area.ts';

export function createBankHandlers(core: Core): AreaHandlers<typeof bankApi> {
  return {
    'postings.list': (input) => core.bank.listPostings(input),
    'import.files': async (input) => {
      const relative = input.paths.find((p) => !isAbsolute(p));
      if (relative)
        throw new ValidationError(
          'IMPORT_PATH_NOT_ABSOLUTE',
          `"${relative}" is not an absolute path. Pass full paths of the statement files.`,
        );
      const results = await core.bank.importFiles(input.paths, {
        actor: 'api',
        ...(input.accountIban ? { accountIban: input.accountIban } : {}),
        ...(input.csvProfile ? { csvProfile: input.csvProfile } : {}),
      });
      return { results: results.map((r) => (r.ok ? (({ postingIds: _ids, ...rest }) => rest)(r) : r)) };
    },
    'bank.watchFolder.get': () => ({ folder: core.bank.getWatchFolder() }),
    'bank.watchFolder.set': (input) => {
      if (input.folder !== null && !isAbsolute(input.folder))
        throw new ValidationError('WATCH_FOLDER_NOT_ABSOLUTE', 'The watch folder must be an absolute path.');
      return { folder: core.bank.setWatchFolder(input.folder) };
    },
  };
}
