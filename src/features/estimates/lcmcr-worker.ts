import { parentPort, workerData } from 'node:worker_threads';
import {
  runLcmcrChain,
  type CaptureHistories,
  type LcmcrSettings,
} from '../../estimation/index.js';

export interface LcmcrJob {
  data: CaptureHistories;
  settings: LcmcrSettings;
}

export type LcmcrWorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; n: Float64Array; classes: Int32Array; seconds: number }
  | { kind: 'failed'; message: string };

const port = parentPort;
if (port) {
  const job = workerData as LcmcrJob;
  const started = performance.now();
  try {
    const chain = runLcmcrChain(job.data, job.settings, (done, total) =>
      port.postMessage({ kind: 'progress', done, total } satisfies LcmcrWorkerMessage),
    );
    port.postMessage(
      {
        kind: 'done',
        n: chain.n,
        classes: chain.classes,
        seconds: (performance.now() - started) / 1000,
      } satisfies LcmcrWorkerMessage,
      [chain.n.buffer as ArrayBuffer, chain.classes.buffer as ArrayBuffer],
    );
  } catch (err) {
    port.postMessage({
      kind: 'failed',
      message: err instanceof Error ? err.message : String(err),
    } satisfies LcmcrWorkerMessage);
  }
  port.close();
}
