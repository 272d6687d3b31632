import { describe, expect, it } from 'vitest';
import { blockerCountsMatter } from '#core/matching/ranking.ts';
import { signal } from '#core/matching/scoring.ts';
import type { Candidate, PassName, Signal } from '#core/matching/types.ts';

/** A ranked candidate as rankCandidates makes them (only what the ranking rules read matters here). */
function candidate(
  orderIds: number[],
  score: number,
  pass: PassName,
  blockers: string[] = [],
  signals: Signal[] = [],
): Candidate {
  return {
    orderIds,
    allocations: [],
    amountMinor: 4990,
    score,
    signals,
    pass,
    blockers,
    shortfallMinor: 0,
    flags: [],
  };
}

describe('blockerCountsMatter: when a ranking of compare candidates must be ranked again with every blocker', () => {
  const payer = signal('name_exact', 'payer Eva Koch');
  const best = candidate([1], 0.95, 'number', [], [payer]);

  it('says yes for an automatic best whose blocked runner-up ties with a competitor of another pass', () => {
    // Which of the two comes first depends on how many blockers each has; the decision keeps the runner-up's pass.
    const ranked = [
      best,
      candidate([2], 0.6, 'payer', ['payer_amount_differs']),
      candidate([3], 0.6, 'typo', ['typo_unconfirmed']),
    ];
    expect(blockerCountsMatter(ranked)).toBe(true);
  });

  it('says no where the order of blocked ties decides nothing', () => {
    const tie = (pass: PassName, ids = [3], blockers = ['typo_unconfirmed']) =>
      candidate(ids, 0.6, pass, blockers);
    const second = candidate([2], 0.6, 'payer', ['payer_amount_differs']);
    const cases: [string, Candidate[]][] = [
      [
        'the best is blocked (not automatic whatever the order)',
        [candidate([1], 0.95, 'number', ['order_cancelled']), second, tie('typo')],
      ],
      ['no runner-up', [best]],
      [
        'the runner-up has no blocker (it comes first either way)',
        [best, candidate([2], 0.6, 'payer'), tie('typo')],
      ],
      ['the tie has the same pass', [best, second, tie('payer')]],
      ['the other pass scores lower', [best, second, candidate([3], 0.59, 'typo', ['typo_unconfirmed'])]],
      [
        'the other pass is a part of the best one',
        [candidate([1, 3], 0.95, 'combined', [], [payer]), second, tie('typo')],
      ],
      [
        'the other pass is an order the shop cancelled, behind a best the payer agrees with',
        [best, second, tie('typo', [3], ['order_cancelled'])],
      ],
    ];
    for (const [name, ranked] of cases) expect(blockerCountsMatter(ranked), name).toBe(false);
  });
});
