import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import {
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { AppError } from '../../core/app-error.js';
import { editDistance } from '../../names/index.js';
import type { ImportKind } from './import-kind.js';
import { formatImportResults } from './imports.cli.js';
import { importReport } from './import-report.js';
import { importFile } from './run-import.js';
import type { ImportOptions } from './import-options.js';

/** The options of `polon import`; a new one is declared below and passed on in `importOptions`. */
interface ImportCommandOptions extends DbOptions {
  dryRun?: boolean;
  mapping?: string;
  dateFormat?: 'DMY' | 'MDY';
  source?: string;
  delimiter?: string;
  encoding?: string;
  sheet?: string;
}

/**
 * `polon import KIND FILE`. The kinds come from the application (src/cli), which knows every
 * feature that has one: the imports feature does not import them.
 */
export function importsCommands(
  program: Command,
  { withDb, print, progress }: CommandContext,
  kinds: Readonly<Record<string, ImportKind<unknown>>>,
): void {
  program
    .command('import')
    .description(`import a file, all or nothing; KIND: ${Object.keys(kinds).join(', ')}`)
    .argument('<kind>', 'what the file holds')
    .argument('<file>', '.csv or .txt, .xlsx, .xls or .ods, .json')
    .option(
      '--source <id>',
      'the registered source of every row that names none (`polon sources list`); a source column in the file wins',
    )
    .option(
      '--sheet <name|n>',
      'workbooks: the sheet to import, by name or number (1 is the first); needed when several sheets hold data',
    )
    .option(
      '--delimiter <d>',
      'CSV: the delimiter when the one detected is wrong: , ; | tab (what was detected is reported)',
    )
    .option(
      '--encoding <e>',
      'CSV and JSON: the encoding when the one detected is wrong: utf-8, utf-16le, utf-16be, windows-1251 (cp1251), koi8-u, koi8-r',
    )
    .option('--dry-run', 'validate and count, write nothing')
    .option(
      '--mapping <file.json>',
      'JSON object: column name in the file → Polon column, for headers Polon does not recognise',
    )
    .addOption(
      new Option('--date-format <order>', 'how to read dates like 5/3/2024').choices([
        'DMY',
        'MDY',
      ]),
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (kind: string, file: string, o: ImportCommandOptions) => {
      const spec = kinds[kind];
      if (!spec) throw unknownKind(kind, Object.keys(kinds));
      const options = await importOptions(o);
      await withDb(o, async (db) => {
        const onProgress = progress(o, `import ${basename(file)}`);
        const result = await importFile(db, spec, file, { ...options, onProgress });
        print(o, importReport(result), formatImportResults([result]));
      });
    });
}

/** The command line's options as the import runner takes them. */
async function importOptions(o: ImportCommandOptions): Promise<ImportOptions> {
  return {
    dryRun: o.dryRun,
    mapping: o.mapping ? await readMappingFile(o.mapping) : undefined,
    dateOrder: o.dateFormat,
    source: o.source,
    delimiter: o.delimiter,
    encoding: o.encoding,
    sheet: o.sheet,
  };
}

function unknownKind(kind: string, kinds: string[]): AppError {
  const meant = closest(kind, kinds);
  return new AppError(
    'invalid_input',
    `unknown kind "${kind}"${meant ? ` (did you mean ${meant}?)` : ''}; use one of: ${kinds.join(', ')}`,
  );
}

/**
 * The word `typed` was probably meant to be, by commander's rule for mistyped commands: at
 * most 3 edits, which leave more than 40% of the longer word alike; the fewest edits win.
 */
function closest(typed: string, words: readonly string[]): string | undefined {
  const t = typed.toLowerCase();
  let best: string | undefined;
  let fewest = 3;
  for (const w of words) {
    const d = editDistance(t, w.toLowerCase(), fewest);
    const length = Math.max(t.length, w.length);
    if ((best === undefined ? d <= fewest : d < fewest) && (length - d) / length > 0.4) {
      best = w;
      fewest = d;
    }
  }
  return best;
}

async function readMappingFile(path: string): Promise<Record<string, string>> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new AppError(
      'invalid_input',
      `--mapping ${path}: ${(err as Error).message}; give a JSON object like {"Прізвище": "family_name"}`,
    );
  }
  if (
    !data ||
    typeof data !== 'object' ||
    Array.isArray(data) ||
    !Object.values(data).every((v) => typeof v === 'string')
  ) {
    throw new AppError(
      'invalid_input',
      `--mapping ${path}: give a JSON object of column name → Polon column, like {"Прізвище": "family_name"}`,
    );
  }
  return data as Record<string, string>;
}
