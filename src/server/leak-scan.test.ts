import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachDb, type TestDb } from '../../test/databases.js';
import { findNeedles, personalValues, type Needle } from '../../test/personal-values.js';
import { publicRequests } from '../../test/public-requests.js';
import { loadPublicAndSynthetic } from '../../test/synthetic-data.js';
import { runCli } from '../cli/run-cli.js';
import { loadConfig } from '../config.js';
import type { Db } from '../db/index.js';
import { buildApp } from './app.js';

interface Hit {
  where: string;
  column: string;
}

/** Text of a response: a spreadsheet's cells, or the body as it is. */
async function textOf(body: Buffer, contentType: string): Promise<string> {
  if (!contentType.includes('spreadsheetml')) return body.toString('utf8');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.text)))));
  return cells.join('\n');
}

// A hit names the column and where, never the value: even synthetic names stay out of logs.
const hitsIn = (where: string, text: string, needles: Needle[]): Hit[] =>
  findNeedles(text, needles).map((n) => ({ where, column: n.column }));

/** Requests every public page and route anonymously and scans bodies and headers. */
async function scanPublic(app: FastifyInstance, db: Db, needles: Needle[]) {
  const requests = await publicRequests(app, db);
  const hits: Hit[] = [];
  const ok = new Set<string>();
  for (const r of requests) {
    const res = await app.inject({ url: r.url });
    if (res.statusCode === 200) ok.add(r.route);
    const text = await textOf(res.rawPayload, String(res.headers['content-type'] ?? ''));
    hits.push(...hitsIn(r.url, text, needles));
    // Headers too: a name in a Content-Disposition or a redirect would leak as well.
    hits.push(...hitsIn(`${r.url} (headers)`, JSON.stringify(res.headers), needles));
  }
  const apiRoutes = new Set(
    requests.filter((r) => r.route.startsWith('/api/')).map((r) => r.route),
  );
  return {
    hits,
    requests: requests.length,
    apiRoutes: apiRoutes.size,
    unanswered: [...apiRoutes].filter((r) => !ok.has(r)),
  };
}

function cliEnv(t: TestDb): NodeJS.ProcessEnv {
  return t.config.databaseUrl
    ? { DATABASE_URL: t.config.databaseUrl, POLON_PG_SCHEMA: t.config.pgSchema }
    : { POLON_DB: t.config.dbPath };
}

describeEachDb('public outputs carry no personal data', (get) => {
  it('finds no name, birth date, contact, note or record id in any public response or export', async () => {
    const t = get();
    await loadPublicAndSynthetic(t.db, { persons: 200, seed: 11 });
    const needles = await personalValues(t.db);
    // The scan means something only if the database is full of personal values to find.
    expect(
      needles.filter((n) => n.column.startsWith('records.family_name')).length,
    ).toBeGreaterThan(50);
    expect(needles.some((n) => n.column === 'records.birth_date')).toBe(true);
    for (const column of [
      'records.id',
      'records.relatives_contact',
      'records.notes',
      'episodes.notes',
    ])
      expect(
        needles.some((n) => n.column === column),
        column,
      ).toBe(true);

    const app = await buildApp({ db: t.db, config: loadConfig({}) });
    const scan = await scanPublic(app, t.db, needles);
    const hits = scan.hits;
    // Every public API route answered at least once, so none was scanned only as a 404.
    expect(scan.unanswered).toEqual([]);
    expect(scan.apiRoutes).toBeGreaterThanOrEqual(8);

    const out = mkdtempSync(join(tmpdir(), 'polon-leak-'));
    const cli = async (...args: string[]): Promise<string> => {
      let text = '';
      const code = await runCli(args, {
        stdout: (s) => (text += s),
        stderr: (s) => (text += s),
        env: cliEnv(t),
      });
      expect(code, args.join(' ')).toBe(0);
      return text;
    };
    for (const format of ['geojson', 'csv']) {
      const text = await cli('export', 'facilities', '--format', format);
      hits.push(...hitsIn(`polon export facilities --format ${format}`, text, needles));
    }
    const xlsx = join(out, 'facilities.xlsx');
    await cli('export', 'facilities', '--format', 'xlsx', '--out', xlsx);
    hits.push(
      ...hitsIn(
        'polon export facilities --format xlsx',
        await textOf(readFileSync(xlsx), 'spreadsheetml'),
        needles,
      ),
    );
    for (const args of [
      ['stats', 'exchanges', '--json'],
      ['check', '--json'],
      ['facilities', 'counts', '--json'],
    ])
      hits.push(...hitsIn(`polon ${args.join(' ')}`, await cli(...args), needles));

    expect(hits).toEqual([]);
  });

  it('would find a leak: a public route added later that shows a name is caught', async () => {
    const t = get();
    await loadPublicAndSynthetic(t.db, { persons: 30, seed: 13 });
    const needles = await personalValues(t.db);
    const app = await buildApp({ db: t.db, config: loadConfig({}) });
    const leaked = await t.db.kysely
      .selectFrom('records')
      .select(['family_name', 'birth_date'])
      .where('family_name', 'is not', null)
      .where('birth_date', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    app.get('/api/leak-canary', { config: { access: 'public' } }, () => ({
      note: `${leaked.family_name ?? ''} (born ${leaked.birth_date ?? ''})`,
    }));
    const scan = await scanPublic(app, t.db, needles);
    expect(scan.hits.filter((h) => h.where === '/api/leak-canary').map((h) => h.column)).toEqual(
      expect.arrayContaining(['records.family_name', 'records.birth_date']),
    );
  });

  it('answers an anonymous request for a personal route with 401 and nothing else', async () => {
    const t = get();
    await loadPublicAndSynthetic(t.db, { persons: 60, seed: 12 });
    const needles = await personalValues(t.db);
    const app = await buildApp({ db: t.db, config: loadConfig({}) });
    const recordId = (
      await sql<{ id: string }>`select id from records order by id limit 1`.execute(t.db.kysely)
    ).rows[0]?.id;
    expect(recordId).toBeDefined();
    const personal = app.routeTable.filter((r) => r.access !== 'public');
    expect(personal.length).toBeGreaterThan(10);
    const hits: Hit[] = [];
    for (const route of personal) {
      const url = route.url.replace(/:(\w+)/g, encodeURIComponent(recordId ?? ''));
      const res = await app.inject({
        method: route.method as 'GET',
        url,
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json(), `${route.method} ${route.url}`).toEqual({
        error: {
          code: 'unauthenticated',
          message: expect.any(String) as string,
          requestId: expect.any(String) as string,
        },
      });
      hits.push(...hitsIn(`${route.method} ${url}`, res.body, needles));
    }
    expect(hits).toEqual([]);
  });
});
