import type { FacilityConcept } from './facility-vocabulary.js';

// How far a mention of one type may stand for a place recorded as another: a colony's
// SIZO premises (ПФРСИ) for a SIZO, an IVS inside a police station, a filtration camp.
const RELATED: Readonly<
  Partial<Record<FacilityConcept, Partial<Record<FacilityConcept, number>>>>
> = {
  sizo: { sizo_premises: 0.8, prison: 0.3, temporary_detention: 0.3 },
  sizo_premises: { sizo: 0.8, penal_colony: 0.8 },
  penal_colony: {
    colony_settlement: 0.6,
    medical_colony: 0.6,
    prison: 0.5,
    camp: 0.3,
    sizo_premises: 0.8,
  },
  colony_settlement: { penal_colony: 0.6 },
  medical_colony: { penal_colony: 0.6 },
  prison: { penal_colony: 0.5, sizo: 0.3 },
  temporary_detention: { police_station: 0.6, sizo: 0.3 },
  police_station: { temporary_detention: 0.6 },
  filtration_point: { camp: 0.5 },
  camp: { filtration_point: 0.5, penal_colony: 0.3 },
};

/** 1 for the same type, 0 for unrelated ones, between for types a writer may confuse. */
export function facilityTypeAffinity(
  mentioned: FacilityConcept,
  recorded: FacilityConcept,
): number {
  return mentioned === recorded ? 1 : (RELATED[mentioned]?.[recorded] ?? 0);
}

/** English labels, for reasons shown to people. */
export const FACILITY_TYPE_LABELS: Readonly<Record<FacilityConcept, string>> = {
  sizo: 'SIZO',
  sizo_premises: 'SIZO premises',
  penal_colony: 'penal colony',
  colony_settlement: 'colony-settlement',
  medical_colony: 'medical colony',
  prison: 'prison',
  temporary_detention: 'temporary detention (IVS)',
  police_station: 'police station',
  filtration_point: 'filtration point',
  camp: 'camp',
};
