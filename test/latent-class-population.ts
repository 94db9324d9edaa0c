import type { OverlapTable } from '../src/estimation/index.js';

/**
 * Populations whose true size is known, seen by lists whose capture probabilities differ
 * between latent classes of people (the easy to see, the hard to see): the situation LCMCR is
 * built for. Written apart from the sampler (its own generator, its own draws) so the
 * coverage check does not share the sampler's mistakes.
 */
export interface LatentClassScenario {
  n: number;
  lists: number;
  classes: { weight: number; capture: number[] }[];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random scenario: 1,000–5,000 people, 4–6 lists, 2–3 classes; every list sees 10–60% of
 * a class, and class 0 half as well as that (the hard to see). Much harder scenarios (a class
 * that every list sees in under one case in ten) are not identifiable from the histories by
 * any method: see docs/estimates.md.
 */
export function randomScenario(seed: number): LatentClassScenario {
  const u = mulberry32(seed * 7919 + 1);
  const lists = 4 + Math.floor(u() * 3);
  const classCount = 2 + Math.floor(u() * 2);
  const raw = Array.from({ length: classCount }, () => 0.2 + u());
  const total = raw.reduce((a, b) => a + b, 0);
  const classes = raw.map((w, k) => ({
    weight: w / total,
    // Class 0 is the hard to see: every list finds few of them.
    capture: Array.from({ length: lists }, () => (0.1 + 0.5 * u()) * (k === 0 ? 0.5 : 1)),
  }));
  return { n: 1000 + Math.floor(u() * 4000), lists, classes };
}

/** The capture histories of one draw of the scenario's population, and how many were never seen. */
export function simulateHistories(
  scenario: LatentClassScenario,
  seed: number,
): { table: OverlapTable; unseen: number } {
  const u = mulberry32(seed);
  const histories: Record<string, number> = {};
  let unseen = 0;
  for (let i = 0; i < scenario.n; i++) {
    let pick = u();
    let cls = scenario.classes[scenario.classes.length - 1];
    for (const c of scenario.classes) {
      pick -= c.weight;
      if (pick < 0) {
        cls = c;
        break;
      }
    }
    let key = '';
    for (let j = 0; j < scenario.lists; j++) key += u() < (cls?.capture[j] ?? 0) ? '1' : '0';
    if (!key.includes('1')) unseen++;
    else histories[key] = (histories[key] ?? 0) + 1;
  }
  const lists = Array.from({ length: scenario.lists }, (_, j) => `L${j + 1}`);
  return { table: { lists, histories }, unseen };
}
