// `config-error` on an open `.wiki-lsp.json`.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { codeDocs } from '../../core/diagnostics/messages';
import type { Session } from '../session';
import { fsPathOf, toRange } from '../convert';

/** The diagnostics of a settings file, or undefined when `uri` is not one in use. */
export function configDiagnostics(session: Session, uri: string): Diagnostic[] | undefined {
  const abs = fsPathOf(uri);
  const wiki = session.wikis.find((w) => w.loc.configFile === abs);
  if (!wiki) return undefined;
  return wiki.loc.configProblems.map((p) => ({
    range: toRange(p.span),
    severity: DiagnosticSeverity.Error,
    code: 'config-error',
    codeDescription: { href: codeDocs('config-error') },
    source: 'wiki-lsp',
    message: p.message,
  }));
}
