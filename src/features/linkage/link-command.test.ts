import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { polon } from '../../../test/cli.js';

// Synthetic people only.
const INPUT = [
  'record_id,source,family_name,given_name,patronymic,full_name,birth_date,sex,unit',
  'a1,ua_register,Тестенко,Олександр,Петрович,,12.03.1985,ч,36 ОБрМП',
  'b1,ru_media,Тестенко,Александр,Петрович,,1985,м,',
  'c1,icrc,Testenko,Oleksandr,,,1985-03-12,male,',
  'd1,press,,,,Aleksandr Testenko,,,',
  'a2,ua_register,Прикладна,Марія,Іванівна,,01.01.1990,ж,',
].join('\n');

describe('polon link', () => {
  it('writes one cluster id per input record and links the spellings of one person', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polon-link-'));
    writeFileSync(join(dir, 'in.csv'), INPUT);
    const r = await polon(
      'link',
      '--input',
      join(dir, 'in.csv'),
      '--output',
      join(dir, 'out.csv'),
      '--json',
    );
    expect(r.code).toBe(0);
    const out: { record_id: string; cluster_id: string }[] = parse(
      readFileSync(join(dir, 'out.csv')),
      {
        columns: true,
      },
    );
    expect(out.map((o) => o.record_id)).toEqual(['a1', 'b1', 'c1', 'd1', 'a2']);
    const cluster = new Map(out.map((o) => [o.record_id, o.cluster_id]));
    expect(cluster.get('b1')).toBe(cluster.get('a1'));
    expect(cluster.get('c1')).toBe(cluster.get('a1'));
    expect(cluster.get('a2')).not.toBe(cluster.get('a1'));
    expect(JSON.parse(r.stdout)).toMatchObject({ records: 5 });
  });

  it('says which column is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polon-link-'));
    writeFileSync(join(dir, 'in.csv'), 'record_id,family_name\nx,Тестенко\n');
    const r = await polon('link', '--input', join(dir, 'in.csv'), '--output', join(dir, 'out.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/source/);
  });
});
