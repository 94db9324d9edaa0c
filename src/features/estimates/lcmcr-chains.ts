import { availableParallelism } from 'node:os';
import { startPhase, type OnProgress } from '../../core/progress.js';
import { startWorker } from '../../core/start-worker.js';
import {
  combineChains,
  LCMCR_DEFAULTS,
  type CaptureHistories,
  type LcmcrChain,
  type LcmcrResult,
  type LcmcrSettings,
} from '../../estimation/index.js';
import type { LcmcrJob, LcmcrWorkerMessage } from './lcmcr-worker.js';

export interface LcmcrRunOptions extends Partial<Omit<LcmcrSettings, 'seed'>> {
  chains?: number;
  /** Seed of the first chain; chain i uses seed + i. */
  seed?: number;
  /** Chains run at once; default one per core. */
  threads?: number;
  onProgress?: OnProgress;
}

export const DEFAULT_CHAINS = 4;

export interface LcmcrRun extends LcmcrResult {
  /** Wall-clock seconds of each chain. */
  secondsPerChain: number[];
}

function runChain(
  job: LcmcrJob,
  onSweeps: (done: number) => void,
): Promise<LcmcrChain & { seconds: number }> {
  const worker = startWorker(new URL('./lcmcr-worker.js', import.meta.url).href, job);
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: LcmcrWorkerMessage) => {
      if (m.kind === 'progress') onSweeps(m.done);
      else if (m.kind === 'done') {
        settled = true;
        resolve({ n: m.n, classes: m.classes, seed: job.settings.seed, seconds: m.seconds });
      } else {
        settled = true;
        reject(new Error(`an LCMCR chain failed: ${m.message}`));
      }
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`an LCMCR chain's worker stopped with code ${code}`));
    });
  });
}

/**
 * Runs the chains of an LCMCR estimate on worker threads, as many at once as there are
 * cores, and pools them. Each chain is reproducible from its seed.
 */
export async function runLcmcrChains(
  lists: string[],
  data: CaptureHistories,
  options: LcmcrRunOptions = {},
): Promise<LcmcrRun> {
  const { chains = DEFAULT_CHAINS, seed = 1, threads, onProgress, ...rest } = options;
  const settings: Omit<LcmcrSettings, 'seed'> = { ...LCMCR_DEFAULTS, ...rest };
  const sweeps = settings.burnin + settings.samples * settings.thin;
  const done = new Array<number>(chains).fill(0);
  const phase = startPhase(onProgress, 'sampling', 'sweeps', sweeps * chains);
  const report = (): void => phase.tick(done.reduce((a, b) => a + b, 0));

  const results: (LcmcrChain & { seconds: number })[] = [];
  let next = 0;
  const lanes = Math.max(1, Math.min(chains, threads ?? availableParallelism()));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < chains) {
        const i = next++;
        results[i] = await runChain({ data, settings: { ...settings, seed: seed + i } }, (d) => {
          done[i] = d;
          report();
        });
      }
    }),
  );
  phase.end();
  return {
    ...combineChains(lists, data, settings, results),
    secondsPerChain: results.map((r) => r.seconds),
  };
}
