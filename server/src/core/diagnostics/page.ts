// All diagnostics of one page: its links, its frontmatter, its title.
import type { WikiIndex } from '../index/index';
import { keys } from '../index/keys';
import type { WikiDiagnostic, DiagnosticCode } from './types';
import { linkDiagnostics } from './links';

export type ExtraDiagnostics = (index: WikiIndex, path: string) => WikiDiagnostic[];

/** Diagnostics of `path`, sorted by position. `extra` adds feature rules (citations). */
export function pageDiagnostics(index: WikiIndex, path: string, extra: ExtraDiagnostics[] = []): WikiDiagnostic[] {
  const entry = index.pages.get(path);
  if (!entry) return [];
  const out: WikiDiagnostic[] = [];
  for (const p of entry.data.problems) out.push({ code: p.code as DiagnosticCode, span: p.span, facts: { message: p.message } });
  out.push(...linkDiagnostics(index, entry));
  out.push(...duplicateTitles(index, path));
  for (const rule of extra) out.push(...rule(index, path));
  return out.sort((a, b) => a.span.sl - b.span.sl || a.span.sc - b.span.sc);
}

/** A title or alias that another page also has: links by that title are ambiguous. */
function duplicateTitles(index: WikiIndex, path: string): WikiDiagnostic[] {
  const page = index.pages.get(path)!.data;
  const out: WikiDiagnostic[] = [];
  const seen = new Set<string>();
  for (const name of [page.title, ...page.aliases]) {
    const lower = name.trim().toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    const others = [...(index.lookup.get(keys.title(lower)) ?? [])].filter((p) => p !== path).sort();
    if (others.length === 0) continue;
    const span = page.titleSpan ?? { sl: 0, sc: 0, el: 0, ec: 0 };
    out.push({ code: 'duplicate-title', span, facts: { title: name, others: others.map((p) => index.pages.get(p)?.data.id ?? p) } });
  }
  return out;
}
