// One wiki (one workspace folder): its location and settings, its current
// index snapshot, and the ways the snapshot moves on — editor buffers, disk
// changes, a new settings file. Listeners hear of every new snapshot.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { WikiConfig } from '../core/config';
import { applyChanges, type Change, type WikiIndex, emptyIndex } from '../core/index/index';
import { unreadablePage } from '../core/index/safePage';
import { locateWiki, type WikiLocation } from '../host/roots';
import { loadIndex } from '../host/load';
import { isExcludedPath } from '../host/walk';
import { readStamped } from '../host/read';
import { writeCache, type FileStamp } from '../host/cache';
import { fsPathOf, relativeTo } from './convert';
import type { PageData } from '../core/types';

export interface StateHost {
  /** The editor's text of an open page, by root-relative path. */
  overlay(state: WikiState, path: string): string | undefined;
  log(message: string): void;
  progress(state: WikiState, done: number, total: number): void;
  parseLarge?(path: string, text: string, state: WikiState): Promise<PageData>;
  /** The bundle, for the cold index's parse worker. */
  readonly workerScript?: string;
  /** Where the persistent index cache lives, if anywhere. */
  readonly cacheDir?: string;
  /** Whether a page is open in the editor (its buffer may differ from the disk). */
  isOpen(state: WikiState, path: string): boolean;
}

export type Listener = (state: WikiState, previous: WikiIndex) => void;

/** Pages longer than this (UTF-16 units, ~2 MB) are parsed on the worker thread. */
export const LARGE_PAGE = 2_000_000;

/** After changes on disk, the cache is written this much later (once for a burst). */
const CACHE_DELAY_MS = 5000;

export class WikiState {
  loc: WikiLocation;
  index: WikiIndex;
  loading = true;
  ready: Promise<void> = Promise.resolve();
  private readonly listeners: Listener[] = [];
  private generation = 0;
  /** Size and mtime of each page's disk version in the index, for the cache. */
  private stamps = new Map<string, FileStamp>();
  private cacheTimer: NodeJS.Timeout | undefined;

