import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import {
  commandGroup,
  countArg,
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { AppError } from '../../core/app-error.js';
import { countFacilities, loadFacilities } from './facilities.repository.js';
import { facilitiesToCsv, facilitiesToGeoJson, facilitiesToXlsx } from './facility-export.js';
import { formatFacilityMatch, matchFacilityText } from './facility-match.service.js';
import { listMerges, mergeFacilities, unmergeFacilities } from './facility-merge.js';
import { searchFacilities } from './facility-search.js';

/** `polon facilities list|counts|match|merge|unmerge|merges` and `polon export facilities`. */
export function facilitiesCommands(program: Command, ctx: CommandContext): void {
  const { withDb, print } = ctx;
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
      const limit = countArg(o.limit, '--limit');
      await withDb(o, async (db) => {
        const m = await matchFacilityText(db.kysely, words.join(' '), limit);
        print(o, m, formatFacilityMatch(m));
      });
    });
  mergeCommands(facilities, ctx);
  exportCommand(program, ctx);
}

function mergeCommands(facilities: Command, { withDb, print }: CommandContext): void {
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
}

/** `polon export facilities`: `export` is a group other features add what they export to. */
function exportCommand(program: Command, { io, withDb }: CommandContext): void {
  commandGroup(program, 'export')
    .command('facilities')
    .description('the gazetteer: GeoJSON for maps, CSV or XLSX for spreadsheets (re-importable)')
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
        o: DbOptions & { format: 'geojson' | 'csv' | 'xlsx'; out?: string; territory?: string },
      ) => {
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
}
