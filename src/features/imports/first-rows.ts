/**
 * The row on which each id of a file was first seen, for reporting an id the file repeats.
 *
 * A large import sees every id once, so this holds a million entries for a million rows.
 * As a `Map` of id strings that cost about 165 bytes an entry (a person's id is a string
 * built from a slice of a longer hash, and the map keeps all of it alive), which made the
 * import worker's heap the largest part of the import's memory. Here an entry is a 128-bit
 * fingerprint of the id and its row number in typed arrays: 20 bytes a slot, at most half
 * the slots used.
 *
 * Two different ids share a fingerprint with a probability of about n²/2¹²⁹ — for ten
 * million ids about 10⁻²⁵, far below that of two record ids (96 bits of SHA-256) being
 * equal in the first place — so the answers are those of a map of the strings.
 */
export class FirstRows {
  private slots: number;
  private used = 0;
  /** Four 32-bit words of fingerprint a slot. */
  private keys: Uint32Array;
  /** Row number + 1 a slot; 0 is an empty slot. */
  private rows: Uint32Array;
  private readonly print = new Uint32Array(4);

  constructor(expected = 1024) {
    this.slots = 1 << Math.max(4, Math.ceil(Math.log2(expected * 2)));
    this.keys = new Uint32Array(this.slots * 4);
    this.rows = new Uint32Array(this.slots);
  }

  get size(): number {
    return this.used;
  }

  /** The row the id was first seen on, or undefined. */
  get(id: string): number | undefined {
    fingerprint(id, this.print);
    const stored = this.rows[this.find(this.print)] ?? 0;
    return stored === 0 ? undefined : stored - 1;
  }

  /** Notes the id on a row unless it was seen before; returns the first row it was seen on. */
  firstOr(id: string, row: number): number {
    if (!Number.isInteger(row) || row < 0 || row >= 0xffffffff)
      throw new RangeError(`row ${row} is not a row number`);
    fingerprint(id, this.print);
    const at = this.find(this.print);
    const stored = this.rows[at] ?? 0;
    if (stored !== 0) return stored - 1;
    this.put(at, this.print, row + 1);
    if (++this.used * 2 > this.slots) this.grow();
    return row;
  }

  /** The slot holding this fingerprint, or the empty slot where it belongs. */
  private find(p: Uint32Array): number {
    const mask = this.slots - 1;
    const a = p[0] ?? 0;
    const b = p[1] ?? 0;
    const c = p[2] ?? 0;
    const d = p[3] ?? 0;
    const keys = this.keys;
    const rows = this.rows;
    for (let at = a & mask; ; at = (at + 1) & mask) {
      if (rows[at] === 0) return at;
      const k = at * 4;
      if (keys[k] === a && keys[k + 1] === b && keys[k + 2] === c && keys[k + 3] === d) return at;
    }
  }

  private put(at: number, p: Uint32Array, stored: number): void {
    this.keys.set(p, at * 4);
    this.rows[at] = stored;
  }

  private grow(): void {
    const keys = this.keys;
    const rows = this.rows;
    this.slots *= 2;
    this.keys = new Uint32Array(this.slots * 4);
    this.rows = new Uint32Array(this.slots);
    const p = new Uint32Array(4);
    for (let i = 0; i < rows.length; i++) {
      const stored = rows[i] ?? 0;
      if (stored === 0) continue;
      p.set(keys.subarray(i * 4, i * 4 + 4));
      this.put(this.find(p), p, stored);
    }
  }
}

/**
 * MurmurHash3 x86_128 of the string's UTF-16 code units (two to a 32-bit block, as the
 * bytes of UTF-16LE), into `out`. Not a secret hash: ids are not chosen to collide, and one
 * chosen so would only make its own file report a repeated row.
 */
export function fingerprint(s: string, out: Uint32Array): void {
  const c1 = 0x239b961b;
  const c2 = 0xab0e9789;
  const c3 = 0x38b34ae5;
  const c4 = 0xa1e38b93;
  let h1 = 0;
  let h2 = 0;
  let h3 = 0;
  let h4 = 0;
  const n = s.length;
  const blocks = n >>> 3; // 8 code units = 16 bytes
  for (let b = 0; b < blocks; b++) {
    const i = b * 8;
    let k1 = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    let k2 = s.charCodeAt(i + 2) | (s.charCodeAt(i + 3) << 16);
    let k3 = s.charCodeAt(i + 4) | (s.charCodeAt(i + 5) << 16);
    let k4 = s.charCodeAt(i + 6) | (s.charCodeAt(i + 7) << 16);
    k1 = Math.imul(rotl(Math.imul(k1, c1), 15), c2);
    h1 ^= k1;
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(rotl(Math.imul(k2, c2), 16), c3);
    h2 ^= k2;
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(rotl(Math.imul(k3, c3), 17), c4);
    h3 ^= k3;
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(rotl(Math.imul(k4, c4), 18), c1);
    h4 ^= k4;
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  // The tail: up to 7 code units, laid into the four words as murmur lays its tail bytes
  // (a word of the tail that is zero adds nothing, as in murmur).
  const tail = [0, 0, 0, 0];
  for (let i = blocks * 8; i < n; i++) {
    const j = i - blocks * 8;
    tail[j >> 1] = (tail[j >> 1] ?? 0) | (s.charCodeAt(i) << ((j & 1) * 16));
  }
  const [t1 = 0, t2 = 0, t3 = 0, t4 = 0] = tail;
  h4 ^= Math.imul(rotl(Math.imul(t4, c4), 18), c1);
  h3 ^= Math.imul(rotl(Math.imul(t3, c3), 17), c4);
  h2 ^= Math.imul(rotl(Math.imul(t2, c2), 16), c3);
  h1 ^= Math.imul(rotl(Math.imul(t1, c1), 15), c2);
  const bytes = n * 2;
  out[0] = h1 ^ bytes;
  out[1] = h2 ^ bytes;
  out[2] = h3 ^ bytes;
  out[3] = h4 ^ bytes;
  addAcross(out);
  for (let i = 0; i < 4; i++) out[i] = fmix(out[i] ?? 0);
  addAcross(out);
}

/** Murmur's final step, before and after mixing each word: every word takes in the others. */
function addAcross(h: Uint32Array): void {
  h[0] = (h[0] ?? 0) + (h[1] ?? 0) + (h[2] ?? 0) + (h[3] ?? 0);
  h[1] = (h[1] ?? 0) + (h[0] ?? 0);
  h[2] = (h[2] ?? 0) + (h[0] ?? 0);
  h[3] = (h[3] ?? 0) + (h[0] ?? 0);
}

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
