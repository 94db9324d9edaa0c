import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../test/table-counts.js';
import type { Db } from '../src/db/index.js';
import { addAccount } from '../src/features/accounts/index.js';
import { importBytes, importFile } from '../src/features/imports/index.js';
import { linkDatabase, listNearCertainPairs } from '../src/features/linkage/index.js';
import {
  episodesImport,
  eventsImport,
  personsImport,
  recordId,
} from '../src/features/persons/index.js';
import { sourcesImport } from '../src/features/sources/index.js';
import { writeSynth } from '../src/features/synth/index.js';
import {
  launchBrowser,
  openPage,
  seriousAxeViolations,
  startServer,
  type TestServer,
  BROWSER_TEST_MS,
} from './harness.js';
import { workingSheet } from './working-sheet.js';

/*
 * The analyst workspace in a real browser over synthetic persons linked into a review queue,
 * plus one Latin-spelled record with a timeline. The account is made here with a password
 * made here: there is no default one to log in with.
 */
const PASSWORD = randomBytes(18).toString('base64url');
const LATIN_RECORD = recordId('press-test', 'P1');
/** A record whose sources give two death dates and a transfer after the first. */
const CONFLICT_RECORD = recordId('press-test', 'P2');

async function prepare(db: Db): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'polon-e2e-synth-'));
  await writeSynth(db.kysely, { persons: 600, seed: 21, out });
  await importFile(db, sourcesImport, join(out, 'sources.csv'));
  await importFile(db, personsImport, join(out, 'persons.csv'));
  await importFile(db, eventsImport, join(out, 'events.csv'));
  await importFile(db, episodesImport, join(out, 'episodes.csv'));
  await linkDatabase(db.kysely);
  const csv = (s: string) => Buffer.from(s.trim() + '\n');
  await importBytes(
    db,
    sourcesImport,
    's.csv',
    csv('id,title\npress-test,Synthetic foreign press'),
  );
  await importBytes(
    db,
    personsImport,
    'p.csv',
    csv(
      'source,record_id,family_name,given_name,birth_date\npress-test,P1,Zhovtobriukh,Oleksii,1991\npress-test,P2,Kvitchenko,Taras,1980',
    ),
  );
  await importBytes(
    db,
    eventsImport,
    'e.csv',
    csv(
      'source,record_id,kind,date\npress-test,P1,captured,2022-03-20\npress-test,P2,died_in_captivity,2023-01-10\npress-test,P2,died_in_captivity,2023-06\npress-test,P2,transferred,2023-03-01',
    ),
  );
  await importBytes(
    db,
    episodesImport,
    'ep.csv',
    csv('source,record_id,facility,from\npress-test,P1,Таганрозьке СІЗО,2022-04-02'),
  );
  await addAccount(db.kysely, 'e2e-analyst', 'analyst', PASSWORD, 'e2e');
  await addAccount(db.kysely, 'e2e-documenter', 'documenter', PASSWORD, 'e2e');
}

/**
 * Presses a review shortcut once the pair shown has focus, as a keyboard user sees it
 * (shortcuts act only on the focused pair, and focus moves to each new pair).
 */
async function pressOnPair(page: Page, shown: string, key: string): Promise<void> {
  await page.locator(`section[data-pair="${shown}"]:focus`).waitFor();
  await page.keyboard.press(key);
}

