/**
 * Every code the server sends for the web to put in words has those words in Ukrainian,
 * English and Russian. The codes are read from where the server takes them (the contract's
 * enums, the facility vocabulary, the linkage engine, the persons vocabulary), not from a
 * list kept here, so a code added there without its translations fails this test.
 *
 * Import problems of a cell carry a code (fields.ts); whole-file problems, notices and the
 * estimation engine's model warnings are still English sentences with no code to check yet.
 * The column hints of the analysts' import kinds (sources, exchanges, claims, facilities) are
 * English too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptivityCaveatCode } from '../contract/estimates.js';
import { MethodId, PRIORITY_GROUPS, PublishedFigure } from '../contract/publication.js';
import {
  FACILITY_STATUSES,
  FACILITY_TYPES,
  HELD,
  TERRITORIES,
} from '../src/features/facilities/index.js';
import { CATEGORY_WORDS, SEX_WORDS } from '../src/features/persons/person-vocabulary.js';
import { IMPORT_KINDS } from '../src/cli/import-kinds.js';
import { CELL_PROBLEM_CODES } from '../src/features/imports/fields.js';
import { REVIEW_REASONS } from '../src/linkage/index.js';
import { packageRoot } from '../src/package-root.js';

const LANGUAGES = ['uk', 'en', 'ru'] as const;
/** The kinds a documenter imports in the workspace; analysts' kinds keep English hints for now. */
const DOCUMENTER_KINDS = ['persons', 'events', 'episodes', 'occupancy'];
const read = (dir: string, lang: string) =>
  JSON.parse(readFileSync(join(packageRoot(), dir, `${lang}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
const at = (strings: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], strings);

/** Codes by the key prefix their words live under, per namespace. */
const CODES: Record<
  'web/src/i18n' | 'web/src/workspace/i18n',
  Record<string, readonly string[]>
> = {
  'web/src/i18n': {
    caveat: CaptivityCaveatCode.options,
    method: MethodId.options,
    groups: PRIORITY_GROUPS,
    published: PublishedFigure.shape.metric.options,
    territory: TERRITORIES,
    type: FACILITY_TYPES,
    heldKind: HELD,
    facilityStatus: FACILITY_STATUSES,
  },
  'web/src/workspace/i18n': {
    categories: Object.keys(CATEGORY_WORDS),
    sexes: Object.keys(SEX_WORDS),
    'review.reasons': REVIEW_REASONS,
    importProblems: CELL_PROBLEM_CODES,
    // What each column of a documenter's file holds, as the column matcher explains it.
    ...Object.fromEntries(
      DOCUMENTER_KINDS.map((k) => [
        `importColumns.${k}`,
        IMPORT_KINDS[k]?.columns.map((c) => c.name) ?? ['(no such kind)'],
      ]),
    ),
  },
};

describe('codes the server sends', () => {
  for (const [dir, byPrefix] of Object.entries(CODES))
    it(`have words in uk, en and ru (${dir})`, () => {
      const missing = LANGUAGES.flatMap((lang) => {
        const strings = read(dir, lang);
        return Object.entries(byPrefix).flatMap(([prefix, codes]) =>
          codes
            .filter((code) => typeof at(strings, `${prefix}.${code}`) !== 'string')
            .map((code) => `${lang}: ${prefix}.${code}`),
        );
      });
      expect(missing).toEqual([]);
    });
});
