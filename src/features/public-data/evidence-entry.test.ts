import { expect, it } from 'vitest';
import { loginAs } from '../../../test/accounts.js';
import { describeEachDb } from '../../../test/databases.js';
import { tableCounts } from '../../../test/table-counts.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/index.js';
import {
  FORM_CLAIM_QUALIFIERS,
  FORM_CLAIM_UNITS,
  FORM_EXCHANGE_KINDS,
  FORM_RETURNED_QUALIFIERS,
} from '../../../contract/index.js';
import { CLAIM_QUALIFIERS, CLAIM_UNITS } from '../claims/claim.js';
import { EXCHANGE_KINDS, RETURNED_QUALIFIERS } from '../exchanges/exchange.js';
import { loadPublicDataset } from './load-public.js';

const EXCHANGE = {
  id: '2026-06-20-exchange',
  date_start: '2026-06-20',
  kind: 'exchange',
  returned: '100',
  military: '90',
  civilians: '5',
  sources: 'https://example.org/74th-exchange',
};

it('offers in the form the choices the import accepts', () => {
  expect([...FORM_EXCHANGE_KINDS, 'bodies']).toEqual([...EXCHANGE_KINDS]);
  expect(FORM_RETURNED_QUALIFIERS).toEqual(RETURNED_QUALIFIERS);
  expect(FORM_CLAIM_UNITS).toEqual(CLAIM_UNITS);
  expect(FORM_CLAIM_QUALIFIERS).toEqual(CLAIM_QUALIFIERS);
});

describeEachDb('the workspace form for exchanges and official figures', (get) => {
  async function setUp() {
    const { db } = get();
    await loadPublicDataset(db);
    const app = await buildApp({ db, config: loadConfig({}) });
    const s = await loginAs(app, db, 'analyst');
    const post = (kind: 'exchanges' | 'claims', row: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/api/${kind}`,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload: { row },
      });
    return { db, app, post };
  }

  it('adds an exchange with its source and shows it in the consistency check at once', async () => {
    const { app, post } = await setUp();
    const res = await post('exchanges', EXCHANGE);
    expect(res.statusCode).toBe(201);
    const added = res.json<{ id: string; findings: { kind: string; message: string }[] }>();
    expect(added.id).toBe(EXCHANGE.id);
    // 90 military + 5 civilians is not the 100 returned: the form's answer says so.
    expect(added.findings.map((f) => f.kind)).toContain('exchange_breakdown');
    const check = (await app.inject('/api/check')).json<{ findings: { message: string }[] }>();
    expect(check.findings.some((f) => f.message.includes(EXCHANGE.id))).toBe(true);
    const row = (await app.inject(`/api/exchanges/${EXCHANGE.id}`)).json<{
      returned: number;
      sources: { url: string }[];
    }>();
    expect(row).toMatchObject({
      returned: 100,
      sources: [{ url: 'https://example.org/74th-exchange' }],
    });
  });

  it('adds a body repatriation and an official figure', async () => {
    const { app, post } = await setUp();
    const bodies = await post('exchanges', {
      id: '2026-06-25-bodies',
      date_start: '2026-06-25',
      kind: 'bodies',
      returned: '',
      bodies_returned: '1000',
      sources: 'https://example.org/repatriation',
    });
    expect(bodies.statusCode).toBe(201);
    const claim = await post('claims', {
      id: 'c900',
      metric: 'exchanges_held',
      value: '74',
      unit: 'exchanges',
      as_of: '2026-06-30',
      who: 'Coordination HQ',
      sources: 'https://example.org/hq',
    });
    expect(claim.statusCode).toBe(201);
    // 68 recorded to June 2026 against an official 74: the new claim is a finding.
    const findings = claim.json<{ findings: { kind: string }[] }>().findings;
    expect(findings.map((f) => f.kind)).toEqual(['cumulative_claim']);
    const stats = (await app.inject('/api/stats/exchanges?asOf=2026-06-30')).json<{
      bodyRepatriations: number;
    }>();
    expect(stats.bodyRepatriations).toBe(20);
  });

  it('refuses a bad row with the import’s own message, and an id already held, writing nothing', async () => {
    const { db, post } = await setUp();
    const before = await tableCounts(db);
    const bad = await post('exchanges', { ...EXCHANGE, returned: '-3', sources: '' });
    expect(bad.statusCode).toBe(400);
    const body = bad.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/returned/);
    const other = await post('claims', {
      id: 'c901',
      metric: 'other',
      value: '3',
      unit: 'people',
      as_of: '2026-06-30',
      sources: 'https://example.org/x',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json<{ error: { message: string } }>().error.message).toMatch(/description/);
    const held = await post('exchanges', { ...EXCHANGE, id: '2026-03-06-exchange' });
    expect(held.statusCode).toBe(409);
    expect(await tableCounts(db)).toEqual(before);
  });
});
