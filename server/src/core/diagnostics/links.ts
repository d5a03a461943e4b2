// Link diagnostics of one page: at most one resolution diagnostic per link
// (dangling, ambiguous, outside, case mismatch, non-canonical), plus a
// broken anchor when the target has no such heading or block.
import type { Link } from '../types';
import type { WikiIndex, PageEntry } from '../index/index';
import type { Resolution, Rule } from '../index/resolve';
import { targetPage } from '../index/queries';
import { findAnchor } from '../features/anchors';
import type { WikiDiagnostic } from './types';

const NON_CANONICAL = new Set<Rule>(['relative', 'suffix', 'filename', 'title', 'alias', 'slug', 'root']);

export function linkDiagnostics(index: WikiIndex, entry: PageEntry): WikiDiagnostic[] {
  const out: WikiDiagnostic[] = [];
  const { links } = entry.data;
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    if (link.syntax === 'reference') continue; // its definition carries the target and the diagnostics
    const d = resolutionDiagnostic(index, entry, link, entry.resolved[i], i);
    if (d) out.push(d);
    const a = anchorDiagnostic(index, entry, link, entry.resolved[i], i);
    if (a) out.push(a);
  }
  return out;
}

const written = (link: Link): string => (link.anchor === undefined ? link.target : `${link.target}#${link.anchor}`);

function resolutionDiagnostic(index: WikiIndex, entry: PageEntry, link: Link, r: Resolution, i: number): WikiDiagnostic | undefined {
  if (r.kind === 'self' || r.kind === 'ignored') return undefined;
  if ((r.kind === 'page' || r.kind === 'file') && r.rule !== 'case' && !NON_CANONICAL.has(r.rule)) return undefined; // the usual case
  const base = { span: link.targetSpan, target: written(link), link: i };
  switch (r.kind) {
    case 'dangling': {
      const linkers = index.dangling.get(r.key);
      const otherCount = (linkers?.length ?? 1) - (linkers?.includes(entry.data.path) ? 1 : 0);
      return { ...base, code: 'dangling-link', facts: { otherCount, others: someOthers(linkers, entry.data.path), file: r.file, key: r.key, page: link.target } };
    }
    case 'ambiguous':
      return { ...base, code: 'ambiguous-link', facts: { candidates: r.candidates, rule: r.rule } };
    case 'outside':
      return { ...base, code: 'link-outside-wiki', facts: {} };
    case 'page':
    case 'file': {
      const resolved = r.kind === 'page' ? index.pages.get(r.path)?.data.id ?? r.path : r.path;
      if (r.rule === 'case') return { ...base, resolved, code: 'link-case-mismatch', facts: { path: r.path } };
      return { ...base, resolved, code: 'non-canonical-link', facts: { rule: r.rule, path: r.path } };
    }
    default:
      return undefined;
  }
}

const SHOWN_OTHERS = 20;

/** Up to 20 other pages linking to the same missing target, sorted (a popular one has thousands). */
function someOthers(linkers: readonly string[] | undefined, self: string): string[] {
  const out: string[] = [];
  for (const p of linkers ?? []) {
    if (p === self) continue;
    out.push(p);
    if (out.length >= SHOWN_OTHERS * 4) break;
  }
  return out.sort().slice(0, SHOWN_OTHERS);
}

function anchorDiagnostic(index: WikiIndex, entry: PageEntry, link: Link, r: Resolution, i: number): WikiDiagnostic | undefined {
  if (link.anchor === undefined || link.anchor === '') return undefined;
  const page = targetPage(index, entry.data.path, r);
  if (!page || findAnchor(page, link.anchor)) return undefined;
  const headings = page.headings.map((h) => h.text);
  return {
    code: 'broken-anchor', span: link.targetSpan, target: written(link), resolved: page.id, link: i,
    facts: { anchor: link.anchor, page: page.id, path: page.path, headings },
  };
}
