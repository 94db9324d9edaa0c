import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * Every relative link of the README and docs/ leads somewhere: the file (or folder) exists,
 * and a `#anchor` names a heading of the file it points into (GitHub's heading ids).
 * External links (https:, mailto:, …) are not followed.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const docs = readdirSync(join(root, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => join(root, 'docs', f));
const checked = [
  join(root, 'README.md'),
  ...docs,
  join(root, 'data', 'README.md'),
  join(root, 'web', 'README.md'),
];

/** The text outside fenced code blocks and HTML comments (blanked, so lines keep their numbers). */
function outsideCode(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  const out = lines.map((line) => {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length) fence = null;
      return '';
    }
    if (m) {
      fence = m[1]!;
      return '';
    }
    return line;
  });
  return out.join('\n').replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
}

/** As outsideCode, with inline code spans blanked too: a link written in code is no link. */
function prose(markdown: string): string {
  return outsideCode(markdown).replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, (c) =>
    c.replace(/[^\n]/g, ' '),
  );
}

/** GitHub's id of a heading: rendered text, lower case, punctuation dropped, spaces → '-'. */
function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/`/g, '')
    .replace(/\*\*|\*/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

const anchorCache = new Map<string, Set<string>>();

/** The ids of the headings of a markdown text, with GitHub's -1, -2 … for repeats. */
function headingIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of outsideCode(markdown).split('\n')) {
    const m = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    ids.add(n === 0 ? base : `${base}-${n}`);
  }
  return ids;
}

function anchorsOf(file: string): Set<string> {
  let ids = anchorCache.get(file);
  if (!ids) anchorCache.set(file, (ids = headingIds(readFileSync(file, 'utf8'))));
  return ids;
}

interface Link {
  target: string;
  line: number;
}

/** Inline links and images `[text](target "title")`, and reference definitions `[x]: target`. */
function linksOf(markdown: string): Link[] {
  const text = prose(markdown);
  const lineAt = (i: number) => text.slice(0, i).split('\n').length;
  const links: Link[] = [];
  const inline =
    /!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*(<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
  for (const m of text.matchAll(inline))
    links.push({ target: m[1]!.replace(/^<|>$/g, ''), line: lineAt(m.index) });
  for (const m of text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*(\S+)/gm))
    links.push({ target: m[1]!.replace(/^<|>$/g, ''), line: lineAt(m.index) });
  return links;
}

/** What is wrong with the relative links of `file` (whose text is `markdown`), one line each. */
function brokenLinks(file: string, markdown: string): string[] {
  const problems: string[] = [];
  const where = relative(root, file);
  for (const { target, line } of linksOf(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue;
    const hash = target.indexOf('#');
    const path = decodeURI(hash < 0 ? target : target.slice(0, hash));
    const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1));
    const to = path === '' ? file : resolve(dirname(file), path);
    if (!existsSync(to)) {
      problems.push(`${where}:${line}: ${target}: no such file`);
      continue;
    }
    if (anchor === null) continue;
    if (!to.endsWith('.md') || statSync(to).isDirectory()) continue;
    const ids = path === '' ? headingIds(markdown) : anchorsOf(to);
    if (!ids.has(anchor))
      problems.push(`${where}:${line}: ${target}: no heading #${anchor} in ${relative(root, to)}`);
  }
  return problems;
}

describe('documentation links', () => {
  it.each(checked.map((f) => [relative(root, f), f]))(
    '%s: every relative link resolves',
    (_, f) => {
      expect(brokenLinks(f, readFileSync(f, 'utf8'))).toEqual([]);
    },
  );

  it('the README links every document in docs/', () => {
    const linked = new Set(
      linksOf(readFileSync(join(root, 'README.md'), 'utf8')).map((l) =>
        resolve(root, l.target.split('#')[0]!),
      ),
    );
    expect(docs.filter((d) => !linked.has(d)).map((d) => relative(root, d))).toEqual([]);
  });

  it('finds a missing file, a missing heading and a missing anchor of its own file', () => {
    const readme = join(root, 'README.md');
    const sample = [
      '# Title',
      '[fine](#title) [fine too](docs/cli.md#polon-import) ![pic](docs/screenshots/map.png)',
      '[gone](docs/no-such-file.md) [no heading](docs/cli.md#no-such-heading)',
      '[no anchor](#nowhere)',
      '`[in code](docs/ignored.md)`',
      '```',
      '[in a block](docs/ignored.md)',
      '```',
    ].join('\n');
    expect(brokenLinks(readme, sample)).toEqual([
      'README.md:3: docs/no-such-file.md: no such file',
      'README.md:3: docs/cli.md#no-such-heading: no heading #no-such-heading in docs/cli.md',
      'README.md:4: #nowhere: no heading #nowhere in README.md',
    ]);
  });

  it('makes the ids GitHub makes', () => {
    expect(slug('`polon stats exchanges --json`')).toBe('polon-stats-exchanges---json');
    expect(slug('geo/ — places and boundaries')).toBe('geo--places-and-boundaries');
    expect(slug('Read the numbers (campaigners and journalists)')).toBe(
      'read-the-numbers-campaigners-and-journalists',
    );
    expect(slug("Importing documenters' files")).toBe('importing-documenters-files');
  });
});
