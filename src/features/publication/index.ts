export { publicationRoutes, createPublicationCache } from './publication.routes.js';
export { publicFacilities, publicSummary } from './publication.service.js';
export { dataVersion } from './publication.repository.js';
