import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { EXPORT_COLUMNS } from './index.js';

describe('polon export facilities', () => {
  const dir = mkdtempSync(join(tmpdir(), 'polon-export-cli-'));
  const db = join(dir, 'polon.db');
  const polon = async (...args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli([...args, '--db', db], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      env: {},
    });
    return { code, stdout, stderr };
  };

  beforeAll(async () => {
    expect((await polon('load-public')).code).toBe(0);
  });

  it('writes the gazetteer as CSV to a file, as before export became a group of commands', async () => {
    const out = join(dir, 'f.csv');
    const r = await polon('export', 'facilities', '--format', 'csv', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split(/\r?\n/);
    expect(header).toBe(EXPORT_COLUMNS.join(','));
    expect(r.stderr).toBe(`Wrote ${rows.length} facilities to ${out}.\n`);
  });

  it('prints GeoJSON by default, and names what can be exported when asked for something else', async () => {
    const r = await polon('export', 'facilities', '--territory', 'BY');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ type: 'FeatureCollection' });
    const other = await polon('export', 'persons');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("unknown command 'persons'");
    expect(other.stderr).toMatch(/Commands:\n\s+facilities/);
  });
});
