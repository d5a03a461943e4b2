// The benchmark wiki generator: deterministic, the expected size, and a
// manifest that agrees with the text. The text is checked by a small
// regex reader that knows only the syntaxes the generator emits (wikilinks,
// Markdown and reference links, bare `kind/slug` references, frontmatter
// lists) and strips what must not count (code, comments, URLs).
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWiki, writeWiki, type WikiManifest } from '../../bench/generate';

const KINDS = 'systems|concepts|patterns|companies|people|sources';
const LINK_LIKE = new RegExp(`\\[\\[|\\]\\(|see (${KINDS})/`);

let files: Map<string, string>;
let manifest: WikiManifest;

beforeAll(() => {
  ({ files, manifest } = generateWiki({ pages: 1000 }));
});

const sourcePaths = (): string[] => [...files.keys()].filter((path) => path.startsWith('sources/'));

/** The text without what is never a link: fences, HTML comments, inline code, indented code, URLs. */
function stripNonLinks(text: string): string {
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1$/gm, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/`[^`\n]+`/g, '')
    .replace(/^ {4}.*$/gm, '')
    .replace(/https?:\/\/[^\s)>\]]+/g, '');
}

/** Targets as written, from every syntax: `systems/x`, `../systems/x.md#overview`, `Systems/X`, `x`. */
function rawTargets(text: string): string[] {
  const targets: string[] = [];
  for (const m of text.matchAll(/!?\[\[([^\]|#\\]+)/g)) targets.push(m[1]);
  for (const m of text.matchAll(/\]\(<?([^)>\s]+)>?\)/g)) targets.push(m[1]);
  for (const m of text.matchAll(/^\[[^\]\n]+\]: (\S+)$/gm)) targets.push(m[1]);
  for (const m of text.matchAll(new RegExp(`(?:^|[\\s(])((?:${KINDS})/[a-z0-9-]+)(?=[\\s.,;:)!?"'—\\]]|$)`, 'gm'))) targets.push(m[1]);
  for (const m of text.matchAll(/^related: \[(.*)\]$/gm)) targets.push(...m[1].split(', '));
  for (const m of text.matchAll(/^ {2}- (.+)$/gm)) targets.push(m[1]);
  return targets;
}

/** Entity id for a written target, by exact id, case-insensitive id, or file name; else undefined. */
function entityResolver(): (target: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const id of Object.keys(manifest.entities)) {
    byKey.set(id.toLowerCase(), id);
    byKey.set(id.slice(id.indexOf('/') + 1), id);
  }
  return (target) => {
    const key = target.replace(/^"|"$/g, '').replace(/^\[\[/, '').replace(/[|#].*$/, '').replace(/^(\.\.)?\//, '').replace(/\.md$/, '');
    return byKey.get(key.toLowerCase());
  };
}

function citationsFromText(): Map<string, Set<string>> {
  const resolve = entityResolver();
  const citing = new Map<string, Set<string>>();
  for (const path of sourcePaths()) {
    for (const target of rawTargets(stripNonLinks(files.get(path)!))) {
      const entity = resolve(target);
      if (!entity) continue;
      if (!citing.has(entity)) citing.set(entity, new Set());
      citing.get(entity)!.add(path.replace(/\.md$/, ''));
    }
  }
  return citing;
}

describe('generateWiki', () => {
  it('is deterministic for a seed, and the seed matters', () => {
    const again = generateWiki({ pages: 1000 });
    expect([...again.files.keys()]).toEqual([...files.keys()]);
    const differing = [...files].filter(([path, text]) => again.files.get(path) !== text).map(([path]) => path);
    expect(differing).toEqual([]);
    expect(JSON.stringify(again.manifest)).toBe(JSON.stringify(manifest));
    const other = generateWiki({ pages: 1000, seed: 7 });
    expect(other.files.get('index.md')).not.toBe(files.get('index.md'));
  });

  it('has the layout and sizes of a 1000-page wiki', () => {
    const paths = [...files.keys()];
    expect(paths.length).toBe(1000);
    expect(manifest.totals).toMatchObject({ pages: 1000, sources: 550, entities: 448, meta: 2 });
    expect(paths.filter((path) => !path.includes('/')).sort()).toEqual(['index.md', 'log.md']);
    for (const path of sourcePaths()) expect(path).toMatch(/^sources\/\d{4}-\d\d-\d\d-[a-z0-9-]+\.md$/);
    for (const path of paths.filter((p) => p.includes('/') && !p.startsWith('sources/'))) {
      expect(path).toMatch(/^(systems|concepts|patterns|companies|people)\/[a-z0-9-]+\.md$/);
    }
    const bytes = (list: string[]): number => list.reduce((sum, path) => sum + Buffer.byteLength(files.get(path)!), 0);
    expect(bytes(paths)).toBe(manifest.totals.bytes);
    expect(manifest.totals.bytes).toBeGreaterThan(7.5e6);
    expect(manifest.totals.bytes).toBeLessThan(9.2e6);
    const entityPaths = paths.filter((p) => p.includes('/') && !p.startsWith('sources/'));
    expect(bytes(sourcePaths()) / 550).toBeGreaterThan(bytes(entityPaths) / entityPaths.length);
  });

  it('gives every source the frontmatter of an article', () => {
    for (const path of sourcePaths()) {
      const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(files.get(path)!)?.[1] ?? '';
      for (const key of ['url', 'date', 'publisher', 'summary']) expect(frontmatter, path).toMatch(new RegExp(`^${key}: `, 'm'));
    }
    expect(manifest.links.bySyntax.frontmatter).toBeGreaterThan(100);
  });

  it('records as citations exactly the links the text holds', () => {
    const fromText = citationsFromText();
    const wrong = Object.entries(manifest.entities).filter(([id, truth]) => {
      const found = [...(fromText.get(id) ?? [])].sort();
      return JSON.stringify(found) !== JSON.stringify([...truth.citedBy].sort()) || truth.count !== found.length;
    });
    expect(wrong.map(([id]) => id)).toEqual([]);
    const counts = Object.values(manifest.entities).map((truth) => truth.count).sort((a, b) => b - a);
    expect(manifest.citations.mostCited.count).toBe(counts[0]);
    expect(manifest.entities[manifest.citations.mostCited.id].count).toBe(counts[0]);
    expect(counts[0]).toBeGreaterThan(20 * counts[Math.floor(counts.length / 2)]);
  });

  it('writes counts and "Seen in" lists that are true except on the stale pages', () => {
    const stale = manifest.stale.length / manifest.totals.entities;
    expect(stale).toBeGreaterThan(0.05);
    expect(stale).toBeLessThan(0.15);
    for (const [id, truth] of Object.entries(manifest.entities)) {
      const text = files.get(`${id}.md`)!;
      expect(Number(/^cited_by: (\d+)$/m.exec(text)?.[1]), id).toBe(truth.declared);
      const bodyLine = /^\*?Cited by (\d+) sources?\*?$/m.exec(text);
      expect(bodyLine ? Number(bodyLine[1]) : undefined, id).toBe(truth.bodyCount ? truth.declared : undefined);
      const section = text.slice(text.indexOf('\n## Seen in\n'));
      const items = [...section.matchAll(/^- \[\[(sources\/[^\]]+)\]\]/gm)].map((m) => m[1]).sort();
      const missing = new Set(truth.stale?.missing ?? []);
      const expected = [...truth.citedBy.filter((s) => !missing.has(s)), ...(truth.stale?.orphan ?? []), ...(truth.stale?.duplicate ?? [])];
      expect(items, id).toEqual(expected.sort());
      expect(truth.seenInItems).toBe(items.length);
      if (!truth.stale) expect(truth.declared).toBe(truth.count);
      else expect(truth.stale.declared ?? truth.count).toBe(truth.declared);
    }
  });

  it('has about 3% dangling links and a few fallback links', () => {
    expect(manifest.links.dangling / manifest.links.total).toBeGreaterThan(0.02);
    expect(manifest.links.dangling / manifest.links.total).toBeLessThan(0.04);
    expect(manifest.dangling.length).toBe(manifest.links.dangling);
    for (const { page, target } of manifest.dangling.slice(0, 200)) {
      expect(files.has(`${target}.md`)).toBe(false);
      expect(target).toContain('/');
      expect(files.get(`${page}.md`)).toContain(target);
    }
    const { fileName, caseMismatch } = manifest.links.fallback;
    expect(fileName).toBeGreaterThan(0);
    expect(caseMismatch).toBeGreaterThan(0);
    expect(fileName + caseMismatch).toBeLessThan(manifest.links.total * 0.03);
  });

  it('holds the decoys the manifest counts', () => {
    const found = { inlineCode: 0, fencedCode: 0, indentedCode: 0, htmlComment: 0, url: 0 };
    const urlDecoy = new RegExp(`https?://[^\\s)>]*/(${KINDS})/`, 'g');
    for (const path of sourcePaths()) {
      const text = files.get(path)!;
      for (const m of text.matchAll(/^(```|~~~)[^\n]*\n([\s\S]*?)^\1$/gm)) if (LINK_LIKE.test(m[2])) found.fencedCode++;
      for (const m of text.matchAll(/<!--([\s\S]*?)-->/g)) if (LINK_LIKE.test(m[1])) found.htmlComment++;
      const outsideFences = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1$/gm, '');
      for (const m of outsideFences.matchAll(/`([^`\n]+)`/g)) if (LINK_LIKE.test(m[1])) found.inlineCode++;
      for (const m of outsideFences.matchAll(/^ {4}(.*)$/gm)) if (LINK_LIKE.test(m[1])) found.indentedCode++;
      found.url += [...text.matchAll(urlDecoy)].length;
    }
    const { total, ...byKind } = manifest.decoys;
    expect(found).toEqual(byKind);
    for (const count of Object.values(byKind)) expect(count).toBeGreaterThan(10);
    expect(total).toBe(Object.values(byKind).reduce((sum, n) => sum + n, 0));
  });
});

describe('writeWiki', () => {
  it('writes <dir>/wiki and <dir>/manifest.json, and replaces only its own output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wiki-gen-'));
    try {
      const { root, manifestPath } = writeWiki(dir, { pages: 60 });
      expect(root).toBe(join(dir, 'wiki'));
      expect(existsSync(join(root, 'index.md'))).toBe(true);
      const written = JSON.parse(readFileSync(manifestPath, 'utf8')) as WikiManifest;
      const { files: expected } = generateWiki({ pages: 60 });
      for (const [path, text] of expected) expect(readFileSync(join(root, path), 'utf8')).toBe(text);
      expect(written.root).toBe('wiki');
      expect(() => writeWiki(dir, { pages: 60 })).toThrow(/--force/);
      expect(writeWiki(dir, { pages: 60, seed: 3 }, true).manifest.options.seed).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
