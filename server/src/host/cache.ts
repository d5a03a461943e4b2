// The persistent index cache: parsed pages keyed by path, size and mtime,
// so that a warm start re-parses only what changed while the editor was
// closed. A file whose mtime is too close to the cache's own write time to
// be trusted (timestamps are coarse) is checked by a hash of its content.
// Versioned by the build; a corrupt or foreign cache is discarded — it can
// cost a cold start, never a wrong answer.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { serialize, deserialize } from 'node:v8';
import type { PageData } from '../core/types';
import type { WikiLocation } from './roots';
import { parseOptionsOf } from '../core/index/index';
import { decodePages, encodePages, type EncodedPages } from './codec';

declare const __WIKI_LSP_BUILD__: string | undefined;
/** Changes with every build of the server, so that a cache never outlives the parser that wrote it. */
export const BUILD = typeof __WIKI_LSP_BUILD__ === 'string' ? __WIKI_LSP_BUILD__ : 'source';
const FORMAT = 'wiki-lsp-cache/1';
/** mtimes within this of the cache's write time are not trusted without a content hash. */
const RECENT_MS = 3000;

export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  /** A content hash, taken when the mtime was too recent to trust. */
  readonly hash?: string;
}

interface CacheFile {
  readonly format: string;
  readonly build: string;
  readonly key: string;
  readonly writtenAt: number;
  readonly stamps: [string, number, number, string | null][];
  readonly pages: EncodedPages;
}

export const contentHash = (text: string): string => createHash('sha1').update(text).digest('base64');

/** A stamp for a file just read: with a hash when its mtime is recent. */
export function stampOf(size: number, mtimeMs: number, text: string, now = Date.now()): FileStamp {
  return now - mtimeMs < RECENT_MS ? { size, mtimeMs, hash: contentHash(text) } : { size, mtimeMs };
}

/** What a wiki's cache must match: its root and every convention that changes parsing. */
function keyOf(loc: WikiLocation): string {
  return JSON.stringify([loc.root, loc.vaultPrefix, parseOptionsOf(loc.config)]);
}

const fileOf = (dir: string, loc: WikiLocation) => join(dir, `${createHash('sha1').update(loc.root).digest('hex').slice(0, 16)}.wiki-lsp-cache`);

export interface CachedPage {
  readonly stamp: FileStamp;
  readonly page: PageData;
  /** Written so soon after the file changed that its content must be hashed to be trusted. */
  readonly needsHash: boolean;
}

/** The cached pages of a wiki, or undefined (and a reason) when there is no usable cache. */
export function readCache(dir: string, loc: WikiLocation): { pages?: Map<string, CachedPage>; reason?: string } {
  let file: CacheFile;
  try {
    file = deserialize(readFileSync(fileOf(dir, loc))) as CacheFile;
  } catch (err) {
    return { reason: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no cache yet' : 'the cache could not be read; it is rebuilt' };
  }
  if (!file || file.format !== FORMAT || file.build !== BUILD || file.key !== keyOf(loc)) return { reason: 'the cache is from another build or wiki; it is rebuilt' };
  try {
    const pages = decodePages(file.pages);
    if (pages.length !== file.stamps.length) return { reason: 'the cache is damaged; it is rebuilt' };
    const out = new Map<string, CachedPage>();
    file.stamps.forEach(([path, size, mtimeMs, hash], i) => {
      const needsHash = file.writtenAt - mtimeMs < RECENT_MS;
      if (pages[i].path === path && (!needsHash || hash)) out.set(path, { stamp: { size, mtimeMs, hash: hash ?? undefined }, page: pages[i], needsHash });
    });
    return { pages: out };
  } catch {
    return { reason: 'the cache is damaged; it is rebuilt' };
  }
}

/** Writes the cache atomically; pages without a trustworthy stamp are left out. */
export function writeCache(dir: string, loc: WikiLocation, pages: Iterable<PageData>, stamps: ReadonlyMap<string, FileStamp>): number {
  const writtenAt = Date.now();
  const kept: PageData[] = [];
  const rows: CacheFile['stamps'] = [];
  for (const page of pages) {
    const s = stamps.get(page.path);
    if (!s || (writtenAt - s.mtimeMs < RECENT_MS && !s.hash)) continue;
    kept.push(page);
    rows.push([page.path, s.size, s.mtimeMs, s.hash ?? null]);
  }
  const file: CacheFile = { format: FORMAT, build: BUILD, key: keyOf(loc), writtenAt, stamps: rows, pages: encodePages(kept) };
  mkdirSync(dir, { recursive: true });
  const target = fileOf(dir, loc);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, serialize(file));
    renameSync(temp, target);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // nothing to clean
    }
    throw err;
  }
  return kept.length;
}