  constructor(readonly folder: string, private editorConfig: WikiConfig, private readonly host: StateHost) {
    this.loc = locateWiki(folder, editorConfig);
    this.index = emptyIndex(this.loc.config, this.loc.vaultPrefix);
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** (Re)builds the index from disk; edits arriving meanwhile are kept. */
  load(): Promise<void> {
    const generation = ++this.generation;
    this.loading = true;
    const t0 = performance.now();
    const store = {
      get: () => this.index,
      set: (next: WikiIndex) => generation === this.generation && this.replace(next),
    };
    this.ready = loadIndex(this.loc, {
      store,
      overlay: (p) => this.host.overlay(this, p),
      onProgress: (done, total) => generation === this.generation && this.host.progress(this, done, total),
      onSkip: (p, why) => this.host.log(`Skipped ${p}: ${why}`),
      parseLarge: this.host.parseLarge && ((p, text) => this.host.parseLarge!(p, text, this)),
      workerScript: this.host.workerScript,
      cacheDir: this.host.cacheDir,
      log: (m) => this.host.log(m),
    }).then(({ index, stamps, fromCache, parsedFromDisk }) => {
      if (generation !== this.generation) return;
      this.finishLoading();
      this.stamps = stamps;
      this.host.log(`Indexed ${index.pages.size} pages of ${this.loc.root} in ${Math.round(performance.now() - t0)} ms (${fromCache} from the cache).`);
      this.replace(index);
      if (parsedFromDisk > 0) void this.saveCache();
    }).catch((err: unknown) => {
      if (generation !== this.generation) return;
      this.finishLoading();
      this.host.log(`Indexing ${this.loc.root} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      this.replace(this.index);
    });
    return this.ready;
  }

  private readonly settledWaiters: (() => void)[] = [];

  /** Resolves when the wiki is fully indexed (at once when it is), through reloads. */
  settled(): Promise<void> {
    if (!this.loading) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  private finishLoading(): void {
    this.loading = false;
    for (const wake of this.settledWaiters.splice(0)) wake();
  }

  /** Settings changed (the file or the editor's): locate again and rebuild. */
  reconfigure(editorConfig?: WikiConfig): Promise<void> {
    if (editorConfig) this.editorConfig = editorConfig;
    this.loc = locateWiki(this.folder, this.editorConfig);
    this.index = emptyIndex(this.loc.config, this.loc.vaultPrefix);
    return this.load();
  }

  /** The root-relative path of a URI inside this wiki's boundary, or undefined. */
  pathOf(uri: string): string | undefined {
    const abs = fsPathOf(uri);
    if (!abs) return undefined;
    const inRoot = relativeTo(this.loc.root, abs);
    if (inRoot !== undefined) return isExcludedPath(this.loc, inRoot) ? undefined : inRoot;
    if (!this.loc.vault) return undefined;
    const inVault = relativeTo(this.loc.vault, abs);
    return inVault === undefined ? undefined : `${'../'.repeat(this.loc.vaultPrefix.split('/').length)}${inVault}`;
  }

  isPagePath(path: string): boolean {
    return !path.startsWith('../') && path.toLowerCase().endsWith('.md');
  }

  /** The latest buffer version handed to the worker, per page: older results are dropped. */
  private readonly parsing = new Map<string, number>();

  /** An editor buffer's text for a page; a large one is parsed off the main thread. */
  applyText(path: string, text: string): void {
    if (text.length <= LARGE_PAGE || !this.host.parseLarge) {
      this.parsing.delete(path);
      this.apply([{ kind: 'page', path, text }]);
      return;
    }
    const ticket = (this.parsing.get(path) ?? 0) + 1;
    this.parsing.set(path, ticket);
    void this.host.parseLarge(path, text, this).then((data) => {
      if (this.parsing.get(path) !== ticket) return;
      this.parsing.delete(path);
      this.apply([{ kind: 'parsed', data }]);
    });
  }

  /** Files created, changed or deleted on disk (pages open in the editor keep their buffer). */
  async applyDisk(paths: Iterable<string>): Promise<void> {
    const changes: Change[] = [];
    for (const path of paths) {
      const change = await this.diskChange(path);
      if (change) changes.push(change);
    }
    if (changes.length) this.apply(changes);
  }

  /** A page closed in the editor: back to what the disk holds. */
  async revertToDisk(path: string): Promise<void> {
    await this.applyDisk([path]);
  }

  apply(changes: Change[]): void {
    this.replace(applyChanges(this.index, changes));
  }

  private writing: Promise<void> | undefined;

  /** Writes the cache (in the background, chunk by chunk), leaving out pages open in the editor: their buffer is not the disk. */
  async saveCache(): Promise<void> {
    clearTimeout(this.cacheTimer);
    this.cacheTimer = undefined;
    const dir = this.host.cacheDir;
    if (!dir || this.loading) return;
    await this.writing;
    const pages = [...this.index.pages.values()].map((e) => e.data).filter((p) => !this.host.isOpen(this, p.path));
    this.writing = writeCache(dir, this.loc, pages, this.stamps).then(
      (n) => this.host.log(`Index cache written: ${n} pages.`),
      (err: unknown) => this.host.log(`Index cache not written: ${(err as Error).message}`),
    );
    await this.writing;
  }

  /** Writes a cache write that was waiting (at shutdown). */
  async flushCache(): Promise<void> {
    if (this.cacheTimer) await this.saveCache();
    else await this.writing;
  }

  private saveCacheSoon(): void {
    if (!this.host.cacheDir || this.cacheTimer) return;
    this.cacheTimer = setTimeout(() => void this.saveCache(), CACHE_DELAY_MS);
    this.cacheTimer.unref();
  }

  private async diskChange(path: string): Promise<Change | undefined> {
    const abs = join(this.loc.root, ...path.split('/'));
    if (!this.isPagePath(path)) return existsSync(abs) ? { kind: 'file', path } : { kind: 'delete', path };
    if (this.host.overlay(this, path) !== undefined) return undefined;
    this.saveCacheSoon();
    if (!existsSync(abs)) {
      this.stamps.delete(path);
      return this.index.pages.has(path) ? { kind: 'delete', path } : undefined;
    }
    const { read, stamp } = readStamped(abs);
    if (stamp) this.stamps.set(path, stamp);
    if (read.ok) return { kind: 'page', path, text: read.text };
    this.host.log(`Skipped ${path}: ${read.reason}`);
    return { kind: 'parsed', data: unreadablePage(path, this.index.parseOptions, `This file is ${read.reason}.`) };
  }

  private replace(next: WikiIndex): void {
    const previous = this.index;
    this.index = next;
    for (const l of this.listeners) l(this, previous);
  }
}
