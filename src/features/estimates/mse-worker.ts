import { serveTasks } from '../../core/pool-worker.js';
import { estimateMse } from '../../estimation/index.js';
import type { MseJob } from './mse-runner.js';

serveTasks((job: MseJob) => estimateMse(job.table, job.options));
