// What the driver knows about a generated wiki: its manifest (the truth), its
// pages on disk, a deterministic sample of pages to open, and positions in
// them to ask about — inside wikilinks (`[[systems/kube-proxy|…]]`, cursor
// just after `[[`) and inside Markdown links (`[t](../systems/kube-proxy.md)`,
// cursor just after `](`), outside code, HTML comments and frontmatter.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import type { WikiManifest } from '../generate';
import { Rng } from '../gen/prng';

export interface BenchWiki {
  /** The generator's output folder: /tmp/wiki-lsp-bench/10000. */
  readonly dir: string;
  /** The wiki root (dir/wiki): the workspace folder both servers are given. */
  readonly root: string;
  readonly manifest: WikiManifest;
  /** Root-relative paths of every page: `sources/2018-01-01-x.md`. */
  readonly paths: readonly string[];
}

export interface Position {
  /** Root-relative path: `sources/2018-01-01-x.md`. */
  readonly path: string;
  readonly line: number;
  readonly character: number;
  readonly kind: 'wikilink' | 'markdown';
}

export function loadWiki(dir: string): BenchWiki {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as WikiManifest;
  const root = join(dir, manifest.root);
  return { dir, root, manifest, paths: markdownFiles(root) };
}

/** Every `.md` file under `root`, skipping dot folders and node_modules, as VS Code's findFiles would. */
export function markdownFiles(root: string, sub = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, sub), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...markdownFiles(root, rel));
    else if (entry.name.endsWith('.md')) out.push(rel);
  }
  return out.sort();
}

export function uriOf(wiki: BenchWiki, path: string): string {
  return URI.file(join(wiki.root, path)).toString();
}

export function readPage(wiki: BenchWiki, path: string): string {
  return readFileSync(join(wiki.root, path), 'utf8');
}

/** `count` pages drawn with a fixed seed, two thirds sources: the editor's open tabs. */
export function samplePages(wiki: BenchWiki, count: number, seed: number): string[] {
  const rng = new Rng(seed);
  const sources = wiki.paths.filter((p) => p.startsWith('sources/'));
  const entities = wiki.paths.filter((p) => p.includes('/') && !p.startsWith('sources/'));
  const picked = new Set<string>();
  while (picked.size < Math.min(count, wiki.paths.length)) {
    picked.add(picked.size % 3 === 2 ? rng.pick(entities) : rng.pick(sources));
  }
  return [...picked];
}

/** Link positions in one page's text, in order. */
export function linkPositions(path: string, text: string): Position[] {
  const out: Position[] = [];
  const lines = text.split(/\r?\n/);
  proseLines(lines).forEach((line) => {
    const s = lines[line];
    for (const m of s.matchAll(/\[\[(?=[^\]\s])/g)) {
      if (!inCodeSpan(s, m.index!)) out.push({ path, line, character: m.index! + 3, kind: 'wikilink' });
    }
    for (const m of s.matchAll(/\]\((?=<?\.{0,2}\/?[a-z][\w/.-]*\.md)/g)) {
      if (!inCodeSpan(s, m.index!)) out.push({ path, line, character: m.index! + 3, kind: 'markdown' });
    }
  });
  return out;
}

/** Line numbers outside frontmatter, fences, indented code and HTML comments. */
export function proseLines(lines: readonly string[]): number[] {
  const out: number[] = [];
  let i = 0;
  if (lines[0] === '---') {
    i = 1;
    while (i < lines.length && lines[i] !== '---') i++;
    i++;
  }
  let fence: string | undefined;
  let comment = false;
  for (; i < lines.length; i++) {
    const s = lines[i];
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(s)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    if (comment || s.includes('<!--')) {
      comment = !s.includes('-->') || s.lastIndexOf('<!--') > s.lastIndexOf('-->');
      continue;
    }
    if (/^( {4}|\t)/.test(s)) continue;
    out.push(i);
  }
  return out;
}

/** True when an odd number of backticks precede `col`: `` `[[x]]` `` is code. */
function inCodeSpan(line: string, col: number): boolean {
  let ticks = 0;
  for (let i = 0; i < col; i++) if (line[i] === '`') ticks++;
  return ticks % 2 === 1;
}

/** The line of the page's `# Title` heading (0 when there is none). */
export function titleLine(text: string): number {
  const i = text.split(/\r?\n/).findIndex((l) => /^# \S/.test(l));
  return Math.max(0, i);
}

/** A Markdown link to `id` in a page that cites it: the peer's way into the same references. */
export function markdownLinkTo(wiki: BenchWiki, id: string): Position | undefined {
  const citing = wiki.manifest.entities[id]?.citedBy ?? [];
  for (const source of citing) {
    const path = `${source}.md`;
    const hit = linkPositions(path, readPage(wiki, path)).find((p) => p.kind === 'markdown' && hrefAt(wiki, p) === id);
    if (hit) return hit;
  }
  return undefined;
}

/** The page id a Markdown link position points at: `](../systems/x.md#h)` → `systems/x`. */
function hrefAt(wiki: BenchWiki, p: Position): string | undefined {
  const line = readPage(wiki, p.path).split(/\r?\n/)[p.line];
  const m = /^<?(?:\.\.\/|\/)?([^)#>\s]+)\.md/.exec(line.slice(p.character - 1));
  return m?.[1];
}

/** By source id: the entities it cites (from the manifest). */
export function citationsBySource(manifest: WikiManifest): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [entity, truth] of Object.entries(manifest.entities)) {
    for (const source of truth.citedBy) {
      if (!out.has(source)) out.set(source, new Set());
      out.get(source)!.add(entity);
    }
  }
  return out;
}

/** The physical floor: list and read every page (from the page cache) — ms and bytes. */
export function readFloor(wiki: BenchWiki): { ms: number; bytes: number } {
  const t0 = performance.now();
  let bytes = 0;
  for (const p of markdownFiles(wiki.root)) bytes += readFileSync(join(wiki.root, p)).length;
  return { ms: performance.now() - t0, bytes };
}
