// Diagnostics: pulled (`textDocument/diagnostic`, `workspace/diagnostic`)
// where the client supports it, with `workspace/diagnostic/refresh` when the
// wiki changes; published for open pages otherwise. The Problems panel shows
// the whole wiki when `wikiLsp.diagnostics.scope` is `workspace`.
import {
  type Connection, type Diagnostic, DiagnosticSeverity, DocumentDiagnosticReportKind,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { diagnosticsOf } from '../../core/diagnostics/all';
import { codeDocs, messageOf, severityOf } from '../../core/diagnostics/messages';
import type { WikiDiagnostic } from '../../core/diagnostics/types';
import type { WikiIndex } from '../../core/index/index';
import type { Severity } from '../../core/config';
import type { Session } from '../session';
import type { WikiState } from '../wikiState';
import { toRange } from '../convert';
import { configDiagnostics } from './configDiagnostics';

/** Open pages other than the edited one get fresh diagnostics this much later (once for a burst of keystrokes). */
const OTHERS_DELAY_MS = 100;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** LSP diagnostics of one page; `data` carries what the quick fixes need. */
export function lspDiagnostics(session: Session, wiki: WikiState, index: WikiIndex, path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnosticsOf(index, path)) {
    const severity = severityOf(d.code, index.ctx.config);
    if (severity) out.push(toDiagnostic(session, wiki, d, severity));
  }
  return out;
}

function toDiagnostic(session: Session, wiki: WikiState, d: WikiDiagnostic, severity: Severity): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(d.span),
    severity: SEVERITY[severity],
    code: d.code,
    codeDescription: { href: codeDocs(d.code) },
    source: 'wiki-lsp',
    message: messageOf(d),
    data: { code: d.code, link: d.link, target: d.target, facts: d.facts },
  };
  const others = d.code === 'dangling-link' ? (d.facts.others as string[]) : [];
  if (others.length && session.capabilities.textDocument?.publishDiagnostics?.relatedInformation !== false) {
    diagnostic.relatedInformation = others.slice(0, 20).map((p) => ({
      location: { uri: session.uriOf(wiki, p), range: toRange({ sl: 0, sc: 0, el: 0, ec: 0 }) },
      message: `${p} links to "${d.target}" too`,
    }));
  }
  return diagnostic;
}

export function registerDiagnostics(connection: Connection, session: Session): DiagnosticsPublisher {
  // Diagnostics wait for the wiki to be indexed: a partial index would call pages that exist missing.
  connection.languages.diagnostics.on(async ({ textDocument }) => {
    await session.wikiOf(textDocument.uri)?.wiki.settled();
    const items = documentDiagnostics(session, textDocument.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });
  connection.languages.diagnostics.onWorkspace(async (_params, token) => {
    while (session.settings.diagnosticsScope !== 'workspace' && !token.isCancellationRequested) {
      await session.settingsChanged();
    }
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const wiki of session.wikis) await wiki.settled();
    for (const wiki of session.wikis) {
      for (const path of wiki.index.pages.keys()) {
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri: session.uriOf(wiki, path), version: null, items: lspDiagnostics(session, wiki, wiki.index, path) });
      }
    }
    return { items };
  });
  return new DiagnosticsPublisher(connection, session);
}

function documentDiagnostics(session: Session, uri: string): Diagnostic[] {
  const config = configDiagnostics(session, uri);
  if (config) return config;
  const snap = session.snapshot(uri);
  return snap ? lspDiagnostics(session, snap.wiki, snap.index, snap.path) : [];
}

/**
 * After each change: a refresh for pulling clients, fresh diagnostics of open
 * pages for the others — and, with `wikiLsp.diagnostics.scope: workspace`,
 * of every page (at most twice a second, only what changed).
 */
export class DiagnosticsPublisher {
  private scheduled = false;
  private wholeWiki: NodeJS.Timeout | undefined;
  private others: NodeJS.Timeout | undefined;
  private readonly sent = new Map<string, string>();
  /** Open pages whose own entry changed since the last publish: sent at once, the rest a little later. */
  private readonly urgent = new Set<string>();

  constructor(private readonly connection: Connection, private readonly session: Session) {}

  private get pulls(): boolean {
    return !!this.session.capabilities.textDocument?.diagnostic;
  }

  /** A wiki moved from `previous` to its current index (both unset: anything may have changed). */
  changed(wiki?: WikiState, previous?: WikiIndex): void {
    if (wiki && previous && !this.pulls) {
      for (const doc of this.session.documents.all()) {
        const path = wiki.pathOf(doc.uri);
        if (path !== undefined && previous.pages.get(path) !== wiki.index.pages.get(path)) this.urgent.add(doc.uri);
      }
    }
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.pulls) {
        if (this.session.capabilities.workspace?.diagnostics?.refreshSupport) this.connection.languages.diagnostics.refresh();
        return;
      }
      this.publishOpen([...this.urgent]);
      this.urgent.clear();
      this.others ??= setTimeout(() => {
        this.others = undefined;
        this.publishOpen();
      }, OTHERS_DELAY_MS);
      if (this.session.settings.diagnosticsScope === 'workspace' && !this.wholeWiki) {
        this.wholeWiki = setTimeout(() => this.publishAll(), 500);
      }
    });
  }

  /** Every page's diagnostics, sending only those that differ from what was sent last. */
  private publishAll(): void {
    this.wholeWiki = undefined;
    for (const wiki of this.session.wikis) {
      if (wiki.loading) continue;
      for (const path of wiki.index.pages.keys()) {
        const uri = this.session.uriOf(wiki, path);
        if (this.session.documents.get(uri)) continue;
        const diagnostics = lspDiagnostics(this.session, wiki, wiki.index, path);
        const key = JSON.stringify(diagnostics);
        if (this.sent.get(uri) === key || (!this.sent.has(uri) && diagnostics.length === 0)) continue;
        this.sent.set(uri, key);
        this.connection.sendDiagnostics({ uri, diagnostics });
      }
    }
  }

  /** Pushes the diagnostics of open documents (clients without pull diagnostics), skipping unchanged ones. */
  publishOpen(uris?: string[]): void {
    const docs = uris ? uris.flatMap((u) => this.session.documents.get(u) ?? []) : this.session.documents.all();
    for (const doc of docs) {
      if (this.session.wikiOf(doc.uri)?.wiki.loading) continue; // published when the index is complete
      const diagnostics = documentDiagnostics(this.session, doc.uri);
      const key = `${doc.version}:${JSON.stringify(diagnostics)}`;
      if (this.sent.get(doc.uri) === key) continue;
      this.sent.set(doc.uri, key);
      this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    }
  }

  closed(uri: string): void {
    if (this.pulls) return;
    this.sent.delete(uri);
    if (this.session.settings.diagnosticsScope === 'workspace') this.changed();
    else this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
