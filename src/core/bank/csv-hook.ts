/**
 * Where the CSV parser (src/core/bank/csv/, written separately) plugs into the import. Until it lands, CSV
 * files are rejected with IMPORT_CSV_UNAVAILABLE.
 */
import type { CsvParse } from './read-statement.ts';

export const csvParser: CsvParse | undefined = undefined;
