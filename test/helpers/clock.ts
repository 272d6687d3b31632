import type { Clock } from '#core/deps.ts';

/** A clock tests drive by hand: no sleeps, no real time (design §3.11). */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: string | Date = '2026-11-02T09:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(to: string | Date): void {
    this.current = new Date(to).getTime();
  }
}
