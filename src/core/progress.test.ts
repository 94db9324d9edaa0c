import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPhase, type Progress } from './progress.js';

describe('startPhase', () => {
  let now = 0;
  const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
  afterEach(() => {
    now = 0;
  });

  it('reports the start at once, ticks at most every 100 ms, and the end at the total', () => {
    const calls: Progress[] = [];
    const p = startPhase((c) => calls.push(c), 'checking', 'rows', 1000);
    p.tick(10); // 0 ms after the start: too soon
    now = 150;
    p.tick(200);
    now = 200;
    p.tick(300); // 50 ms after the last: too soon
    now = 400;
    p.tick(100); // less than was reported: never goes down
    now = 500;
    p.tick(600, { problems: 2 });
    p.end();
    p.tick(700); // after the end: nothing
    p.end(800);
    expect(calls).toEqual([
      { phase: 'checking', done: 0, total: 1000, unit: 'rows' },
      { phase: 'checking', done: 200, total: 1000, unit: 'rows' },
      { phase: 'checking', done: 600, total: 1000, unit: 'rows', also: { problems: 2 } },
      { phase: 'checking', done: 1000, total: 1000, unit: 'rows' },
    ]);
  });

  it('ends a phase of unknown size at what was done, which becomes its total', () => {
    const calls: Progress[] = [];
    const p = startPhase((c) => calls.push(c), 'loading', 'records');
    p.end(42);
    expect(calls).toEqual([
      { phase: 'loading', done: 0, unit: 'records' },
      { phase: 'loading', done: 42, total: 42, unit: 'records' },
    ]);
  });

  it('costs nothing and reads no clock without a callback', () => {
    clock.mockClear();
    const p = startPhase(undefined, 'x', 'rows', 10);
    p.tick(5);
    p.end();
    expect(clock).not.toHaveBeenCalled();
  });
});
