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
