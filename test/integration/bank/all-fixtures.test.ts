/**
 * Every shared bank fixture that is not CAMT (those are in camt-fixtures.test.ts, with expected results)
 * goes through the full import: MT940, MT942 and CSV files import without error, deliberately broken or
 * non-statement files fail with the right typed error, fragments that name no account import once the account
 * is given (as the error tells the merchant to do), and importing any file a second time adds nothing.
 * Parser-level expected results (.yml, .ofx) are compared in test/unit/bank-mt940/shared-fixtures.test.ts and
 * the CSV parser's shared-fixture tests (test/unit/bank-csv/).
 */
import { describe, expect, it } from 'vitest';
import { makeTestDb } from '../../helpers/db.ts';
import { listFiles, rel, SHARED_BANK_FIXTURES } from '../../helpers/bank-fixtures.ts';
import type { FileResult } from '#core/bank/import-service.ts';

const EXPECTATION_FILE = /\.(json|ya?ml|pydata|ofx|md)$|-pretty\.xml$/;
const files = ['mt940', 'mt942', 'csv']
  .flatMap((d) => listFiles(`${SHARED_BANK_FIXTURES}${d}`))
  .filter((f) => !EXPECTATION_FILE.test(f));

/** SOURCES.md marks these as negative, or their content is not a valid statement. */
const EXPECTED_ERRORS: Record<string, string> = {
  'mt940/wolph__mt940/self-provided/invalid_statement.sta': 'IMPORT_UNKNOWN_FORMAT', // "NEGATIVE": only numbers
  'mt940/railslove__cmxl/mt940-headers.txt': 'MT940_BAD_DATE', // header test file: dates 362268 / 141387 are not dates
  // Snippets whose message (opened by :20:) ends with the file before its mandatory :62F:, as a cut-off file does.
  'mt940/railslove__cmxl/mt940-with-colon-after-line-break.txt': 'MT940_TRUNCATED',
  'mt940/wolph__mt940/self-provided/account_identification.sta': 'MT940_TRUNCATED',
  'mt940/wolph__mt940/self-provided/gv_codes.sta': 'MT940_TRUNCATED',
  // A complete message, then one of which only the :20: line is there (as a file cut right after it looks).
  'mt940/fruitl00p__php-mt940/Rabo/sample2': 'MT940_TRUNCATED',
};

const FALLBACK_ACCOUNT = 'DE89370400440532013000';

describe('shared MT940 / MT942 / CSV fixtures through the importer', () => {
  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  for (const file of files) {
    const name = rel(file);
    it(`imports ${name}`, async () => {
      const { core, db } = makeTestDb();
      const counts = () =>
        db.$client
          .prepare('SELECT (SELECT count(*) FROM postings) AS p, (SELECT count(*) FROM bank_accounts) AS a')
          .get();
      let [result] = await core.bank.importFiles([file]);
      let options = {};
      if (result && !result.ok && result.error.code === 'IMPORT_NO_ACCOUNT') {
        expect(counts()).toEqual({ p: 0, a: 0 });
        options = { accountIban: FALLBACK_ACCOUNT };
        [result] = await core.bank.importFiles([file], options);
      }
      const wantError = EXPECTED_ERRORS[name];
      if (wantError) {
        expect(result).toMatchObject({ ok: false, error: { code: wantError } });
        expect(counts()).toEqual({ p: 0, a: 0 });
        return;
      }
      const first = ensureOk(result);
      expect(first.new + first.duplicate).toBe(first.entries);
      // Only intraday reports may repeat an entry within a file (cmxl mt942.txt holds the same message twice).
      if (first.format !== 'mt942') expect(first.duplicate).toBe(0);
      const again = ensureOk((await core.bank.importFiles([file], options))[0]);
      expect({ new: again.new, replaced: again.replaced, duplicate: again.duplicate }).toEqual({
        new: 0,
        replaced: 0,
        duplicate: first.entries,
      });
    });
  }
});

function ensureOk(r: FileResult | undefined) {
  if (!r?.ok) throw new Error(`import failed: ${JSON.stringify(r)}`);
  return r;
}
