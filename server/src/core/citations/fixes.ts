// Citation fixes: one per diagnostic, "Update citations on this page" as a
// source action, and the page plans the command and the checker apply.
import type { WikiIndex } from '../index/index';
import type { TextSource } from '../edits';
import type { WikiDiagnostic } from '../diagnostics/types';
import type { Fix, FixContext } from '../fixes/types';
import { planCitations, type PlanOptions } from './plan';

function planFix(index: WikiIndex, path: string, texts: TextSource, title: string, opts: PlanOptions, kind: Fix['kind'] = 'quickfix'): Fix[] {
  const plan = planCitations(index, path, texts, opts);
  if (!plan || (plan.edits.length === 0 && plan.skipped.length === 0)) return [];
  const note = plan.skipped.length ? ` (${plan.skipped.join('; ')})` : '';
  return [{ title: title + note, kind, preferred: kind === 'quickfix', sourceKind: kind === 'source' ? 'updateCitations' : undefined, edit: { label: title, creates: [], changes: plan.edits.length ? [{ path, edits: plan.edits }] : [] } }];
}

export function citationFixes(index: WikiIndex, path: string, d: WikiDiagnostic, texts: TextSource, _ctx: FixContext): Fix[] {
  switch (d.code) {
    case 'stale-citation-count':
      return planFix(index, path, texts, `Set the count to ${d.facts.actual}`, { add: 'none' });
    case 'missing-seen-in':
      return planFix(index, path, texts, `Add ${d.facts.source} to "${d.facts.heading}"`, { counts: false, add: { sources: [String(d.facts.path)] } });
    case 'orphan-seen-in':
    case 'duplicate-seen-in':
      return planFix(index, path, texts, `Remove this item for ${d.facts.source}`, { counts: false, add: 'none', prune: [Number(d.facts.line)] });
    default:
      return [];
  }
}

export function updatePageAction(index: WikiIndex, path: string, texts: TextSource): Fix[] {
  return planFix(index, path, texts, 'Update citations on this page', { prune: true }, 'source');
}
