import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/databases.js';
import { fuzz } from '../../../test/fuzz.js';
import { InputError } from '../../core/app-error.js';
import { sourcesImport } from '../sources/index.js';
import { importFile } from './run-import.js';
import type { ImportOptions, ImportResult } from './import-options.js';

/*
 * A large CSV streams, a small one is read whole: the same file must come out the same,
 * whatever its encoding, delimiter, title, totals and notes — detection included.
 */

const ENCODINGS: [string, (t: string) => Buffer][] = [
  ['utf-8', (t) => Buffer.from(t)],
  ['utf-8-bom', (t) => Buffer.from(`\uFEFF${t}`)],
  ['utf-16le', (t) => iconv.encode(`\uFEFF${t}`, 'utf16le')],
  ['utf-16be', (t) => iconv.encode(`\uFEFF${t}`, 'utf16be')],
  ['windows-1251', (t) => iconv.encode(t, 'win1251')],
  ['koi8-u', (t) => iconv.encode(t, 'koi8-u')],
];

const titleArb = fc.constantFrom('Перелік джерел (синтетичний)', 'Джерела, станом на 2025 рік', '');
const textArb = fc.constantFrom(
  'Синтетичне джерело',
  'Звіт, том 2',
  'Лист "родини"',
  'x;y|z',
  'рядок\nдругий',
  '',
);
const fileArb = fc.record({
  encoding: fc.constantFrom(...ENCODINGS),
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  title: titleArb,
  rows: fc.array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .tuple(fc.nat({ max: 40 }), textArb)
          .map(([n, t]) => ({ id: `src-${n}`, title: t })),
      },
      { weight: 1, arbitrary: fc.constant({ id: 'Всього:', title: '3' }) },
      { weight: 1, arbitrary: fc.constant({ id: '', title: '' }) },
      // A row the validator refuses: an id with a space.
      { weight: 1, arbitrary: fc.constant({ id: 'bad id', title: 'x' }) },
    ),
    { maxLength: 12 },
  ),
  notes: fc.uniqueArray(
    fc.constantFrom('Примітка: перелік неповний', '* синтетичні дані', 'Складено;01.11.2025'),
    {
      maxLength: 2,
    },
  ),
  given: fc.boolean(),
});

const dir = mkdtempSync(join(tmpdir(), 'polon-stream-whole-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const outcome = async (
  p: Promise<ImportResult>,
): Promise<{ ok?: ImportResult; problems?: InputError['problems'] }> => {
  try {
    const r = await p;
    // The streamed file learns of its totals and notes at its end, so says so last.
    return {
      ok: { ...r, notices: [...r.notices].sort((a, b) => a.message.localeCompare(b.message)) },
    };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { problems: err.problems };
  }
};

describeEachDb('a CSV streamed and read whole', (get) => {
  it(
    'comes out the same, detection, skipped rows and problems included',
    { timeout: 300_000 },
    async () => {
      const { db } = get();
      let n = 0;
      const seen = { ok: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(fileArb, async (f) => {
          const cell = (c: string): string =>
            c.includes(f.delimiter) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
          const lines = [
            ...(f.title ? [cell(f.title)] : []),
            ['id', 'title', 'notes'].join(f.delimiter),
            ...f.rows.map((r) => [r.id, r.title, ''].map(cell).join(f.delimiter)),
            ...f.notes.map((note) => note.split(';').map(cell).join(f.delimiter)),
          ];
          const text = lines.join('\r\n');
          const path = join(dir, `s${n++}.csv`);
          writeFileSync(path, f.encoding[1](text));
          const options: ImportOptions = {
            dryRun: true,
            now: new Date('2026-01-01T00:00:00Z'),
            ...(f.given
              ? { encoding: f.encoding[0].replace('-bom', ''), delimiter: f.delimiter }
              : {}),
          };
          const streamed = await outcome(
            importFile(db, sourcesImport, path, { ...options, stream: true }),
          );
          const whole = await outcome(
            importFile(db, sourcesImport, path, { ...options, stream: false }),
          );
          expect(streamed).toEqual(whole);
          if (whole.ok) {
            seen.ok++;
            expect(whole.ok.detected).toMatchObject({ format: 'csv', delimiter: f.delimiter });
            // A single-byte encoding shows only in the letters: ASCII alone reads as UTF-8, and
            // KOI8 needs enough of them (detect-text.test.ts tells the two apart).
            const letters = (text.match(/[а-яіїєґ]/g) ?? []).length;
            const [name] = f.encoding;
            if (f.given || !/^(windows|koi8)/.test(name) || letters >= (name === 'koi8-u' ? 30 : 1))
              expect(whole.ok.detected).toMatchObject({ encoding: name });
          } else seen.refused++;
        }),
        fuzz(60),
      );
      expect(seen.ok).toBeGreaterThan(0);
      expect(seen.refused).toBeGreaterThan(0);
    },
  );
});
