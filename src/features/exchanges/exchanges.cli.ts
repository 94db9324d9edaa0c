import type { ExchangeStats } from './exchange-stats.js';

const n = (v: number): string => v.toLocaleString('en-GB');
const pad = (s: string | number, w: number): string => String(s).padStart(w);

/** `polon stats exchanges` as a person reads it. */
export function formatExchangeStats(s: ExchangeStats): string {
  const ge = (lower: boolean): string => (lower ? '≥ ' : '');
  const lines = [
    `Exchanges as of ${s.asOf} (a staged exchange counts once; ≥ marks a lower bound)`,
    '',
    `  exchanges held        ${s.exchanges}${s.firstExchange ? `  (${s.firstExchange} … ${s.lastExchange ?? ''})` : ''}`,
    `  people returned       ${ge(s.returnedIsLowerBound)}${n(s.returned)}${s.returnedIncludesApprox ? ' (includes approximate figures)' : ''}`,
  ];
  if (s.exchangesWithUndisclosedTotal)
    lines.push(
      `                        ${s.exchangesWithUndisclosedTotal} exchange(s) did not disclose how many`,
    );
  for (const [key, label] of [
    ['military', 'military'],
    ['civilians', 'civilians'],
    ['men', 'men'],
    ['women', 'women'],
    ['seriouslyIllOrWounded', 'seriously ill/wounded'],
    ['releasedWithoutExchange', 'released w/o exchange'],
  ] as const) {
    const c = s.byCategory[key];
    if (c.exchangesStating === 0) continue;
    lines.push(
      `    ${label.padEnd(22)}${ge(c.exchangesStating < s.exchanges)}${n(c.value)}  (stated for ${c.exchangesStating} of ${s.exchanges} exchanges)`,
    );
  }
  lines.push(
    `  bodies repatriated    ${n(s.bodiesReturned)}  (${s.bodyRepatriations} repatriations)`,
  );
  if (s.localSwaps.events)
    lines.push(
      `  local swaps           ${s.localSwaps.events} (returned ${n(s.localSwaps.returned)}; not in the exchange count)`,
    );
  lines.push('', '  year  exchanges   returned   military  civilians   women    bodies');
  for (const y of s.byYear) {
    lines.push(
      `  ${y.year} ${pad(y.exchanges, 10)} ${pad(ge(y.returnedIsLowerBound) + n(y.returned), 10)} ${pad(n(y.military), 10)} ${pad(n(y.civilians), 10)} ${pad(n(y.women), 7)} ${pad(n(y.bodiesReturned), 9)}`,
    );
  }
  return lines.join('\n');
}
