// One server on one wiki, start to stop. Mode `full`: initialize, a request
// while cold-indexing, cold index, then (with the pages of an editor's open
// tabs) the request latencies, didChange → diagnostics, save → citation
// edits, and the peak RSS. Mode `warm` (wiki-lsp restarted on its cache, as
// VS Code's client, which pulls diagnostics): start, index, then pulled
// diagnostics only. Every failure is recorded; the server is always stopped.
import type { Location } from 'vscode-languageserver-protocol';
import { OpenDocuments } from './documents';
import { citationCases, measureCitations, measureDiagnostics, type EditFigure } from './edits';
import { measureRequests, type RequestFigure, type RequestName, type SamplingOptions } from './requests';
import type { ServerAdapter } from './servers';
import { coldIndex, coldRequest, start, type ColdIndex, type ColdRequest, type Probe, type Started } from './startup';
import { sleep } from './stats';
import { citationsBySource, linkPositions, samplePages, type BenchWiki, type Position } from './wiki-data';

export interface SessionPlan {
  readonly wiki: BenchWiki;
  readonly adapter: ServerAdapter;
  readonly cacheDir: string | undefined;
  readonly probe: Probe;
  /** Where the request while cold-indexing is asked: a wikilink in the probe's page. */
  readonly coldAt: Position;
  /** Pages to open for the request figures (the editor's tabs). */
  readonly openPages: number;
  readonly sampling: SamplingOptions;
  readonly editSamples: number;
  readonly citationSamples: number;
  /** Cold index deadline, from `initialized`. */
  readonly indexTimeoutMs: number;
  /** After the first non-empty answer, how long a short count may stay short before giving up. */
  readonly graceMs: number;
  readonly mode: 'full' | 'warm';
}

export interface SessionResult {
  readonly server: string;
  readonly initializeMs?: number;
  readonly coldRequest?: ColdRequest;
  readonly coldIndex?: Omit<ColdIndex, 'locations'>;
  /** The references answer of the cold-index probe (not written to the JSON). */
  readonly probeLocations?: Location[];
  /** wiki-lsp: `wikiLsp/status` indexing false, ms after `initialized`. */
  readonly statusDoneMs?: number;
  /** Server log lines about indexing and the cache: ["Indexed 10001 pages of … in 1834 ms."]. */
  readonly logs: string[];
  readonly requests?: Record<RequestName, RequestFigure>;
  readonly diagnosticsPublished?: EditFigure;
  readonly diagnosticsPulled?: EditFigure;
  readonly citations?: EditFigure;
  readonly memory?: { peakMb: number; rssMb: number };
  /** VmHWM / VmRSS after each phase: { indexed: {…}, tabs: {…}, requests: {…}, edits: {…} }. */
  readonly memoryByPhase: Record<string, { peakMb: number; rssMb: number } | undefined>;
  readonly errors: string[];
}

export async function runSession(plan: SessionPlan): Promise<SessionResult> {
  const docs = new OpenDocuments(plan.wiki);
  const errors: string[] = [];
  const result: { -readonly [K in keyof SessionResult]: SessionResult[K] } = { server: plan.adapter.name, logs: [], errors, memoryByPhase: {} };
  let started: Started | undefined;
  try {
    const pull = plan.mode === 'warm' || !plan.adapter.pushDiagnostics;
    started = await start(plan.adapter, plan.wiki, docs, plan.cacheDir, pull, plan.sampling.timeoutMs);
    result.initializeMs = started.initializeMs;
    if (plan.mode === 'full') result.coldRequest = await coldRequest(started.client, docs, plan.coldAt, plan.sampling.timeoutMs);
    const index = await coldIndex(started.client, docs, plan.probe, started.initializedAt, plan.indexTimeoutMs, plan.graceMs);
    const { locations, ...figures } = index;
    result.coldIndex = figures;
    result.probeLocations = locations;
    if (plan.adapter.name === 'wiki-lsp') {
      // All citing sources can be in before the last folders (systems/ sorts after sources/) are:
      // wait for the end of indexing, then take the complete answer.
      result.statusDoneMs = await withTimeout(started.statusDone, plan.indexTimeoutMs);
      result.probeLocations = await completeAnswer(started, docs, plan);
    }
    result.memoryByPhase.indexed = started.client.memory();
    await workload(plan, started, docs, result, errors);
  } catch (err) {
    errors.push(err instanceof Error ? err.message : String(err));
  } finally {
    if (started) {
      result.memory = started.client.memory();
      result.logs = started.client.logs.filter((l) => /index|cache|pages/i.test(l)).slice(0, 20);
      await started.client.stop();
    }
  }
  return result;
}

/** Everything after the cold index, each part on its own so that one failure keeps the others. */
async function workload(plan: SessionPlan, started: Started, docs: OpenDocuments, result: { -readonly [K in keyof SessionResult]: SessionResult[K] }, errors: string[]): Promise<void> {
  const { client } = started;
  const positions = await openTabs(plan, docs, started);
  result.memoryByPhase.tabs = client.memory();
  const part = async <T>(name: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (err) {
      errors.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  };
  const edit = { samples: plan.editSamples, timeoutMs: plan.sampling.timeoutMs };
  const pulls = plan.mode === 'warm' || !plan.adapter.pushDiagnostics;
  if (pulls) result.diagnosticsPulled = await part('diagnostics (pulled)', () => measureDiagnostics(client, docs, plan.adapter, positions, 'pull', edit));
  if (plan.mode === 'warm') return;
  result.requests = await part('requests', () => measureRequests(client, docs, plan.wiki, positions, { ...plan.sampling, publishes: !pulls }));
  result.memoryByPhase.requests = client.memory();
  if (!pulls) result.diagnosticsPublished = await part('diagnostics (published)', () => measureDiagnostics(client, docs, plan.adapter, positions, 'publish', edit));
  if (plan.adapter.citations) {
    const cases = citationCases(plan.wiki, positions, citationsBySource(plan.wiki.manifest), plan.citationSamples);
    result.citations = await part('citations', () => measureCitations(client, docs, plan.wiki, cases, plan.sampling.timeoutMs));
  }
  result.memoryByPhase.edits = client.memory();
}

/** Opens the sampled pages and returns their link positions, once the server has taken them in. */
async function openTabs(plan: SessionPlan, docs: OpenDocuments, started: Started): Promise<Position[]> {
  const positions: Position[] = [];
  for (const path of samplePages(plan.wiki, plan.openPages, plan.sampling.seed)) {
    const text = docs.isOpen(path) ? docs.text(path) : docs.open(path);
    positions.push(...linkPositions(path, text));
  }
  // A document request answers only once every didOpen before it is processed.
  await started.client.request('textDocument/documentSymbol', { textDocument: { uri: docs.uri(positions[0]?.path ?? plan.probe.path) } }, plan.sampling.timeoutMs);
  await sleep(200);
  return positions;
}

/** The probe's references once indexing is over. */
async function completeAnswer(started: Started, docs: OpenDocuments, plan: SessionPlan): Promise<Location[]> {
  const params = { textDocument: { uri: docs.uri(plan.probe.path) }, position: { line: plan.probe.line, character: plan.probe.character }, context: { includeDeclaration: true } };
  return (await started.client.request<Location[] | null>('textDocument/references', params, plan.sampling.timeoutMs)) ?? [];
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([p, sleep(ms).then(() => undefined)]);
}
