import type { Kysely } from 'kysely';
import type { PublicFacilities, PublicSummary } from '../../../contract/index.js';
import type { Database } from '../../db/index.js';
import { loadPersonEvidence, publicFacilities, publicSummary } from './publication.service.js';

export interface Published {
  summary: PublicSummary;
  facilities: PublicFacilities;
}

/** Everything the public pages show, as of a day, from one read of the person evidence. */
export async function computePublished(
  db: Kysely<Database>,
  asOf: string,
  threshold: number,
): Promise<Published> {
  const evidence = await loadPersonEvidence(db);
  const options = { asOf, threshold, evidence };
  const [summary, facilities] = await Promise.all([
    publicSummary(db, options),
    publicFacilities(db, options),
  ]);
  return { summary, facilities };
}
