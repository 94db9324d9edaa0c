/**
 * What every benchmark reports: its figure, the baseline measured in the same run, and the
 * ratio against the target. A benchmark is a module `bench/NAME.bench.ts` whose default
 * export is a `Benchmark`.
 */
export interface BenchResult {
  name: string;
  /** What the figure measures, with its unit, e.g. "mentions/s". */
  figureLabel: string;
  figure: number;
  baselineLabel: string;
  baseline: number;
  /** figure / baseline when higher is better; baseline / figure when lower is better. */
  ratio: number;
  /** Human-readable target, e.g. "≥ 20,000 mentions/s". */
  target: string;
  met: boolean;
  /** Other figures worth printing (peak memory, p99, …). */
  extra?: Record<string, string | number>;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchResult>;
}

export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
