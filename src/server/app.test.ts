import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/databases.js';
import { loadConfig } from '../config.js';
import { loadPublicDataset } from '../features/public-data/index.js';
import { buildApp } from './app.js';

describeEachDb('HTTP API', (get) => {
  const app = async () => {
    const { db } = get();
    await loadPublicDataset(db);
    return buildApp({ db, config: loadConfig({}) });
  };

  it('serves exchange statistics as of a date', async () => {
    const res = await (await app()).inject('/api/stats/exchanges?asOf=2025-11-01');
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      asOf: string;
      exchanges: number;
      returned: number;
      byYear: { year: number }[];
    }>();
    expect(body).toMatchObject({ asOf: '2025-11-01', exchanges: 64, returned: 7199 });
    expect(body.byYear.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025]);
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers a malformed date with a 400 that says what is wrong', async () => {
    const res = await (await app()).inject('/api/stats/exchanges?asOf=01.11.2025');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'invalid_input', message: expect.stringContaining('YYYY-MM-DD') as string },
    });
  });

  it('serves facilities with their sources, filtered by territory', async () => {
    const a = await app();
    const res = await a.inject('/api/facilities?territory=BY');
    const { facilities } = res.json<{
      facilities: { id: string; territory: string; sources: unknown[] }[];
    }>();
    expect(facilities).toHaveLength(1);
    expect(facilities[0]!.sources.length).toBeGreaterThan(0);
    const one = await a.inject('/api/facilities/taganrog-sizo-2');
    expect(one.json()).toMatchObject({
      id: 'taganrog-sizo-2',
      settlement: 'Taganrog',
      territory: 'RU',
    });
    const missing = await a.inject('/api/facilities/no-such-place');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('finds facilities by words in any script, and serves them as GeoJSON for a map', async () => {
    const a = await app();
    const res = await a.inject(
      '/api/facilities?q=%D0%A2%D0%B0%D0%B3%D0%B0%D0%BD%D1%80%D0%BE%D0%B3',
    );
    expect(res.json<{ facilities: { id: string }[] }>().facilities.map((f) => f.id)).toContain(
      'taganrog-sizo-2',
    );
    const geo = await a.inject('/api/facilities?format=geojson&territory=RU');
    expect(geo.headers['content-type']).toContain('application/geo+json');
    const fc = geo.json<{
      type: string;
      features: { geometry: { coordinates: [number, number] } }[];
    }>();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(20);
    const [lon, lat] = fc.features[0]!.geometry.coordinates;
    expect(lat).toBeGreaterThan(40);
    expect(lon).toBeGreaterThan(20);
  });

  it('counts facilities per territory', async () => {
    const res = await (await app()).inject('/api/facilities/counts');
    const { counts } = res.json<{ counts: { territory: string; facilities: number }[] }>();
    const per = (t: string) =>
      counts.filter((c) => c.territory === t).reduce((s, c) => s + c.facilities, 0);
    expect([per('RU'), per('UA-occupied'), per('BY')]).toEqual([28, 66, 1]);
  });

  it('lists consistency findings and claims with sources', async () => {
    const a = await app();
    const check = await a.inject('/api/check');
    expect(
      check
        .json<{ findings: { kind: string }[] }>()
        .findings.some((f) => f.kind === 'claim_breakdown'),
    ).toBe(true);
    // Grouped by cause as well, the largest group first; the flat list stays for old clients.
    const { groups, findings } = check.json<{
      groups: { title: string; count: number }[];
      findings: unknown[];
    }>();
    expect(groups[0]?.title).toMatch(
      /^5 numbered exchanges missing from the records by 2023-07-07/,
    );
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(findings.length);
    const claims = await a.inject('/api/claims?metric=returned_men');
    expect(claims.json()).toMatchObject({ claims: [{ id: 'c119', value: 5976 }] });
  });

  it("publishes an OpenAPI document, and sends / to the dashboard in the browser's language", async () => {
    const a = await app();
    const spec = await a.inject('/api/docs/json');
    expect(spec.statusCode).toBe(200);
    expect(Object.keys(spec.json<{ paths: object }>().paths)).toEqual(
      expect.arrayContaining(['/api/stats/exchanges', '/api/facilities', '/api/check']),
    );
    const page = await a.inject({ url: '/', headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/en/');
  });

  it('estimates from a list-overlap table, and rejects a malformed one with a 400', async () => {
    const a = await app();
    const ok = await a.inject({
      method: 'POST',
      url: '/api/estimates/mse',
      payload: {
        lists: ['BC', 'DC', 'MR'],
        histories: {
          '001': 60,
          '010': 49,
          '011': 4,
          '100': 247,
          '101': 112,
          '110': 142,
          '111': 12,
        },
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ best: { bic: { terms: string[] } } }>().best.bic.terms).toEqual([
      'BC',
      'DC',
      'MR',
      'DC:MR',
    ]);
    const bad = await a.inject({
      method: 'POST',
      url: '/api/estimates/mse',
      payload: { lists: ['A', 'B'], histories: { '10': -1 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('sends security headers, with a Content-Security-Policy that allows no inline code', async () => {
    const a = await app();
    const page = await a.inject('/uk/');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    // Scripts and styles come from files (`src=`, `<link>`), never inline.
    expect(page.body).not.toMatch(/<style|<script(?![^>]*\ssrc=)|style=/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await a.inject('/api/docs/json')).statusCode).toBe(200);
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await (await app()).inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
