// Building a wiki's index from disk: list the files, register every page
// by its path at once (so links resolve while the rest is read), then read
// and parse pages, applying them in a few batches and yielding to the event
// loop so that requests and cancellation get through meanwhile.
import { join } from 'node:path';
import type { PageData } from '../core/types';
import { applyChanges, emptyIndex, type Change, type WikiIndex } from '../core/index/index';
import { unreadablePage, safePage } from '../core/index/safePage';
import { parsePage } from '../core/scan/page';
import type { WikiLocation } from './roots';
import { walkWiki, type WikiFiles } from './walk';
import { readPage } from './read';

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
  readonly concurrency?: number;
}

const SLICE_MS = 15;

export async function loadIndex(loc: WikiLocation, opts: LoadOptions = {}): Promise<{ index: WikiIndex; files: WikiFiles }> {
  const files = await walkWiki(loc);
  let local = emptyIndex(loc.config, loc.vaultPrefix);
  const store = opts.store ?? { get: () => local, set: (i: WikiIndex) => (local = i) };
  store.set(registerPaths(store.get(), files));
  const total = files.pages.length;
  const batchSize = Math.max(500, Math.ceil(total / 8));
  let pending: Change[] = [];
  let done = 0;
  let sliceStart = performance.now();
  const flush = () => {
    store.set(applyChanges(store.get(), pending.map((c) => withOverlay(c, opts))));
    pending = [];
  };
  for await (const change of readAll(loc, files.pages, opts)) {
    pending.push(change);
    done++;
    if (pending.length >= batchSize) flush();
    if (performance.now() - sliceStart > SLICE_MS) {
      opts.onProgress?.(done, total);
      await new Promise((r) => setImmediate(r));
      sliceStart = performance.now();
    }
  }
  flush();
  opts.onProgress?.(total, total);
  return { index: store.get(), files };
}

/** A page opened in the editor while it was being read keeps the editor's text. */
function withOverlay(change: Change, opts: LoadOptions): Change {
  const path = change.kind === 'parsed' ? change.data.path : change.path;
  const open = opts.overlay?.(path);
  return open === undefined || change.kind === 'page' ? change : { kind: 'page', path, text: open };
}

/** Every page known by its path (title from its slug, no links yet), and every attachment. */
function registerPaths(index: WikiIndex, files: WikiFiles): WikiIndex {
  const changes: Change[] = files.files.map((path) => ({ kind: 'file', path }));
  for (const path of files.pages) changes.push({ kind: 'parsed', data: placeholder(path, index) });
  return applyChanges(index, changes);
}

function placeholder(path: string, index: WikiIndex): PageData {
  return { ...unreadablePage(path, index.parseOptions, ''), problems: [] };
}

/** Reads and parses pages with a few reads in flight, yielding each page's change in order of arrival. */
async function* readAll(loc: WikiLocation, pages: string[], opts: LoadOptions): AsyncGenerator<Change> {
  const limit = opts.concurrency ?? 16;
  const inFlight = new Map<number, Promise<{ i: number; change: Change }>>();
  let next = 0;
  const start = (i: number) => inFlight.set(i, loadOne(loc, pages[i], opts).then((change) => ({ i, change })));
  while (next < pages.length && inFlight.size < limit) start(next++);
  while (inFlight.size > 0) {
    const { i, change } = await Promise.race(inFlight.values());
    inFlight.delete(i);
    if (next < pages.length) start(next++);
    yield change;
  }
}

async function loadOne(loc: WikiLocation, path: string, opts: LoadOptions): Promise<Change> {
  const parseOptions = loc.config;
  const open = opts.overlay?.(path);
  if (open !== undefined) return { kind: 'page', path, text: open };
  const read = await readPage(join(loc.root, path));
  if (!read.ok) {
    opts.onSkip?.(path, read.reason);
    return { kind: 'parsed', data: unreadablePage(path, parseOptions, `This file is ${read.reason}.`) };
  }
  if (opts.parseLarge && read.text.length > (opts.largePage ?? 2_000_000)) {
    return { kind: 'parsed', data: await opts.parseLarge(path, read.text) };
  }
  return { kind: 'parsed', data: safePage(path, read.text, parseOptions, parsePage) };
}
