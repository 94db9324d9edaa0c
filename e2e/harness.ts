import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { createDb, migrateToLatest, type Db } from '../src/db/index.js';
import { addAccount } from '../src/features/accounts/index.js';
import { loadPublicDataset } from '../src/features/public-data/index.js';
import { buildApp } from '../src/server/index.js';
import { packageRoot } from '../src/package-root.js';
import type { Role } from '../src/core/access.js';

/**
 * Browser tests: a real server on 127.0.0.1 (port 0) over a fresh SQLite database holding the
 * public dataset, and Debian's Chromium driven by playwright-core. Never a downloaded browser.
 */

const root = packageRoot();
const distIndex = join(root, 'web', 'dist', 'index.html');

const newest = (path: string): number => {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
};

/**
 * Builds the web app when web/dist is missing or older than its sources. Test files run in
 * parallel workers, so a lock folder makes one build and the others wait for it.
 */
export function ensureWebBuilt(): void {
  const sources = Math.max(
    newest(join(root, 'web', 'src')),
    newest(join(root, 'web', 'index.html')),
    newest(join(root, 'vite.config.ts')),
  );
  const fresh = () => existsSync(distIndex) && statSync(distIndex).mtimeMs >= sources;
  if (fresh()) return;
  const lock = join(root, 'web', '.build-lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`web build lock ${lock} is stuck: remove it`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
      if (fresh()) return;
    }
  }
  try {
    // vitest sets NODE_ENV=test, which would make vite build React's development bundle
    // (double mounts, other timing): the browser tests test what users are served.
    if (!fresh())
      execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  db: Db;
  close(): Promise<void>;
}

/** A server over a fresh SQLite database with the public dataset; `prepare` may add more. */
export async function startServer(
  prepare?: (db: Db) => Promise<void>,
  env: Record<string, string> = {},
): Promise<TestServer> {
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'polon-e2e-'));
  const db = createDb({ dbPath: join(dir, 'polon.db') });
  await migrateToLatest(db);
  await loadPublicDataset(db);
  await prepare?.(db);
  const app = await buildApp({ db, config: loadConfig({ POLON_LOG_LEVEL: 'silent', ...env }) });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    app,
    db,
    close: async () => {
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.POLON_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A page whose console errors and failed requests fail the test that reads `problems`. */
/** How long a browser step may wait; the tests' own limit is BROWSER_TEST_MS. */
export const BROWSER_WAIT_MS = 60_000;
export const BROWSER_TEST_MS = 150_000;

/**
 * Clicks a map marker until what it opens shows. On a loaded machine Leaflet can still be
 * placing or clustering markers when the first click lands, and that click then misses
 * (once in a few full-suite runs); a user would click again, and so does the test. A marker
 * that never opens anything still fails.
 */
export async function clickUntilShown(target: Locator, shows: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await target.click();
    try {
      await shows.waitFor({ timeout: attempt < 3 ? 10_000 : BROWSER_WAIT_MS });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

export async function openPage(
  browser: Browser,
  options: { width?: number; height?: number; locale?: string; bypassCSP?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? 'en-GB',
    // Only for injecting axe-core, whose script tag is inline: the app's own CSP stays on.
    bypassCSP: options.bypassCSP ?? false,
  });
  // The suite runs beside CPU-heavy tests on two cores: a page can take many seconds to
  // paint there, though it takes well under one alone (bench/ measures that, not tests).
  context.setDefaultTimeout(BROWSER_WAIT_MS);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // The location names the resource of a failed load, so a failure says which route.
    if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A page that leaves (or React's development double effects) aborts its own fetches.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()}`);
  });
  return { context, page, problems };
}

export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * Adds an account of the role and logs the browser context in through the API, so the
 * session cookie is the browser's own. Returns the CSRF token for requests that change data.
 */
export async function logIn(
  server: TestServer,
  context: BrowserContext,
  role: Role,
): Promise<{ username: string; csrfToken: string }> {
  const username = `e2e-${role}`;
  await addAccount(server.db.kysely, username, role, TEST_PASSWORD, 'e2e');
  const res = await context.request.post(`${server.url}/api/session`, {
    data: { username, password: TEST_PASSWORD },
  });
  if (!res.ok()) throw new Error(`login as ${role} failed: ${res.status()} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  return { username, csrfToken: body.csrfToken };
}

/** Runs axe-core in the page (open it with `bypassCSP: true`); returns the serious and critical violations, summarised. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<AxeResult> } }).axe;
    return axe.run();
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}
