import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a worker thread on a module of this package, named as built (`./x-worker.js`).
 * Under tsx or vitest (this module is then TypeScript too) the `.ts` source is started
 * instead, and the thread registers tsx's loader before importing it.
 */
export function startWorker(
  moduleUrl: string,
  workerData: unknown,
  resourceLimits?: ResourceLimits,
): Worker {
  const url = new URL(moduleUrl);
  if (import.meta.url.endsWith('.ts')) url.pathname = url.pathname.replace(/\.js$/, '.ts');
  const options = { workerData, ...(resourceLimits ? { resourceLimits } : {}) };
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  return new Worker(
    `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`,
    { eval: true, ...options },
  );
}
