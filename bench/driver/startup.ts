// Starting a server as an editor does, and the startup figures:
// - `initialize` time;
// - a request while cold-indexing: hover and definition on a wikilink sent
//   right after `initialized` (target ≤ 100 ms);
// - cold index: from `initialized` until `textDocument/references` on the
//   most-cited entity returns the full count. wiki-lsp is asked on the entity
//   page's title and counted by distinct citing source pages (its references
//   also hold links from entity and meta pages), against the manifest; the
//   peer, which resolves Markdown links only, is asked on a
//   `[t](../systems/x.md)` link to the entity and counted by locations,
//   against wiki-lsp's Markdown-syntax references to the same page.
import { URI } from 'vscode-uri';
import type { Location } from 'vscode-languageserver-protocol';
import { LspClient } from './lsp-client';
import type { OpenDocuments } from './documents';
import type { ServerAdapter } from './servers';
import { sleep } from './stats';
import type { BenchWiki, Position } from './wiki-data';

export interface Started {
  readonly client: LspClient;
  readonly initializeMs: number;
  /** performance.now() when `initialized` was sent. */
  readonly initializedAt: number;
  /** Resolves with the ms from `initialized` to `wikiLsp/status` `indexing: false` (wiki-lsp only). */
  readonly statusDone: Promise<number | undefined>;
}

export async function start(adapter: ServerAdapter, wiki: BenchWiki, docs: OpenDocuments, cacheDir: string | undefined, pull: boolean, timeoutMs: number): Promise<Started> {
  const client = new LspClient(adapter.name, adapter.command(cacheDir), adapter.handlers(wiki, docs));
  docs.attach(client);
  const folder = URI.file(wiki.root).toString();
  const t0 = performance.now();
  await client.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'wiki-lsp-bench' },
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'wiki' }],
    capabilities: adapter.capabilities(pull),
    initializationOptions: adapter.initializationOptions(cacheDir),
  }, timeoutMs);
  const initializeMs = performance.now() - t0;
  const status = client.expect('wikiLsp/status', (s) => s.indexing === false, timeoutMs);
  const initializedAt = performance.now();
  client.notify('initialized', {});
  adapter.afterInitialized(client);
  const statusDone = status.then((a) => a.at - initializedAt, () => undefined);
  return { client, initializeMs, initializedAt, statusDone };
}

export interface ColdRequest {
  readonly hoverMs: number;
  readonly definitionMs: number;
  readonly hoverAnswered: boolean;
  readonly definitionAnswered: boolean;
}

/** Opens `pos.path` and asks hover, then definition, at `pos` at once (the server is still indexing). */
export async function coldRequest(client: LspClient, docs: OpenDocuments, pos: Position, timeoutMs: number): Promise<ColdRequest> {
  docs.open(pos.path);
  const at = { textDocument: { uri: docs.uri(pos.path) }, position: { line: pos.line, character: pos.character } };
  const hover = await client.timed('textDocument/hover', at, timeoutMs);
  const definition = await client.timed('textDocument/definition', at, timeoutMs);
  return { hoverMs: hover.ms, definitionMs: definition.ms, hoverAnswered: !!hover.result, definitionAnswered: nonEmpty(definition.result) };
}

export function nonEmpty(result: unknown): boolean {
  return Array.isArray(result) ? result.length > 0 : result !== null && result !== undefined;
}

export interface ColdIndex {
  /** ms from `initialized` until the count first reached its final value. */
  readonly ms: number;
  readonly count: number;
  /** What a complete answer holds; undefined when unknown (then any non-empty answer counts). */
  readonly expected: number | undefined;
  readonly matched: boolean;
  readonly tries: number;
  readonly locations: Location[];
}

export interface Probe {
  readonly path: string;
  readonly line: number;
  readonly character: number;
  /** Counts the answer: distinct citing sources, or locations. */
  readonly count: (locations: Location[]) => number;
  readonly expected: number | undefined;
}

/**
 * Asks references at the probe every ~20 ms until the count reaches `expected`
 * (or, for a count that stops short, until it has not grown for `graceMs`).
 */
export async function coldIndex(client: LspClient, docs: OpenDocuments, probe: Probe, initializedAt: number, timeoutMs: number, graceMs = 3000): Promise<ColdIndex> {
  if (!docs.isOpen(probe.path)) docs.open(probe.path);
  const params = { textDocument: { uri: docs.uri(probe.path) }, position: { line: probe.line, character: probe.character }, context: { includeDeclaration: true } };
  const deadline = initializedAt + timeoutMs;
  let best = { n: -1, at: 0, locations: [] as Location[] };
  for (let tries = 1; ; tries++) {
    const locations = (await client.request<Location[] | null>('textDocument/references', params, Math.max(1, deadline - performance.now()))) ?? [];
    const n = probe.count(locations);
    const now = performance.now();
    if (n > best.n) best = { n, at: now, locations };
    const done = probe.expected !== undefined ? n >= probe.expected : n > 0;
    const stalled = best.n > 0 && now - best.at > graceMs;
    if (done || stalled || now > deadline) {
      return { ms: best.at - initializedAt, count: best.n, expected: probe.expected, matched: done, tries, locations: best.locations };
    }
    await sleep(20);
  }
}

/** wiki-lsp's count: distinct source pages among the locations. */
export function distinctSources(locations: Location[]): number {
  return new Set(locations.filter((l) => l.uri.includes('/sources/')).map((l) => l.uri)).size;
}
