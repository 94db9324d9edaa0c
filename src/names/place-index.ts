import { createKeyIndex } from './key-index.js';
import type { KeyMatchKind } from './key-index.js';
import { matchInflected } from './match-inflected.js';
import { matchKey } from './match-key.js';
import { tokenise } from './normalise.js';
import { REGION_NAMES } from './region-names.js';
import { TOWN_NAMES } from './town-names.js';

export type PlaceKind = 'town' | 'region';
export type PlaceFormLang = 'en' | 'uk' | 'ru' | 'alt' | 'adjective';

export interface PlaceInput {
  id: string;
  kind: PlaceKind;
  /** How a reason names the place (English). */
  label: string;
  /** For a town, the ISO 3166-2 code of its region. */
  region?: string;
  forms: readonly { text: string; lang: PlaceFormLang }[];
}

export interface PlaceHit {
  id: string;
  kind: PlaceKind;
  label: string;
  region?: string;
  /** 1 for an exact form; less for an inflected form, a typo or a missing part. */
  quality: number;
  how: KeyMatchKind;
  lang: PlaceFormLang;
  /** Query tokens the place accounts for. */
  tokens: number[];
  /** A region named as one (Ростовской области, Mordovia), not just a town's stem. */
  explicit: boolean;
}

export interface PlaceIndex {
  /** Places named in a tokenised text; `eligible[i]` false skips token i as a head. */
  recognise(
    keys: readonly string[],
    eligible: readonly boolean[],
    regionMarkers: ReadonlySet<number>,
    /** Words known as something else are not read as misspelt place names. */
    knownWord?: (key: string) => boolean,
  ): PlaceHit[];
  readonly size: number;
}

// Parts of a multi-word name that qualify its head (Nova Kakhovka, Stary Oskol): missing,
// they change the place; other parts (Rostov-on-Don) only make the name complete.
const MODIFIERS = new Set(
  'nov nova novaia novoe novi novo star stara staraia stari staro mal mala malaia mali velika velikaia veliki bolSaia bolSoi verXnia verXni niZnia niZni gola golaia kozaCa kazaCia krasni krasna sankt saint sv svatoi'.split(
    ' ',
  ),
);
const CONNECTORS = new Set(['na', 'on', 'nad', 'pid', 'pod', 'upon']);
const MISSING_MODIFIER = 0.7;
const MISSING_PART = 0.9;

interface FormPart {
  key: string;
  modifier: boolean;
  connector: boolean;
}

interface Form {
  place: PlaceInput;
  lang: PlaceFormLang;
  parts: FormPart[];
  head: number;
  explicit: boolean;
}

function compileForm(
  place: PlaceInput,
  text: string,
  lang: PlaceFormLang,
  townKeys: ReadonlySet<string>,
): Form | undefined {
  const parts = tokenise(text).map((t) => {
    const key = matchKey(t);
    return { key, modifier: MODIFIERS.has(key), connector: CONNECTORS.has(key) };
  });
  if (parts.length === 0) return undefined;
  let head = parts.findIndex((p) => !p.modifier && !p.connector && p.key.length >= 4);
  if (head < 0) head = parts.findIndex((p) => !p.modifier && !p.connector);
  if (head < 0) head = 0;
  const headKey = parts[head]?.key ?? '';
  const explicit = place.kind === 'region' && (parts.length > 1 || !townKeys.has(headKey));
  return { place, lang, parts, head, explicit };
}

function partMatches(part: FormPart, key: string): boolean {
  if (key === part.key) return true;
  if (part.modifier)
    return key.slice(0, 3) === part.key.slice(0, 3) && key.length <= part.key.length + 3;
  return matchInflected(key, part.key) !== undefined;
}

/** The towns and regions of town-names.ts and region-names.ts as index input. */
export function placesFromTables(): PlaceInput[] {
  const towns: PlaceInput[] = TOWN_NAMES.map((t) => ({
    id: `town:${t.en}`,
    kind: 'town',
    label: t.en,
    region: t.region,
    forms: [
      { text: t.en, lang: 'en' },
      { text: t.uk, lang: 'uk' },
      { text: t.ru, lang: 'ru' },
      ...t.alt.map((text) => ({ text, lang: 'alt' as const })),
      ...t.adj.map((text) => ({ text, lang: 'adjective' as const })),
    ],
  }));
  const regions: PlaceInput[] = REGION_NAMES.map((r) => ({
    id: `region:${r.code}`,
    kind: 'region',
    label: r.en,
    region: r.code,
    forms: [
      ...r.stems.map((text) => ({ text, lang: 'adjective' as const })),
      ...r.alt.map((text) => ({ text, lang: 'alt' as const })),
    ],
  }));
  return [...towns, ...regions];
}

/**
 * Finds the towns and regions a text names, in any of their forms and grammatical cases,
 * with typos: one key lookup per word for the head of each name (Kakhovka in Nova
 * Kakhovka), then its other words among the neighbours.
 */
export function createPlaceIndex(places: readonly PlaceInput[]): PlaceIndex {
  const townKeys = new Set<string>();
  for (const p of places) {
    if (p.kind !== 'town') continue;
    for (const f of p.forms) for (const t of tokenise(f.text)) townKeys.add(matchKey(t));
  }
  const index = createKeyIndex<Form>();
  for (const p of places) {
    for (const f of p.forms) {
      const form = compileForm(p, f.text, f.lang, townKeys);
      const headKey = form?.parts[form.head]?.key;
      if (form && headKey) index.add(headKey, form);
    }
  }

  return {
    get size() {
      return index.size;
    },
    recognise(keys, eligible, regionMarkers, knownWord) {
      const best = new Map<string, PlaceHit>();
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] ?? '';
        if (!eligible[i] || key.length < 3) continue;
        let matches = index.lookup(key, { typos: false });
        if (matches.length === 0 && !knownWord?.(key)) matches = index.lookup(key);
        for (const m of matches) {
          for (const form of m.values) {
            const hit = completeForm(form, keys, i, m.quality, m.kind, regionMarkers);
            const prev = best.get(form.place.id);
            if (hit && (!prev || prev.quality < hit.quality)) best.set(form.place.id, hit);
          }
        }
      }
      return [...best.values()];
    },
  };
}

function completeForm(
  form: Form,
  keys: readonly string[],
  at: number,
  headQuality: number,
  how: KeyMatchKind,
  regionMarkers: ReadonlySet<number>,
): PlaceHit | undefined {
  const tokens = [at];
  let quality = headQuality;
  form.parts.forEach((part, j) => {
    if (j === form.head) return;
    const offset = j - form.head;
    // Word order varies (Каменск-Шахтинский, Shakhtinsky Kamensk), so look both ways.
    const near = [at + offset, at - offset, at + Math.sign(offset), at - Math.sign(offset)];
    const found = near.find(
      (q) =>
        q >= 0 &&
        q < keys.length &&
        q !== at &&
        !tokens.includes(q) &&
        partMatches(part, keys[q] ?? ''),
    );
    if (found !== undefined) tokens.push(found);
    else if (part.modifier) quality *= MISSING_MODIFIER;
    else if (!part.connector) quality *= MISSING_PART;
  });
  const kind = form.place.kind;
  const marked = [at - 2, at - 1, at + 1, at + 2].some((q) => regionMarkers.has(q));
  return {
    id: form.place.id,
    kind,
    label: form.place.label,
    ...(form.place.region !== undefined ? { region: form.place.region } : {}),
    quality,
    how,
    lang: form.lang,
    tokens: tokens.sort((a, b) => a - b),
    explicit: kind === 'region' && (form.explicit || marked),
  };
}
