// One wiki size, every server: the generated wiki (made once into the bench
// cache folder and reused), the read floor, wiki-lsp cold, wiki-lsp warm
// (restarted on the cache its cold run left), `wiki-lsp check`, and the peer
// — in that order, one process at a time, so that they never share the 2 cores.
import { existsSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { URI } from 'vscode-uri';
import type { Location } from 'vscode-languageserver-protocol';
import { writeWiki } from '../generate';
import { markdownPeer, peerRequests } from '../peer/adapter';
import { runCheck, type CheckFigure } from './check';
import type { EditFigure } from './edits';
import { runSession, type SessionPlan, type SessionResult } from './session';
import { wikiLsp, type ServerAdapter } from './servers';
import { distinctSources, type Probe } from './startup';
import type { SamplingOptions } from './requests';
import { linkPositions, loadWiki, markdownLinkTo, readFloor, readPage, titleLine, type BenchWiki, type Position } from './wiki-data';

export interface RunOptions {
  readonly cacheRoot: string;
  /** The wiki-lsp bundle to run (a copy of dist/wiki-lsp.js taken at the start). */
  readonly bundle: string;
  readonly sampling: SamplingOptions;
  readonly openPages: number;
  readonly editSamples: number;
  readonly citationSamples: number;
  readonly peer: boolean;
  readonly log: (line: string) => void;
}

export interface WarmStart {
  /** The server said it read pages from the cache (see `pagesFromCache`). */
  readonly supported: boolean;
  readonly fromCache?: number;
  readonly ms?: number;
  readonly matched?: boolean;
  readonly initializeMs?: number;
  readonly peakMb?: number;
  /** didChange → pulled diagnostics, in this session's pull-capable client. */
  readonly diagnosticsPulled?: EditFigure;
  readonly logs: string[];
  readonly errors: string[];
}

export interface SizeResult {
  readonly pages: number;
  readonly bytes: number;
  readonly floor: { readonly ms: number; readonly bytes: number };
  readonly mostCited: { readonly id: string; readonly count: number };
  /** wiki-lsp's references to the most-cited entity, by syntax: what the peer should find. */
  readonly probeSyntax: Record<string, number>;
  readonly wikiLsp: Omit<SessionResult, 'probeLocations'>;
  readonly warm: WarmStart;
  readonly check?: CheckFigure;
  readonly checkError?: string;
  readonly peer?: Omit<SessionResult, 'probeLocations'>;
  /** The peer's client-side requests, by method: { 'markdown/parse': 10021, 'markdown/fs/readFile': 10000, … }. */
  readonly peerRequests?: Record<string, number>;
}

/** Generates the wiki into `<cacheRoot>/<pages>` unless a manifest is already there. */
export function ensureWiki(cacheRoot: string, pages: number, log: (l: string) => void): BenchWiki {
  const dir = join(cacheRoot, String(pages));
  if (!existsSync(join(dir, 'manifest.json'))) {
    log(`generating a ${pages}-page wiki into ${dir} …`);
    writeWiki(dir, { pages }, true);
  }
  return loadWiki(dir);
}

interface Probes {
  readonly wikiProbe: Probe;
  /** A `[t](../x.md)` link to the most-cited entity: where the peer is asked. */
  readonly mdProbe: Position;
  /** A wikilink in the same page: where the request while cold-indexing is asked. */
  readonly coldAt: Position;
}

function probesOf(wiki: BenchWiki): Probes {
  const { id, count } = wiki.manifest.citations.mostCited;
  const entityPath = `${id}.md`;
  const mdProbe = markdownLinkTo(wiki, id);
  if (!mdProbe) throw new Error(`no Markdown link to ${id} in the ${wiki.manifest.totals.pages}-page wiki`);
  const coldAt = linkPositions(mdProbe.path, readPage(wiki, mdProbe.path)).find((p) => p.kind === 'wikilink') ?? mdProbe;
  const wikiProbe: Probe = { path: entityPath, line: titleLine(readPage(wiki, entityPath)), character: 2, count: distinctSources, expected: count };
  return { wikiProbe, mdProbe, coldAt };
}

async function checkFigure(bundle: string, wiki: BenchWiki, pages: number): Promise<{ check?: CheckFigure; checkError?: string }> {
  try {
    return { check: await runCheck(bundle, wiki, indexTimeout(pages)) };
  } catch (err) {
    return { checkError: err instanceof Error ? err.message : String(err) };
  }
}

export async function benchSize(pages: number, opts: RunOptions): Promise<SizeResult> {
  const wiki = ensureWiki(opts.cacheRoot, pages, opts.log);
  const floor = [readFloor(wiki), readFloor(wiki), readFloor(wiki)].sort((a, b) => a.ms - b.ms)[0];
  const { wikiProbe, mdProbe, coldAt } = probesOf(wiki);
  const cacheDir = join(opts.cacheRoot, 'index-cache', String(pages));
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const plan = (adapter: ServerAdapter, probe: Probe, graceMs: number, mode: SessionPlan['mode'] = 'full'): SessionPlan => ({
    wiki, adapter, cacheDir, probe, coldAt, mode, openPages: opts.openPages,
    sampling: { ...opts.sampling, timeoutMs: Math.max(opts.sampling.timeoutMs, pages * 2) },
    editSamples: opts.editSamples, citationSamples: opts.citationSamples, indexTimeoutMs: indexTimeout(pages), graceMs,
  });
  const server = wikiLsp(opts.bundle);
  opts.log(`[${pages}] wiki-lsp: cold start and requests …`);
  const { probeLocations, ...cold } = await runSession(plan(server, wikiProbe, Infinity));
  opts.log(`[${pages}] wiki-lsp: warm start …`);
  const warm = await warmStart(plan(server, wikiProbe, Infinity, 'warm'), cacheDir);
  opts.log(`[${pages}] wiki-lsp check …`);
  const checked = await checkFigure(opts.bundle, wiki, pages);
  const probeSyntax = bySyntax(wiki, probeLocations ?? []);
  const result: SizeResult = { pages, bytes: wiki.manifest.totals.bytes, floor, mostCited: wiki.manifest.citations.mostCited, probeSyntax, wikiLsp: cold, warm, ...checked };
  if (!opts.peer) return result;
  opts.log(`[${pages}] vscode-markdown-languageserver: cold start and requests …`);
  // Like with like: the peer should find wiki-lsp's inline Markdown links and link definitions to the entity.
  const expected = probeLocations ? (probeSyntax.markdown ?? 0) + (probeSyntax.definition ?? 0) : undefined;
  const peerProbe: Probe = { ...mdProbe, count: (l) => outside(l, wikiProbe.path), expected };
  const { probeLocations: _, ...peer } = await runSession(plan(markdownPeer, peerProbe, 3000));
  return { ...result, peer, peerRequests: { ...peerRequests } };
}

/** Generous: the peer took 155 s at 50k in the measurements. */
function indexTimeout(pages: number): number {
  return Math.max(120_000, pages * 12);
}

async function warmStart(plan: SessionPlan, cacheDir: string): Promise<WarmStart> {
  const filesInCache = existsSync(cacheDir) ? readdirSync(cacheDir).length : 0;
  const r = await runSession(plan);
  const fromCache = pagesFromCache(r.logs);
  return {
    supported: fromCache !== undefined && fromCache > 0,
    fromCache,
    ms: r.coldIndex?.ms,
    matched: r.coldIndex?.matched,
    initializeMs: r.initializeMs,
    peakMb: r.memory?.peakMb,
    diagnosticsPulled: r.diagnosticsPulled,
    logs: [`${filesInCache} entries in ${cacheDir} after the cold run`, ...r.logs],
    errors: r.errors,
  };
}

/**
 * Pages the server took from its cache, from its log: "Loaded the index cache: 9998 pages",
 * "Index cache: 9998 of 10001 pages unchanged, 3 to parse." or "Indexed 10001 pages of … in 412 ms
 * (9998 from the cache)."; undefined when it says nothing about a cache.
 */
export function pagesFromCache(logs: readonly string[]): number | undefined {
  for (const l of logs) {
    const m = /\((\d+) from the cache\)/.exec(l) ?? /Index cache: (\d+) of \d+ pages unchanged/.exec(l) ?? /Loaded the index cache\D*(\d+)?/i.exec(l);
    if (m) return m[1] === undefined ? 1 : Number(m[1]);
  }
  return undefined;
}

/** Locations outside the page itself (the peer's answer may hold the page's own header). */
function outside(locations: Location[], path: string): number {
  return locations.filter((l) => !l.uri.endsWith(`/${path}`)).length;
}

/** Classifies references by the text at their range: `[[…]]`, `[t](…)`, `[t][ref]`, `[ref]: …`, other. */
function bySyntax(wiki: BenchWiki, locations: Location[]): Record<string, number> {
  const out: Record<string, number> = {};
  const lines = new Map<string, string[]>();
  for (const l of locations) {
    const path = relative(wiki.root, URI.parse(l.uri).fsPath);
    if (!lines.has(path)) lines.set(path, safeRead(wiki, path).split(/\r?\n/));
    const text = (lines.get(path)![l.range.start.line] ?? '').slice(l.range.start.character);
    const kind = /^!?\[\[/.test(text) ? 'wikilink'
      : /^!?\[[^\]]*\]\(/.test(text) ? 'markdown'
        : /^\[[^\]]+\]:/.test(text) ? 'definition'
          : /^\[[^\]]*\]\[/.test(text) ? 'reference' : 'other';
    out[kind] = (out[kind] ?? 0) + 1;
  }
  return out;
}

function safeRead(wiki: BenchWiki, path: string): string {
  try {
    return readPage(wiki, path);
  } catch {
    return '';
  }
}
