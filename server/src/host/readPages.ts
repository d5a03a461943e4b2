// Reading and parsing a wiki's pages for the loader, in chunks: on this
// thread and, for big wikis, on a worker too.
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import type { Change } from '../core/index/index';
import { parseOptionsOf } from '../core/index/index';
import { unreadablePage, safePage } from '../core/index/safePage';
import { parsePage } from '../core/scan/page';
import type { WikiLocation } from './roots';
import { readStamped } from './read';
import { CHUNK, LoaderWorker } from './loadWorker';
import type { FileStamp } from './cache';
import type { LoadOptions } from './load';

/**
 * Reads and parses pages in chunks, on this thread and (for big wikis) on a
 * worker, both taking chunks from one shared counter. Reads are synchronous:
 * for thousands of small files that is several times faster than the
 * promise API's four round trips per file; the caller yields between chunks.
 */
export async function* pageBatches(loc: WikiLocation, pages: string[], opts: LoadOptions, stamps: Map<string, FileStamp>): AsyncGenerator<Change[]> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  // Measured on two cores: for 10k pages two parsing threads are no faster than one (the garbage
  // collector and the compilers need the second core while the code warms up); for 50k the worker
  // saves a sixth of the cold index. So: a worker with four cores or more, or for a big wiki.
  const worthIt = pages.length >= 8 * CHUNK && (availableParallelism() >= 4 || pages.length >= 20_000);
  const worker = opts.workerScript && worthIt ? startWorker(opts.workerScript, loc, pages, counter, opts) : undefined;
  const seen = new Set<string>();
  const mark = (batch: Change[]) => (batch.forEach((c) => seen.add(c.kind === 'parsed' ? c.data.path : c.path)), batch);
  for (let i = Atomics.add(counter, 0, CHUNK); i < pages.length; i = Atomics.add(counter, 0, CHUNK)) {
    const batch: Change[] = [];
    for (const path of pages.slice(i, i + CHUNK)) batch.push(await loadOne(loc, path, opts, stamps));
    yield mark(batch);
    if (worker) yield mark(workerPages(worker, opts, stamps));
  }
  while (worker && (await worker.next())) yield mark(workerPages(worker, opts, stamps));
  // A worker that died took its last chunk with it: parse what is missing here.
  const missing = pages.filter((p) => !seen.has(p));
  if (missing.length) yield await Promise.all(missing.map((p) => loadOne(loc, p, opts, stamps)));
}

function startWorker(script: string, loc: WikiLocation, pages: string[], counter: Int32Array, opts: LoadOptions): LoaderWorker | undefined {
  try {
    return new LoaderWorker(script, loc.root, pages, parseOptionsOf(loc.config), counter, !!opts.cacheDir);
  } catch {
    return undefined;
  }
}

function workerPages(worker: LoaderWorker, opts: LoadOptions, stamps: Map<string, FileStamp>): Change[] {
  for (const [path, why] of worker.skipped.splice(0)) opts.onSkip?.(path, why);
  for (const [path, stamp] of worker.stamps.splice(0)) stamps.set(path, stamp);
  return worker.take().map((data) => ({ kind: 'parsed', data }));
}

export async function loadOne(loc: WikiLocation, path: string, opts: LoadOptions, stamps: Map<string, FileStamp>): Promise<Change> {
  const parseOptions = loc.config;
  const open = opts.overlay?.(path);
  if (open !== undefined) return { kind: 'page', path, text: open };
  const { read, stamp } = readStamped(join(loc.root, path), !!opts.cacheDir);
  if (stamp) stamps.set(path, stamp);
  if (!read.ok) {
    opts.onSkip?.(path, read.reason);
    return { kind: 'parsed', data: unreadablePage(path, parseOptions, `This file is ${read.reason}.`) };
  }
  if (opts.parseLarge && read.text.length > (opts.largePage ?? 2_000_000)) {
    return { kind: 'parsed', data: await opts.parseLarge(path, read.text) };
  }
  return { kind: 'parsed', data: safePage(path, read.text, parseOptions, parsePage) };
}
