import { Option, type Command } from 'commander';
import {
  dbOption,
  jsonOption,
  type CommandContext,
  type DbOptions,
} from '../../cli/command-kit.js';
import { addAccount, listAccounts, updateAccount } from './accounts.repository.js';
import { enrolTotp, removeTotp } from './totp.js';

/** `polon user add|role|disable|totp|list`. */
export function accountsCommands(
  program: Command,
  { withDb, print, secret }: CommandContext,
): void {
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
}
