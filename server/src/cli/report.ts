// The checker's output: diagnostics as JSON or as compiler-style lines.
import type { Span } from '../core/types';

export interface ReportedDiagnostic {
  readonly path: string;
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly code: string;
  readonly message: string;
  readonly target?: string;
  readonly resolved?: string;
}

export const rangeOf = (s: Span) => ({ start: { line: s.sl, character: s.sc }, end: { line: s.el, character: s.ec } });

export function sortDiagnostics(list: ReportedDiagnostic[]): ReportedDiagnostic[] {
  return list.sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
}

export function formatJson(root: string, pages: number, diagnostics: ReportedDiagnostic[]): string {
  return JSON.stringify({ root, pages, diagnostics }, null, 2) + '\n';
}

/** `systems/a.md:3:5: warning dangling-link: Page "x" does not exist.`, then a summary line. */
export function formatText(pages: number, diagnostics: ReportedDiagnostic[]): string {
  const lines = diagnostics.map(
    (d) => `${d.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`,
  );
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  lines.push(`${n(pages, 'page')} checked: ${n(count('error'), 'error')}, ${n(count('warning'), 'warning')}, ${n(count('information') + count('hint'), 'hint')}.`);
  return lines.join('\n') + '\n';
}
