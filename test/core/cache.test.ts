// The persistent index cache: a warm load takes unchanged pages from it and
// re-parses the rest; a changed file with the same size and mtime is caught
// by its content hash; a corrupt or foreign cache is discarded. Never a
// wrong answer.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWiki } from '../lsp/client';
import { locateWiki } from '../../server/src/host/roots';
import { loadIndex } from '../../server/src/host/load';
import { writeCache } from '../../server/src/host/cache';

const WIKI = {
  'systems/a.md': '# A\n\nSee [[systems/b]].\n',
  'systems/b.md': '# B\n',
  'sources/2025-01-01-s.md': '# S\n\n[[systems/a]]\n',
};

async function load(root: string, cacheDir: string) {
  const loc = locateWiki(root);
  const loaded = await loadIndex(loc, { cacheDir });
  await writeCache(cacheDir, loc, [...loaded.index.pages.values()].map((e) => e.data), loaded.stamps);
  return loaded;
}

const linksOf = (l: Awaited<ReturnType<typeof load>>, path: string) => l.index.pages.get(path)!.data.links.map((x) => x.target);

describe('index cache', () => {
  let wiki: ReturnType<typeof writeWiki>;
  let cache: string;
  const old = (path: string) => utimesSync(join(wiki.root, path), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
  afterEach(() => {
    wiki.remove();
    rmSync(cache, { recursive: true, force: true });
  });
  const setup = () => {
    wiki = writeWiki(WIKI);
    for (const p of Object.keys(WIKI)) old(p);
    cache = mkdtempSync(join(tmpdir(), 'wiki-lsp-cache-'));
  };

  it('re-parses only the pages that changed while it was closed', async () => {
    setup();
    expect((await load(wiki.root, cache)).fromCache).toBe(0);
    writeFileSync(join(wiki.root, 'systems/a.md'), '# A\n\nNow [[systems/c]].\n');
    old('systems/a.md');
    const warm = await load(wiki.root, cache);
    expect(warm.fromCache).toBe(2);
    expect(warm.parsedFromDisk).toBe(1);
    expect(linksOf(warm, 'systems/a.md')).toEqual(['systems/c']);
    expect(linksOf(warm, 'sources/2025-01-01-s.md')).toEqual(['systems/a']);
    const again = await load(wiki.root, cache);
    expect([again.fromCache, again.parsedFromDisk]).toEqual([3, 0]); // nothing to parse: the cache need not be written again
  });

  it('checks the content of files whose mtime was too recent to trust', async () => {
    setup();
    writeFileSync(join(wiki.root, 'systems/b.md'), '# B\n');
    await load(wiki.root, cache); // b.md was written just now: its stamp carries a hash
    const { mtime } = statSync(join(wiki.root, 'systems/b.md'));
    writeFileSync(join(wiki.root, 'systems/b.md'), '# X\n');
    utimesSync(join(wiki.root, 'systems/b.md'), mtime, mtime); // same size, same mtime, other content
    const warm = await load(wiki.root, cache);
    expect(warm.index.pages.get('systems/b.md')!.data.title).toBe('X');
  });

  it('discards a corrupt cache and one written for another wiki', async () => {
    setup();
    await load(wiki.root, cache);
    const [file] = readdirSync(cache);
    writeFileSync(join(cache, file), 'garbage');
    const again = await load(wiki.root, cache);
    expect(again.fromCache).toBe(0);
    expect(linksOf(again, 'systems/a.md')).toEqual(['systems/b']);
    writeFileSync(join(wiki.root, '.wiki-lsp.json'), '{ "sourceFolders": ["raw"] }');
    const other = await load(wiki.root, cache);
    expect(other.fromCache).toBe(0);
    expect(other.index.pages.get('sources/2025-01-01-s.md')!.data.role).toBe('entity');
  });
});
