export { formatCaptivityEstimate, formatMseResult } from './estimates.cli.js';
export { readHistoriesFile } from './mse-histories-file.js';
export { estimatesRoutes } from './estimates.routes.js';
export { estimateCaptivity, type CaptivityEstimate } from './captivity.service.js';
export { loadTimelines, type TimelineSet } from './captivity-timelines.js';
export { estimatesCommands } from './estimates.commands.js';
export { cachedMse, mseWorkerPool, type MseJob, type MseRunner } from './mse-runner.js';
