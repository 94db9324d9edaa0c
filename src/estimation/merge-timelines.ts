import type { CaptivityTimeline } from './captivity-timeline.js';

/**
 * The timelines as they would be if each pair of persons named were one person: what the
 * evidence says under the other reading of the links linkage could not decide. Pairs naming
 * an unknown person are ignored; chains merge transitively.
 */
export function mergeTimelines(
  timelines: CaptivityTimeline[],
  pairs: readonly (readonly [string, string])[],
): CaptivityTimeline[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p;
    // Path compression keeps long chains of uncertain links cheap.
    for (let y = x; y !== root;) {
      const next = parent.get(y) ?? root;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  for (const t of timelines) parent.set(t.personId, t.personId);
  for (const [a, b] of pairs) {
    if (!parent.has(a) || !parent.has(b)) continue;
    const ra = find(a);
    const rb = find(b);
    // The smaller id leads, so the result does not depend on the order of the pairs.
    if (ra !== rb) {
      if (ra < rb) parent.set(rb, ra);
      else parent.set(ra, rb);
    }
  }
  const merged = new Map<string, CaptivityTimeline>();
  for (const t of timelines) {
    const root = find(t.personId);
    const m = merged.get(root);
    if (!m) {
      merged.set(root, {
        ...t,
        personId: root,
        sources: [...t.sources],
        events: [...t.events],
        episodes: [...t.episodes],
      });
      continue;
    }
    for (const s of t.sources) if (!m.sources.includes(s)) m.sources.push(s);
    m.events.push(...t.events);
    m.episodes.push(...t.episodes);
    m.category ??= t.category;
    m.sex ??= t.sex;
  }
  return [...merged.values()];
}
