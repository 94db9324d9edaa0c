/**
 * Jaro–Winkler similarity (prefix scale 0.1, prefix up to 4 letters) on UTF-16 code units,
 * which is exact for the Latin-letter keys the engine compares.
 */
const SCRATCH = 64;
const scratchA = new Uint8Array(SCRATCH);
const scratchB = new Uint8Array(SCRATCH);

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(n, m) / 2) - 1);
  // Marks of matched positions, in buffers kept between calls: this runs on millions of
  // candidate pairs, and two fresh arrays each time kept the garbage collector busy.
  const matchedA = n <= SCRATCH ? scratchA.fill(0, 0, n) : new Uint8Array(n);
  const matchedB = m <= SCRATCH ? scratchB.fill(0, 0, m) : new Uint8Array(m);
  let matches = 0;
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(m - 1, i + range);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === c) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / n + matches / m + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, n, m);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
