import { parentPort, workerData } from 'node:worker_threads';
import { useIdKey } from '../../core/id-key.js';
import type { ParallelImport } from './import-kind.js';
import type { ImportKind } from './import-kind.js';
import { csvRowEvents } from './csv-row-events.js';
import type { ReferenceGroup, WorkerJob, WorkerMessage } from './worker-row-events.js';

/**
 * Batches sent but not yet written; beyond it the reader waits, so memory stays flat (a
 * batch is a few hundred KiB). Enough of them that the writer does not wait for the
 * reader when the reader is briefly slower (a garbage collection, a slow stretch of file).
 */
const IN_FLIGHT = 16;

async function run(job: WorkerJob, port: NonNullable<typeof parentPort>): Promise<void> {
  useIdKey(job.idKey);
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
    // Rows of one kind share their keys in one order (`toRow` builds one object literal), so
    // their values are taken in that order into an array of the final size, not looked up
    // by name and pushed: that cost about a second a million rows (28 columns).
    let columns: string[] = [];
    let values: unknown[] = [];
    let at = 0;
    const groups = new Map<string, ReferenceGroup<Record<string, unknown>>>();
    const rowNumbers = new Array<number>(e.rows.length);
    let k = 0;
    for (const r of e.rows) {
      rowNumbers[k++] = r.row;
      const row = parallel.toRow(r.value, job.now, r.id);
      if (!columns.length) {
        columns = Object.keys(row);
        values = new Array<unknown>(columns.length * e.rows.length);
      }
      for (const v of Object.values(row)) values[at++] = v ?? null;
      const v = r.value as Record<string, unknown>;
      let key = '';
      for (const f of parallel.referenceFields) {
        const x = v[f];
        key += typeof x === 'string' ? `s${x}\u0000` : `${JSON.stringify(x) ?? 'u'}\u0000`;
      }
      let group = groups.get(key);
      if (!group) {
        const fields: Record<string, unknown> = {};
        for (const f of parallel.referenceFields) fields[f] = v[f];
        group = { value: fields, rows: [] };
        groups.set(key, group);
      }
      group.rows.push(r.row);
    }
    if (at !== values.length)
      throw new Error(`${job.exportName}.parallel.toRow gives rows of different keys`);
    send({ type: 'table', refs: [...groups.values()], rows: { columns, values }, rowNumbers });
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
