/**
 * What the matcher did after an import (importFilesWithMatching, printed by `kassenwart import`): it runs after each
 * file that added postings; the automatic work is summed over the runs, the queue is the one after the last run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBankService } from '#core/bank/import-service.ts';
import { silentLogger } from '#core/deps.ts';
import { camtXml } from '../../helpers/camt-builder.ts';
import { makeTestDb, tempDir } from '../../helpers/db.ts';
import { makeOrder, makeShop } from '../../helpers/factories.ts';

const camt = (dir: string, name: string, entries: Parameters<typeof camtXml>[1][number]['entries']) => {
  const path = join(dir, name);
  writeFileSync(path, camtXml('053', [{ entries }]));
  return path;
};

describe('the matcher after an import', () => {
  it('sums the automatic assignments of the runs after each file and reports the queue after the last', async () => {
    const { core, db } = makeTestDb();
    const shop = makeShop(db, { name: 'Laden' });
    makeOrder(db, { shopId: shop.id, number: 'WC-5001', totalMinor: 2350 });
    makeOrder(db, { shopId: shop.id, number: 'WC-5002', totalMinor: 1800 });
    makeOrder(db, { shopId: shop.id, number: 'WC-5003', totalMinor: 1000, customerName: 'Eva Koch' });
    const dir = tempDir();
    const first = camt(dir, 'a.xml', [
      { amount: '23.50', name: 'Erika Mustermann', remittance: 'Bestellung WC-5001', e2e: 'E2E-1' },
      { amount: '35.00', name: 'Irgendwer', remittance: 'Danke' },
    ]);
    const second = camt(dir, 'b.xml', [
      { amount: '18.00', name: 'Erika Mustermann', remittance: 'Bestellung WC-5002', e2e: 'E2E-2' },
      { amount: '10.00', name: 'Hans Weber', remittance: 'Zahlung' },
    ]);
    const { results, matching } = await core.bank.importFilesWithMatching([
      first,
      second,
      join(dir, 'x.xml'),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(matching).toEqual({
      auto: 2,
      suggested: 1,
      none: 1,
      returns: 0,
      debits: 0,
      assignmentsCreated: 2,
      assignmentsUndone: 0,
    });
    // The queue counts are the queue's: 35.00 fits no order, 10.00 is suggested for WC-5003.
    const bands = core.matching.queue().items.map((i) => [i.posting.amountMinor, i.band]);
    expect(bands.sort()).toEqual([
      [1000, 'suggest'],
      [3500, 'none'],
    ]);
    // Nothing new: the matcher does not run, and there is nothing to report.
    expect((await core.bank.importFilesWithMatching([first])).matching).toBeNull();
  });

  it('reports nothing when the matcher failed (it is logged; `kassenwart match` runs it again)', async () => {
    const { db, clock } = makeTestDb();
    let calls = 0;
    const bank = createBankService({
      db,
      clock,
      logger: silentLogger,
      afterImport: () => {
        calls += 1;
        if (calls === 2) throw new Error('matcher broke');
        return {
          auto: 1,
          suggested: 0,
          none: 0,
          returns: 0,
          debits: 0,
          assignmentsCreated: 1,
          assignmentsUndone: 0,
        };
      },
    });
    const dir = tempDir();
    const files = [camt(dir, 'a.xml', [{ amount: '1.00' }]), camt(dir, 'b.xml', [{ amount: '2.00' }])];
    const { results, matching } = await bank.importFilesWithMatching(files);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(calls).toBe(2);
    expect(matching).toBeNull();
  });
});
