/**
 * What the linkage engine compares. The engine knows nothing of scripts or languages: the
 * caller (src/features/linkage) turns each name into a spelling key and an equivalence
 * class, and the engine compares those.
 */
export interface NameValue {
  /** Spelling key; equal keys are the `exact` level, similar ones Jaro–Winkler bands. */
  key: string;
  /**
   * Equivalence class (a canonical given name, a phonetic surname key): different keys
   * with equal classes are the `equivalent` level. For a field marked `canonical` (given
   * name, patronymic), two different classes mean two different names.
   */
  equivalence?: string | undefined;
}

export interface BirthValue {
  year: number;
  /** 1–12, absent when only the year is known. */
  month?: number | undefined;
  /** 1–31, absent when only the year or month is known. */
  day?: number | undefined;
}

export type Sex = 'm' | 'f';

export interface LinkRecord {
  id: string;
  source: string;
  family?: NameValue | undefined;
  given?: NameValue | undefined;
  patronymic?: NameValue | undefined;
  birth?: BirthValue | undefined;
  sex?: Sex | undefined;
  /** Unit key (a military unit's number), compared for equality. */
  unit?: string | undefined;
}

/** A reviewer's verdict on two records, honoured on the next run. */
export interface ReviewDecision {
  a: string;
  b: string;
  decision: 'match' | 'non_match';
}
