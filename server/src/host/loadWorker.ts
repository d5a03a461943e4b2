// Parsing on two cores during a cold index: this thread and a worker take
// chunks of pages from one shared counter (so neither waits for the other),
// and the worker sends its pages back encoded, with the buffer transferred.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import type { PageData } from '../core/types';
import type { ParseOptions } from '../core/scan/page';
import { parsePage } from '../core/scan/page';
import { safePage, unreadablePage } from '../core/index/safePage';
import { decodePages, encodePages, type EncodedPages } from './codec';
import { readStamped } from './read';
import type { FileStamp } from './cache';

export const CHUNK = 64;

interface LoaderData {
  wikiLspLoader: true;
  root: string;
  pages: string[];
  options: ParseOptions;
  counter: Int32Array;
  /** Whether to stamp files for the cache (a stat each). */
  stamp: boolean;
}

type FromWorker = { pages: EncodedPages; skipped: [string, string][]; stamps: [string, FileStamp][] } | { done: true };

/** Reads and parses `pages[i, i + CHUNK)`; unreadable files become pages with the reason. */
export function parseChunk(root: string, pages: readonly string[], i: number, options: ParseOptions, skipped: [string, string][], stamps: [string, FileStamp][], stamp: boolean): PageData[] {
  const out: PageData[] = [];
  for (const path of pages.slice(i, i + CHUNK)) {
    const { read, stamp: s } = readStamped(join(root, path), stamp);
    if (s) stamps.push([path, s]);
    if (read.ok) out.push(safePage(path, read.text, options, parsePage));
    else {
      skipped.push([path, read.reason]);
      out.push(unreadablePage(path, options, `This file is ${read.reason}.`));
    }
  }
  return out;
}

/** True in a loader worker: parses chunks until the counter runs past the end. */
export function runLoaderWorkerIfAsked(): boolean {
  const data = workerData as LoaderData | null;
  if (isMainThread || !data?.wikiLspLoader) return false;
  for (let i = Atomics.add(data.counter, 0, CHUNK); i < data.pages.length; i = Atomics.add(data.counter, 0, CHUNK)) {
    const skipped: [string, string][] = [];
    const stamps: [string, FileStamp][] = [];
    const pages = encodePages(parseChunk(data.root, data.pages, i, data.options, skipped, stamps, data.stamp));
    parentPort!.postMessage({ pages, skipped, stamps } satisfies FromWorker, [pages.ints.buffer as ArrayBuffer]);
  }
  parentPort!.postMessage({ done: true } satisfies FromWorker);
  return true;
}

/** The worker's side of a load: its decoded pages as they arrive, and when it has finished. */
export class LoaderWorker {
  private readonly arrived: PageData[][] = [];
  private finished = false;
  private wake: (() => void) | undefined;
  readonly skipped: [string, string][] = [];
  readonly stamps: [string, FileStamp][] = [];

  constructor(script: string, root: string, pages: string[], options: ParseOptions, counter: Int32Array, stamp: boolean) {
    const worker = new Worker(script, { workerData: { wikiLspLoader: true, root, pages, options, counter, stamp } satisfies LoaderData });
    worker.on('message', (m: FromWorker) => {
      if ('done' in m) this.finished = true;
      else {
        this.arrived.push(decodePages(m.pages));
        this.skipped.push(...m.skipped);
        this.stamps.push(...m.stamps);
      }
      this.wake?.();
    });
    const stop = () => {
      this.finished = true;
      this.wake?.();
    };
    worker.on('error', stop);
    worker.on('exit', stop);
  }

  /** Pages decoded so far (taken). */
  take(): PageData[] {
    return this.arrived.splice(0).flat();
  }

  /** Resolves when more pages arrive or the worker is done. */
  async next(): Promise<boolean> {
    if (this.arrived.length > 0) return true;
    if (this.finished) return false;
    await new Promise<void>((r) => (this.wake = r));
    this.wake = undefined;
    return this.arrived.length > 0 || !this.finished;
  }
}
