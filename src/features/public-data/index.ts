export { loadPublicDataset, PUBLIC_FILES } from './load-public.js';
export { bundledDataDir, packageRoot } from '../../package-root.js';
export { publicDataCommands } from './public-data.commands.js';
export {
  formatPublicDataChanges,
  publicDataChanges,
  type PublicDataChanges,
  type TableChanges,
} from './public-data-changes.js';
export { addEvidenceRow, type EvidenceKind } from './evidence-entry.js';
export { publicDataRoutes } from './public-data.routes.js';
