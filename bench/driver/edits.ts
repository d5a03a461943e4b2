// Edits and what they trigger:
// - didChange → diagnostics: type a broken link at the end of a prose line
//   (` [[systems/no-such-page-7]]`, or ` [broken](../systems/no-such-page-7.md)`
//   for the peer) and time until the diagnostics for that version arrive —
//   published (`publishDiagnostics` with the new version; wiki-lsp, whose
//   client here has no pull support) or pulled (`textDocument/diagnostic`
//   sent right after the change; both servers) — checking that they report
//   the new link. The change is then undone.
// - save → citation edits (wiki-lsp): add `[[entity]]` for an entity the
//   source does not cite yet, send didSave, time until the server's
//   `workspace/applyEdit` "Update citations" arrives, and check that it edits
//   the entity page.
import type { Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { LspClient } from './lsp-client';
import type { OpenDocuments } from './documents';
import type { ServerAdapter } from './servers';
import { summarize, sleep, type Summary } from './stats';
import { uriOf, type BenchWiki, type Position } from './wiki-data';

export interface EditFigure {
  readonly latency: Summary;
  /** Samples whose answer showed the edit (the new broken link, the entity page edited). */
  readonly confirmed: number;
  readonly n: number;
  /** Published diagnostics per change, over all open pages (wiki-lsp re-publishes every open page). */
  readonly publishesPerChange?: number;
}

export interface EditOptions {
  readonly samples: number;
  readonly timeoutMs: number;
}

type Mode = 'publish' | 'pull';

/** Lines to edit: one per position, on distinct (page, line) pairs. */
function editLines(positions: readonly Position[], n: number): Position[] {
  const seen = new Set<string>();
  const out: Position[] = [];
  for (const p of positions) {
    const key = `${p.path}:${p.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
    if (out.length === n) break;
  }
  return out;
}

export async function measureDiagnostics(client: LspClient, docs: OpenDocuments, adapter: ServerAdapter, positions: readonly Position[], mode: Mode, opts: EditOptions): Promise<EditFigure> {
  const latencies: number[] = [];
  let confirmed = 0;
  const lines = editLines(positions, opts.samples);
  const before = client.received['textDocument/publishDiagnostics'] ?? 0;
  for (const [i, pos] of lines.entries()) {
    const r = await oneDiagnostics(client, docs, adapter, pos, mode, 1000 * (mode === 'pull' ? 2 : 1) + i, opts.timeoutMs);
    latencies.push(r.ms);
    if (r.found) confirmed++;
  }
  const published = (client.received['textDocument/publishDiagnostics'] ?? 0) - before;
  // Two changes per sample: the broken link typed, then taken out.
  const publishesPerChange = mode === 'publish' ? published / Math.max(1, 2 * lines.length) : undefined;
  return { latency: summarize(latencies), confirmed, n: lines.length, publishesPerChange };
}

async function oneDiagnostics(client: LspClient, docs: OpenDocuments, adapter: ServerAdapter, pos: Position, mode: Mode, n: number, timeoutMs: number): Promise<{ ms: number; found: boolean }> {
  const uri = docs.uri(pos.path);
  const end = docs.lineText(pos.path, pos.line).length;
  const text = adapter.brokenLink(n);
  const version = docs.version(pos.path) + 1;
  const published = mode === 'publish' ? client.expect('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, timeoutMs) : undefined;
  const t0 = performance.now();
  docs.change(pos.path, { line: pos.line, character: end, length: 0, text });
  let diagnostics: Diagnostic[];
  let ms: number;
  if (published) {
    const arrival = await published;
    ms = arrival.at - t0;
    diagnostics = arrival.params.diagnostics;
  } else {
    const report = await client.request<{ items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }, timeoutMs);
    ms = performance.now() - t0;
    diagnostics = report.items ?? [];
  }
  const found = diagnostics.some((d) => d.range.start.line === pos.line && d.range.start.character >= end);
  await undo(client, docs, pos, end, text.length, mode === 'publish', timeoutMs);
  return { ms, found };
}

/** Takes the typed text out again; with published diagnostics, waits for that version's. */
async function undo(client: LspClient, docs: OpenDocuments, pos: Position, at: number, length: number, waitPublish: boolean, timeoutMs: number): Promise<void> {
  const uri = docs.uri(pos.path);
  const version = docs.version(pos.path) + 1;
  const published = waitPublish ? client.expect('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, timeoutMs) : undefined;
  docs.change(pos.path, { line: pos.line, character: at, length, text: '' });
  if (published) await published;
  else await sleep(5);
}

/** Source pages among the positions, each with an entity it does not cite (deterministic). */
export function citationCases(wiki: BenchWiki, positions: readonly Position[], cites: Map<string, Set<string>>, n: number): { pos: Position; entity: string }[] {
  const entities = Object.keys(wiki.manifest.entities).sort();
  const lines = editLines(positions.filter((p) => p.path.startsWith('sources/')), 1000);
  const byPage = new Map<string, Position>();
  for (const p of lines) if (!byPage.has(p.path)) byPage.set(p.path, p);
  const out: { pos: Position; entity: string }[] = [];
  for (const [path, pos] of byPage) {
    const cited = cites.get(path.replace(/\.md$/, '')) ?? new Set<string>();
    const entity = firstNotIn(entities, (out.length * 997) % entities.length, cited);
    if (entity) out.push({ pos, entity });
    if (out.length === n) break;
  }
  return out;
}

/** The first of `items` from `start` on (wrapping) that is not in `taken`. */
function firstNotIn(items: readonly string[], start: number, taken: Set<string>): string | undefined {
  for (let k = 0; k < items.length; k++) {
    const item = items[(start + k) % items.length];
    if (!taken.has(item)) return item;
  }
  return undefined;
}

/** Each save waits at most `timeoutMs` (10 s at most) for its edit; a save without one counts as not confirmed. */
export async function measureCitations(client: LspClient, docs: OpenDocuments, wiki: BenchWiki, cases: { pos: Position; entity: string }[], timeoutMs: number): Promise<EditFigure> {
  const latencies: number[] = [];
  let confirmed = 0;
  for (const { pos, entity } of cases) {
    const end = docs.lineText(pos.path, pos.line).length;
    const text = ` See also [[${entity}]].`;
    docs.change(pos.path, { line: pos.line, character: end, length: 0, text });
    await sleep(20);
    const edit = client.expect('request:workspace/applyEdit', (p) => p.label === 'Update citations', Math.min(timeoutMs, 10_000));
    const t0 = performance.now();
    docs.save(pos.path);
    const arrival = await edit.catch(() => undefined);
    if (arrival) latencies.push(arrival.at - t0);
    if (arrival && editsPage(arrival.params.edit, uriOf(wiki, `${entity}.md`))) confirmed++;
    docs.change(pos.path, { line: pos.line, character: end, length: text.length, text: '' });
    await sleep(20);
  }
  return { latency: summarize(latencies), confirmed, n: cases.length };
}

function editsPage(edit: WorkspaceEdit, uri: string): boolean {
  const changes = edit.documentChanges ?? [];
  return changes.some((c) => 'textDocument' in c && c.textDocument.uri === uri) || !!edit.changes?.[uri];
}
