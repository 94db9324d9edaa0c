export { publicationRoutes, createPublicationCache } from './publication.routes.js';
export { publicFacilities, publicSummary } from './publication.service.js';
export { dataVersion } from './publication.repository.js';
export { publicationCommands } from './publication.commands.js';
export { publishEstimate, latestPublished } from './published-estimates.js';
