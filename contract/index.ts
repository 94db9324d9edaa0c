export * from './common.js';
export * from './exchanges.js';
export * from './claims.js';
export * from './facilities.js';
export * from './estimates.js';
export * from './persons.js';
export * from './publication.js';
export * from './imports.js';
