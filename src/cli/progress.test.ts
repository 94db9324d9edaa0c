import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { polonIn } from '../../test/cli.js';
import { describeEachDb } from '../../test/databases.js';

const dir = mkdtempSync(join(tmpdir(), 'polon-cli-progress-'));
const good = join(dir, 'sources.csv');
writeFileSync(good, 'id,title\nsynth-a,Synthetic A\nsynth-b,Synthetic B\n');
const bad = join(dir, 'bad.csv');
writeFileSync(bad, 'id,title\nsynth-a,Synthetic A\nbad id,B\n');
const TERMINAL = { isTTY: true, columns: () => 120 };

describeEachDb('progress bars of `polon import`', (get) => {
  const args = ['import', 'sources', good, '--dry-run'];

  it('draws nothing when standard error is not a terminal', async () => {
    const r = await polonIn(get(), args);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('draws a bar per phase on a terminal, and prints the same answer', async () => {
    const plain = await polonIn(get(), args);
    const r = await polonIn(get(), args, '', TERMINAL);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
    for (const phase of ['reading', 'checking', 'writing'])
      expect(r.stderr).toMatch(
        new RegExp(`import sources\\.csv \\| ${phase} \\[█+\\] 100% .*took`),
      );
    // Each bar ends on its own line: the answer starts on a fresh one.
    expect(r.stderr.endsWith('\n')).toBe(true);
  });

  it('draws nothing with --json, on a terminal too', async () => {
    const plain = await polonIn(get(), [...args, '--json']);
    const r = await polonIn(get(), [...args, '--json'], '', TERMINAL);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(plain.stdout);
  });

  it('ends the bar before it reports an error', async () => {
    const r = await polonIn(get(), ['import', 'sources', bad], '', TERMINAL);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/\| checking .*\npolon: 1 problem/);
  });
});
