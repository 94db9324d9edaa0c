import { parentPort, workerData } from 'node:worker_threads';
import type { ParallelImport, ParsedRow } from './import-kind.js';
import type { ImportKind } from './import-kind.js';
import { csvRowEvents } from './csv-row-events.js';
import type { WorkerJob, WorkerMessage } from './worker-row-events.js';

/** Batches sent but not yet written; beyond it the reader waits, so memory stays flat. */
const IN_FLIGHT = 4;

async function run(job: WorkerJob, port: NonNullable<typeof parentPort>): Promise<void> {
  const mod = (await import(job.module)) as Record<string, ImportKind<unknown> | undefined>;
  const kind = mod[job.exportName];
  const parallel: ParallelImport<unknown> | undefined = kind?.parallel;
  if (!kind || !parallel)
    throw new Error(`${job.module} exports no parallel kind ${job.exportName}`);
  let credit = IN_FLIGHT;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    credit++;
    wake?.();
  });
  const send = (m: WorkerMessage): void => port.postMessage(m);
  const events = csvRowEvents(kind, job.path, job.file, job.options);
  for (;;) {
    const next = await events.next();
    if (next.done) {
      send({ type: 'end', summary: next.value });
      return;
    }
    const e = next.value;
    if (e.type !== 'batch') {
      send(e);
      continue;
    }
    while (credit <= 0) await new Promise<void>((r) => (wake = r));
    credit--;
    const rows = e.rows.map((r) => parallel.toRow(r.value, job.now, r.id));
    const columns = Object.keys(rows[0] ?? {});
    const values: unknown[] = [];
    for (const r of rows) for (const c of columns) values.push(r[c] ?? null);
    const refs: ParsedRow<unknown>[] = e.rows.map((r) => ({
      row: r.row,
      value: Object.fromEntries(
        parallel.referenceFields.map((f) => [f, (r.value as Record<string, unknown>)[f]]),
      ),
    }));
    send({ type: 'table', refs, rows: { columns, values } });
  }
}

const port = parentPort;
if (port) {
  run(workerData as WorkerJob, port).then(
    () => port.close(),
    (err: unknown) => {
      port.postMessage({
        type: 'error',
        message: err instanceof Error ? (err.stack ?? err.message) : String(err),
      } satisfies WorkerMessage);
      port.close();
    },
  );
}
