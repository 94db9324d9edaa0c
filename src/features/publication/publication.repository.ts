import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';

/** Audit actions that change what the public pages show (reads are audited too, and do not). */
const CHANGING_ACTIONS = [
  'import',
  'link',
  'review.decide',
  'record.create',
  'record.update',
  'facility.merge',
  'facility.unmerge',
  'restore',
  'estimate.publish',
];

/**
 * A key that changes whenever data the public pages show changes: every write path appends
 * to the audit log, so the last changing entry (and the number of imports, for writes made
 * before the log existed) identifies the database's state.
 */
export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const [last, imports] = await Promise.all([
    db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', 'in', CHANGING_ACTIONS)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('imports')
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('at').as('at')])
      .executeTakeFirst(),
  ]);
  return `${last?.seq ?? 0}:${Number(imports?.n ?? 0)}:${imports?.at ?? ''}`;
}

export async function countRecords(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** What the priority groups need of a person, gathered over their records. */
export interface PersonTraits {
  female: boolean;
  civilian: boolean;
  illOrWounded: boolean;
  disability: boolean;
  /** The latest possible birth day among the records, for "aged 60 or over". */
  bornBy: string | null;
  /** Held since before 24 Feb 2022, by a flag or a capture date. */
  heldBefore2022: boolean;
  /** Which traits some record of the person states at all (a blank is not a "no"). */
  stated: {
    sex: boolean;
    category: boolean;
    illOrWounded: boolean;
    disability: boolean;
    capture: boolean;
  };
}

const FULL_SCALE_INVASION = '2022-02-24';

/**
 * Traits per person (a record without a person counts as one): no names, no ids leave here.
 * `withoutSynthetic` leaves out records of synthetic sources, as public figures must.
 */
export async function loadPersonTraits(
  db: Kysely<Database>,
  withoutSynthetic = false,
): Promise<Map<string, PersonTraits>> {
  const rows = await db
    .selectFrom('records')
    .$if(withoutSynthetic, (q) =>
      q.where(
        'source_id',
        'not in',
        db.selectFrom('sources').select('id').where('synthetic', '=', 1),
      ),
    )
    .select([
      'id',
      'person_id',
      'sex',
      'category',
      'birth_date',
      'birth_to',
      'seriously_ill_or_wounded',
      'disability',
      'political_prisoner_pre2022',
      'capture_date',
      'capture_to',
    ])
    .execute();
  const traits = new Map<string, PersonTraits>();
  for (const r of rows) {
    const key = r.person_id ?? r.id;
    const t = traits.get(key) ?? {
      female: false,
      civilian: false,
      illOrWounded: false,
      disability: false,
      bornBy: null,
      heldBefore2022: false,
      stated: {
        sex: false,
        category: false,
        illOrWounded: false,
        disability: false,
        capture: false,
      },
    };
    t.stated.sex ||= r.sex !== null;
    t.stated.category ||= r.category !== null;
    t.stated.illOrWounded ||= r.seriously_ill_or_wounded !== null;
    t.stated.disability ||= r.disability !== null;
    t.stated.capture ||=
      r.political_prisoner_pre2022 !== null || r.capture_date !== null || r.capture_to !== null;
    t.female ||= r.sex === 'female';
    t.civilian ||= r.category === 'civilian';
    t.illOrWounded ||= Number(r.seriously_ill_or_wounded) === 1;
    t.disability ||= Number(r.disability) === 1;
    const born = r.birth_to ?? r.birth_date;
    if (born && (t.bornBy === null || born < t.bornBy)) t.bornBy = born;
    const captured = r.capture_to ?? r.capture_date;
    t.heldBefore2022 ||=
      Number(r.political_prisoner_pre2022) === 1 ||
      (captured !== null && captured < FULL_SCALE_INVASION);
    traits.set(key, t);
  }
  return traits;
}

/** Whether the database holds records of a synthetic source: every public page says so. */
export async function holdsSynthetic(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('records')
    .select('id')
    .where('source_id', 'in', db.selectFrom('sources').select('id').where('synthetic', '=', 1))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
