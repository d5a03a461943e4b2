// The readable report: per size, wiki-lsp and the peer side by side with the
// ratio (peer / wiki-lsp, on p95 for latencies) and the issue's target
// (met / NOT MET by how much); the sanity checks; then cost against size.
// Cells read like `0.41 / 1.2 / 3.5` (p50 / p95 / p99 in ms).
import type { EditFigure } from './edits';
import type { RequestFigure, RequestName } from './requests';
import type { SizeResult } from './bench-size';
import type { Summary } from './stats';
import { PEER_IN_ISSUE, targetFor, type TargetName } from './targets';
import { costTable } from './cost-table';
import { mb, ms, renderTable } from './format';

type Row = [figure: string, wiki: string, peer: string, ratio: string, target: string, met: string];

function triple(s: Summary | undefined): string {
  if (!s || s.n === 0) return 'n/a';
  const f = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)}s` : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  return `${f(s.p50)} / ${f(s.p95)} / ${f(s.p99)} ms`;
}

function ratio(peer: number | undefined, wiki: number | undefined): string {
  if (peer === undefined || wiki === undefined || !Number.isFinite(peer) || !Number.isFinite(wiki) || wiki <= 0) return '—';
  return `×${(peer / wiki).toFixed(peer / wiki >= 10 ? 0 : 1)}`;
}

function verdict(value: number | undefined, name: TargetName | undefined, pages: number): [string, string] {
  if (!name) return ['', ''];
  const t = targetFor(name, pages);
  if (value === undefined || !Number.isFinite(value)) return [t.text, 'n/a'];
  if (value <= t.max) return [t.text, 'met'];
  return [t.text, `NOT MET (+${Math.round(((value - t.max) / t.max) * 100)}%)`];
}

const REQUEST_TARGETS: Partial<Record<RequestName, TargetName>> = {
  definition: 'definition', hover: 'hover', references: 'references', 'references (Markdown link)': 'references',
  'completion after [[': 'completion', 'completion (request only)': 'completion',
};

/** Figures where both servers answer the same question; elsewhere the peer does not resolve wikilinks. */
const LIKE_WITH_LIKE = new Set<RequestName>(['definition (Markdown link)', 'references (Markdown link)', 'documentSymbol', 'workspace/symbol']);

function requestCell(f: RequestFigure | undefined, name: RequestName): string {
  if (!f) return 'n/a';
  if (f.error && f.latency.n === 0) return 'failed (see Errors)';
  const answered = f.answered === 0 ? ' (empty answers)' : f.answered < 0.95 ? ` (${Math.round(f.answered * 100)}% answered)` : '';
  const listed = name.startsWith('completion') || name.startsWith('references') || name === 'workspace/symbol';
  const inFiles = name.startsWith('references') ? ` in ${f.medianFiles} files` : '';
  const items = listed && f.answered > 0 ? `, median ${f.medianItems} items${inFiles}` : '';
  return `${triple(f.latency)}${answered}${items}${f.error ? ' (stopped early, see Errors)' : ''}`;
}

function requestRows(r: SizeResult): Row[] {
  return (Object.keys(r.wikiLsp.requests ?? REQUEST_TARGETS) as RequestName[]).map((name) => {
    const w = r.wikiLsp.requests?.[name];
    const p = r.peer?.requests?.[name];
    const [target, met] = verdict(w?.latency.p95, REQUEST_TARGETS[name], r.pages);
    const x = ratio(p?.latency.p95, w?.latency.p95);
    const unlike = x !== '—' && !(LIKE_WITH_LIKE.has(name) && p && p.answered >= 0.5) ? `${x} (unlike answers)` : x;
    return [`${name} p50/p95/p99`, requestCell(w, name), requestCell(p, name), unlike, target, met];
  });
}

function editCell(f: EditFigure | undefined, what: string): string {
  return f ? `${triple(f.latency)} (${f.confirmed}/${f.n} ${what})` : 'n/a';
}

function startRows(r: SizeResult): Row[] {
  const w = r.wikiLsp;
  const p = r.peer;
  const cr = (c: typeof w.coldRequest) => (c ? Math.max(c.hoverMs, c.definitionMs) : undefined);
  const crCell = (c: typeof w.coldRequest) => (c ? `${ms(cr(c))} (hover ${c.hoverAnswered ? 'answered' : 'empty'}, definition ${c.definitionAnswered ? 'answered' : 'empty'})` : 'n/a');
  const ci = (c: typeof w.coldIndex, unit: string) => (c ? `${ms(c.ms)} (${c.count}/${c.expected ?? '?'} ${unit}${c.matched ? '' : ', INCOMPLETE'})` : 'n/a');
  const warm = r.warm.supported
    ? `${ms(r.warm.ms)} (${r.warm.fromCache} pages from the cache${r.warm.matched ? '' : ', INCOMPLETE'})`
    : `n/a (no cache support; restart took ${ms(r.warm.ms)})`;
  return [
    ['initialize', ms(w.initializeMs), ms(p?.initializeMs), ratio(p?.initializeMs, w.initializeMs), '', ''],
    ['a request while cold-indexing', crCell(w.coldRequest), crCell(p?.coldRequest), '—', ...verdict(cr(w.coldRequest), 'coldRequest', r.pages)],
    ['cold index (references complete)', ci(w.coldIndex, 'citing sources'), ci(p?.coldIndex, 'Markdown links'), ratio(p?.coldIndex?.ms, w.coldIndex?.ms), ...verdict(w.coldIndex?.ms, 'coldIndex', r.pages)],
    ['  status "indexing: false" / server log', `${ms(w.statusDoneMs)} / ${serverIndexed(w.logs)}`, '', '', '', ''],
    ['warm start (cache)', warm, '—', '—', ...verdict(r.warm.supported ? r.warm.ms : undefined, 'warmStart', r.pages)],
    ['peak RSS (VmHWM)', mb(w.memory?.peakMb), mb(p?.memory?.peakMb), ratio(p?.memory?.peakMb, w.memory?.peakMb), ...verdict(w.memory?.peakMb, 'peakRss', r.pages)],
    ['  VmHWM after index / tabs / requests / edits', phases(w), p ? phases(p) : '', '', '', ''],
  ];
}

function phases(r: SizeResult['wikiLsp']): string {
  const m = r.memoryByPhase;
  return ['indexed', 'tabs', 'requests', 'edits'].map((k) => (m[k] ? Math.round(m[k]!.peakMb) : '—')).join(' / ') + ' MB';
}

/** "Indexed 1000 pages of … in 1749 ms." → "1.75 s". */
function serverIndexed(logs: readonly string[]): string {
  const m = logs.map((l) => /Indexed \d+ pages .* in (\d+) ms/.exec(l)).find((x) => x);
  return m ? ms(Number(m[1])) : 'n/a';
}

function editRows(r: SizeResult): Row[] {
  const w = r.wikiLsp;
  const p = r.peer;
  const pub = w.diagnosticsPublished;
  const pull = r.warm.diagnosticsPulled?.latency.p95;
  const peerPull = p?.diagnosticsPulled?.latency.p95;
  const perChange = pub?.publishesPerChange !== undefined ? `; ${pub.publishesPerChange.toFixed(1)} pages published per change` : '';
  return [
    ['didChange → diagnostics, published', `${editCell(pub, 'showed the link')}${perChange}`, '— (pull only)', ratio(peerPull, pub?.latency.p95), ...verdict(pub?.latency.p95, 'diagnostics', r.pages)],
    ['didChange → diagnostics, pulled', editCell(r.warm.diagnosticsPulled, 'showed the link'), editCell(p?.diagnosticsPulled, 'showed the link'), ratio(peerPull, pull), ...verdict(pull, 'diagnostics', r.pages)],
    ['save → citation applyEdit', editCell(w.citations, 'edited the entity'), '—', '—', ...verdict(w.citations?.latency.p95, 'citations', r.pages)],
    ['wiki-lsp check (wall)', r.check ? `${ms(r.check.ms)} (exit ${r.check.exitCode}, ${r.check.diagnostics} diagnostics, ${mb(r.check.peakMb)})` : `failed: ${r.checkError}`, '—', '—', '', ''],
  ];
}

function sanityRows(r: SizeResult): Row[] {
  const w = r.wikiLsp.coldIndex;
  const p = r.peer?.coldIndex;
  const c = r.check;
  const syntax = Object.entries(r.probeSyntax).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    [`references to ${r.mostCited.id}`, w ? `${w.count} citing sources, manifest ${r.mostCited.count} ${w.count === r.mostCited.count ? '✓' : '✗'} (${syntax})` : 'n/a',
      p ? `${p.count} Markdown links, wiki-lsp ${p.expected ?? '?'} ${p.count === p.expected ? '✓' : '✗'}` : 'n/a', '', '', ''],
    ['check: dangling-link found', c ? `${c.dangling.found}, manifest ${c.dangling.manifest} ${c.dangling.found === c.dangling.manifest ? '✓' : '✗'}` : 'n/a', '', '', '', ''],
    ['check: exit code 0 or 1', c ? `${c.exitCode} ${c.exitOk ? '✓' : '✗'}` : 'n/a', '', '', '', ''],
  ];
}

export function renderSize(r: SizeResult): string {
  const title = `## ${r.pages} pages (${(r.bytes / 1e6).toFixed(1)} MB; reading every page from the page cache: ${ms(r.floor.ms)})`;
  const header = ['figure', 'wiki-lsp', 'vscode-markdown-languageserver', 'ratio', 'target', 'met'];
  const rows = [...startRows(r), ...requestRows(r), ...editRows(r), ...sanityRows(r)];
  const figureErrors = (who: string, s?: SizeResult['wikiLsp']) =>
    Object.entries(s?.requests ?? {}).filter(([, f]) => f.error).map(([n, f]) => `${who}: ${n}: ${f.error}`);
  const errors = [
    ...r.wikiLsp.errors.map((e) => `wiki-lsp: ${e}`), ...figureErrors('wiki-lsp', r.wikiLsp),
    ...r.warm.errors.map((e) => `wiki-lsp warm: ${e}`),
    ...(r.peer?.errors ?? []).map((e) => `peer: ${e}`), ...figureErrors('peer', r.peer),
  ];
  return [title, '', renderTable(header, rows), ...(errors.length ? ['', 'Errors:', ...errors.map((e) => `- ${e}`)] : [])].join('\n');
}

