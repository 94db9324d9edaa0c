export * from './claim.js';
export { claimsImport, type ClaimInput } from './claims.import.js';
export { loadClaims, type ClaimFilter } from './claims.repository.js';
export { claimsRoutes } from './claims.routes.js';
