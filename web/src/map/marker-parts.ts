import type { TextPart } from './leaflet-text.js';
import type { TFunction } from 'i18next';
import type { PublicCount, PublicFacility } from '../../../contract/publication.js';
import { facilityName, settlementLabel } from '../components/facility-name.js';
import { formatCount } from '../i18n/format.js';

/** Known people at a place (identified or last known there); a suppressed count is 1–4. */
export function knownAt(f: PublicFacility): number {
  if (!f.counts) return 0;
  // A suppressed count may be 0 (zeros are hidden too once anyone is counted) and a withheld
  // one anything: neither sizes a marker.
  const n = (c: PublicCount) => (c.suppressed ? 0 : c.value);
  return Math.max(n(f.counts.identified), n(f.counts.lastKnown));
}

/** The marker sizes of the legend: none known, 1–9, 10–99, 100 and more. */
export const sizeClass = (n: number): number => (n === 0 ? 0 : n < 10 ? 1 : n < 100 ? 2 : 3);
export const DIAMETER = [14, 18, 24, 30] as const;

export const isClosed = (f: Pick<PublicFacility, 'status'>) => f.status === 'closed';
/**
 * Placed at its settlement's centre (or its region's), not at the building; a place whose
 * precision is unknown or exact says nothing.
 */
export const isApproximate = (f: Pick<PublicFacility, 'coordPrecision'>) =>
  f.coordPrecision === 'settlement' || f.coordPrecision === 'region';

/** "Approximate position: centre of Taganrog", or of its region when that is all there is. */
export const approximateText = (
  f: Pick<
    PublicFacility,
    'coordPrecision' | 'settlement' | 'settlementUk' | 'settlementRu' | 'region'
  >,
  lang: string,
  t: TFunction,
): string =>
  f.coordPrecision === 'settlement' && f.settlement
    ? t('map.approximate', { settlement: settlementLabel(f, lang) })
    : t('map.approximateRegion');

/**
 * What hovering or focusing a marker shows: the name in the reader's language, and whether
 * the place is closed, placed only at its town, and the people known there. Lines of text
 * for leafletBlock: Leaflet reads a string as HTML, and names come from imported data.
 */
export function facilityTooltip(f: PublicFacility, lang: string, t: TFunction): TextPart[] {
  const lines: TextPart[] = [{ text: facilityName(f, lang), className: 'name' }];
  if (isClosed(f)) lines.push(t('map.closedPlace'));
  if (isApproximate(f)) lines.push(approximateText(f, lang, t));
  if (f.counts) lines.push(t('map.knownThere', { n: formatCount(f.counts.lastKnown, lang) }));
  return lines;
}

/** A cluster's bubble: "12 places", so it is not read as 12 people. */
export const clusterLabel = (count: number, t: TFunction): string => t('map.cluster', { count });
