import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a worker thread on a module of this package. Under tsx or vitest the module is
 * TypeScript, and the thread registers tsx's loader before importing it; built, it is
 * plain JavaScript.
 */
export function startWorker(
  moduleUrl: string,
  workerData: unknown,
  resourceLimits?: ResourceLimits,
): Worker {
  const url = new URL(moduleUrl);
  const options = { workerData, ...(resourceLimits ? { resourceLimits } : {}) };
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  return new Worker(
    `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`,
    { eval: true, ...options },
  );
}
