import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import {
  commandGroup,
  dbOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { AppError } from '../../core/app-error.js';
import { exportRecords, type RecordExportFormat } from './records-export.js';

interface ExportOptions extends DbOptions {
  format: RecordExportFormat;
  reason: string;
  source?: string;
  out?: string;
}

/** `polon export records`: what the sources say about persons, one row a record. */
export function personsCommands(program: Command, { io, withDb }: CommandContext): void {
  commandGroup(program, 'export')
    .command('records')
    .description(
      'person records as CSV, XLSX or JSON, with the columns of `polon link --input` first (personal data: audited with the reason)',
    )
    .addOption(
      new Option('--format <format>', 'file format')
        .choices(['csv', 'xlsx', 'json'])
        .default('csv'),
    )
    .requiredOption('--reason <text>', 'why (it is audited: an export copies personal data)')
    .option('--source <id>', "only this source's records")
    .option('--out <file>', 'write to this file (default: standard output; required for xlsx)')
    .addOption(dbOption())
    .action(async (o: ExportOptions) => {
      if (o.format === 'xlsx' && !o.out)
        throw new AppError('invalid_input', 'an XLSX file is binary: give --out FILE.xlsx');
      await withDb(o, async (db) => {
        const e = await exportRecords(db.kysely, {
          format: o.format,
          reason: o.reason,
          source: o.source,
          actor: 'cli',
        });
        if (o.out) {
          await writeFile(o.out, e.body, { mode: 0o600 });
          io.stderr(`Wrote ${e.records.toLocaleString('en')} records to ${o.out}.\n`);
        } else {
          io.stdout(typeof e.body === 'string' ? e.body : e.body.toString('utf8'));
        }
      });
    });
}
