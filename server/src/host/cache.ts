// The persistent index cache: parsed pages keyed by path, size and mtime,
// so that a warm start re-parses only what changed while the editor was
// closed. A file whose mtime is too close to the cache's own write time to
// be trusted (timestamps are coarse) is checked by a hash of its content.
// Versioned by the build; a corrupt or foreign cache is discarded — it can
// cost a cold start, never a wrong answer. The file is a header and chunks of
// 2000 pages, written and read chunk by chunk so that the server keeps
// answering meanwhile (a 50k-page wiki's cache is ~140 MB).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { serialize, deserialize } from 'node:v8';
import type { PageData } from '../core/types';
import type { WikiLocation } from './roots';
import { parseOptionsOf } from '../core/index/index';
import { decodePages, encodePages, type EncodedPages } from './codec';

declare const __WIKI_LSP_BUILD__: string | undefined;
/** Changes with every build of the server, so that a cache never outlives the parser that wrote it. */
export const BUILD = typeof __WIKI_LSP_BUILD__ === 'string' ? __WIKI_LSP_BUILD__ : 'source';
const FORMAT = 'wiki-lsp-cache/2';
/** mtimes within this of the cache's write time are not trusted without a content hash. */
const RECENT_MS = 3000;
const CHUNK = 2000;

export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  /** A content hash, taken when the mtime was too recent to trust. */
  readonly hash?: string;
}

interface Header {
  readonly format: string;
  readonly build: string;
  readonly key: string;
  readonly writtenAt: number;
  readonly chunks: number;
}

type StampRow = [string, number, number, string | null];

interface Chunk {
  readonly stamps: StampRow[];
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

/** A cache file opened and checked, its chunks still to decode (`decodeChunk`). */
export interface OpenedCache {
  readonly writtenAt: number;
  readonly chunks: Buffer[];
}

/** Opens a wiki's cache, or says why there is none to use. */
export function openCache(dir: string, loc: WikiLocation): OpenedCache | { reason: string } {
  let buf: Buffer;
  try {
    buf = readFileSync(fileOf(dir, loc));
  } catch (err) {
    return { reason: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no cache yet' : 'the cache could not be read; it is rebuilt' };
  }
  try {
    const headerLength = buf.readUInt32LE(0);
    const header = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as Header;
    if (header.format !== FORMAT || header.build !== BUILD || header.key !== keyOf(loc)) return { reason: 'the cache is from another build or wiki; it is rebuilt' };
    const chunks: Buffer[] = [];
    let at = 4 + headerLength;
    for (let i = 0; i < header.chunks; i++) {
      const n = buf.readUInt32LE(at);
      chunks.push(buf.subarray(at + 4, at + 4 + n));
      at += 4 + n;
    }
    if (at !== buf.length) return { reason: 'the cache is damaged; it is rebuilt' };
    return { writtenAt: header.writtenAt, chunks };
  } catch {
    return { reason: 'the cache is damaged; it is rebuilt' };
  }
}

/** The pages of one chunk; throws on a damaged chunk (the caller then parses everything). */
export function decodeChunk(cache: OpenedCache, i: number): CachedPage[] {
  const chunk = deserialize(cache.chunks[i]) as Chunk;
  const pages = decodePages(chunk.pages);
  if (pages.length !== chunk.stamps.length) throw new Error('damaged chunk');
  return chunk.stamps.flatMap(([path, size, mtimeMs, hash], k) => {
    const needsHash = cache.writtenAt - mtimeMs < RECENT_MS;
    if (pages[k].path !== path || (needsHash && !hash)) return [];
    return [{ stamp: { size, mtimeMs, hash: hash ?? undefined }, page: pages[k], needsHash }];
  });
}

const tick = () => new Promise<void>((r) => setImmediate(r));

/** Writes the cache atomically, a chunk at a time; pages without a trustworthy stamp are left out. */
export async function writeCache(dir: string, loc: WikiLocation, pages: Iterable<PageData>, stamps: ReadonlyMap<string, FileStamp>): Promise<number> {
  const writtenAt = Date.now();
  const kept: [PageData, StampRow][] = [];
  for (const page of pages) {
    const s = stamps.get(page.path);
    if (s && (writtenAt - s.mtimeMs >= RECENT_MS || s.hash)) kept.push([page, [page.path, s.size, s.mtimeMs, s.hash ?? null]]);
  }
  const chunks: Buffer[] = [];
  for (let i = 0; i < kept.length; i += CHUNK) {
    const part = kept.slice(i, i + CHUNK);
    chunks.push(serialize({ stamps: part.map((k) => k[1]), pages: encodePages(part.map((k) => k[0])) } satisfies Chunk));
    await tick();
  }
  mkdirSync(dir, { recursive: true });
  const target = fileOf(dir, loc);
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const header = Buffer.from(JSON.stringify({ format: FORMAT, build: BUILD, key: keyOf(loc), writtenAt, chunks: chunks.length } satisfies Header));
  const file = await open(temp, 'w');
  try {
    await file.write(lengthOf(header));
    await file.write(header);
    for (const c of chunks) {
      await file.write(lengthOf(c));
      await file.write(c);
    }
  } finally {
    await file.close();
  }
  await rename(temp, target).catch(async (err) => {
    await unlink(temp).catch(() => undefined);
    throw err;
  });
  return kept.length;
}

function lengthOf(buf: Buffer): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(buf.length, 0);
  return b;
}
