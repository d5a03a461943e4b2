// Diagnostics of every page (or the named ones), with every rule set.
import type { WikiIndex } from '../index/index';
import type { WikiDiagnostic } from './types';
import { pageDiagnostics, type ExtraDiagnostics } from './page';
import { citationDiagnostics } from '../citations/check';

/** Feature rule sets beyond links and frontmatter. */
export const RULES: ExtraDiagnostics[] = [citationDiagnostics];

export function diagnosticsOf(index: WikiIndex, path: string): WikiDiagnostic[] {
  return pageDiagnostics(index, path, RULES);
}

export function wikiDiagnostics(index: WikiIndex, only?: readonly string[]): { path: string; diagnostics: WikiDiagnostic[] }[] {
  const paths = only ?? [...index.pages.keys()].sort();
  return paths.map((path) => ({ path, diagnostics: diagnosticsOf(index, path) }));
}
