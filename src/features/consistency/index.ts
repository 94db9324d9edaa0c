export { checkConsistency, type CheckOptions } from './check-consistency.js';
export { runChecks, type CheckReport } from './consistency.service.js';
export type { Figure, Finding, FindingKind } from './finding.js';
export { consistencyRoutes } from './consistency.routes.js';
export { formatCheckReport } from './consistency.cli.js';
export { consistencyCommands } from './consistency.commands.js';
export { groupFindings, type FindingGroup } from './finding-groups.js';
