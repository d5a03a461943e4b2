// Every fix for a page: quick fixes per diagnostic, and the source actions.
import type { WikiIndex } from '../index/index';
import type { TextSource } from '../edits';
import type { WikiDiagnostic } from '../diagnostics/types';
import type { Span } from '../types';
import { diagnosticsOf } from '../diagnostics/all';
import { severityOf } from '../diagnostics/messages';
import { newPagePath } from '../pages/newPage';
import { createFix, linkFixes } from './links';
import { isMarkdownSyntax } from '../types';
import type { Fix, FixContext } from './types';
import { citationFixes, updatePageAction } from '../citations/fixes';

/** Fix makers per diagnostic. */
export const FIX_RULES: ((index: WikiIndex, path: string, d: WikiDiagnostic, texts: TextSource, ctx: FixContext) => Fix[])[] = [linkFixes, citationFixes];

/** Page-wide source actions beyond "create all missing pages". */
export const SOURCE_ACTIONS: ((index: WikiIndex, path: string, texts: TextSource, ctx: FixContext) => Fix[])[] = [updatePageAction];

const overlaps = (a: Span, b: Span) => !(a.el < b.sl || (a.el === b.sl && a.ec < b.sc) || b.el < a.sl || (b.el === a.sl && b.ec < a.sc));

export interface PageFixes {
  readonly diagnostics: WikiDiagnostic[];
  readonly fixes: Fix[];
}

/** Quick fixes for the diagnostics touching `range`, then the page's source actions. */
export function fixesAt(index: WikiIndex, path: string, range: Span, texts: TextSource, ctx: FixContext): PageFixes {
  const links = index.pages.get(path)?.data.links ?? [];
  // A link's fixes are offered anywhere on the link, label included: `[[Systems/CoreDNS|D$0NS]]`.
  const reach = (d: WikiDiagnostic) => (d.link !== undefined ? links[d.link].span : d.span);
  const diagnostics = diagnosticsOf(index, path).filter((d) => severityOf(d.code, index.ctx.config) && overlaps(reach(d), range));
  const fixes: Fix[] = [];
  diagnostics.forEach((d, i) => {
    for (const rule of FIX_RULES) for (const f of rule(index, path, d, texts, ctx)) fixes.push({ ...f, diagnostic: i });
  });
  fixes.push(...createAllMissing(index, path, texts, ctx));
  for (const action of SOURCE_ACTIONS) fixes.push(...action(index, path, texts, ctx));
  return { diagnostics, fixes };
}

/** "Create all missing pages linked from this page" — each missing target with a `/`, once. */
function createAllMissing(index: WikiIndex, path: string, texts: TextSource, ctx: FixContext): Fix[] {
  const entry = index.pages.get(path);
  if (!entry) return [];
  const paths = new Map<string, string | undefined>();
  entry.resolved.forEach((r, i) => {
    const link = entry.data.links[i];
    if (r.kind !== 'dangling' || r.file || link.syntax === 'bare' || link.syntax === 'reference') return;
    const relative = isMarkdownSyntax(link.syntax);
    if (!relative && !link.target.includes('/')) return;
    const p = newPagePath(index, link.target, path, relative);
    if (p && !paths.has(p)) paths.set(p, link.label);
  });
  if (paths.size === 0) return [];
  const creates = [...paths].map(([p, label]) => createFix(index, p, label, texts, ctx, false).edit.creates[0]);
  const title = `Create all missing pages linked from this page (${creates.length})`;
  return [{ title, kind: 'source', sourceKind: 'createMissingPages', edit: { label: title, creates, changes: [] } }];
}
