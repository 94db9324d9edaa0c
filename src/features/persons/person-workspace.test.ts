import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { loginAs } from '../../../test/accounts.js';
import { describeEachDb } from '../../../test/databases.js';
import { loadConfig } from '../../config.js';
import type { Db } from '../../db/index.js';
import { buildApp } from '../../server/index.js';
import { importBytes, importFile } from '../imports/index.js';
import { loadPublicDataset } from '../public-data/index.js';
import { sourcesImport } from '../sources/index.js';
import { linkDatabase } from '../linkage/index.js';
import { writeSynth } from '../synth/index.js';
import { episodesImport } from './episodes.import.js';
import { eventsImport } from './events.import.js';
import { recordId } from './record-id.js';
import { personsImport } from './records.import.js';

interface Hit {
  id: string;
  personId: string | null;
  records: { id: string; familyName: string | null }[];
}

const csv = (text: string) => Buffer.from(text.trim() + '\n');

async function withApp(db: Db, role: 'documenter' | 'viewer' = 'documenter') {
  const app = await buildApp({ db, config: loadConfig({}) });
  const s = await loginAs(app, db, role);
  const get = (url: string) => app.inject({ url, headers: { cookie: s.cookie } });
  return { app, get };
}

async function addPeople(db: Db): Promise<void> {
  await importBytes(
    db,
    sourcesImport,
    's.csv',
    csv('id,title\npress,Synthetic press\nru,Synthetic media'),
  );
  await importBytes(
    db,
    personsImport,
    'p.csv',
    csv(`source,record_id,family_name,given_name,birth_date
press,P1,Bilyk,Oleksandr,1990
ru,R1,Билык,Александр,1990
ru,R2,Коваль,Іван,1985
press,P2,Kovalyov,Petro,1970`),
  );
}

