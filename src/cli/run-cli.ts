import { readFile, writeFile } from 'node:fs/promises';
import { Command, CommanderError, Option } from 'commander';
import { AppError, formatProblem, InputError } from '../core/app-error.js';
import { todayIso } from '../core/partial-date.js';
import { loadConfig } from '../config.js';
import { asUnavailable, createDb, migrateToLatest } from '../db/index.js';
import { createLogger } from '../logger.js';
import {
  addAccount,
  enrolTotp,
  listAccounts,
  removeTotp,
  updateAccount,
} from '../features/accounts/index.js';
import { verifyAudit } from '../features/audit/index.js';
import {
  createBackup,
  formatBackupSummary,
  formatRestoreSummary,
  restoreBackup,
} from '../features/backup/index.js';
import { formatCheckReport, runChecks } from '../features/consistency/index.js';
import {
  estimateCaptivity,
  formatCaptivityEstimate,
  formatMseResult,
  readHistoriesFile,
} from '../features/estimates/index.js';
import { estimateMse } from '../estimation/index.js';
import { exchangeStats, formatExchangeStats, loadExchanges } from '../features/exchanges/index.js';
import {
  countFacilities,
  facilitiesToCsv,
  facilitiesToGeoJson,
  facilitiesToXlsx,
  formatFacilityMatch,
  listMerges,
  loadFacilities,
  matchFacilityText,
  mergeFacilities,
  searchFacilities,
  unmergeFacilities,
} from '../features/facilities/index.js';
import { formatImportResults, importFile } from '../features/imports/index.js';
import {
  formatLinkResult,
  linkDatabase,
  readReviewDecisions,
  runLinkFile,
  writeReviewQueue,
} from '../features/linkage/index.js';
import { writeSynth } from '../features/synth/index.js';
import { loadPublicDataset } from '../features/public-data/index.js';
import { buildApp } from '../server/index.js';
import {
  createCommandContext,
  dayArg,
  dbOption,
  jsonOption,
  type CliIo,
  type DbOptions,
} from './command-kit.js';
import { EXIT_CODE } from './exit-codes.js';

export type { CliIo } from './command-kit.js';
import { IMPORT_KINDS } from './import-kinds.js';

