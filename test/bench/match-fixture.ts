/** Where and how the committed fixed-seed matcher data set is made (see match.bench.ts --write-fixture). */
export const FIXTURE_URL = new URL('../fixtures/match/fixed-seed.json', import.meta.url);
export const FIXTURE_SEED = 20261126;
export const FIXTURE_PAYMENTS = 1000;
