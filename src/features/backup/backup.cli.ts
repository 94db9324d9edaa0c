import type { BackupSummary, RestoreSummary } from './backup.service.js';

export function formatBackupSummary(b: BackupSummary): string {
  return [
    `Backed up ${b.rows.toLocaleString('en')} rows in ${Object.keys(b.tables).length} tables from the ${b.dialect} database to ${b.file} (${(b.bytes / 1024).toFixed(0)} KiB, SHA-256 ${b.sha256}).`,
    b.encrypted
      ? 'The file is encrypted (AES-256-GCM): restoring it needs the same POLON_BACKUP_KEY or POLON_DB_KEY.'
      : 'WARNING: the file is NOT encrypted and holds personal data: set POLON_BACKUP_KEY (or POLON_DB_KEY) to encrypt backups.',
  ].join('\n');
}

export function formatRestoreSummary(r: RestoreSummary): string {
  return [
    `Restored ${r.rows.toLocaleString('en')} rows in ${Object.keys(r.tables).length} tables from ${r.file} (made ${r.backupCreatedAt} on ${r.fromDialect}) into ${r.into}.`,
    r.audit.ok
      ? `Audit log intact: ${r.audit.rows} rows; head ${r.audit.headHash}.`
      : 'Audit log NOT intact: run `polon audit verify` to see where.',
    'Everyone must log in again: sessions are not part of a backup.',
    ...(r.encryptedFile === false
      ? [
          'WARNING: the restored file is NOT encrypted: set POLON_DB_KEY before restoring to keep it encrypted.',
        ]
      : []),
  ].join('\n');
}
