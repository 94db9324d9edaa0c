import type { Insertable, Kysely, Transaction } from 'kysely';
import { InputError, type InputProblem } from '../../core/app-error.js';
import type { Database } from '../../db/index.js';
import { hostOf, sourceIdForText, sourceIdForUrl, type Citation } from './citation.js';

type AnyDb = Kysely<Database> | Transaction<Database>;

export type CitationLink =
  | { table: 'exchange_sources'; owner: 'exchange_id' }
  | { table: 'claim_sources'; owner: 'claim_id' }
  | { table: 'facility_sources'; owner: 'facility_id' };

export interface CitedRow {
  ownerId: string;
  row: number;
  citations: Citation[];
}

interface LinkRow {
  source_id: string;
  position: number;
  note: string | null;
}

/**
 * Registers the sources that rows cite by URL or free text, checks that cited ids exist,
 * and replaces each row's citations where they changed. Returns the owners whose citations
 * changed, so an import can count them as updated.
 */
/** Cited source ids that are not registered, one problem per row and id. */
export async function unknownSourceProblems(
  db: AnyDb,
  items: CitedRow[],
  file: string,
): Promise<InputProblem[]> {
  const wantedIds = new Set<string>();
  for (const it of items) for (const c of it.citations) if (c.kind === 'id') wantedIds.add(c.id);
  const known = new Set<string>();
  const ids = [...wantedIds];
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db
      .selectFrom('sources')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const f of found) known.add(f.id);
  }
  const problems: InputProblem[] = [];
  for (const it of items) {
    for (const c of it.citations) {
      if (c.kind === 'id' && !known.has(c.id)) {
        problems.push({
          file,
          row: it.row,
          column: 'sources',
          value: c.id,
          message: `cites the source id "${c.id}", which is not registered`,
          fix: 'import it first with `polon import sources FILE`, correct the id, or cite the source by its URL',
        });
      }
    }
  }
  return problems;
}

export async function writeCitations(
  trx: AnyDb,
  link: CitationLink,
  items: CitedRow[],
  file: string,
  now: string,
): Promise<Set<string>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the link table is chosen at run time
  const k = trx as unknown as Kysely<any>;
  const problems = await unknownSourceProblems(trx, items, file);
  if (problems.length) throw new InputError(problems);

  const newSources = new Map<string, Insertable<Database['sources']>>();
  for (const it of items) {
    for (const c of it.citations) {
      if (c.kind === 'url') {
        const id = sourceIdForUrl(c.url);
        const host = hostOf(c.url);
        newSources.set(id, {
          id,
          title: null,
          url: c.url,
          publisher: host,
          kind: 'web',
          reliability: 'F',
          credibility: 6,
          notes: null,
          updated_at: now,
        });
      } else if (c.kind === 'text') {
        const id = sourceIdForText(c.text);
        newSources.set(id, {
          id,
          title: c.text,
          url: null,
          publisher: null,
          kind: 'citation',
          reliability: 'F',
          credibility: 6,
          notes: null,
          updated_at: now,
        });
      }
    }
  }
  const sourceRows = [...newSources.values()];
  for (let i = 0; i < sourceRows.length; i += 500) {
    // A source already registered keeps its curated title and grading.
    await trx
      .insertInto('sources')
      .values(sourceRows.slice(i, i + 500))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  const existing = new Map<string, LinkRow[]>();
  const owners = items.map((i) => i.ownerId);
  for (let i = 0; i < owners.length; i += 500) {
    const found = (await k
      .selectFrom(link.table)
      .select([link.owner, 'source_id', 'position', 'note'])
      .where(link.owner, 'in', owners.slice(i, i + 500))
      .orderBy('position')
      .execute()) as unknown as (LinkRow & Record<string, string>)[];
    for (const f of found) {
      const list = existing.get(f[link.owner] ?? '') ?? [];
      list.push({ source_id: f.source_id, position: Number(f.position), note: f.note });
      existing.set(f[link.owner] ?? '', list);
    }
  }

  const changed = new Set<string>();
  for (const it of items) {
    const wanted = dedupe(it.citations.map(citationLink));
    const had = existing.get(it.ownerId) ?? [];
    if (sameLinks(had, wanted)) continue;
    changed.add(it.ownerId);
    await k.deleteFrom(link.table).where(link.owner, '=', it.ownerId).execute();
    if (wanted.length) {
      await k
        .insertInto(link.table)
        .values(wanted.map((w) => ({ [link.owner]: it.ownerId, ...w })))
        .execute();
    }
  }
  return changed;
}

function citationLink(c: Citation, position: number): LinkRow {
  if (c.kind === 'url') return { source_id: sourceIdForUrl(c.url), position, note: c.note };
  if (c.kind === 'text') return { source_id: sourceIdForText(c.text), position, note: null };
  return { source_id: c.id, position, note: null };
}

function dedupe(links: LinkRow[]): LinkRow[] {
  const seen = new Set<string>();
  return links
    .filter((l) => (seen.has(l.source_id) ? false : (seen.add(l.source_id), true)))
    .map((l, i) => ({ ...l, position: i }));
}

function sameLinks(a: LinkRow[], b: LinkRow[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.source_id === b[i]?.source_id && (x.note ?? null) === (b[i]?.note ?? null))
  );
}

export interface SourceRef {
  id: string;
  title: string | null;
  url: string | null;
  reliability: string;
  credibility: number;
}

/** The sources each owner cites, in citation order. */
export async function citationsFor(
  db: AnyDb,
  link: CitationLink,
  ownerIds?: string[],
): Promise<Map<string, SourceRef[]>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the link table is chosen at run time
  const k = db as unknown as Kysely<any>;
  let q = k
    .selectFrom(`${link.table} as l`)
    .innerJoin('sources as s', 's.id', 'l.source_id')
    .select([
      `l.${link.owner} as owner`,
      's.id as id',
      's.title as title',
      's.url as url',
      's.reliability as reliability',
      's.credibility as credibility',
    ])
    .orderBy(`l.${link.owner}`)
    .orderBy('l.position');
  if (ownerIds) q = q.where(`l.${link.owner}`, 'in', ownerIds.length ? ownerIds : ['']);
  const rows = (await q.execute()) as unknown as (SourceRef & { owner: string })[];
  const out = new Map<string, SourceRef[]>();
  for (const { owner, ...ref } of rows) {
    const list = out.get(owner) ?? [];
    list.push({ ...ref, credibility: Number(ref.credibility) });
    out.set(owner, list);
  }
  return out;
}

export async function listSources(db: AnyDb) {
  return db.selectFrom('sources').selectAll().orderBy('id').execute();
}
