// Request latencies on random link positions of the open pages, one request
// at a time as a user would make them: definition, hover and references on
// wikilinks and on Markdown links, completion right after typing `[[` at the
// end of a prose line, documentSymbol of an open page, workspace/symbol for
// the first letters of an entity's name (`heli` for systems/helix-object-mesh).
// Completion is timed twice: from the keystroke's didChange to the answer
// (what the user waits for), and the request alone once the server has taken
// the change in (its published diagnostics arrived; the peer: 30 ms later).
// Each figure: a few unmeasured warm-up requests, then `samples` requests or
// as many as fit in `budgetMs` (at least `minSamples`).
import type { LspClient } from './lsp-client';
import type { OpenDocuments } from './documents';
import { nonEmpty } from './startup';
import { summarize, sleep, type Summary } from './stats';
import { Rng } from '../gen/prng';
import type { BenchWiki, Position } from './wiki-data';

export interface RequestFigure {
  readonly latency: Summary;
  /** Share of answers that held something (a location, a hover, items, symbols). */
  readonly answered: number;
  /** Median number of items, locations or symbols in an answer. */
  readonly medianItems: number;
  /** Median number of distinct files among the locations of an answer (references). */
  readonly medianFiles: number;
  /** Why sampling stopped early: a request failed or timed out. */
  readonly error?: string;
  /** The server's VmRSS / VmHWM once this figure's requests were done, in MB. */
  readonly rssMbAfter?: number;
  readonly peakMbAfter?: number;
}

export interface SamplingOptions {
  readonly samples: number;
  readonly minSamples: number;
  readonly budgetMs: number;
  readonly warmup: number;
  readonly timeoutMs: number;
  readonly seed: number;
  /** The server publishes diagnostics after each change (wiki-lsp with a client that does not pull). */
  readonly publishes?: boolean;
}

/** One timed probe: the latency, and how many things the answer held. */
type Probe = (i: number) => Promise<Answer>;
type Answer = { ms: number; items: number; files: number };

export const REQUEST_FIGURES = [
  'definition', 'hover', 'references', 'definition (Markdown link)', 'references (Markdown link)',
  'completion after [[', 'completion (request only)', 'documentSymbol', 'workspace/symbol',
] as const;
export type RequestName = (typeof REQUEST_FIGURES)[number];

export async function measureRequests(client: LspClient, docs: OpenDocuments, wiki: BenchWiki, positions: readonly Position[], opts: SamplingOptions): Promise<Record<RequestName, RequestFigure>> {
  const rng = new Rng(opts.seed);
  const wikilinks = rng.shuffle(positions.filter((p) => p.kind === 'wikilink'));
  const mdLinks = rng.shuffle(positions.filter((p) => p.kind === 'markdown'));
  const pages = [...new Set(positions.map((p) => p.path))];
  const entities = Object.keys(wiki.manifest.entities);
  const at = (p: Position) => ({ textDocument: { uri: docs.uri(p.path) }, position: { line: p.line, character: p.character } });
  const ask = (method: string, params: (i: number) => unknown): Probe => async (i) => {
    const { ms, result } = await client.timed(method, params(i), opts.timeoutMs);
    return { ms, items: count(result), files: files(result) };
  };
  const probes: Record<RequestName, Probe> = {
    definition: ask('textDocument/definition', (i) => at(cycle(wikilinks, i))),
    hover: ask('textDocument/hover', (i) => at(cycle(wikilinks, i))),
    references: ask('textDocument/references', (i) => ({ ...at(cycle(wikilinks, i)), context: { includeDeclaration: true } })),
    'definition (Markdown link)': ask('textDocument/definition', (i) => at(cycle(mdLinks, i))),
    'references (Markdown link)': ask('textDocument/references', (i) => ({ ...at(cycle(mdLinks, i)), context: { includeDeclaration: true } })),
    'completion after [[': (i) => completeAfterBrackets(client, docs, cycle(positions, i * 7), 'keystroke', opts),
    'completion (request only)': (i) => completeAfterBrackets(client, docs, cycle(positions, i * 7 + 3), 'settled', opts),
    documentSymbol: ask('textDocument/documentSymbol', (i) => ({ textDocument: { uri: docs.uri(cycle(pages, i)) } })),
    'workspace/symbol': ask('workspace/symbol', (i) => ({ query: symbolQuery(cycle(entities, i * 131)) })),
  };
  const out = {} as Record<RequestName, RequestFigure>;
  for (const name of REQUEST_FIGURES) {
    const figure = await sample(probes[name], opts);
    const memory = client.memory();
    out[name] = { ...figure, rssMbAfter: memory?.rssMb, peakMbAfter: memory?.peakMb };
  }
  return out;
}

