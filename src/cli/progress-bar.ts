import cliProgress from 'cli-progress';
import type { OnProgress, Progress } from '../core/progress.js';

/** Where bars are drawn: a terminal's standard error, or a test's stand-in for one. */
export interface BarOutput {
  write: (text: string) => void;
  /** The terminal's width in columns, when known (80 otherwise). */
  columns?: () => number | undefined;
}

const BAR_WIDTH = 20;

/**
 * Progress of one command as bars on a terminal, one line per phase: the running phase's
 * line is redrawn in place (with its rate and the time left), a finished phase's line stays
 * with the time it took. cli-progress does the drawing: cursor moves, clearing, throttled
 * redraws (also while the work blocks the event loop, on each report at most 5 times a
 * second, and on a timer when it does not). Nothing hides the cursor or turns off line
 * wrapping, so a run stopped by Ctrl+C leaves the terminal as it was.
 */
export class ProgressBars {
  private bar: cliProgress.SingleBar | undefined;
  /** The phase drawn now; `stopped`: when it reached its total, or ended. */
  private current:
    | (Progress & {
        started: number;
        stopped?: number;
        /** When it was last told, for `from`. */
        at: number;
        /** The report before the first that did some work: the rate counts from there. */
        from?: { at: number; done: number };
      })
    | undefined;

  constructor(
    private readonly out: BarOutput,
    private readonly label: string,
  ) {}

  /** The callback to give the work. */
  readonly onProgress: OnProgress = (p) => {
    const c = this.current;
    if (!c || !this.bar || c.phase !== p.phase || p.done < c.done) this.begin(p);
    else {
      const changedTotal = c.total !== p.total;
      // The rate counts from the first work done, not from a slow start (a thread starting).
      if (!c.from && p.done > c.done) c.from = { at: c.at, done: c.done };
      Object.assign(c, { done: p.done, total: p.total, unit: p.unit, also: p.also });
      c.at = performance.now();
      if (changedTotal) this.bar.setTotal(p.total ?? 0);
      this.finished(c);
      this.bar.update(p.done);
    }
  };

  /** A phase at its total has taken the time it took, though the next may start later. */
  private finished(c: NonNullable<ProgressBars['current']>): void {
    if (c.stopped === undefined && c.total !== undefined && c.done >= c.total)
      c.stopped = performance.now();
  }

  /** Draws the last phase's final line and leaves the cursor on the next line. */
  stop(): void {
    if (this.current) this.current.stopped ??= performance.now();
    this.bar?.stop();
    this.bar = undefined;
    this.current = undefined;
  }

  private begin(p: Progress): void {
    this.stop();
    const now = performance.now();
    this.current = { ...p, started: now, at: now };
    this.finished(this.current);
    const out = this.out;
    // The stream cli-progress writes to: enough of a TTY's for its terminal code.
    const stream = {
      isTTY: true,
      get columns(): number | undefined {
        return out.columns?.();
      },
      write(text: string, callback?: () => void): boolean {
        out.write(text);
        callback?.();
        return true;
      },
    } as unknown as NodeJS.WritableStream;
    this.bar = new cliProgress.SingleBar({
      stream,
      format: () => this.line(),
      fps: 10,
      barsize: BAR_WIDTH,
      barCompleteChar: '█',
      barIncompleteChar: '░',
      // Trim to the terminal's width rather than switch its line wrapping off and on.
      linewrap: true,
      hideCursor: null,
      gracefulExit: false,
    });
    this.bar.start(p.total ?? 0, p.done);
  }

  /**
   * The phase's line: label, phase, bar and share; amount; rate; time left or taken; other
   * counts. What does not fit the terminal's width goes, the other counts first, then the
   * rate, then the label.
   */
  private line(): string {
    const c = this.current;
    if (!c) return '';
    const seconds = ((c.stopped ?? performance.now()) - c.started) / 1000;
    const bytes = c.unit === 'bytes';
    const amount = (n: number): string => (bytes ? mb(n) : count(n));
    const unit = bytes ? 'MB' : c.unit;
    let head = c.phase;
    let done = '';
    if (c.total !== undefined && c.total > 0) {
      const share = Math.min(1, c.done / c.total);
      head +=
        ` [${cliProgress.Format.BarFormat(share, barOptions)}]` +
        ` ${String(Math.floor(share * 100)).padStart(3)}%`;
      done = `${amount(c.done)}/${amount(c.total)}${unit ? ` ${unit}` : ''}`;
    } else if (c.unit) done = `${amount(c.done)} ${unit}`;
    const now = c.stopped ?? performance.now();
    const since = c.from ? (now - c.from.at) / 1000 : 0;
    const rate = c.from && since > 0.5 ? (c.done - c.from.done) / since : undefined;
    const left =
      c.stopped === undefined && rate !== undefined && c.total !== undefined && c.total > c.done
        ? (c.total - c.done) / rate
        : undefined;
    const time = [
      ...(left === undefined ? [] : [`ETA ${duration(left)}`]),
      c.stopped === undefined ? `elapsed ${duration(seconds)}` : `took ${duration(seconds)}`,
    ];
    const also = Object.entries(c.also ?? {}).map(([what, n]) => `${count(n)} ${what}`);
    let label = this.label;
    let speed = rate !== undefined && c.unit ? `${amount(rate)} ${unit}/s` : '';
    const width = (this.out.columns?.() ?? 80) - 1;
    for (;;) {
      const parts = [label ? `${label} | ${head}` : head, done, speed, ...time, ...also];
      const text = parts.filter(Boolean).join(' | ');
      if (text.length <= width) return text;
      if (also.length) also.pop();
      else if (speed) speed = '';
      else if (label) label = '';
      else return text;
    }
  }
}

/** What cli-progress's bar formatter reads. */
const barOptions = {
  barsize: BAR_WIDTH,
  barGlue: '',
  barCompleteString: '█'.repeat(BAR_WIDTH + 1),
  barIncompleteString: '░'.repeat(BAR_WIDTH + 1),
} as unknown as cliProgress.Options;

const count = (n: number): string => Math.round(n).toLocaleString('en');

const mb = (n: number): string => (n / 1e6).toFixed(1);

/** 4.2s, 1m 05s, 2h 03m. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
