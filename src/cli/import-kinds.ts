import { claimsImport } from '../features/claims/index.js';
import { exchangesImport } from '../features/exchanges/index.js';
import { facilitiesImport } from '../features/facilities/index.js';
import type { ImportKind } from '../features/imports/index.js';
import { sourcesImport } from '../features/sources/index.js';
import {
  episodesImport,
  eventsImport,
  occupancyImport,
  personsImport,
} from '../features/persons/index.js';

/** Kinds `polon import KIND FILE` accepts. */
export const IMPORT_KINDS: Record<string, ImportKind<unknown>> = {
  sources: sourcesImport,
  exchanges: exchangesImport,
  claims: claimsImport,
  facilities: facilitiesImport,
  persons: personsImport,
  events: eventsImport,
  episodes: episodesImport,
  occupancy: occupancyImport,
};
