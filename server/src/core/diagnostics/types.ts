// Diagnostics as domain results: a stable code, where, and the facts a
// message is made from. Severity and wording are added where they are shown.
import type { Span } from '../types';
import type { Severity } from '../config';

export type DiagnosticCode =
  | 'dangling-link'
  | 'broken-anchor'
  | 'ambiguous-link'
  | 'link-case-mismatch'
  | 'non-canonical-link'
  | 'link-outside-wiki'
  | 'frontmatter-error'
  | 'config-error'
  | 'duplicate-title'
  | 'unreadable-page'
  | 'stale-citation-count'
  | 'missing-seen-in'
  | 'orphan-seen-in'
  | 'duplicate-seen-in';

export const DEFAULT_SEVERITY: Record<DiagnosticCode, Severity> = {
  'dangling-link': 'warning',
  'broken-anchor': 'warning',
  'ambiguous-link': 'warning',
  'link-case-mismatch': 'warning',
  'non-canonical-link': 'hint',
  'link-outside-wiki': 'error',
  'frontmatter-error': 'error',
  'config-error': 'error',
  'duplicate-title': 'hint',
  'unreadable-page': 'warning',
  'stale-citation-count': 'warning',
  'missing-seen-in': 'warning',
  'orphan-seen-in': 'warning',
  'duplicate-seen-in': 'warning',
};

export interface WikiDiagnostic {
  readonly code: DiagnosticCode;
  readonly span: Span;
  /** The link's target as written (`systems/envoy#Modes`), for link diagnostics. */
  readonly target?: string;
  /** The page id the link resolved to, when it did. */
  readonly resolved?: string;
  /** Index of the link in the page, for fixes. */
  readonly link?: number;
  /** Code-specific facts: other pages, candidates, counts, the rule that matched. */
  readonly facts: Readonly<Record<string, unknown>>;
}
