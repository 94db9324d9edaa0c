import { startPhase, type OnProgress } from '../../core/progress.js';
import type { Exchange } from '../exchanges/index.js';
import type { Facility } from '../facilities/index.js';
import {
  COVERAGE,
  PERSON_RECORD_COLUMNS,
  Renderer,
  type SynthSource,
} from './synth-person-records.js';
import { generatePersons, type SynthPerson } from './synth-person.js';
import { pick, seededRandom } from './synth-random.js';

/**
 * Synthetic evidence with its ground truth, for tests and benchmarks; never part of the
 * public dataset. Each person is captured on a day, then released in a real exchange, dies,
 * or is still held at the end; each is held at bundled facilities; each source sees a person
 * independently (so some persons no source sees: the unseen MSE must estimate), and writes
 * the name its own way.
 */
export interface SynthOptions {
  persons: number;
  seed: number;
  /** The day the truth is told as of. */
  asOf?: string;
  facilities: Pick<Facility, 'id' | 'territory'>[];
  exchanges: Pick<Exchange, 'id' | 'kind' | 'dateFrom'>[];
  /** Told how many persons are made so far ("making persons"). */
  onProgress?: OnProgress;
}

export interface SynthTruth {
  personId: number;
  status: 'held' | 'released' | 'died';
  facilityId: string;
  captured: string;
  sources: SynthSource[];
}

export interface SynthTables {
  sources: string[][];
  persons: string[][];
  events: string[][];
  episodes: string[][];
  occupancy: string[][];
  /** record_id → person and the truth about them. */
  truth: string[][];
  summary: {
    persons: number;
    records: number;
    unseen: number;
    heldAtEnd: number;
    released: number;
    died: number;
  };
}

const SOURCES: [string, string, string, string][] = [
  ['ua_register', 'Synthetic register of relatives reports', 'B', '2'],
  ['ru_media', 'Synthetic Russian media and court records', 'D', '3'],
  ['icrc', 'Synthetic ICRC confirmations', 'A', '2'],
  ['press', 'Synthetic foreign press', 'C', '3'],
  ['testimony', 'Synthetic testimonies of released prisoners', 'B', '2'],
  ['returned', 'Synthetic register of people returned from captivity', 'A', '1'],
];

const DAY = 86_400_000;
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);