/**
 * The `polon` command. Returns the exit code instead of exiting, so tests run it in-process.
 * Output: text by default, one JSON document with --json; errors on stderr with a code.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let jsonErrors = argv.includes('--json');
  const { ctx, exitCode: commandsExitCode } = createCommandContext(io);
  const { config, withDb, print, secret } = ctx;

  const program = new Command('polon')
    .description('Polon: evidence, linkage and estimates of Ukrainians held in Russian captivity')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  program
    .command('init')
    .description('create or migrate the database')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions) => {
      await withDb(o, async (db, c) => {
        const r = await migrateToLatest(db, c.pgSchema);
        print(
          o,
          { database: db.location, dialect: db.dialect, migrations: r.current },
          `Database ready: ${db.location} (${db.dialect}, ${r.current.length} migrations).`,
        );
      });
    });

  program
    .command('load-public')
    .description(
      'load the bundled public dataset (exchanges, claims, facilities); running it twice changes nothing',
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .option('--dry-run', 'validate and count, write nothing')
    .action(async (o: DbOptions & { dryRun?: boolean }) => {
      await withDb(o, async (db) => {
        const results = await loadPublicDataset(db, { dryRun: o.dryRun });
        print(o, { results }, formatImportResults(results));
      });
    });

  program
    .command('import')
    .description(`import a file, all or nothing; KIND: ${Object.keys(IMPORT_KINDS).join(', ')}`)
    .argument('<kind>', 'what the file holds')
    .argument('<file>', '.csv (UTF-8), .xlsx or .json')
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
    .action(
      async (
        kind: string,
        file: string,
        o: DbOptions & { dryRun?: boolean; mapping?: string; dateFormat?: 'DMY' | 'MDY' },
      ) => {
        const spec = IMPORT_KINDS[kind];
        if (!spec) {
          throw new AppError(
            'invalid_input',
            `unknown kind "${kind}"; use one of: ${Object.keys(IMPORT_KINDS).join(', ')}`,
          );
        }
        const mapping = o.mapping ? await readMapping(o.mapping) : undefined;
        await withDb(o, async (db) => {
          const result = await importFile(db, spec, file, {
            dryRun: o.dryRun,
            mapping,
            dateOrder: o.dateFormat,
          });
          print(o, result, formatImportResults([result]));
        });
      },
    );

  const stats = program.command('stats').description('statistics over the evidence');
  stats
    .command('exchanges')
    .description(
      'exchanges held, people returned, per year and category; a staged exchange counts once',
    )
    .option('--as-of <date>', 'count events up to this day (YYYY-MM-DD); default today')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions & { asOf?: string }) => {
      const asOf = o.asOf ? dayArg(o.asOf, '--as-of') : todayIso();
      await withDb(o, async (db) => {
        const s = exchangeStats(await loadExchanges(db.kysely, { asOf }), asOf);
        print(o, s, formatExchangeStats(s));
      });
    });

  program
    .command('check')
    .description('consistency findings: breakdowns, claims against records, probable duplicates')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions) => {
      await withDb(o, async (db, c) => {
        const r = await runChecks(db.kysely, { tolerance: c.claimTolerance });
        print(o, r, formatCheckReport(r));
      });
    });

  program
    .command('synth')
    .description(
      'write synthetic evidence with its ground truth (for tests and benchmarks; never part of the public dataset)',
    )
    .requiredOption('--persons <n>', 'how many persons')
    .option('--seed <s>', 'seed: the same seed gives the same files', '1')
    .requiredOption(
      '--out <dir>',
      'folder for sources.csv, persons.csv, events.csv, episodes.csv, occupancy.csv, truth.csv',
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions & { persons: string; seed: string; out: string }) => {
      const persons = Number(o.persons);
      const seed = Number(o.seed);
      if (!Number.isInteger(persons) || persons < 1)
        throw new AppError(
          'invalid_input',
          `--persons ${o.persons}: give a whole number, 1 or more`,
        );
      if (!Number.isInteger(seed))
        throw new AppError('invalid_input', `--seed ${o.seed}: give a whole number`);
      await withDb(o, async (db) => {
        const r = await writeSynth(db.kysely, { persons, seed, out: o.out });
        print(
          o,
          r,
          `Wrote ${r.records.toLocaleString('en')} records about ${r.persons.toLocaleString('en')} synthetic persons (${r.unseen} seen by no source; at the end ${r.heldAtEnd} held, ${r.released} released, ${r.died} died) to ${o.out}.\nImport in this order: ${r.files
            .filter((f) => !f.endsWith('truth.csv'))
            .map((f) => `polon import ${f.replace(/^.*\//, '').replace('.csv', '')} ${f}`)
            .join('; ')}`,
        );
      });
    });

  program
    .command('link')
    .description(
      'link records of the same person across sources and spellings (Fellegi–Sunter with EM, blocking, guarded clustering)',
    )
    .option(
      '--input <file.csv>',
      'columns record_id,source,family_name,given_name,patronymic,full_name,birth_date,sex,unit; without it, the records in the database are linked into persons',
    )
    .option('--output <file.csv>', 'written with record_id,cluster_id, one row per input record')
    .option('--threshold <p>', 'match probability from which records are linked (0–1; default 0.3)')
    .option(
      '--decisions <file.csv>',
      "reviewers' decisions from an earlier run (a,b,decision = match|non_match), honoured as forced links and splits",
    )
    .option('--review-out <file.csv>', 'write the pairs that need a reviewer')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(
      async (
        o: DbOptions & {
          input?: string;
          output?: string;
          threshold?: string;
          decisions?: string;
          reviewOut?: string;
        },
      ) => {
        const threshold = o.threshold === undefined ? undefined : Number(o.threshold);
        if (threshold !== undefined && !(threshold > 0 && threshold < 1))
          throw new AppError(
            'invalid_input',
            `--threshold ${o.threshold}: give a probability between 0 and 1`,
          );
        const decisions = o.decisions ? await readReviewDecisions(o.decisions) : undefined;
        if (!o.input) {
          await withDb(o, async (db) => {
            const r = await linkDatabase(db.kysely, { threshold, decisions });
            if (o.reviewOut) await writeReviewQueue(o.reviewOut, r.review);
            print(
              o,
              r,
              `${formatLinkResult(r)}\nPersons written to the database: ${r.persons.toLocaleString('en')}.`,
            );
          });
          return;
        }
        if (!o.output) {
          throw new AppError(
            'invalid_input',
            'with --input, give --output FILE.csv for the clusters',
          );
        }
        const result = await runLinkFile(o.input, o.output, { threshold, decisions });
        if (o.reviewOut) await writeReviewQueue(o.reviewOut, result.review);
        print(o, result, formatLinkResult(result));
      },
    );

  const facilities = program
    .command('facilities')
    .description('the gazetteer of places of detention');
  facilities
    .command('list')
    .description('the facilities, filtered by territory, region, type and words in any script')
    .argument('[words...]', 'words in a name, alias, settlement or region')
    .addOption(new Option('--territory <t>').choices(['RU', 'UA-occupied', 'BY']))
    .option('--region <code>', 'ISO 3166-2 code, e.g. RU-ROS')
    .option('--type <type>', 'sizo, penal_colony, …')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(
      async (
        words: string[],
        o: DbOptions & { territory?: string; region?: string; type?: string },
      ) => {
        await withDb(o, async (db) => {
          const all = await loadFacilities(db.kysely, {
            territory: o.territory,
            regionCode: o.region,
            type: o.type,
          });
          const list = words.length ? searchFacilities(all, words.join(' ')) : all;
          print(
            o,
            { facilities: list },
            list
              .map(
                (f) =>
                  `${f.id.padEnd(36)} ${f.territory.padEnd(12)} ${(f.regionCode ?? '').padEnd(7)} ${f.type.padEnd(18)} ${f.nameEn}`,
              )
              .join('\n') || 'No facility matches.',
          );
        });
      },
    );
  facilities
    .command('counts')
    .description(
      'facilities per territory, region and type (the shape of "196 in Russia, 84 in occupied Ukraine")',
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions) => {
      await withDb(o, async (db) => {
        const counts = await countFacilities(db.kysely);
        const per = new Map<string, number>();
        for (const c of counts) per.set(c.territory, (per.get(c.territory) ?? 0) + c.facilities);
        const total = [...per.values()].reduce((a, b) => a + b, 0);
        const lines = [
          `${total} facilities: ${[...per].map(([t, n]) => `${n} in ${t}`).join(', ')}`,
          '',
        ];
        for (const c of counts)
          lines.push(
            `  ${c.territory.padEnd(12)} ${(c.regionCode ?? '—').padEnd(8)} ${c.type.padEnd(20)} ${c.facilities}`,
          );
        print(o, { total, byTerritory: Object.fromEntries(per), counts }, lines.join('\n'));
      });
    });
  facilities
    .command('match')
    .description('which known facilities a free-text mention may name, best first')
    .argument('<text...>', 'the mention, e.g. "ФКУ СИЗО-2 ГУФСИН России по Ростовской области"')
    .option('--limit <n>', 'how many candidates at most', '5')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (words: string[], o: DbOptions & { limit: string }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new AppError('invalid_input', `--limit ${o.limit}: give a whole number, 1 or more`);
      await withDb(o, async (db) => {
        const m = await matchFacilityText(db.kysely, words.join(' '), limit);
        print(o, m, formatFacilityMatch(m));
      });
    });

  facilities
    .command('merge')
    .description(
      'record that two facilities are one place: the second goes, its names, sources and references move to the first',
    )
    .argument('<survivor>', 'id of the facility that stays')
    .argument('<merged>', 'id of the facility merged into it')
    .requiredOption('--reason <text>', 'why they are one place')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (survivor: string, merged: string, o: DbOptions & { reason: string }) => {
      await withDb(o, async (db) => {
        const m = await mergeFacilities(db.kysely, survivor, merged, o.reason, 'cli');
        print(
          o,
          m,
          `Merged ${m.mergedId} into ${m.survivorId} (${m.id}): moved ${m.moved.episodes} episodes, ${m.moved.events} events, ${m.moved.occupancy} occupancy reports; added ${m.moved.aliasesAdded} names and ${m.moved.sourcesAdded} sources. Undo with \`polon facilities unmerge ${m.id}\`.`,
        );
      });
    });
  facilities
    .command('unmerge')
    .description('undo a merge: the merged facility and everything that moved come back')
    .argument('<merge-id>')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (id: string, o: DbOptions) => {
      await withDb(o, async (db) => {
        const m = await unmergeFacilities(db.kysely, id, 'cli');
        print(o, m, `Undid ${m.id}: ${m.mergedId} is back, separate from ${m.survivorId}.`);
      });
    });
  facilities
    .command('merges')
    .description('list merges, undone ones included')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions) => {
      await withDb(o, async (db) => {
        const all = await listMerges(db.kysely);
        print(
          o,
          { merges: all },
          all
            .map(
              (m) =>
                `${m.id}  ${m.mergedId} → ${m.survivorId}  ${m.at.slice(0, 10)} by ${m.actor}${m.undoneAt ? ` (undone ${m.undoneAt.slice(0, 10)})` : ''}: ${m.reason}`,
            )
            .join('\n') || 'No merges.',
        );
      });
    });

  program
    .command('export')
    .description(
      'export the gazetteer: GeoJSON for maps, CSV or XLSX for spreadsheets (re-importable)',
    )
    .argument('<what>', 'facilities')
    .addOption(
      new Option('--format <format>', 'file format')
        .choices(['geojson', 'csv', 'xlsx'])
        .default('geojson'),
    )
    .option('--out <file>', 'write to this file (default: standard output; required for xlsx)')
    .addOption(
      new Option('--territory <t>', 'only one territory').choices(['RU', 'UA-occupied', 'BY']),
    )
    .addOption(dbOption())
    .action(
      async (
        what: string,
        o: DbOptions & { format: 'geojson' | 'csv' | 'xlsx'; out?: string; territory?: string },
      ) => {
        if (what !== 'facilities')
          throw new AppError(
            'invalid_input',
            `cannot export "${what}"; only facilities can be exported yet`,
          );
        if (o.format === 'xlsx' && !o.out)
          throw new AppError('invalid_input', 'an XLSX file is binary: give --out FILE.xlsx');
        await withDb(o, async (db) => {
          const list = await loadFacilities(db.kysely, { territory: o.territory });
          let body: string | Buffer;
          if (o.format === 'geojson') {
            const fc = facilitiesToGeoJson(list);
            if (fc.withoutCoordinates.length)
              io.stderr(
                `${fc.withoutCoordinates.length} facilities have no coordinates and are not in the GeoJSON: ${fc.withoutCoordinates.join(', ')}\n`,
              );
            body = `${JSON.stringify(fc)}\n`;
          } else if (o.format === 'csv') {
            body = facilitiesToCsv(list);
          } else {
            body = await facilitiesToXlsx(list);
          }
          if (o.out) {
            await writeFile(o.out, body);
            io.stderr(`Wrote ${list.length} facilities to ${o.out}.\n`);
          } else {
            io.stdout(typeof body === 'string' ? body : body.toString('utf8'));
          }
        });
      },
    );

  program
    .command('rekey')
    .description(
      'change the key of the encrypted database (POLON_DB_KEY holds the current key); the new key is read from standard input',
    )
    .addOption(dbOption())
    .action(async (o: DbOptions) => {
      const newKey = await secret('New key (at least 12 characters): ');
      if (newKey.length < 12)
        throw new AppError('invalid_input', 'the new key needs at least 12 characters');
      await withDb(o, (db) => {
        if (!db.rekey)
          throw new AppError(
            'invalid_input',
            'only an SQLite database can be rekeyed here; for PostgreSQL see the README',
          );
        db.rekey(newKey);
        io.stdout(
          'The database is now encrypted with the new key. Set POLON_DB_KEY to it from now on.\n',
        );
        return Promise.resolve();
      });
    });

  program
    .command('backup')
    .description(
      'copy every table into FILE while the database stays in use; encrypted with POLON_BACKUP_KEY or POLON_DB_KEY; restores into SQLite or PostgreSQL',
    )
    .argument('<file>', 'the backup file to write')
    .requiredOption('--reason <text>', 'why (it is audited: a backup copies personal data)')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (file: string, o: DbOptions & { reason: string }) => {
      await withDb(o, async (db, c) => {
        const b = await createBackup(db, file, {
          key: c.backupKey,
          reason: o.reason,
          actor: 'cli',
        });
        print(o, b, formatBackupSummary(b));
      });
    });
  program
    .command('restore')
    .description(
      'replace the database with the contents of a backup, all or nothing; checks its checksum and manifest first',
    )
    .argument('<file>', 'a file written by `polon backup`')
    .option('--force', 'replace a database that exists or holds data')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (file: string, o: DbOptions & { force?: boolean }) => {
      const c = config(o);
      const r = await restoreBackup(c, file, {
        key: c.backupKey,
        force: Boolean(o.force),
        actor: 'cli',
      });
      print(o, r, formatRestoreSummary(r));
      if (!r.audit.ok) ctx.setExitCode('conflict');
    });

  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description(
      'check that no audit row was changed, removed or inserted; prints the head hash to keep elsewhere',
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions) => {
      await withDb(o, async (db) => {
        const v = await verifyAudit(db.kysely);
        print(
          o,
          v,
          v.ok
            ? `Audit log intact: ${v.rows} rows; head ${v.headHash} (row ${v.headSeq ?? '—'}). Keep this hash elsewhere: a later verify then also shows that nothing was cut off the end.`
            : `Audit log NOT intact (${v.problems.length} problems in ${v.rows} rows):\n${v.problems.map((p) => `  - ${p.message}`).join('\n')}`,
        );
        if (!v.ok) ctx.setExitCode('conflict');
      });
    });

  const user = program.command('user').description('accounts: add, change role, disable, list');
  user
    .command('add')
    .description(
      'add an account; the password is read from standard input (or asked for on a terminal)',
    )
    .argument('<name>', 'user name')
    .addOption(
      new Option('--role <role>', 'what the account may do')
        .choices(['viewer', 'documenter', 'analyst', 'admin'])
        .makeOptionMandatory(),
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (name: string, o: DbOptions & { role: string }) => {
      const password = await secret(`Password for ${name} (at least 12 characters): `);
      await withDb(o, async (db) => {
        const a = await addAccount(db.kysely, name, o.role, password, 'cli');
        print(o, a, `Added ${a.username} as ${a.role}.`);
      });
    });
  user
    .command('role')
    .description("change an account's role")
    .argument('<name>')
    .argument('<role>', 'viewer, documenter, analyst or admin')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (name: string, role: string, o: DbOptions) => {
      await withDb(o, async (db) => {
        const a = await updateAccount(db.kysely, name, { role }, 'cli');
        print(o, a, `${a.username} is now ${a.role}.`);
      });
    });
  user
    .command('disable')
    .description('disable an account and end its sessions')
    .argument('<name>')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (name: string, o: DbOptions) => {
      await withDb(o, async (db) => {
        const a = await updateAccount(db.kysely, name, { disabled: true }, 'cli');
        print(o, a, `${a.username} is disabled; their sessions are ended.`);
      });
    });
  user
    .command('totp')
    .description(
      'turn on two-factor login: prints an otpauth:// URI once, to add to an authenticator app; from then on logging in needs its code',
    )
    .argument('<name>')
    .option('--off', 'turn two-factor login off again (a lost phone)')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (name: string, o: DbOptions & { off?: boolean }) => {
      await withDb(o, async (db) => {
        if (o.off) {
          await removeTotp(db.kysely, name, 'cli');
          print(o, { username: name, totp: false }, `${name} logs in with a password alone again.`);
          return;
        }
        const t = await enrolTotp(db.kysely, name, 'cli');
        print(
          o,
          { username: name, totp: true, uri: t.uri },
          `Add this to ${name}'s authenticator app now (as a QR code or by hand); it is not shown again:\n\n  ${t.uri}\n\nFrom now on ${name} logs in with a password and the app's 6-digit code ("totp").`,
        );
      });
    });
  user
    .command('list')
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions) => {
      await withDb(o, async (db) => {
        const all = await listAccounts(db.kysely);
        print(
          o,
          { accounts: all },
          all
            .map((a) => `${a.username.padEnd(24)} ${a.role}${a.disabled ? ' (disabled)' : ''}`)
            .join('\n') ||
            'No accounts yet: add the first with `polon user add NAME --role admin`.',
        );
      });
    });

  const estimate = program.command('estimate').description('estimates with their uncertainty');
  estimate
    .command('mse')
    .description(
      'multiple systems estimation (log-linear models over 2–6 lists) from a list-overlap table',
    )
    .requiredOption(
      '--histories <file>',
      'JSON: {"lists": ["A","B","C"], "histories": {"110": 37, "101": 12, …}}',
    )
    .addOption(
      new Option('--criterion <aic|bic>', 'model selection criterion')
        .choices(['aic', 'bic'])
        .default('bic'),
    )
    .option('--top <n>', 'how many of the best models to list', '20')
    .addOption(jsonOption())
    .action(
      async (o: { histories: string; criterion: 'aic' | 'bic'; top: string; json?: boolean }) => {
        const top = Number(o.top);
        if (!Number.isInteger(top) || top < 1)
          throw new AppError(
            'invalid_input',
            `--top ${o.top}: give a whole number of models, 1 or more`,
          );
        const result = estimateMse(await readHistoriesFile(o.histories), {
          criterion: o.criterion,
          top,
        });
        print(o, result, formatMseResult(result));
      },
    );

  estimate
    .command('captivity')
    .description('people held as of a date: seen, the unseen by MSE over the sources, whereabouts')
    .option('--as-of <date>', 'the day (YYYY-MM-DD); default today')
    .option('--window <days>', 'whereabouts are "known" when placed within this many days', '183')
    .option(
      '--include-thin',
      'put records without a full name or birth date on the MSE lists too (they inflate N when linkage misses them)',
    )
    .addOption(dbOption())
    .addOption(jsonOption())
    .action(async (o: DbOptions & { asOf?: string; window: string; includeThin?: boolean }) => {
      const asOf = o.asOf ? dayArg(o.asOf, '--as-of') : todayIso();
      const window = Number(o.window);
      if (!Number.isInteger(window) || window < 1)
        throw new AppError('invalid_input', `--window ${o.window}: give a number of days`);
      await withDb(o, async (db) => {
        const e = await estimateCaptivity(db.kysely, asOf, window, Boolean(o.includeThin));
        print(o, e, formatCaptivityEstimate(e));
      });
    });

  program
    .command('serve')
    .description('serve the API under /api (OpenAPI at /api/docs) and the web page at /')
    .option('--port <port>', 'port to listen on (default 8080, or POLON_PORT)')
    .addOption(dbOption())
    .action(async (o: DbOptions & { port?: string }) => {
      const port = o.port === undefined ? undefined : Number(o.port);
      if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
        throw new AppError(
          'invalid_input',
          `--port ${o.port} is not a port number; give one from 1 to 65535`,
        );
      }
      const c = loadConfig(io.env, { dbPath: o.db, port });
      const logger = createLogger(c.logLevel);
      const db = createDb(c);
      await migrateToLatest(db, c.pgSchema);
      const app = await buildApp({ db, config: c, logger });
      const address = await app.listen({ port: c.port, host: c.host });
      io.stderr(
        `Polon is serving ${db.location} at ${address} (API: ${address}/api, docs: ${address}/api/docs). Stop with Ctrl+C.\n`,
      );
      const stop = (): void => {
        void app.close().then(() => db.close());
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise<void>((resolve) => app.server.once('close', resolve));
    });

  try {
    jsonErrors = argv.includes('--json');
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    return reportError(err, io, jsonErrors);
  }
  return commandsExitCode();
}

async function readMapping(path: string): Promise<Record<string, string>> {
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

function reportError(err: unknown, io: CliIo, json: boolean): number {
  if (err instanceof CommanderError) {
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof AppError) {
    if (json) {
      io.stderr(
        `${JSON.stringify({ error: { code: err.code, message: err.message, details: err.details } }, null, 2)}\n`,
      );
    } else if (err instanceof InputError) {
      io.stderr(
        `polon: ${err.problems.length} problem(s); nothing was written.\n${err.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`,
      );
    } else {
      io.stderr(`polon: ${err.message}\n`);
    }
    return EXIT_CODE[err.code];
  }
  const message = err instanceof Error ? err.message : String(err);
  const down = asUnavailable(err);
  if (down) {
    // The driver's words help with a network failure (which host, which port); SQLite's
    // "database is locked" would only contradict the clearer message.
    const code = (err as { code?: unknown }).code;
    const detail = typeof code === 'string' && code.startsWith('SQLITE_') ? '' : ` (${message})`;
    io.stderr(`polon: ${down.message}${detail}\n`);
    return EXIT_CODE.unavailable;
  }
  io.stderr(`polon: internal error: ${message}\n`);
  return EXIT_CODE.internal;
}
