import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit', () => {
    expect(editDistance('taganrog', 'taganrog')).toBe(0);
    expect(editDistance('taganrog', 'tagnarog')).toBe(1);
    expect(editDistance('kursk', 'kurskk')).toBe(1);
    expect(editDistance('kursk', 'krsk')).toBe(1);
    expect(editDistance('kursk', 'kirsk')).toBe(1);
    expect(editDistance('olenivka', 'olenovka')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops at the bound and says so with bound + 1', () => {
    expect(editDistance('taganrog', 'kamyshin', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
    expect(editDistance('abcdef', 'badcfe', 3)).toBe(3);
  });
});
