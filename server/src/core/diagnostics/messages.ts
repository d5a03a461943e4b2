// Wording and severity of diagnostics, shared by the editor and the checker
// so that both say the same thing.
import type { WikiConfig, Severity } from '../config';
import { DEFAULT_SEVERITY, type DiagnosticCode, type WikiDiagnostic } from './types';

const RULE_WORDS: Record<string, string> = {
  relative: 'a path relative to this page',
  suffix: 'a path suffix',
  filename: 'file name',
  title: 'title',
  alias: 'alias',
  slug: 'normalised slug',
  root: 'a path from the wiki root',
};

const list = (items: unknown): string => (items as string[]).join(', ');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

type Wording = (d: WikiDiagnostic) => string;

const WORDING: Record<DiagnosticCode, Wording> = {
  'dangling-link': (d) => {
    const others = d.facts.otherCount as number;
    const what = d.facts.file ? 'File' : 'Page';
    const tail = others ? ` (${plural(others, 'other page')} link${others === 1 ? 's' : ''} to it too)` : '';
    return `${what} "${d.facts.page ?? d.target}" does not exist${tail}.`;
  },
  'broken-anchor': (d) => `"${d.facts.page}" has no heading or block "${d.facts.anchor}".`,
  'ambiguous-link': (d) => `"${d.target}" matches several pages: ${list(d.facts.candidates)}.`,
  'link-case-mismatch': (d) => `"${d.target}" matches "${d.resolved}" only when case is ignored.`,
  'non-canonical-link': (d) => `"${d.target}" was found by ${RULE_WORDS[d.facts.rule as string] ?? d.facts.rule}; its id is "${d.resolved}".`,
  'link-outside-wiki': (d) => `"${d.target}" leaves the wiki; nothing outside it is read or linked.`,
  'frontmatter-error': (d) => String(d.facts.message),
  'config-error': (d) => String(d.facts.message),
  'unreadable-page': (d) => String(d.facts.message),
  'duplicate-title': (d) => `The title "${d.facts.title}" is also used by ${list(d.facts.others)}; links by this title are ambiguous.`,
  'stale-citation-count': (d) => `Declared ${d.facts.declared === undefined ? 'count is not a number' : `count ${d.facts.declared}`}, but ${plural(d.facts.actual as number, 'source')} cite this page.`,
  'missing-seen-in': (d) => `"${d.facts.source}" cites this page but is not listed in "${d.facts.heading}".`,
  'orphan-seen-in': (d) => `"${d.facts.source}" is listed in "${d.facts.heading}" but ${d.facts.reason === 'not-source' ? 'is not a source page' : 'does not cite this page'}.`,
  'duplicate-seen-in': (d) => `"${d.facts.source}" is listed more than once in "${d.facts.heading}".`,
};

export function messageOf(d: WikiDiagnostic): string {
  return WORDING[d.code](d);
}

/** The configured severity of a code, or undefined when it is `off`. */
export function severityOf(code: DiagnosticCode, config: WikiConfig): Severity | undefined {
  const s = config.severity[code] ?? DEFAULT_SEVERITY[code];
  return s === 'off' ? undefined : s;
}

export const DOCS_BASE = 'https://github.com/wiki-lsp/wiki-lsp#';

/** The README section that explains a code: `#dangling-link`. */
export const codeDocs = (code: DiagnosticCode): string => `${DOCS_BASE}${code}`;
