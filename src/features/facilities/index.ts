export * from './facility.js';
export { facilitiesImport, type FacilityInput } from './facilities.import.js';
export {
  countFacilities,
  findFacility,
  loadFacilities,
  type FacilityCount,
  type FacilityFilter,
} from './facilities.repository.js';
export { facilitiesRoutes } from './facilities.routes.js';
export {
  createFacilityMatcher,
  type FacilityCandidate,
  type FacilityMatch,
  type FacilityMatcher,
  type MatchableFacility,
} from './facility-matcher.js';
export {
  createFacilityResolver,
  toMatchable,
  type FacilityResolver,
  type Resolution,
} from './facility-resolver.js';
export { formatFacilityMatch, matchFacilityText } from './facility-match.service.js';
export {
  geocodeFacilities,
  isPlaced,
  type GeocodeResult,
  type Settlement,
} from './geocode-facilities.js';
export { bundledSettlements, loadSettlements } from './settlements-file.js';
export {
  EXPORT_COLUMNS,
  facilitiesToCsv,
  facilitiesToGeoJson,
  facilitiesToXlsx,
} from './facility-export.js';
export {
  activeMergedIds,
  listMerges,
  mergeFacilities,
  unmergeFacilities,
  type FacilityMerge,
} from './facility-merge.js';
export { searchFacilities } from './facility-search.js';
export { facilitiesCommands } from './facilities.commands.js';
export { constructName, settlementName } from './constructed-names.js';