describeEachDb('person search and person page', (get) => {
  it('finds Latin-spelled records from a Cyrillic query and Cyrillic ones from a Latin query', async () => {
    const { db } = get();
    await addPeople(db);
    const { get: fetch } = await withApp(db);
    const names = async (q: string) =>
      (await fetch(`/api/persons/search?q=${encodeURIComponent(q)}`))
        .json<{ items: Hit[] }>()
        .items.flatMap((h) => h.records.map((r) => r.familyName))
        .sort();
    expect(await names('Білик')).toEqual(['Bilyk', 'Билык']);
    expect(await names('bilyk')).toEqual(['Bilyk', 'Билык']);
    // Олександр, Александр and Oleksandr are one given name.
    expect(await names('Олександр Білик')).toEqual(['Bilyk', 'Билык']);
    expect(await names('Aleksandr')).toEqual(['Bilyk', 'Билык']);
    // The start of a name, and a spelling whose vowels differ (Ковальов / Kovalyov).
    expect(await names('Кова')).toEqual(['Kovalyov', 'Коваль']);
    expect(await names('Ковальов')).toEqual(['Kovalyov']);
    expect(await names('Білик Петро')).toEqual([]);
  });

  it('refuses a query of one letter, and audits what was read without the words searched', async () => {
    const { db } = get();
    await addPeople(db);
    const { get: fetch } = await withApp(db);
    const short = await fetch('/api/persons/search?q=%D0%B0');
    expect(short.statusCode).toBe(400);
    expect(short.json<{ error: { message: string } }>().error.message).toContain('two letters');
    expect((await fetch('/api/persons/search?q=Bilyk')).statusCode).toBe(200);
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'read')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toContain(recordId('press', 'P1'));
    expect(audit[0]?.details).not.toMatch(/bilyk/i);
  });

  it('is closed to viewers and strangers', async () => {
    const { db } = get();
    const { app, get: fetch } = await withApp(db, 'viewer');
    expect((await fetch('/api/persons/search?q=Bilyk')).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/persons/search?q=Bilyk' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/persons/per_x' })).statusCode).toBe(401);
  });

  it("shows a person's events and episodes as one timeline with the facilities' places", async () => {
    const { db } = get();
    await loadPublicDataset(db);
    await addPeople(db);
    await importBytes(
      db,
      eventsImport,
      'e.csv',
      csv(`source,record_id,kind,date
press,P1,released,2024-06-25
press,P1,captured,2022-03`),
    );
    await importBytes(
      db,
      episodesImport,
      'ep.csv',
      csv(`source,record_id,facility,from
press,P1,Таганрозьке СІЗО,2022-04-02`),
    );
    const { get: fetch } = await withApp(db);
    const res = await fetch(`/api/persons/${recordId('press', 'P1')}`);
    expect(res.statusCode).toBe(200);
    const profile = res.json<{
      personId: string | null;
      records: { familyName: string }[];
      timeline: { type: string; date: string; facility: { nameEn: string; lat: number } | null }[];
      facilities: { lat: number | null; lon: number | null }[];
    }>();
    expect(profile.personId).toBeNull();
    expect(profile.records.map((r) => r.familyName)).toEqual(['Bilyk']);
    expect(profile.timeline.map((t) => [t.type, t.date])).toEqual([
      ['event', '2022-03'],
      ['episode', '2022-04-02'],
      ['event', '2024-06-25'],
    ]);
    expect(profile.timeline[1]?.facility?.nameEn).toMatch(/Taganrog/);
    expect(profile.facilities).toHaveLength(1);
    expect(profile.facilities[0]?.lat).toBeCloseTo(47.2, 0);
    const reads = await db.kysely
      .selectFrom('audit_log')
      .select(['entity', 'details'])
      .where('action', '=', 'read')
      .orderBy('seq')
      .execute();
    // The record, and each event and episode of its timeline, by id.
    expect(
      reads.map((r) => [r.entity, JSON.parse(r.details) as { route: string; count: number }]),
    ).toEqual([
      ['record', { count: 1, ids: [recordId('press', 'P1')], route: '/api/persons/:id' }],
      ['event', expect.objectContaining({ count: 2, route: '/api/persons/:id' })],
      ['episode', expect.objectContaining({ count: 1, route: '/api/persons/:id' })],
    ]);
    expect((await fetch('/api/persons/per_nobody')).statusCode).toBe(404);
  });

  it("shows a linked person's records from the person id, or from any one of its record ids", async () => {
    const { db } = get();
    await addPeople(db);
    await linkDatabase(db.kysely);
    const linked = await db.kysely
      .selectFrom('records')
      .select(['id', 'person_id'])
      .where('id', 'in', [recordId('press', 'P1'), recordId('ru', 'R1')])
      .execute();
    const personId = linked[0]?.person_id;
    expect(personId).toMatch(/^per_/);
    expect(linked.every((r) => r.person_id === personId)).toBe(true);
    const { get: fetch } = await withApp(db);
    for (const id of [personId ?? '', recordId('ru', 'R1')]) {
      const profile = (await fetch(`/api/persons/${id}`)).json<{
        personId: string;
        records: { familyName: string }[];
      }>();
      expect(profile.personId).toBe(personId);
      expect(profile.records.map((r) => r.familyName).sort()).toEqual(['Bilyk', 'Билык']);
    }
  });

  it("flags a person's sources that disagree: two death dates, and held after a death, each with its source", async () => {
    const { db } = get();
    await addPeople(db);
    await importBytes(
      db,
      eventsImport,
      'e.csv',
      csv(`source,record_id,kind,date
press,P1,died_in_captivity,2023-02-10
ru,R1,died_in_captivity,2023-07
ru,R1,transferred,2022-11-01
ru,R2,died_in_captivity,2021-01-01`),
    );
    await importBytes(
      db,
      episodesImport,
      'ep.csv',
      csv(`source,record_id,facility,from
ru,R1,Somewhere,2023-05-01`),
    );
    await linkDatabase(db.kysely);
    const { get: fetch } = await withApp(db);
    const profile = (await fetch(`/api/persons/${recordId('press', 'P1')}`)).json<{
      records: unknown[];
      conflicts: {
        kind: string;
        deaths?: { source: string; date: string }[];
        step?: { type: string; source: string; date: string };
        death?: { source: string; date: string };
      }[];
    }>();
    expect(profile.records).toHaveLength(2);
    expect(profile.conflicts).toEqual([
      {
        kind: 'death_dates',
        deaths: [
          expect.objectContaining({
            source: 'press',
            date: '2023-02-10',
            kind: 'died_in_captivity',
          }),
          expect.objectContaining({ source: 'ru', date: '2023-07', kind: 'died_in_captivity' }),
        ],
      },
      {
        kind: 'after_death',
        step: expect.objectContaining({ type: 'episode', source: 'ru', kind: 'held' }) as object,
        date: '2023-05-01',
        death: expect.objectContaining({ source: 'press', date: '2023-02-10' }) as object,
      },
    ]);
    // Another person's death, years earlier, is no conflict of this one.
    const other = (await fetch(`/api/persons/${recordId('ru', 'R2')}`)).json<{
      conflicts: unknown[];
    }>();
    expect(other.conflicts).toEqual([]);
  });

  it('finds the Latin spelling of synthetic persons from their Cyrillic names, grouped by person', async () => {
    const { db } = get();
    await loadPublicDataset(db);
    const out = mkdtempSync(join(tmpdir(), 'polon-search-'));
    await writeSynth(db.kysely, { persons: 300, seed: 5, out });
    await importFile(db, sourcesImport, join(out, 'sources.csv'));
    await importFile(db, personsImport, join(out, 'persons.csv'));
    await linkDatabase(db.kysely);
    const rows = parse<Record<string, string>>(readFileSync(join(out, 'persons.csv')), {
      columns: true,
    });
    const truth = parse<Record<string, string>>(readFileSync(join(out, 'truth.csv')), {
      columns: true,
    });
    const personOf = new Map(truth.map((t) => [t.record_id, t.person_id]));
    const byPerson = new Map<string, Record<string, string>[]>();
    for (const r of rows) {
      const p = personOf.get(r.record_id ?? '') ?? '';
      byPerson.set(p, [...(byPerson.get(p) ?? []), r]);
    }
    const latin = (r: Record<string, string>) => /^[A-Za-z]/.test(r.family_name ?? '');
    const cyrillic = (r: Record<string, string>) => /^[А-ЯҐЄІЇа-яґєії]/.test(r.family_name ?? '');
    const cases = [...byPerson.values()].flatMap((rs) => {
      const l = rs.find(latin);
      const c = rs.find(cyrillic);
      return l && c ? [{ latin: l, cyrillic: c }] : [];
    });
    expect(cases.length).toBeGreaterThan(10);
    const { get: fetch } = await withApp(db);
    let found = 0;
    let together = 0;
    for (const c of cases) {
      const q = `${c.cyrillic.family_name ?? ''} ${c.cyrillic.given_name ?? ''}`;
      const hits = (await fetch(`/api/persons/search?limit=100&q=${encodeURIComponent(q)}`)).json<{
        items: Hit[];
      }>().items;
      const want = recordId(c.latin.source ?? '', c.latin.record_id ?? '');
      const hit = hits.find((h) => h.records.some((r) => r.id === want));
      if (hit) found++;
      // Linkage joined the two spellings: one hit, a person, holding both records.
      const other = recordId(c.cyrillic.source ?? '', c.cyrillic.record_id ?? '');
      if (hit?.personId && hit.records.some((r) => r.id === other)) together++;
    }
    // Measured 104 of 104 on this seed for both. Without linkage the name keys alone find 102:
    // the misses are a typo (CHYHnAK) and HUCHYTCHUK, whose "tch" reads as one ч; linked,
    // the person's Cyrillic record brings them along. A drop means the keys stopped meeting
    // across scripts or the hits stopped being grouped by person.
    expect(found / cases.length).toBeGreaterThanOrEqual(0.95);
    expect(together / cases.length).toBeGreaterThanOrEqual(0.9);
  });
});
