import { describe, expect, it } from 'vitest';
import type { SyncJobDone } from '#core/sync/job-events.ts';
import { cliFormat } from '../../../src/cli/i18n.ts';
import { createCliLogger, describeSyncJob, logLevelFrom } from '../../../src/cli/logger.ts';

const de = cliFormat({ language: 'de', locale: 'de-DE' });
const en = cliFormat({ language: 'en', locale: 'en-GB' });
const job: SyncJobDone = {
  shopId: 1,
  shop: 'Laden',
  kind: 'new',
  state: 'ok',
  finishedAt: '2026-11-27T18:47:00.000Z',
  ordersSeen: 1200,
  ordersNew: 3,
  ordersChanged: 1,
  ordersRemoved: 0,
  requests: 1,
  error: null,
};

describe('the CLI logger (kassenwart run)', () => {
  it('takes its level from KASSENWART_LOG; unset or unknown is warn', () => {
    expect(logLevelFrom({})).toBe('warn');
    expect(logLevelFrom({ KASSENWART_LOG: 'INFO' })).toBe('info');
    expect(logLevelFrom({ KASSENWART_LOG: 'error' })).toBe('error');
    expect(logLevelFrom({ KASSENWART_LOG: 'verbose' })).toBe('warn');
  });

  it('describes a finished sync job in one line, in the language and locale, failed ones with their code', () => {
    expect(describeSyncJob(job, de)).toBe(
      `${de.instant(job.finishedAt)} Laden (neue Bestellungen): 1.200 Bestellungen gelesen, 3 neu, 1 geändert, 0 entfernt (1 Anfrage)`,
    );
    expect(describeSyncJob({ ...job, kind: 'full' }, en)).toBe(
      `${en.instant(job.finishedAt)} Laden (full comparison): 1,200 orders read, 3 new, 1 changed, 0 removed (1 request)`,
    );
    const failed = {
      ...job,
      state: 'failed' as const,
      error: { code: 'SHOP_UNREACHABLE', message: 'No answer.' },
    };
    expect(describeSyncJob(failed, de)).toBe(
      `${de.instant(job.finishedAt)} Laden (neue Bestellungen): fehlgeschlagen – No answer. (SHOP_UNREACHABLE)`,
    );
    expect(describeSyncJob(job, de)).not.toMatch(/\dT\d/);
  });

  it('prints a finished job on stdout for people, and nothing there for --json', () => {
    const out: string[] = [];
    createCliLogger({}, (text) => out.push(text), de).log('info', 'sync job done', job);
    expect(out).toEqual([`${describeSyncJob(job, de)}\n`]);
    const json: string[] = [];
    createCliLogger({ KASSENWART_LOG: 'error' }, (text) => json.push(text), undefined).log(
      'info',
      'sync job done',
      job,
    );
    expect(json).toEqual([]);
  });
});
