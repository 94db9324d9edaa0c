export { appendAudit, listAudit, useAuditKey, type AuditEntry } from './audit.repository.js';
export { auditRead, type RowsRead } from './audit-read.js';
export { verifyAudit, type AuditProblem, type AuditVerification } from './verify-audit.js';
export { auditCommands } from './audit.commands.js';
