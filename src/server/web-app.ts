import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { packageRoot } from '../package-root.js';

export const webDistDir = (): string => join(packageRoot(), 'web', 'dist');

const FALLBACK_LANGUAGES = ['uk', 'en', 'ru'];

/**
 * The first language of an Accept-Language header (by its q-values) that the web app has;
 * the first of `languages` when none matches.
 */
export function pickLanguage(header: string | undefined, languages: readonly string[]): string {
  const wanted = (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), i };
    })
    .filter((w) => w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of wanted) {
    if (languages.includes(tag)) return tag;
    const base = tag.split('-')[0] ?? '';
    if (languages.includes(base)) return base;
  }
  return languages[0] ?? 'uk';
}

/**
 * Serves the built dashboard (`web/dist`): hashed assets cached for a year, and the app's
 * index.html for every `/<language>/…` path so shared links open the view they name. The
 * language list is the one the build wrote, so a new translation file needs no server change.
 */
export async function webRoutes(
  app: FastifyInstance,
  { distDir = webDistDir() }: { distDir?: string } = {},
): Promise<void> {
  const indexPath = join(distDir, 'index.html');
  const built = existsSync(indexPath);
  const indexHtml = built ? readFileSync(indexPath, 'utf8') : '';
  const languagesPath = join(distDir, 'languages.json');
  const listed = existsSync(languagesPath)
    ? (JSON.parse(readFileSync(languagesPath, 'utf8')) as string[])
    : FALLBACK_LANGUAGES;
  // The default (Ukrainian) first: it is where a browser with no match lands.
  const languages = [...new Set(['uk', ...listed])].filter((l) => listed.includes(l));

  if (built && existsSync(join(distDir, 'assets'))) {
    await app.register(fastifyStatic, {
      root: join(distDir, 'assets'),
      prefix: '/assets/',
      // Routes for the files there at start-up: the build's names are content hashes.
      wildcard: false,
      index: false,
      immutable: true,
      maxAge: '365d',
    });
  }

  const sendApp = (reply: FastifyReply) =>
    built
      ? reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .header('vary', 'accept-language')
          .send(indexHtml)
      : reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send(
            'The dashboard is not built: run `npm run build` (it runs `vite build`), then restart `polon serve`.\n',
          );

  app.get('/', (req, reply) =>
    reply
      .header('vary', 'accept-language')
      .redirect(`/${pickLanguage(req.headers['accept-language'], languages)}/`, 302),
  );
  app.get<{ Params: { lang: string } }>('/:lang', (req, reply) =>
    languages.includes(req.params.lang)
      ? reply.redirect(`/${req.params.lang}/`, 301)
      : reply.callNotFound(),
  );
  app.get<{ Params: { lang: string } }>('/:lang/*', (req, reply) =>
    languages.includes(req.params.lang) ? sendApp(reply) : reply.callNotFound(),
  );
}
