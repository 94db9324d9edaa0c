import { expect, it } from 'vitest';
import { loginAs } from '../../test/accounts.js';
import { describeEachDb } from '../../test/databases.js';
import { loadConfig } from '../config.js';
import { buildApp } from './app.js';
import { inputErrorOf } from './error-status.js';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
}
interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const NUL = '\u0000';

/** A body of the schema's shape with a NUL in every string, so each field carries one. */
function bodyOf(schema: JsonSchema | undefined): unknown {
  if (!schema) return NUL;
  if (schema.anyOf?.[0]) return bodyOf(schema.anyOf[0]);
  const type = [schema.type ?? 'string'].flat()[0];
  if (type === 'object')
    return Object.fromEntries(
      Object.entries(schema.properties ?? { field: {} }).map(([k, v]) => [k, bodyOf(v)]),
    );
  if (type === 'array') return [bodyOf(schema.items)];
  if (type === 'number' || type === 'integer') return 1;
  if (type === 'boolean') return true;
  return `a${NUL}b`;
}

describeEachDb('a NUL character in any parameter', (get) => {
  it('is refused with a 400 on every route, in each path, query and body field', async () => {
    const { db } = get();
    const app = await buildApp({ db, config: loadConfig({}) });
    const s = await loginAs(app, db, 'admin');
    const spec = (await app.inject('/api/docs/json')).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    const tried: string[] = [];
    const answers: string[] = [];
    for (const route of app.routeTable) {
      const op = spec.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const query = (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const json = op?.requestBody?.content?.['application/json'];
      const requests: { url: string; payload?: unknown }[] = [
        ...params.map((p) => ({
          url: route.url.replace(/:(\w+)/g, (_, name) => (name === p ? '%00' : 'x')),
        })),
        ...query.map((q) => ({ url: `${route.url.replace(/:(\w+)/g, 'x')}?${q}=a%00b` })),
        ...(json ? [{ url: route.url.replace(/:(\w+)/g, 'x'), payload: bodyOf(json.schema) }] : []),
      ];
      for (const r of requests) {
        const res = await app.inject({
          method: route.method as 'GET',
          url: r.url,
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
          ...(r.payload === undefined ? {} : { payload: r.payload as object }),
        });
        tried.push(`${route.method} ${r.url}`);
        const code = res.json<{ error?: { code: string } }>().error?.code;
        answers.push(
          `${route.method} ${r.url} ${r.payload ? 'body ' : ''}→ ${res.statusCode} ${code}`,
        );
      }
    }
    expect(tried.length).toBeGreaterThan(40);
    expect(answers.filter((a) => !a.endsWith('→ 400 invalid_input'))).toEqual([]);
  });

  it('reads the database refusing a NUL as invalid input, not as a server fault', async () => {
    const { db, dialect } = get();
    const query = db.kysely.selectFrom('accounts').select('id').where('username', '=', `a${NUL}`);
    if (dialect === 'sqlite') {
      expect(await query.execute()).toEqual([]);
      return;
    }
    const err: unknown = await query.execute().catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('22021');
    expect(inputErrorOf(err)).toMatchObject({ code: 'invalid_input' });
  });
});
