/** A piece of text, or text with a class (e.g. `visually-hidden`) for its own span. */
export type TextPart = string | { text: string; className?: string };

/**
 * Content for Leaflet that can only ever be text. Leaflet writes a string given to
 * `bindTooltip`, `bindPopup`, `setContent`, a `divIcon`'s `html` or a control into
 * `innerHTML`, so markup in a name (a facility imported with `<meta http-equiv=refresh>`)
 * would become page elements: the CSP stops scripts, not that navigation. An element made
 * here holds text nodes only, whatever the text says. The lint rule in eslint.config.js
 * refuses a string or template in those calls, so every map uses this.
 */
export function leafletText(...parts: TextPart[]): HTMLElement {
  const el = document.createElement('span');
  const [only] = parts;
  if (parts.length === 1 && typeof only === 'string') {
    el.textContent = only;
    return el;
  }
  for (const p of parts) {
    const span = document.createElement('span');
    span.textContent = typeof p === 'string' ? p : p.text;
    if (typeof p !== 'string' && p.className) span.className = p.className;
    el.append(span);
  }
  return el;
}

/** The same, as a block with a class of its own (a tooltip of several lines). */
export function leafletBlock(className: string, ...parts: TextPart[]): HTMLElement {
  const el = leafletText(...parts.map((p) => (typeof p === 'string' ? { text: p } : p)));
  el.className = className;
  return el;
}
