import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicSummary } from '../../../contract/publication.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { dayNumber, linear, niceTicks } from './scale.js';

export type Split = 'total' | 'military' | 'sex';
type Point = PublicSummary['timeline'][number];
type Part = { key: string; value: number };

const W = 800;
const H = 320;
const M = { left: 52, right: 64, top: 16, bottom: 28 };

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
 * People returned per exchange (bars, left axis) and in total (line, right axis), by date.
 * Hand-made SVG: a few hundred lines of Plot and d3 would triple the page's code for one chart.
 */
export function ExchangeTimeline({ points, split }: { points: Point[]; split: Split }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return null;
  const x = linear(dayNumber(first.date) - 20, dayNumber(last.date) + 20, M.left, W - M.right);
  const maxBar = Math.max(...points.map((p) => p.returned));
  const barTicks = niceTicks(maxBar);
  const y = linear(0, barTicks.at(-1) ?? 1, H - M.bottom, M.top);
  const cumTicks = niceTicks(last.cumulative);
  const y2 = linear(0, cumTicks.at(-1) ?? 1, H - M.bottom, M.top);
  const years: number[] = [];
  for (let yr = Number(first.date.slice(0, 4)) + 1; yr <= Number(last.date.slice(0, 4)); yr++)
    years.push(yr);
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
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="timeline">
        <title id={titleId}>{label}</title>
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
        {years.map((yr) => {
          const xx = x(dayNumber(`${yr}-01-01`));
          return (
            <g key={yr} className="tick">
              <line x1={xx} x2={xx} y1={M.top} y2={H - M.bottom} className="grid" />
              <text x={xx} y={H - M.bottom + 18} textAnchor="middle">
                {yr}
              </text>
            </g>
          );
        })}
        {points.map((p, i) => {
          let top = 0;
          const xx = x(dayNumber(p.date)) - 2.5;
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
                    width={5}
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
