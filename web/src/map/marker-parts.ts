import type { TFunction } from 'i18next';
import type { PublicCount, PublicFacility } from '../../../contract/publication.js';
import { facilityName, settlementLabel } from '../components/facility-name.js';
import { formatCount } from '../i18n/format.js';

/** Known people at a place (identified or last known there); a suppressed count is 1–4. */
export function knownAt(f: PublicFacility): number {
  if (!f.counts) return 0;
  const n = (c: PublicCount) => (c.suppressed ? 1 : c.value);
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

const line = (parent: HTMLElement, text: string, className?: string) => {
  const el = document.createElement('span');
  el.textContent = text;
  if (className) el.className = className;
  parent.append(el);
};

/**
 * What hovering or focusing a marker shows: the name in the reader's language, and whether
 * the place is closed, placed only at its town, and the people known there. Built as elements
 * with textContent: Leaflet reads a string as HTML, and names come from imported data.
 */
export function facilityTooltip(f: PublicFacility, lang: string, t: TFunction): HTMLElement {
  const el = document.createElement('div');
  el.className = 'facility-tooltip';
  line(el, facilityName(f, lang), 'name');
  if (isClosed(f)) line(el, t('map.closedPlace'));
  if (isApproximate(f)) line(el, approximateText(f, lang, t));
  if (f.counts) {
    const known = f.counts.lastKnown;
    line(el, t('map.knownThere', { n: formatCount(known, lang) }));
  }
  return el;
}

/** A cluster's bubble: "12 places", so it is not read as 12 people. */
export function clusterLabel(count: number, t: TFunction): HTMLElement {
  const el = document.createElement('span');
  el.textContent = t('map.cluster', { count });
  return el;
}
