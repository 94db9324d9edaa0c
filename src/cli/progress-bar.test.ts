import { describe, expect, it } from 'vitest';
import { duration, ProgressBars } from './progress-bar.js';

/** The lines a terminal would show: each redraw replaces the line it is on. */
function screen(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\x1b\[1G/g, '\r').replace(/\x1b(\[[0-9;?]*[A-Za-z]|[78])/g, '');
  return plain.split('\n').map((line) => line.split('\r').at(-1) ?? '');
}

describe('ProgressBars', () => {
  it('draws a line per phase, redrawn in place, and leaves each with the time it took', () => {
    let out = '';
    const bars = new ProgressBars({ write: (t) => (out += t), columns: () => 120 }, 'import a.csv');
    bars.onProgress({ phase: 'checking', done: 0, total: 200, unit: 'rows' });
    bars.onProgress({ phase: 'checking', done: 200, total: 200, unit: 'rows' });
    bars.onProgress({ phase: 'writing', done: 0, total: 5_000_000, unit: 'bytes' });
    bars.onProgress({
      phase: 'writing',
      done: 2_500_000,
      total: 5_000_000,
      unit: 'bytes',
      also: { 'rows written': 1200 },
    });
    bars.stop();
    const lines = screen(out);
    expect(lines[0]).toMatch(
      /^import a\.csv \| checking \[█{20}\] 100% \| 200\/200 rows \| .*took/,
    );
    expect(lines[1]).toMatch(
      /^import a\.csv \| writing \[█{10}░{10}\] {2}50% \| 2\.5\/5\.0 MB \| took .* \| 1,200 rows written$/,
    );
    expect(lines[2]).toBe('');
  });

  it('leaves out what does not fit a narrow terminal, the other counts first', () => {
    let out = '';
    const bars = new ProgressBars({ write: (t) => (out += t), columns: () => 85 }, 'link');
    bars.onProgress({
      phase: 'comparing pairs',
      done: 5,
      total: 10,
      unit: 'blocks',
      also: { pairs: 7 },
    });
    bars.stop();
    const [line] = screen(out);
    expect(line!.length).toBeLessThan(85);
    expect(line).toMatch(/^link \| comparing pairs .* 5\/10 blocks \| took/);
    expect(line).not.toContain('7 pairs');
  });

  it('says durations in seconds, minutes or hours', () => {
    expect(duration(4.25)).toBe('4.3s');
    expect(duration(65)).toBe('1m 05s');
    expect(duration(7380)).toBe('2h 03m');
  });
});
