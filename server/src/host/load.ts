// Building a wiki's index from disk: list the files, register every page
// by its path at once (so links resolve while the rest is read), take what
// the cache still holds, then read and parse the rest, applying them in a
// few batches and yielding to the event loop so that requests and
// cancellation get through meanwhile.
import { join } from 'node:path';
import type { PageData } from '../core/types';
import { applyChanges, emptyIndex, type Change, type WikiIndex } from '../core/index/index';
import { unreadablePage } from '../core/index/safePage';
import type { WikiLocation } from './roots';
import { walkWiki, type WikiFiles } from './walk';
import { readPageSync, statOf } from './read';
import { contentHash, decodeChunk, openCache, type CachedPage, type FileStamp } from './cache';
import { pageBatches } from './readPages';

/** Where the index lives while it is built: the server keeps applying edits to it meanwhile. */
export interface IndexStore {
  get(): WikiIndex;
  set(index: WikiIndex): void;
}

export interface LoadOptions {
  /** The text of a page open in the editor, which wins over the disk. */
  readonly overlay?: (path: string) => string | undefined;
  readonly onProgress?: (done: number, total: number) => void;
  /** Holds the index as it grows; a local one when not given. */
  readonly store?: IndexStore;
  readonly onSkip?: (path: string, reason: string) => void;
  /** Parses a large page off the main thread. */
  readonly parseLarge?: (path: string, text: string) => Promise<PageData>;
  readonly largePage?: number;
  /** The bundle, to start a worker that parses half of the pages (none when unset). */
  readonly workerScript?: string;
  /** A folder for the persistent index cache (read here; written by the caller). */
  readonly cacheDir?: string;
  /** Whether requests are answered meanwhile (the server): then pages are applied as they come, in batches. The checker applies them once. */
  readonly partial?: boolean;
  readonly log?: (message: string) => void;
}

export interface Loaded {
  readonly index: WikiIndex;
  readonly files: WikiFiles;
  /** Size and mtime of each page as read, for the cache. */
  readonly stamps: Map<string, FileStamp>;
  /** Pages taken from the cache rather than parsed. */
  readonly fromCache: number;
  /** Pages read and parsed from disk (not from the cache, not an open editor's buffer): the cache is stale when any were. */
  readonly parsedFromDisk: number;
}

const SLICE_MS = 15;

export async function loadIndex(loc: WikiLocation, opts: LoadOptions = {}): Promise<Loaded> {
  const files = await walkWiki(loc);
  let local = emptyIndex(loc.config, loc.vaultPrefix);
  const store = opts.store ?? { get: () => local, set: (i: WikiIndex) => (local = i) };
  const stamps = new Map<string, FileStamp>();
  const { reused, toParse } = await fromCache(loc, files.pages, opts, stamps);
  const partial = opts.partial ?? true;
  // One batch: every page by its path (the cached ones whole), so that links resolve while the rest is read.
  if (partial) store.set(registerPaths(store.get(), files, reused, opts));
  const total = files.pages.length;
  const batchSize = partial ? Math.max(500, Math.ceil(total / 8)) : Infinity;
  let pending: Change[] = [];
  let done = reused.length;
  let sliceStart = performance.now();
  const flush = () => {
    store.set(applyChanges(store.get(), pending.map((c) => withOverlay(c, opts))));
    pending = [];
  };
  for await (const changes of pageBatches(loc, toParse, opts, stamps)) {
    pending.push(...changes);
    done += changes.length;
    if (pending.length >= batchSize) flush();
    if (performance.now() - sliceStart > SLICE_MS) {
      opts.onProgress?.(done, total);
      await new Promise((r) => setImmediate(r));
      sliceStart = performance.now();
    }
  }
  if (!partial) pending.push(...files.files.map((path): Change => ({ kind: 'file', path })), ...reused.map((data): Change => ({ kind: 'parsed', data })));
  flush();
  opts.onProgress?.(total, total);
  const open = opts.overlay ? toParse.filter((p) => opts.overlay!(p) !== undefined).length : 0;
  return { index: store.get(), files, stamps, fromCache: reused.length, parsedFromDisk: toParse.length - open };
}

/** Pages the cache holds unchanged (same size and mtime, or same content hash), and the rest to parse. */
async function fromCache(loc: WikiLocation, pages: string[], opts: LoadOptions, stamps: Map<string, FileStamp>): Promise<{ reused: PageData[]; toParse: string[] }> {
  if (!opts.cacheDir) return { reused: [], toParse: pages };
  const cache = openCache(opts.cacheDir, loc);
  if ('reason' in cache) {
    opts.log?.(`Index cache: ${cache.reason}.`);
    return { reused: [], toParse: pages };
  }
  const wanted = new Set(pages);
  const reused: PageData[] = [];
  try {
    for (let i = 0; i < cache.chunks.length; i++) {
      for (const hit of decodeChunk(cache, i)) {
        if (!wanted.has(hit.page.path) || !unchanged(loc, hit)) continue;
        reused.push(hit.page);
        stamps.set(hit.page.path, hit.stamp);
        wanted.delete(hit.page.path);
      }
      await new Promise((r) => setImmediate(r));
    }
  } catch {
    opts.log?.('Index cache: the cache is damaged; it is rebuilt.');
    stamps.clear();
    return { reused: [], toParse: pages };
  }
  const toParse = pages.filter((p) => wanted.has(p));
  opts.log?.(`Index cache: ${reused.length} of ${pages.length} pages unchanged, ${toParse.length} to parse.`);
  return { reused, toParse };
}

function unchanged(loc: WikiLocation, hit: CachedPage): boolean {
  const stat = statOf(join(loc.root, hit.page.path));
  return !!stat && stat.size === hit.stamp.size && stat.mtimeMs === hit.stamp.mtimeMs && (!hit.needsHash || hashMatches(loc, hit.page.path, hit.stamp));
}

function hashMatches(loc: WikiLocation, path: string, stamp: FileStamp): boolean {
  const read = readPageSync(join(loc.root, path));
  return read.ok && contentHash(read.text) === stamp.hash;
}

/** A page opened in the editor while it was being read keeps the editor's text. */
function withOverlay(change: Change, opts: LoadOptions): Change {
  const path = change.kind === 'parsed' ? change.data.path : change.path;
  const open = opts.overlay?.(path);
  return open === undefined || change.kind === 'page' ? change : { kind: 'page', path, text: open };
}

/** Every attachment, the cached pages, and every other page by its path (title from its slug, no links yet). */
function registerPaths(index: WikiIndex, files: WikiFiles, cached: PageData[], opts: LoadOptions): WikiIndex {
  const changes: Change[] = files.files.map((path) => ({ kind: 'file', path }));
  const have = new Set<string>();
  for (const data of cached) {
    changes.push(withOverlay({ kind: 'parsed', data }, opts));
    have.add(data.path);
  }
  for (const path of files.pages) if (!have.has(path)) changes.push({ kind: 'parsed', data: placeholder(path, index) });
  return applyChanges(index, changes);
}

function placeholder(path: string, index: WikiIndex): PageData {
  return { ...unreadablePage(path, index.parseOptions, ''), problems: [] };
}
