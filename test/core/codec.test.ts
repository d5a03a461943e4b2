// The page codec (worker results, the index cache) gives back exactly what
// the parser produced.
import { describe, expect, it } from 'vitest';
import { generateWiki } from '../../bench/generate';
import { parsePage } from '../../server/src/core/scan/page';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { decodePages, encodePages } from '../../server/src/host/codec';
import { unreadablePage } from '../../server/src/core/index/safePage';

describe('page codec', () => {
  it('round-trips every field of parsed pages', () => {
    const { files } = generateWiki({ pages: 120, seed: 7 });
    const pages = [...files].map(([path, text]) => parsePage(path, text, DEFAULT_CONFIG));
    pages.push(parsePage('systems/x.md', '---\ntitle: [bad\n---\n# X\r\n\r\nCited by 2 sources\r\n', DEFAULT_CONFIG));
    pages.push(unreadablePage('systems/bin.md', DEFAULT_CONFIG, 'binary'));
    const enc = encodePages(pages);
    expect(enc.count).toBe(pages.length);
    expect(decodePages({ ...enc, strings: [...enc.strings], ints: enc.ints.slice() })).toEqual(pages);
  });
});
