import type { Kysely } from 'kysely';
import type { PublicFacilities, PublicSummary } from '../../../contract/index.js';
import type { Database } from '../../db/index.js';
import { loadFacilities } from '../facilities/index.js';
import { protectPersonCounts } from './person-counts.js';
import { loadPersonEvidence, publicFacilities, publicSummary } from './publication.service.js';

export interface Published {
  summary: PublicSummary;
  facilities: PublicFacilities;
}

/**
 * Everything the public pages show, as of a day: the figures an analyst last published,
 * every person-derived one protected together, since a subtraction across pages counts too.
 */
export async function computePublished(
  db: Kysely<Database>,
  asOf: string,
  threshold: number,
): Promise<Published> {
  const evidence = await loadPersonEvidence(db);
  const counts = protectPersonCounts({
    figures: evidence.published?.figures ?? null,
    facilities: await loadFacilities(db),
    threshold,
  });
  const options = { asOf, threshold, evidence, counts };
  const [summary, facilities] = await Promise.all([
    publicSummary(db, options),
    publicFacilities(db, options),
  ]);
  return { summary, facilities };
}
