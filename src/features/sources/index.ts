export { parseCitations, sourceIdForText, sourceIdForUrl, type Citation } from './citation.js';
export {
  citationsFor,
  listSources,
  unknownSourceProblems,
  writeCitations,
  type CitationLink,
  type CitedRow,
  type SourceRef,
} from './sources.repository.js';
export { sourcesImport, type SourceInput } from './sources.import.js';
export { citationsField } from './citations-field.js';
export { citationLinks, citedSourceProblems, SOURCES_COLUMN } from './cited-rows.js';
export {
  addSource,
  listSourcesWithCounts,
  type NewSourceInput,
  type SourceView,
} from './source-registry.js';
export { sourcesRoutes } from './sources.routes.js';
export { sourcesCommands } from './sources.commands.js';