describe('analyst workspace', { timeout: BROWSER_TEST_MS }, () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer(prepare);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A phone-wide page, logged in through the form. */
  async function loggedIn(path: string, lang = 'en', username = 'e2e-analyst') {
    const opened = await openPage(browser, { width: 375, height: 800, bypassCSP: true });
    const { page } = opened;
    await page.goto(`${server.url}/${lang}/workspace${path}`);
    await page.locator('#login-username').fill(username);
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('form.ws-login button[type=submit]').click();
    await page.locator('.ws-bar').waitFor();
    return opened;
  }

  /*
   * The browser logs an HTTP error answer as a console error. The page asks who is logged in
   * before the form shows (401 for a stranger), and a refused import answers 400: those are
   * expected, once each where a test says so; any other problem is not.
   */
  const unexpected = (problems: string[], expected: number[] = [401]) => {
    const left = [...problems];
    for (const status of expected) {
      const i = left.findIndex((p) => p.includes(`status of ${status}`));
      if (i >= 0) left.splice(i, 1);
    }
    return left;
  };

  /** Nothing wider than the phone: no sideways scrolling of the whole page. */
  const fitsWidth = (page: Page) =>
    page.evaluate(() => {
      const w = globalThis as unknown as {
        innerWidth: number;
        document: { documentElement: { scrollWidth: number } };
      };
      return w.document.documentElement.scrollWidth <= w.innerWidth + 1;
    });

  it('refuses a wrong password and says so', async () => {
    const { page, context } = await openPage(browser, { bypassCSP: true });
    await page.goto(`${server.url}/uk/workspace`);
    await page.locator('#login-username').fill('e2e-analyst');
    await page.locator('#login-password').fill('not the password');
    await page.locator('form.ws-login button[type=submit]').click();
    await expect
      .poll(() => page.locator('.ws-login [role=alert]').textContent())
      .toContain('Неправильне');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds a Latin-spelled record from a Cyrillic query and shows its timeline and map', async () => {
    const { page, problems, context } = await loggedIn('/search');
    await page.locator('#search-q').fill('Жовтобрюх Олексій');
    await page.locator('form[role=search] button').click();
    await page.waitForURL(/\/en\/workspace\/search\?q=/);
    const hit = page.locator(`.ws-results a[href$="/persons/${LATIN_RECORD}"]`);
    await hit.waitFor();
    expect(await hit.textContent()).toBe('Zhovtobriukh Oleksii');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);

    await hit.click();
    await page.locator('.ws-timeline li').first().waitFor();
    expect(await page.locator('.ws-timeline li').allTextContents()).toEqual([
      expect.stringContaining('Captured'),
      expect.stringMatching(/Held.*Taganrog/),
    ]);
    await page.locator('.ws-map.leaflet-container path.leaflet-interactive').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    // The URL holds the view: a reload shows the same person.
    await page.reload();
    await page.locator('.ws-timeline li').first().waitFor();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('asks to log in again when the session ends, and goes on with the same view', async () => {
    const { page, problems, context } = await loggedIn('/search');
    await server.db.kysely.deleteFrom('sessions').execute();
    await page.locator('#search-q').fill('Zhovtobriukh');
    await page.locator('form[role=search] button').click();
    await page.locator('.ws-login [role=alert]').waitFor();
    expect(await page.locator('.ws-login [role=alert]').textContent()).toContain(
      'session has ended',
    );
    await page.locator('#login-username').fill('e2e-analyst');
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('form.ws-login button[type=submit]').click();
    await page.locator(`.ws-results a[href$="/persons/${LATIN_RECORD}"]`).waitFor();
    expect(unexpected(problems, [401, 401])).toEqual([]);
    await context.close();
  });

  it('shows every bad cell of a bad spreadsheet and imports nothing; a good one imports after confirming, an unknown header once matched by hand', async () => {
    const { page, problems, context } = await loggedIn('/import?kind=persons');
    const before = await tableCounts(server.db);
    await page.locator('#import-file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'source,record_id,family_name,birth_date\npress-test,B1,Тестенко,31.02.1990\npress-test,B2,,\n',
      ),
    });
    await page.locator('form.ws-form button[type=submit]').click();
    const rows = page.locator('.ws-problems tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual([
      'bad.csv',
      '2',
      'birth_date',
      '',
      expect.any(String),
      expect.any(String),
    ]);
    expect(await page.locator('button', { hasText: /^Import \d/ }).count()).toBe(0);
    expect(await tableCounts(server.db)).toEqual(before);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);

    // A spreadsheet with Ukrainian headers and a date only the chosen order makes sense of.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Записи');
    ws.addRow(['Джерело', 'Номер', 'Прізвище', "Ім'я", 'Дата народження']);
    ws.addRow(['press-test', 'G1', 'Тестенко', 'Іван', '5/3/1990']);
    ws.addRow(['press-test', 'G2', 'Testenko', 'Petro', '1985']);
    await page.locator('#import-file').setInputFiles({
      name: 'good.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    await page.locator('#import-dates').selectOption('DMY');
    await page.locator('form.ws-form button[type=submit]').click();
    await page.locator('#import-preview').waitFor();
    expect(await page.locator('[data-count=inserted] dd').textContent()).toBe('2');
    expect((await tableCounts(server.db)).records).toBe(before.records);
    await page.locator('button', { hasText: 'Import 2 rows' }).click();
    await page.locator('#import-done').waitFor();
    expect((await tableCounts(server.db)).records).toBe((before.records ?? 0) + 2);
    const stored = await server.db.kysely
      .selectFrom('records')
      .select('birth_date')
      .where('id', '=', recordId('press-test', 'G1'))
      .executeTakeFirst();
    expect(stored?.birth_date).toBe('1990-03-05');

    // A file whose name column nobody knows: refused, until the columns are matched by hand.
    await page.locator('#import-file').setInputFiles({
      name: 'list.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Джерело,Номер,Фамилия бойца\npress-test,M1,Тестенко\npress-test,M2,Петренко\n',
      ),
    });
    // Unmatched, every row lacks a name.
    await page.locator('form.ws-form button[type=submit]').click();
    await page.locator('.ws-problems tbody tr').first().waitFor();
    await page.locator('button', { hasText: 'Match columns' }).click();
    const family = page.locator('#match-family_name');
    await family.waitFor();
    expect(await page.locator('#match-source').inputValue()).toBe('Джерело');
    expect(await family.inputValue()).toBe('');
    await family.selectOption('Фамилия бойца');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('form.ws-form button[type=submit]').click();
    await page.locator('#import-preview').waitFor();
    expect(await page.locator('[data-count=inserted] dd').textContent()).toBe('2');
    await page.locator('button', { hasText: 'Import 2 rows' }).click();
    await page.locator('#import-done').waitFor();
    expect((await tableCounts(server.db)).records).toBe((before.records ?? 0) + 4);
    const matched = await server.db.kysely
      .selectFrom('records')
      .select('family_name')
      .where('id', '=', recordId('press-test', 'M2'))
      .executeTakeFirst();
    expect(matched?.family_name).toBe('Петренко');
    expect(unexpected(problems, [401, 400, 400])).toEqual([]);
    await context.close();
  });

  it("imports a documenter's own working sheet into a source registered on the page, and finds its persons", async () => {
    const { page, problems, context } = await loggedIn('/import', 'uk', 'e2e-documenter');
    await page.locator('#import-kind').selectOption('persons');
    await page.locator('#import-file').setInputFiles({
      name: 'список-полонених.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workingSheet(),
    });
    // A workbook: the sheet may be named, but need not be.
    await page.locator('#import-sheet').waitFor();

    // No source chosen and none in the file: the check runs, and says what to do.
    await page.locator('#import-check').click();
    await page.locator('#import-refused').waitFor();
    expect(await page.locator('.ws-problems tbody tr td:nth-child(3)').allTextContents()).toContain(
      'source',
    );
    expect(await page.locator('#import-source-missing').textContent()).toContain('джерела');

    // A new source, through the form: the server's refusal first, in its words.
    await page.locator('#import-source').selectOption('__new__');
    await page.locator('#new-source-id').fill('робочий список');
    await page.locator('#new-source-title').fill('Робочий список документатора (синтетичний)');
    await page.locator('#new-source-add').click();
    const refusal = page.locator('#new-source-refused [role=alert]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('no spaces');
    await page.locator('#new-source-id').fill('documenter-e2e');
    await page.locator('#new-source-reliability').selectOption('C');
    await page.locator('#new-source-credibility').selectOption('3');
    await page.locator('#new-source-id').press('Enter');
    await expect.poll(() => page.locator('#import-source').inputValue()).toBe('documenter-e2e');
    expect(await page.locator('#import-source option:checked').textContent()).toBe(
      'Робочий список документатора (синтетичний) (documenter-e2e) · C3 · 0 записів',
    );
    expect(await page.locator('#new-source-id').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The check: nothing written, and the report says what the import would do.
    const before = await tableCounts(server.db);
    await page.locator('#import-check').click();
    const preview = page.locator('section[aria-labelledby=import-preview]');
    await preview.waitFor();
    expect(await preview.locator('[data-count=rows] dd').textContent()).toBe('3');
    for (const table of ['records', 'events', 'episodes'])
      expect(
        await preview.locator(`[data-table=${table}] [data-count=inserted]`).textContent(),
      ).toBe('3');
    expect(await preview.locator('[data-record-ids=content]').textContent()).toContain(
      'датою народження',
    );
    // The header found under the title, and the title and total rows left out, in the
    // reader's words.
    expect(await preview.locator('[data-detected=headerRow] dd').textContent()).toBe('3');
    expect(await preview.locator('[data-detected=source] dd').textContent()).toBe('documenter-e2e');
    expect(await preview.locator('.ws-skipped tbody tr').allTextContents()).toEqual([
      expect.stringMatching(/^1.*над таблицею/),
      expect.stringMatching(/^7.*Всього/),
    ]);
    const moon = preview.locator('.ws-unresolved tbody tr');
    expect(await moon.count()).toBe(1);
    expect(await moon.locator('td').allTextContents()).toEqual([
      '6',
      'Виправна колонія на Місяці',
      expect.any(String),
    ]);
    expect(await tableCounts(server.db)).toEqual(before);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);

    // Confirmed: the same report for the import itself, and the records are there.
    await preview.locator('button', { hasText: 'Імпортувати 3 рядки' }).click();
    const done = page.locator('section[aria-labelledby=import-done]');
    await done.waitFor();
    expect(await done.locator('[data-table=episodes] [data-count=inserted]').textContent()).toBe(
      '3',
    );
    expect(await done.locator('.ws-unresolved tbody tr').count()).toBe(1);
    // The source's count of records follows the import.
    await expect
      .poll(() => page.locator('#import-source option:checked').textContent())
      .toContain('· 3 записи');
    const stored = await server.db.kysely
      .selectFrom('records')
      .select(['full_name', 'birth_date'])
      .where('source_id', '=', 'documenter-e2e')
      .orderBy('full_name')
      .execute();
    expect(stored).toEqual([
      { full_name: 'Зразкова Марія Іванівна', birth_date: '1979' },
      { full_name: 'Пробенко Іван Васильович', birth_date: '1985-07-01' },
      { full_name: 'Тестенко Олександр Петрович', birth_date: '1990-03-12' },
    ]);

    // And the documenter finds the person by name.
    await page.locator('.ws-bar a[href$="/search"]').click();
    await page.locator('#search-q').fill('Тестенко Олександр');
    await page.locator('form[role=search] button').click();
    const hit = page.locator('.ws-results > li > a', { hasText: 'Тестенко Олександр Петрович' });
    await hit.waitFor();
    expect(unexpected(problems, [401, 400, 400])).toEqual([]);
    await context.close();
  });

  it('keeps a pair accepted with the keyboard after a reload', async () => {
    const { page, problems, context } = await loggedIn('/review', 'ru');
    const pair = page.locator('section[data-pair]');
    await pair.waitFor();
    const first = await pair.getAttribute('data-pair');
    const [a, b] = (first ?? '').split(' ');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await pressOnPair(page, first ?? '', 'a');
    await expect.poll(() => pair.getAttribute('data-pair')).not.toBe(first);
    await page.reload();
    await pair.waitFor();
    expect(await pair.getAttribute('data-pair')).not.toBe(first);
    const stored = await server.db.kysely
      .selectFrom('review_pairs')
      .select(['decision', 'decided_by'])
      .where('a_record_id', '=', a ?? '')
      .where('b_record_id', '=', b ?? '')
      .executeTakeFirst();
    expect(stored).toEqual({ decision: 'match', decided_by: 'e2e-analyst' });

    // S skips (the URL says how many), R rejects the pair after it.
    const second = await pair.getAttribute('data-pair');
    await pressOnPair(page, second ?? '', 's');
    await page.waitForURL(/\/review\?skip=1$/);
    await expect.poll(() => pair.getAttribute('data-pair')).not.toBe(second);
    const third = (await pair.getAttribute('data-pair')) ?? '';
    await pressOnPair(page, third, 'r');
    await expect.poll(() => pair.getAttribute('data-pair')).not.toBe(third);
    const [ra, rb] = third.split(' ');
    const rejected = await server.db.kysely
      .selectFrom('review_pairs')
      .select('decision')
      .where('a_record_id', '=', ra ?? '')
      .where('b_record_id', '=', rb ?? '')
      .executeTakeFirst();
    expect(rejected?.decision).toBe('non_match');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('runs the captivity estimate and shows its interval, caveats and model table', async () => {
    const { page, problems, context } = await loggedIn('/estimates', 'uk');
    await page.locator('#as-of').fill('2024-06-30');
    await page.locator('form.ws-inline-form button').click();
    await page.waitForURL(/asOf=2024-06-30/);
    await page.locator('[data-figure=estimated-held] dd').waitFor();
    await page.locator('.ws-models tbody tr').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.ws-models tbody tr[aria-current]').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it("lists a person's conflicting events first, each with its source", async () => {
    const { page, problems, context } = await loggedIn(`/persons/${CONFLICT_RECORD}`, 'uk');
    const items = page.locator('.ws-conflicts li');
    await items.first().waitFor();
    expect(await items.allTextContents()).toEqual([
      expect.stringMatching(
        /^2 різні дати смерті: 2023-01-10 \(press-test\); 2023-06 \(press-test\)$/,
      ),
      expect.stringMatching(/^Переведений.*2023-03-01 \(press-test\).*2023-01-10/),
    ]);
    // Each step of the timeline says its source.
    expect(await page.locator('.ws-timeline .ws-source').allTextContents()).toEqual(
      Array(3).fill(expect.stringContaining('press-test')),
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('accepts all near-certain pairs after a confirmation showing how many, and leaves one decided meanwhile as it was', async () => {
    const { page, problems, context } = await loggedIn('/review');
    await page.locator('section[data-pair]').waitFor();
    await page.locator('.ws-batch input[type=checkbox]').check();
    await page.locator('#batch-min').fill('50');
    const expected = await listNearCertainPairs(server.db.kysely, 0.5, true);
    expect(expected.length).toBeGreaterThan(1);
    const button = page.locator('.ws-batch button', { hasText: `Accept all ${expected.length}` });
    await button.click();
    const confirm = page.locator('#batch-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(`Accept ${expected.length} pairs`);

    // Another reviewer rejects one of them while the confirmation is open.
    const [taken] = expected;
    await server.db.kysely
      .updateTable('review_pairs')
      .set({
        decision: 'non_match',
        decided_by: 'someone-else',
        decided_at: '2026-12-05T00:00:00Z',
      })
      .where('a_record_id', '=', taken?.a ?? '')
      .where('b_record_id', '=', taken?.b ?? '')
      .execute();
    await page.locator('.ws-batch .ws-confirm button').first().click();
    const said = page.locator('.ws-batch [role=status]');
    await said.waitFor();
    const accepted = expected.length - 1;
    expect(await said.textContent()).toBe(
      `Accepted ${accepted} ${accepted === 1 ? 'pair' : 'pairs'}. 1 pair was decided or changed since the list was shown and is left as it is.`,
    );
    const decided = await server.db.kysely
      .selectFrom('review_pairs')
      .select(['a_record_id', 'b_record_id', 'decision', 'decided_by'])
      .where('decision', 'is not', null)
      .execute();
    const byPair = new Map(decided.map((d) => [`${d.a_record_id}|${d.b_record_id}`, d]));
    const of = (p?: { a: string; b: string }) => byPair.get(`${p?.a}|${p?.b}`);
    expect(of(taken)).toMatchObject({ decision: 'non_match', decided_by: 'someone-else' });
    expect(expected.slice(1).map((p) => [of(p)?.decision, of(p)?.decided_by])).toEqual(
      Array(expected.length - 1).fill(['match', 'e2e-analyst']),
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