export function synthEvidence(o: SynthOptions): SynthTables {
  const random = seededRandom(o.seed ^ 0xe71d);
  const renderer = new Renderer(random);
  const asOf = o.asOf ?? '2025-11-01';
  const start = Date.parse('2022-02-24');
  const end = Date.parse(asOf);
  // Only exchanges up to the as-of date: a person released after it was still held on it, and
  // the truth the estimates are checked against is who was held on that day.
  const exchanges = o.exchanges
    .filter((e) => (e.kind === 'exchange' || e.kind === 'stage') && e.dateFrom <= asOf)
    .sort((a, b) => a.dateFrom.localeCompare(b.dateFrom));
  // A few places hold most people, as in the reports; the rest are long tail.
  const places = o.facilities.map((f, i) => ({ f, w: 1 / (1 + i * 0.35) }));
  const totalW = places.reduce((s, p) => s + p.w, 0);
  const pickPlace = (): string => {
    let x = random() * totalW;
    for (const p of places) if ((x -= p.w) <= 0) return p.f.id;
    return places[0]?.f.id ?? 'unknown';
  };

  const t: SynthTables = {
    sources: [
      ['id', 'title', 'reliability', 'credibility', 'synthetic'],
      ...SOURCES.map(([id, title, r, c]) => [`synth-${id}`, title, r, c, 'yes']),
    ],
    persons: [[...PERSON_RECORD_COLUMNS, 'category']],
    events: [['source', 'record_id', 'kind', 'date', 'exchange_id', 'confirmed_by']],
    episodes: [['source', 'record_id', 'facility', 'from', 'to']],
    occupancy: [['source', 'report_id', 'facility', 'date', 'count', 'scope']],
    truth: [['record_id', 'person_id', 'true_status', 'true_facility', 'captured']],
    summary: { persons: 0, records: 0, unseen: 0, heldAtEnd: 0, released: 0, died: 0 },
  };
  const heldAt = new Map<string, number>();
  let sequence = 0;
  const persons = generatePersons({ seed: o.seed });
  const making = startPhase(o.onProgress, 'making persons', 'persons', o.persons);
  for (let n = 0; n < o.persons; n++) {
    if ((n & 255) === 255) making.tick(n, { records: t.summary.records });
    const p = persons.next().value as SynthPerson;
    const capturedAt = start + random() * (end - start - 30 * DAY);
    const captured = iso(capturedAt);
    const later = exchanges.filter((e) => e.dateFrom > captured);
    const roll = random();
    const exchange = roll < 0.35 && later.length ? pick(random, later) : undefined;
    const died = !exchange && roll > 0.97;
    const status: SynthTruth['status'] = exchange ? 'released' : died ? 'died' : 'held';
    const facilityId = pickPlace();
    const seen = COVERAGE.filter(([, prob]) => random() < prob).map(([s]) => s);
    t.summary.persons++;
    if (status === 'held') {
      t.summary.heldAtEnd++;
      heldAt.set(facilityId, (heldAt.get(facilityId) ?? 0) + 1);
    } else if (status === 'released') t.summary.released++;
    else t.summary.died++;
    if (seen.length === 0) t.summary.unseen++;
    // Ukraine knows everyone it got back: the register of the returned lists them all. It is
    // not a list of captives (it sees only those released), so it never enters MSE as one.
    if (exchange) {
      sequence++;
      const id = `s${sequence}`;
      const row = renderer.render(p, 'ua_register', id);
      t.persons.push([
        ...PERSON_RECORD_COLUMNS.map((c) => (c === 'source' ? 'synth-returned' : row[c])),
        p.civilian ? 'civilian' : 'military',
      ]);
      t.truth.push([id, String(p.id), status, facilityId, captured]);
      t.summary.records++;
      t.events.push(['synth-returned', id, 'released', exchange.dateFrom, exchange.id, '']);
    }
    for (const source of seen) {
      sequence++;
      const id = `s${sequence}`;
      const row = renderer.render(p, source, id);
      const src = `synth-${source}`;
      t.persons.push([
        ...PERSON_RECORD_COLUMNS.map((c) => (c === 'source' ? src : row[c])),
        p.civilian ? 'civilian' : 'military',
      ]);
      t.truth.push([id, String(p.id), status, facilityId, captured]);
      t.summary.records++;
      // Sources know what their kind of source knows: a register the capture and release,
      // the ICRC a confirmation and the place, a testimony the place and the stay.
      const capturedText =
        source === 'ru_media' || source === 'press' ? captured.slice(0, 7) : captured;
      t.events.push([src, id, 'captured', capturedText, '', '']);
      if (exchange && (source === 'ua_register' || source === 'icrc' || source === 'press'))
        t.events.push([src, id, 'released', exchange.dateFrom, exchange.id, '']);
      if (died && source !== 'testimony')
        t.events.push([
          src,
          id,
          'died_in_captivity',
          iso(capturedAt + random() * (end - capturedAt)),
          '',
          '',
        ]);
      if (source === 'icrc')
        t.events.push([src, id, 'confirmed_captive', iso(capturedAt + 30 * DAY), '', 'icrc']);
      if (source === 'icrc' || source === 'testimony') {
        const seenAt = iso(Math.min(end, capturedAt + (30 + random() * 600) * DAY));
        t.episodes.push([src, id, facilityId, seenAt, '']);
      }
    }
  }
  making.end(o.persons, { records: t.summary.records });
  // Released prisoners tell how many Ukrainians were held with them: the truth, blurred.
  for (const [facilityId, count] of heldAt) {
    const reports = Math.floor(random() * 3);
    for (let i = 0; i < reports; i++) {
      const scope = random() < 0.6 ? 'facility' : 'block';
      const seenCount = Math.max(
        1,
        Math.round(count * (scope === 'facility' ? 0.7 + random() * 0.6 : 0.2 + random() * 0.3)),
      );
      t.occupancy.push([
        'synth-testimony',
        `o${t.occupancy.length}`,
        facilityId,
        iso(end - random() * 150 * DAY),
        String(seenCount),
        scope,
      ]);
    }
  }
  return t;
}
