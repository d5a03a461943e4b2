// Quick fixes for link diagnostics: create the missing page (the preferred
// fix), link to a page with the same file name, write the exact id, pick one
// of several candidates, or the nearest heading for a broken anchor.
import { isMarkdownSyntax, type Link, type PageData } from '../types';
import type { WikiIndex } from '../index/index';
import type { TextSource, WikiEdit } from '../edits';
import type { WikiDiagnostic } from '../diagnostics/types';
import { keys } from '../index/keys';
import { basename } from '../paths';
import { fuzzyScore } from '../features/fuzzy';
import { newPage, newPagePath } from '../pages/newPage';
import { retarget, reanchor } from './rewrite';
import type { Fix, FixContext } from './types';

type Maker = (index: WikiIndex, path: string, link: Link, d: WikiDiagnostic, texts: TextSource, ctx: FixContext) => Fix[];

const MAKERS: Partial<Record<WikiDiagnostic['code'], Maker>> = {
  'dangling-link': (index, path, link, d, texts, ctx) => [...createFixes(index, path, link, d, texts, ctx), ...sameNameFixes(index, path, link, texts)],
  'link-case-mismatch': (index, path, link, d, texts) => exactId(index, path, link, d.facts.path as string, texts),
  'non-canonical-link': (index, path, link, d, texts) => exactId(index, path, link, d.facts.path as string, texts),
  'ambiguous-link': (index, path, link, d, texts) =>
    (d.facts.candidates as string[]).flatMap((c) => {
      const target = index.pages.get(c)?.data;
      return target ? [rewriteFix(`Link to ${target.id}`, path, link, target, texts)] : [];
    }),
  'broken-anchor': (index, path, link, d, texts) => anchorFixes(index, path, link, d, texts),
};

export function linkFixes(index: WikiIndex, path: string, d: WikiDiagnostic, texts: TextSource, ctx: FixContext): Fix[] {
  const entry = index.pages.get(path);
  const maker = MAKERS[d.code];
  if (!entry || !maker || d.link === undefined) return [];
  return maker(index, path, entry.data.links[d.link], d, texts, ctx);
}

/** "Create systems/envoy.md" — for a target without `/`, one per kind folder. */
function createFixes(index: WikiIndex, path: string, link: Link, d: WikiDiagnostic, texts: TextSource, ctx: FixContext): Fix[] {
  if (d.facts.file) return [];
  const relative = isMarkdownSyntax(link.syntax);
  const paths = link.target.includes('/') || relative
    ? [newPagePath(index, link.target, path, relative)]
    : kindFolders(index).map((k) => newPagePath(index, `${k}/${link.target}`));
  return paths.flatMap((p, i) => (p ? [createFix(index, p, link.label, texts, ctx, i === 0)] : []));
}

export function createFix(index: WikiIndex, path: string, label: string | undefined, texts: TextSource, ctx: FixContext, preferred: boolean): Fix {
  const page = newPage(index, path, texts, { date: ctx.date, label });
  const cited = page.sources.length ? ` (cited by ${page.sources.length})` : '';
  const edit: WikiEdit = { label: `Create ${path}`, creates: [{ path, content: page.content }], changes: [] };
  return { title: `Create ${path}${cited}`, kind: 'quickfix', preferred, edit, open: path };
}

/** Entity folders first, then source folders: `[[envoy]]` is more likely a system than a source. */
function kindFolders(index: WikiIndex): string[] {
  const kinds = [...index.kinds.keys()].sort();
  const sources = index.ctx.config.sourceFolders;
  return [...kinds.filter((k) => !sources.includes(k)), ...kinds.filter((k) => sources.includes(k))];
}

/** Pages move into subfolders: `[[systems/envoy]]` may now be `systems/proxies/envoy`. */
function sameNameFixes(index: WikiIndex, path: string, link: Link, texts: TextSource): Fix[] {
  const name = basename(link.target).replace(/\.md$/i, '').toLowerCase();
  const same = [...(index.lookup.get(keys.name(name)) ?? [])].sort();
  return same.flatMap((p) => {
    const target = index.pages.get(p)?.data;
    return target ? [rewriteFix(`Link to ${target.id}`, path, link, target, texts)] : [];
  });
}

function exactId(index: WikiIndex, path: string, link: Link, targetPath: string, texts: TextSource): Fix[] {
  const target = index.pages.get(targetPath)?.data;
  return target ? [{ ...rewriteFix(`Write the exact id: ${target.id}`, path, link, target, texts), preferred: true }] : [];
}

function rewriteFix(title: string, path: string, link: Link, target: PageData, texts: TextSource): Fix {
  return { title, kind: 'quickfix', edit: { label: title, creates: [], changes: [{ path, edits: [retarget(link, path, target, texts)] }] } };
}

/** The three headings of the target most like the broken anchor. */
function anchorFixes(index: WikiIndex, path: string, link: Link, d: WikiDiagnostic, texts: TextSource): Fix[] {
  const target = index.pages.get(String(d.facts.path))?.data;
  if (!target) return [];
  const anchor = String(d.facts.anchor);
  const markdown = isMarkdownSyntax(link.syntax);
  const ranked = target.headings
    .map((h) => ({ h, score: fuzzyScore(anchor, h.text) + fuzzyScore(anchor, h.slug) + similarity(anchor, h.text) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  return ranked.flatMap(({ h }, i) => {
    const edit = reanchor(link, path, markdown ? h.slug : h.text, texts);
    if (!edit) return [];
    const title = `Link to heading "${h.text}"`;
    return [{ title, kind: 'quickfix' as const, preferred: i === 0, edit: { label: title, creates: [], changes: [{ path, edits: [edit] }] } }];
  });
}

/** Shared letter pairs, for ranking headings that fuzzy matching alone cannot tell apart. */
function similarity(a: string, b: string): number {
  const pairs = (s: string) => new Set([...s.toLowerCase()].map((c, i, all) => c + (all[i + 1] ?? '')));
  const pa = pairs(a);
  let n = 0;
  for (const p of pairs(b)) if (pa.has(p)) n++;
  return n;
}