export function renderReport(results: readonly SizeResult[], machine: Record<string, unknown>): string {
  const notes = [
    `Node ${machine.node}, ${machine.cpus} × ${machine.cpu}; load average before ${String(machine.loadBefore)}, after ${String(machine.loadAfter)}`,
    `(other work on the machine skews every figure); ${String(machine.bundle)}.`,
    'Latencies are p50 / p95 / p99; ratios are peer / wiki-lsp on p95 (cold index, RSS and initialize on the value).',
    '`initialize` runs from spawning the process to its answer (Node start-up and loading the bundle included).',
    'wiki-lsp runs twice: cold with a client that does not pull diagnostics (it publishes them), then restarted on its',
    'cache with a pull-capable client like VS Code\'s (the warm start and the pulled-diagnostics row).',
    'The peer resolves Markdown links only: its cold index is timed on a `[t](../x.md)` link to the most-cited entity and',
    'checked against wiki-lsp\'s Markdown-syntax references to it (taken once wiki-lsp\'s index is complete); its wikilink',
    'answers are reported as they come: empty, or for references only the same page\'s `[x]` matches (hence "unlike answers").',
    'wiki-lsp\'s citing sources can all be in before its last folders (systems/ sorts after sources/) are: the status row',
    'says when its index was complete.',
    `The issue's peer figures (10k / 50k): ${Object.entries(PEER_IN_ISSUE).map(([k, v]) => `${k} ${v}`).join('; ')}.`,
  ];
  return ['# wiki-lsp benchmark', '', ...notes, '', ...results.map(renderSize).flatMap((s) => [s, '']), costTable(results)].join('\n');
}
