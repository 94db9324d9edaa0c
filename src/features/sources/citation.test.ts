import { describe, expect, it } from 'vitest';
import { parseCitations, sourceIdForUrl } from './citation.js';

describe('parseCitations', () => {
  it('splits URLs on either separator and keeps a remark after a URL', () => {
    expect(
      parseCitations(
        'https://a.org/x | https://nextnews24.com/y (republication of BBC, Aug 2023) ; https://b.org/z',
      ),
    ).toEqual([
      { kind: 'url', url: 'https://a.org/x', note: null },
      { kind: 'url', url: 'https://nextnews24.com/y', note: 'republication of BBC, Aug 2023' },
      { kind: 'url', url: 'https://b.org/z', note: null },
    ]);
  });

  it('tells a registered source id from a free-text citation', () => {
    expect(parseCitations('khpg-2025-11-24')).toEqual([{ kind: 'id', id: 'khpg-2025-11-24' }]);
    expect(parseCitations("KHPG (Y. Zakharov), 24 Nov 2025, 'How many'")[0]?.kind).toBe('text');
  });

  it('gives the same id to the same URL with or without a trailing slash', () => {
    expect(sourceIdForUrl('https://a.org/x/')).toBe(sourceIdForUrl('https://a.org/x'));
  });
});
