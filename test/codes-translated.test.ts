/**
 * Every code the server sends for the web to put in words has those words in Ukrainian,
 * English and Russian. The codes are read from where the server takes them (the contract's
 * enums, the facility vocabulary, the linkage engine, the persons vocabulary, the lists the
 * importer and the estimation engine keep beside the code that sends them), not from a list
 * kept here, so a code added there without its translations fails this test. A word with
 * plural forms counts as there when its `_other` form is; web/src/i18n/translations.test.ts
 * checks that every form a language needs is there.
 *
 * Coded: import problems of a cell (fields.ts) and of the whole file or row, and the import's
 * notices (message-codes.ts); the estimation engine's model warnings (mse-result.ts) and
 * LCMCR's, and how each model's fit ended (FIT_STATUSES); the column hints of every import
 * kind. Still English, since no page shows them: the engine's refusals of a malformed overlap
 * table (overlap-table.ts, API and command line), problems of a linkage file, and the options
 * only the command line gives (an unknown --encoding or --delimiter).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptivityCaveatCode, LcmcrResult } from '../contract/estimates.js';
import { FIT_STATUSES, MODEL_WARNING_CODES } from '../src/estimation/index.js';
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
import { FILE_PROBLEM_CODES, NOTICE_CODES } from '../src/features/imports/message-codes.js';
import { REVIEW_REASONS } from '../src/linkage/index.js';
import { packageRoot } from '../src/package-root.js';

const LANGUAGES = ['uk', 'en', 'ru'] as const;
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
    importProblems: [...CELL_PROBLEM_CODES, ...FILE_PROBLEM_CODES],
    // A cell's fix often names its column, so only some cell codes have words of their own.
    importFixes: FILE_PROBLEM_CODES,
    importNotices: NOTICE_CODES,
    modelWarnings: MODEL_WARNING_CODES,
    // How each log-linear model's fit ended, in the workspace's model table.
    fitStatus: FIT_STATUSES,
    // The panel says "not converged" in a sentence of its own (lcmcr.notConverged).
    'lcmcr.warning': LcmcrResult.shape.warnings.element.shape.code.options.filter(
      (c) => c !== 'not_converged',
    ),
    // What each column of every kind's file holds, as the column matcher explains it.
    ...Object.fromEntries(
      Object.entries(IMPORT_KINDS).map(([k, kind]) => [
        `importColumns.${k}`,
        kind.columns.map((c) => c.name),
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
            .filter(
              (code) =>
                typeof at(strings, `${prefix}.${code}`) !== 'string' &&
                typeof at(strings, `${prefix}.${code}_other`) !== 'string',
            )
            .map((code) => `${lang}: ${prefix}.${code}`),
        );
      });
      expect(missing).toEqual([]);
    });
});
