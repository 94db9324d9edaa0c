import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createFacilityMatcher } from './facility-matcher.js';
import type { MatchableFacility } from './facility-matcher.js';
import {
  FACILITIES_CSV_PATH,
  TEST_SET_PATH,
  generateMatchTestSet,
  toMatchable,
} from '../../../test/facility-match-test-set.js';
import type { FacilityRow, MatchTestSet } from '../../../test/facility-match-test-set.js';

const rows = parse<FacilityRow>(readFileSync(FACILITIES_CSV_PATH, 'utf8'), {
  columns: true,
  skip_empty_lines: true,
});
const facilities = rows.map(toMatchable);
const matcher = createFacilityMatcher(facilities);
const top = (text: string) => matcher.match(text).candidates[0];

describe('createFacilityMatcher on the bundled gazetteer', () => {
  it('resolves the three forms of Taganrog SIZO-2 to taganrog-sizo-2', () => {
    expect(facilities.map((f) => f.id)).toContain('taganrog-sizo-2');
    for (const text of [
      'Таганрозьке СІЗО',
      'ФКУ СИЗО-2 ГУФСИН России по Ростовской области',
      'Pre-trial detention centre No. 2 in Taganrog',
    ]) {
      expect(top(text)?.id, text).toBe('taganrog-sizo-2');
    }
  });

  it('says why, in words a person can check', () => {
    expect(top('Таганрозьке СІЗО')?.reason).toBe('type SIZO + town Taganrog (adjective form)');
    expect(top('ФКУ СИЗО-2 ГУФСИН России по Ростовской области')?.reason).toMatch(
      /^type SIZO \+ number 2 \+ region Rostov Oblast/,
    );
    expect(top('Pre-trial detention centre No. 2 in Taganrog')?.reason).toBe(
      'type SIZO + number 2 + town Taganrog',
    );
    expect(top('СИЗО-2 в Таганроге')?.reason).toBe(
      'type SIZO + number 2 + town Taganrog (inflected form)',
    );
    expect(top('Tagnarog SIZO-2')?.reason).toMatch(/town Taganrog \(with a typo\)/);
  });

  it('finds places known by a name rather than type and number', () => {
    expect(top('Olenivka colony')?.id).toBe('olenivka-ik-120');
    expect(top('колония в Еленовке')?.id).toBe('olenivka-ik-120');
    expect(top('Izolyatsia')?.id).toBe('donetsk-site');
    expect(top('Изоляция, Донецк')?.id).toBe('donetsk-site');
    expect(top('Donskoy')?.id).toBe('donskoy-ik-1');
    expect(top('Lefortovo')?.id).toBe('moscow-sizo');
    expect(top('Владимирский централ')?.id).toBe('vladimir-prison');
    expect(top('подвал школы в Ягодном')?.id).toBe('yahidne-site');
  });

  it('ranks the closer place first and scores within 0..1, best first', () => {
    const nova = matcher.match('Nova Kakhovka police station').candidates;
    expect(nova[0]?.id).toBe('nova-kakhovka-police');
    expect(matcher.match('Kakhovka police').candidates[0]?.id).toBe('kakhovka-police');
    // The number decides between two colonies in one town.
    expect(top('IK-97 Makiivka')?.id).toBe('makiivka-ik-97');
    expect(top('Макеевская колония №32')?.id).toBe('makiivka-ik-32');
    const some = matcher.match('СІЗО Сімферополя', 10).candidates;
    expect(some.length).toBeGreaterThan(0);
    for (const [i, c] of some.entries()) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(c.score).toBeLessThanOrEqual(some[i - 1]?.score ?? 1);
    }
  });

  it('answers nothing rather than something wrong', () => {
    for (const text of [
      'SIZO-3 Taganrog', // Taganrog has SIZO-2 only
      'СИЗО-2 Курск', // Kursk has SIZO-1
      'СИЗО-1 Брянск', // a town with no place in the gazetteer
      'ИВС Таганрога', // a type the town has none of
      'SIZO-2', // seven towns have one
      'Izium torture chamber', // six places in Izium fit
      'погода в Києві',
      '',
    ]) {
      expect(matcher.match(text).candidates, text).toEqual([]);
    }
  });

  it('echoes the query and respects the limit', () => {
    const r = matcher.match('СІЗО Сімферополя', 1);
    expect(r.query).toBe('СІЗО Сімферополя');
    expect(r.candidates.length).toBeLessThanOrEqual(1);
  });

  it('works on an empty gazetteer and on one it has never seen', () => {
    expect(createFacilityMatcher([]).match('SIZO-2 Taganrog').candidates).toEqual([]);
    const made: MatchableFacility = {
      id: 'ozersk-sizo-4',
      nameEn: 'Pre-trial detention centre No. 4, Ozyorsk',
      nameUk: '',
      nameRu: '',
      aliases: [],
      type: 'sizo',
      territory: 'RU',
      region: 'Chelyabinsk Oblast',
      regionCode: 'RU-CHE',
      settlement: 'Ozyorsk',
    };
    const small = createFacilityMatcher([made]);
    expect(small.match('СИЗО-4 г. Озёрск').candidates[0]?.id).toBe('ozersk-sizo-4');
    expect(small.match('СИЗО-4 Озерска').candidates[0]?.id).toBe('ozersk-sizo-4');
    expect(small.match('СИЗО-5 Озерск').candidates).toEqual([]);
  });
});

