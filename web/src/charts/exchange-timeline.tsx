import { useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicSummary } from '../../../contract/publication.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { dayNumber, linear, niceTicks } from './scale.js';

export type Split = 'total' | 'military' | 'sex';
type Point = PublicSummary['timeline'][number];
type Part = { key: string; value: number };

/** Widest and narrowest the chart is drawn; between them it takes its box's width. */
const MAX_W = 1200;
const MIN_W = 300;
const H = 300;
/** Room for the tick labels, and above the plot for the two axis names (with their units). */
const M = { left: 48, right: 56, top: 34, bottom: 26 };

/**
 * The width of an element's box, followed as it changes: the chart is drawn at that width in
 * its own pixels, so its 12 px labels stay 12 px on a phone instead of being scaled down.
 */
function useBoxWidth(): [RefObject<HTMLElement | null>, number] {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(MAX_W);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.round(el.clientWidth) || MAX_W);
    measure();
    const watch = new ResizeObserver(measure);
    watch.observe(el);
    return () => watch.disconnect();
  }, []);
  return [ref, Math.max(MIN_W, Math.min(MAX_W, width))];
}

/**
 * A label for each year, in the middle of the part of the year the chart shows, and a line
 * where each year begins: the first year (2022, the exchanges began in its spring) is named
 * though its 1 January lies before the chart's start.
 */
export function yearTicks(
  fromDay: number,
  toDay: number,
): { year: number; start: number | null; mid: number }[] {
  const ticks: { year: number; start: number | null; mid: number }[] = [];
  const first = new Date(fromDay * 86_400_000).getUTCFullYear();
  const last = new Date(toDay * 86_400_000).getUTCFullYear();
  for (let year = first; year <= last; year++) {
    const jan1 = dayNumber(`${year}-01-01`);
    const next = dayNumber(`${year + 1}-01-01`);
    const a = Math.max(jan1, fromDay);
    const b = Math.min(next, toDay);
    // A sliver of a year (a few weeks) has no room for its label.
    if (b - a < 60) continue;
    ticks.push({ year, start: jan1 > fromDay ? jan1 : null, mid: (a + b) / 2 });
  }
  return ticks;
}

/** A bar's parts: the stated breakdown, and the rest of the exchange's total as "not stated". */
function parts(p: Point, split: Split): Part[] {
  if (split === 'total') return [{ key: 'total', value: p.returned }];
  const [a, b] =
    split === 'military' ? (['military', 'civilians'] as const) : (['men', 'women'] as const);
  const va = p[a] ?? 0;
  const vb = p[b] ?? 0;
  return [
    { key: a, value: va },
    { key: b, value: vb },
    { key: 'unknown', value: Math.max(0, p.returned - va - vb) },
  ];
}

export const SPLIT_KEYS: Record<Split, string[]> = {
  total: ['total', 'cumulative'],
  military: ['military', 'civilians', 'unknown', 'cumulative'],
  sex: ['men', 'women', 'unknown', 'cumulative'],
};

/**
 * People returned per exchange (bars, left axis) and in total (line, right axis), by date,
 * each axis named with its unit. Hand-made SVG: the home page's first screen carries it, and
 * Plot with the d3 it brings would triple that page's code for one chart with two y axes.
 */
