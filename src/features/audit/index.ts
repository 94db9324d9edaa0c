export { appendAudit, listAudit, type AuditEntry } from './audit.repository.js';
