import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/db/index.js';

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: { type?: string; enum?: unknown[]; pattern?: string; format?: string };
}
interface OpenApi {
  paths?: Record<string, { get?: { parameters?: Parameter[] } }>;
}

export interface PublicRequest {
  /** The route as registered, e.g. /api/facilities/:id: what a failure names. */
  route: string;
  url: string;
}

const DAY = /asof|date|from|to|day/i;

/**
 * Every public page and GET route an anonymous visitor can ask for, read from the app's
 * route table and OpenAPI description, so routes added later are scanned without being
 * listed here: path parameters take real ids from the database (facilities where persons
 * were held first), and each value of an enumerated query parameter (format=geojson|csv…)
 * gets a request of its own.
 */
export async function publicRequests(app: FastifyInstance, db: Db): Promise<PublicRequest[]> {
  await app.ready();
  const spec = app.swagger() as OpenApi;
  const ids = await candidateIds(db);
  const out: PublicRequest[] = [];
  for (const route of app.routeTable) {
    if (route.access !== 'public' || route.method !== 'GET' || route.url.startsWith('/api/docs'))
      continue;
    const params = spec.paths?.[route.url.replace(/:(\w+)/g, '{$1}')]?.get?.parameters ?? [];
    const query = params.filter((p) => p.in === 'query');
    const base = new URLSearchParams();
    for (const p of query.filter((q) => q.required))
      base.set(p.name, p.schema?.enum?.length ? String(p.schema.enum[0]) : fill(p));
    const variants = [base.toString()];
    for (const p of query) {
      const values = p.schema?.enum?.length
        ? p.schema.enum.map(String)
        : DAY.test(p.name)
          ? ['2023-06-30', '2025-11-01']
          : [];
      for (const v of values) {
        const q = new URLSearchParams(base);
        q.set(p.name, v);
        variants.push(q.toString());
      }
    }
    const pathNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
    const paths = pathNames.length
      ? pathValues(route.url, ids).map((v) => route.url.replace(/:(\w+)/g, encodeURIComponent(v)))
      : [route.url];
    for (const path of paths)
      for (const v of new Set(variants))
        out.push({ route: route.url, url: v ? `${path}?${v}` : path });
  }
  // Pages and files outside /api: every GET route the server has, read from its route tree.
  for (const path of pageRoutes(app)) {
    const urls = path.includes(':') || path.includes('*') ? pageUrls(path) : [path];
    for (const url of urls) out.push({ route: path, url });
  }
  return out;
}

/**
 * GET routes outside /api, from Fastify's route tree (printed one segment per line, nested
 * by four characters a level, each line's segment appended to its parent's path).
 */
function pageRoutes(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const paths: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false, method: 'GET' }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.+?)(?: \(([^)]*)\))?$/u.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    stack.length = depth;
    const parent = stack[depth - 1] ?? '';
    const segment = m[2] ?? '';
    // The tree drops the slash after a parameter ("/:lang" then "*" for "/:lang/*").
    const path =
      /:\w+$/.test(parent) && !segment.startsWith('/') ? `${parent}/${segment}` : parent + segment;
    stack[depth] = path;
    if (m[3]?.includes('GET') && !path.startsWith('/api/')) paths.push(path);
  }
  return paths;
}

/** A page route's parameters filled: every language, a few app views. */
function pageUrls(path: string): string[] {
  const langs = path.includes(':lang') ? ['uk', 'en', 'ru'] : ['x'];
  const rests = path.includes('*') ? ['', 'facilities', 'map'] : [''];
  return langs.flatMap((lang) =>
    rests.map((rest) => path.replace(/:\w+/g, lang).replace('*', rest)),
  );
}

function fill(p: Parameter): string {
  if (DAY.test(p.name)) return '2025-11-01';
  if (p.name === 'q') return 'Таганрог';
  return p.schema?.type === 'integer' || p.schema?.type === 'number' ? '1' : 'x';
}

function pathValues(url: string, ids: Record<string, string[]>): string[] {
  if (/facilit/.test(url)) return ids.facilities ?? [];
  if (/exchange/.test(url)) return ids.exchanges ?? [];
  if (/claim/.test(url)) return ids.claims ?? [];
  if (/source/.test(url)) return ids.sources ?? [];
  return Object.values(ids).flatMap((v) => v.slice(0, 3));
}

async function candidateIds(db: Db): Promise<Record<string, string[]>> {
  const col = async (q: ReturnType<typeof sql<{ id: string }>>) =>
    (await q.execute(db.kysely)).rows.map((r) => String(r.id));
  return {
    facilities: await col(sql`
      select facility_id as id from episodes where facility_id is not null
      group by facility_id order by count(*) desc, facility_id limit 4`).then(async (held) => [
      ...held,
      ...(await col(sql`select id from facilities order by id limit 2`)),
    ]),
    exchanges: await col(sql`select id from exchanges order by id limit 3`),
    claims: await col(sql`select id from claims order by id limit 2`),
    sources: await col(sql`select id from sources order by id limit 3`),
    regions: await col(
      sql`select distinct region_code as id from facilities where region_code is not null order by 1 limit 2`,
    ),
    territories: ['RU', 'UA-occupied'],
  };
}
