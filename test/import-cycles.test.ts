/**
 * No module imports one that imports it back, however far round: a circle of imports means
 * neither side can be read, tested or moved without the other, and under ESM it can leave
 * a binding undefined while the circle loads.
 *
 * The graph is read from the text of every .ts/.tsx file of src/, contract/ and web/src/:
 * each relative `import … from`, `import '…'` and `export … from`. Type-only imports count
 * too: they vanish from the compiled code, but a circle of types is still a circle for a
 * reader, and it is the seam where a value circle later creeps in. Dynamic `import()` does
 * not count: it is how a page or module is loaded lazily, at run time, on purpose.
 *
 * eslint-plugin-import's `import/no-cycle` would say the same, but it is not a dependency
 * of ours and resolves every file through TypeScript, which takes seconds; this takes tens
 * of milliseconds.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = ['src', 'contract', 'web/src'];

/** `import x from '…'`, `import type {…} from '…'`, `export * from '…'`, `import '…'`. */
const IMPORT = /^[ \t]*(?:import|export)\b(?:[^'";]*?\bfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names, as NodeNext resolves it (`./x.js` is `./x.ts`). */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(?:js|jsx|mjs)$/, '');
  const candidates = [
    `${stem}.ts`,
    `${stem}.tsx`,
    base,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** Every file's relative imports of other source files (not JSON, CSS or packages). */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = new Set<string>();
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveSpecifier(file, match[1] ?? '');
      if (target !== undefined && known.has(target)) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/**
 * One circle per strongly connected group of files (Tarjan): the shortest path from the
 * group's first file back to itself, enough to see where to cut, and the group's other
 * files, which go round with it by other paths.
 */
function importCycles(
  graph: ReadonlyMap<string, readonly string[]>,
): { cycle: string[]; others: string[] }[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;

  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      const selfImport = graph.get(node)?.includes(node) ?? false;
      if (group.length > 1 || selfImport) groups.push(group);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);

  return groups.map((group) => {
    const cycle = shortestCircle(graph, group);
    return { cycle, others: group.filter((f) => !cycle.includes(f)).sort() };
  });
}

/** The shortest path from the group's first file (by name) back to itself, inside the group. */
function shortestCircle(
  graph: ReadonlyMap<string, readonly string[]>,
  group: readonly string[],
): string[] {
  const members = new Set(group);
  const start = [...group].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to) || cameFrom.has(to)) continue;
      cameFrom.set(to, node);
      if (to === start) {
        const path: string[] = [];
        for (let at = node; at !== start; at = cameFrom.get(at)!) path.unshift(at);
        return [start, ...path, start];
      }
      queue.push(to);
    }
  }
  return [start, start];
}

describe('imports', () => {
  it('finds each circle, and only circles', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c', 'x']],
      ['c', ['a', 'd']],
      ['x', ['a']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(importCycles(graph)).toEqual(
      expect.arrayContaining([
        { cycle: ['a', 'b', 'c', 'a'], others: ['x'] },
        { cycle: ['e', 'e'], others: [] },
      ]),
    );
    expect(importCycles(graph)).toHaveLength(2);
    expect(importCycles(new Map([['a', ['b']]]))).toEqual([]);
  });

  it('go round in no circle in src/, contract/ or web/src/', () => {
    const files = FOLDERS.flatMap((f) => sourceFiles(join(ROOT, f)));
    expect(files.length).toBeGreaterThan(100);
    const name = (file: string): string => relative(ROOT, file);
    const circles = importCycles(importGraph(files)).map(
      ({ cycle, others }) =>
        cycle.map(name).join(' → ') +
        (others.length > 0 ? ` (also in this circle: ${others.map(name).join(', ')})` : ''),
    );
    expect(circles).toEqual([]);
  });
});
