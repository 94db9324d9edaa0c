export {
  createBackup,
  restoreBackup,
  type BackupSummary,
  type RestoreSummary,
} from './backup.service.js';
export { formatBackupSummary, formatRestoreSummary } from './backup.cli.js';
export { backupCommands } from './backup.commands.js';