describe('the committed test set', () => {
  const set = JSON.parse(readFileSync(TEST_SET_PATH, 'utf8')) as MatchTestSet;

  it('is what the generator makes from facilities.csv', () => {
    // When this fails after a change to the CSV or the town table, regenerate the file:
    // npx tsx test/facility-match-test-set.ts
    expect(generateMatchTestSet(rows, set.seed)).toEqual(set);
  });

  it('is large enough: 300 mentions naming a place, 60 naming none', () => {
    const named = set.mentions.filter((m) => m.expected !== null);
    expect(named.length).toBeGreaterThanOrEqual(300);
    expect(set.mentions.length - named.length).toBeGreaterThanOrEqual(60);
    const ids = new Set(facilities.map((f) => f.id));
    for (const m of named) expect(ids.has(m.expected ?? ''), m.expected ?? '').toBe(true);
  });

  it('is matched with top-1 accuracy ≥ 95% and ≤ 2% answers where none is right', () => {
    let right = 0;
    let wrong = 0;
    let silent = 0;
    let named = 0;
    let falseAnswers = 0;
    let unnamed = 0;
    const misses: string[] = [];
    for (const m of set.mentions) {
      const answer = top(m.text)?.id ?? null;
      if (m.expected === null) {
        unnamed++;
        if (answer !== null) {
          falseAnswers++;
          misses.push(`  no match expected: "${m.text}" → ${answer}`);
        }
      } else {
        named++;
        if (answer === m.expected) right++;
        else {
          if (answer === null) silent++;
          else wrong++;
          misses.push(`  ${m.form}: "${m.text}" → ${answer ?? 'nothing'} (expected ${m.expected})`);
        }
      }
    }
    const accuracy = right / named;
    const falseRate = falseAnswers / unnamed;
    console.log(
      [
        `facility matching, ${set.mentions.length} mentions (seed ${set.seed}):`,
        `  top-1 accuracy on ${named} mentions naming a place: ${(100 * accuracy).toFixed(1)}%` +
          ` (${right} right, ${wrong} wrong, ${silent} unanswered)`,
        `  answers on ${unnamed} texts naming no known place: ${falseAnswers}` +
          ` (${(100 * falseRate).toFixed(1)}%)`,
        ...misses,
      ].join('\n'),
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    expect(falseRate).toBeLessThanOrEqual(0.02);
  });
});
