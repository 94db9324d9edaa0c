export { personsImport, type PersonRecordInput } from './records.import.js';
export { eventsImport, type EventInput } from './events.import.js';
export { episodesImport, type EpisodeInput } from './episodes.import.js';
export { occupancyImport, type OccupancyInput } from './occupancy.import.js';
export { derivedId, recordId } from './record-id.js';
export { useIdKeyOf } from './id-key.repository.js';
export { personsRoutes } from './persons.routes.js';
export { recordsByIds } from './records.repository.js';
export {
  exportRecords,
  LINK_INPUT_COLUMNS,
  RECORD_EXPORT_COLUMNS,
  type RecordExportFormat,
  type RecordsExport,
} from './records-export.js';
export { personsCommands } from './persons.commands.js';