function cycle<T>(items: readonly T[], i: number): T {
  if (items.length === 0) throw new Error('no positions to sample');
  return items[i % items.length];
}

/** `systems/helix-object-mesh` → `heli`. */
function symbolQuery(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1, id.lastIndexOf('/') + 5);
}

/** Distinct `uri`s in an array answer (Locations), else 0. */
function files(result: unknown): number {
  if (!Array.isArray(result)) return 0;
  return new Set(result.map((l: { uri?: string; targetUri?: string }) => l.uri ?? l.targetUri)).size;
}

/** Items in an answer: array length, `items` of a completion list, 1 for a hover, 0 for null. */
export function count(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (result && typeof result === 'object' && Array.isArray((result as { items?: unknown[] }).items)) return (result as { items: unknown[] }).items.length;
  return nonEmpty(result) ? 1 : 0;
}

/**
 * Warm-up requests (while within a quarter of the budget), then samples until
 * `samples`, or the budget once `minSamples` are in, or 5× the budget once 3
 * are in (a peer taking seconds per request). A failure ends the figure.
 */
async function sample(probe: Probe, opts: SamplingOptions): Promise<RequestFigure> {
  const answers: Answer[] = [];
  let error: string | undefined;
  try {
    const w0 = performance.now();
    for (let i = 0; i < opts.warmup && (i === 0 || performance.now() - w0 < opts.budgetMs / 4); i++) await probe(1000 + i);
    const t0 = performance.now();
    for (let i = 0; i < opts.samples; i++) {
      const elapsed = performance.now() - t0;
      if ((i >= opts.minSamples && elapsed > opts.budgetMs) || (i >= 3 && elapsed > 5 * opts.budgetMs)) break;
      answers.push(await probe(i));
    }
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return {
    latency: summarize(answers.map((a) => a.ms)),
    answered: answers.filter((a) => a.items > 0).length / Math.max(1, answers.length),
    medianItems: median(answers.map((a) => a.items)),
    medianFiles: median(answers.map((a) => a.files)),
    error,
  };
}

/**
 * Types ` [[` at the end of the position's line, asks for completion just
 * after it (trigger character `[`), then takes the brackets out again.
 * `keystroke`: timed from the didChange; `settled`: the request alone, sent
 * once the server has taken the change in.
 */
async function completeAfterBrackets(client: LspClient, docs: OpenDocuments, pos: Position, timing: 'keystroke' | 'settled', opts: SamplingOptions): Promise<Answer> {
  const end = docs.lineText(pos.path, pos.line).length;
  const uri = docs.uri(pos.path);
  const version = docs.version(pos.path) + 1;
  const taken = timing === 'settled' && opts.publishes
    ? client.expect('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, opts.timeoutMs) : undefined;
  let t0 = performance.now();
  docs.change(pos.path, { line: pos.line, character: end, length: 0, text: ' [[' });
  if (timing === 'settled') {
    await (taken ?? sleep(30));
    t0 = performance.now();
  }
  const result = await client.request('textDocument/completion', {
    textDocument: { uri },
    position: { line: pos.line, character: end + 3 },
    context: { triggerKind: 2, triggerCharacter: '[' },
  }, opts.timeoutMs);
  const ms = performance.now() - t0;
  docs.change(pos.path, { line: pos.line, character: end, length: 3, text: '' });
  await sleep(5);
  return { ms, items: count(result), files: 0 };
}
