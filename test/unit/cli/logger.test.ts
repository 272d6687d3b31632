import { describe, expect, it, vi } from 'vitest';
import { createStderrLogger } from '#core/deps.ts';
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

  it('writes JSON lines on stderr from its level, whose own keys a field of the same name cannot replace', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const logger = createStderrLogger('warn');
      logger.log('info', 'not shown', { shopId: 1 });
      logger.log('error', 'sync failed', { shopId: 1, message: 'connect ECONNREFUSED' });
      logger.log('warn', 'sync job not run', { shopId: 2 });
    } finally {
      spy.mockRestore();
    }
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed).toEqual([
      {
        at: expect.any(String),
        level: 'error',
        message: 'sync failed',
        fields: { shopId: 1, message: 'connect ECONNREFUSED' },
      },
      { at: expect.any(String), level: 'warn', message: 'sync job not run', shopId: 2 },
    ]);
  });
});
