import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import { AppError } from '../../core/app-error.js';
import type { Database } from '../../db/index.js';
import { appendAudit } from '../audit/index.js';
import { loadExcel, neutraliseFormula } from '../imports/index.js';

/**
 * The columns `polon link --input` reads, in order: what identifies a person in a record.
 * Linkage reads them, synthetic evidence writes them, and an export of records starts with
 * them, so an export links as it is.
 */
export const LINK_INPUT_COLUMNS = [
  'record_id',
  'source',
  'family_name',
  'given_name',
  'patronymic',
  'full_name',
  'birth_date',
  'sex',
  'unit',
] as const;

/** The link columns, then the rest of what the record says, in the import's column names. */
export const RECORD_EXPORT_COLUMNS = [
  ...LINK_INPUT_COLUMNS,
  'category',
  'branch',
  'rank',
  'capture_date',
  'capture_place',
  'status',
  'missing_date',
  'held_place',
  'held_from',
  'held_to',
  'release_date',
  'release_exchange',
  'death_date',
  'relatives_contact',
  'notes',
  'seriously_ill_or_wounded',
  'disability',
  'political_prisoner_pre2022',
  'person_id',
] as const;

export type RecordExportFormat = 'csv' | 'xlsx' | 'json';
type Row = Record<(typeof RECORD_EXPORT_COLUMNS)[number], string | null>;

const flag = (v: number | null): string | null => (v === null ? null : Number(v) ? 'yes' : 'no');

export interface RecordsExport {
  records: number;
  body: string | Buffer;
}

/**
 * Every record (or one source's) as a file, one row a record. Personal data leaves the
 * protected database here, so the reason is required and the export is audited with it.
 */
export async function exportRecords(
  db: Kysely<Database>,
  options: { format: RecordExportFormat; reason: string; source?: string; actor: string },
): Promise<RecordsExport> {
  const reason = options.reason.trim();
  if (!reason)
    throw new AppError(
      'invalid_input',
      'say why the records are exported (--reason): an export copies personal data and is audited',
    );
  if (options.source) {
    const known = await db
      .selectFrom('sources')
      .select('id')
      .where('id', '=', options.source)
      .executeTakeFirst();
    if (!known)
      throw new AppError(
        'not_found',
        `no source "${options.source}" is registered; \`polon sources list\` shows them`,
      );
  }
  let q = db.selectFrom('records').selectAll().orderBy('source_id').orderBy('source_record_id');
  if (options.source) q = q.where('source_id', '=', options.source);
  const rows: Row[] = (await q.execute()).map((r) => ({
    record_id: r.source_record_id,
    source: r.source_id,
    family_name: r.family_name,
    given_name: r.given_name,
    patronymic: r.patronymic,
    full_name: r.full_name,
    birth_date: r.birth_date && r.birth_precision === 'approx' ? `~${r.birth_date}` : r.birth_date,
    sex: r.sex,
    unit: r.unit,
    category: r.category,
    branch: r.branch,
    rank: r.rank,
    capture_date: r.capture_date,
    capture_place: r.capture_place,
    status: r.status,
    missing_date: r.missing_date,
    held_place: r.held_place,
    held_from: r.held_from,
    held_to: r.held_to,
    release_date: r.release_date,
    release_exchange: r.release_exchange,
    death_date: r.death_date,
    relatives_contact: r.relatives_contact,
    notes: r.notes,
    seriously_ill_or_wounded: flag(r.seriously_ill_or_wounded),
    disability: flag(r.disability),
    political_prisoner_pre2022: flag(r.political_prisoner_pre2022),
    person_id: r.person_id,
  }));
  await appendAudit(db, {
    actor: options.actor,
    action: 'export',
    entity: 'record',
    details: {
      reason,
      format: options.format,
      records: rows.length,
      ...(options.source ? { source: options.source } : {}),
    },
  });
  return { records: rows.length, body: await render(rows, options.format) };
}

async function render(rows: Row[], format: RecordExportFormat): Promise<string | Buffer> {
  const cols = [...RECORD_EXPORT_COLUMNS];
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === 'csv')
    return stringify(
      rows.map((r) => cols.map((c) => neutraliseFormula(r[c]) ?? '')),
      { header: true, columns: cols },
    );
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet('records', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = cols.map((c) => ({ header: c, key: c }));
  sheet.getRow(1).font = { bold: true };
  // Text cells are never evaluated as they stand, but a reader who edits one would make it a
  // formula: the apostrophe guards that too.
  for (const r of rows)
    sheet.addRow(Object.fromEntries(cols.map((c) => [c, neutraliseFormula(r[c]) ?? ''])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