export function ExchangeTimeline({ points, split }: { points: Point[]; split: Split }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const [box, W] = useBoxWidth();
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return null;
  const from = dayNumber(first.date) - 20;
  const to = dayNumber(last.date) + 20;
  const x = linear(from, to, M.left, W - M.right);
  // Bars as wide as the space allows (one exchange each), never wider than 5 px.
  const barW = Math.max(1.5, Math.min(5, ((W - M.left - M.right) / points.length) * 0.6));
  const maxBar = Math.max(...points.map((p) => p.returned));
  const barTicks = niceTicks(maxBar);
  const y = linear(0, barTicks.at(-1) ?? 1, H - M.bottom, M.top);
  const cumTicks = niceTicks(last.cumulative);
  const y2 = linear(0, cumTicks.at(-1) ?? 1, H - M.bottom, M.top);
  const years = yearTicks(from, to);
  const line = points
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${x(dayNumber(p.date)).toFixed(1)},${y2(p.cumulative).toFixed(1)}`,
    )
    .join('');
  const label = t('timeline.label', {
    first: formatDate(first.date, lang),
    last: formatDate(last.date, lang),
  });
  return (
    <figure className="chart" ref={box}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-labelledby={titleId}
        className="timeline"
      >
        <title id={titleId}>{label}</title>
        <text x={2} y={12} className="axis-label" data-axis="left">
          {t('design.axisPerExchange')}
        </text>
        <text x={W - 2} y={12} textAnchor="end" className="axis-label" data-axis="right">
          {t('design.axisTotal')}
        </text>
        {barTicks.map((v) => (
          <g key={`l${v}`} className="tick">
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
        {cumTicks.map((v) => (
          <text
            key={`r${v}`}
            x={W - M.right + 6}
            y={y2(v)}
            dy="0.32em"
            className="tick cumulative-tick"
          >
            {formatNumber(v, lang)}
          </text>
        ))}
        {years.map(({ year, start, mid }) => (
          <g key={year} className="tick" data-year={year}>
            {start !== null && (
              <line x1={x(start)} x2={x(start)} y1={M.top} y2={H - M.bottom} className="grid" />
            )}
            <text x={x(mid)} y={H - M.bottom + 18} textAnchor="middle" className="year">
              {year}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          let top = 0;
          const xx = x(dayNumber(p.date)) - barW / 2;
          return (
            <g key={`${p.date}-${i}`}>
              <title>
                {`${formatDate(p.date, lang)}: ${p.lowerBound ? `${t('timeline.lowerBound')} ` : ''}${formatNumber(p.returned, lang)}`}
              </title>
              {parts(p, split).map((part) => {
                const y0 = y(top);
                top += part.value;
                const y1 = y(top);
                return (
                  <rect
                    key={part.key}
                    x={xx}
                    width={barW}
                    y={y1}
                    height={Math.max(0, y0 - y1)}
                    className={`bar s-${part.key}`}
                  />
                );
              })}
            </g>
          );
        })}
        <path d={line} className="cumulative" />
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="axis" />
      </svg>
      <figcaption>
        <ul className="legend">
          {SPLIT_KEYS[split].map((k) => (
            <li key={k}>
              <span className={`swatch s-${k}`} aria-hidden="true" />
              {k === 'total'
                ? t('timeline.perExchange')
                : k === 'cumulative'
                  ? t('timeline.cumulative')
                  : t(`timeline.${k}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** The chart's numbers as a table, for screen readers and for checking. */
export function TimelineTable({ points }: { points: Point[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, lang));
  return (
    <details className="chart-table">
      <summary>{t('timeline.table')}</summary>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('timeline.date')}</th>
              <th scope="col" className="num">
                {t('timeline.perExchange')}
              </th>
              <th scope="col" className="num">
                {t('timeline.cumulative')}
              </th>
              <th scope="col" className="num">
                {t('timeline.military')}
              </th>
              <th scope="col" className="num">
                {t('timeline.civilians')}
              </th>
              <th scope="col" className="num">
                {t('timeline.men')}
              </th>
              <th scope="col" className="num">
                {t('timeline.women')}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={`${p.date}-${i}`}>
                <th scope="row">{formatDate(p.date, lang)}</th>
                <td className="num">
                  {p.lowerBound && `${t('timeline.lowerBound')} `}
                  {n(p.returned)}
                </td>
                <td className="num">{n(p.cumulative)}</td>
                <td className="num">{n(p.military)}</td>
                <td className="num">{n(p.civilians)}</td>
                <td className="num">{n(p.men)}</td>
                <td className="num">{n(p.women)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
