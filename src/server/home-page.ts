import type { ExchangeStats } from '../../contract/index.js';

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
const n = (v: number): string => v.toLocaleString('en-GB');

/**
 * A plain page with the headline numbers, rendered on the server with no script, until the
 * dashboard replaces it.
 */
/** The page's styles, served as a file: the Content-Security-Policy allows no inline style. */
export const HOME_CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:1rem}
.card{border:1px solid #ccc;border-radius:.5rem;padding:1rem}.card b{display:block;font-size:2rem}
table{border-collapse:collapse;margin-top:1rem}td,th{padding:.25rem .75rem;border-bottom:1px solid #ddd;text-align:right}`;

export function homePage(s: ExchangeStats, findings: number): string {
  const rows = s.byYear
    .map(
      (y) =>
        `<tr><td>${y.year}</td><td>${y.exchanges}</td><td>${y.returnedIsLowerBound ? '≥ ' : ''}${n(y.returned)}</td><td>${n(y.bodiesReturned)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Polon — Ukrainians in Russian captivity</title>
<link rel="stylesheet" href="/assets/home.css"></head><body>
<h1>Polon: how many Ukrainians are held in Russian captivity, and where?</h1>
<p>Recorded evidence as of <time datetime="${esc(s.asOf)}">${esc(s.asOf)}</time>. Every figure comes with its sources through the <a href="/api/docs">API</a>.</p>
<div class="cards">
<div class="card"><b data-figure="exchanges">${s.exchanges}</b>exchanges recorded</div>
<div class="card"><b data-figure="returned">${s.returnedIsLowerBound ? '≥ ' : ''}${n(s.returned)}</b>people returned in them</div>
<div class="card"><b data-figure="bodies">${n(s.bodiesReturned)}</b>bodies repatriated</div>
<div class="card"><b data-figure="findings">${findings}</b><a href="/api/check">disagreements between figures and sources</a></div>
</div>
<table><thead><tr><th>Year</th><th>Exchanges</th><th>Returned</th><th>Bodies</th></tr></thead><tbody>${rows}</tbody></table>
<p><small>A staged exchange counts once; a total over exchanges that did not disclose their numbers is a lower bound (≥).</small></p>
</body></html>`;
}
