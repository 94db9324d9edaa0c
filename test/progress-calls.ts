import { vi, type expect as Expect } from 'vitest';
import type { Progress } from '../src/core/progress.js';

/**
 * Progress reports of a run, with a clock that moves 150 ms at each reading, so that every
 * `tick` of a phase reports (they are at least 100 ms apart).
 */
export function recordProgress(): {
  calls: Progress[];
  onProgress: (p: Progress) => void;
  /** The reports of each phase, in the order the phases came. */
  phases: () => Map<string, Progress[]>;
  restore: () => void;
} {
  let now = 0;
  const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 150));
  const calls: Progress[] = [];
  return {
    calls,
    onProgress: (p) => calls.push(p),
    phases: () => {
      const out = new Map<string, Progress[]>();
      for (const c of calls) out.set(c.phase, [...(out.get(c.phase) ?? []), c]);
      return out;
    },
    restore: () => clock.mockRestore(),
  };
}

/** Each phase starts at 0, never goes down, and ends at its total. */
export function expectWellFormed(phases: Map<string, Progress[]>, expect: typeof Expect): void {
  for (const [phase, list] of phases) {
    expect(list[0]?.done, phase).toBe(0);
    for (let i = 1; i < list.length; i++)
      expect(list[i]!.done, phase).toBeGreaterThanOrEqual(list[i - 1]!.done);
    const last = list.at(-1)!;
    expect(last.total, phase).toBeDefined();
    expect(last.done, phase).toBe(last.total);
  }
}
