// The language server: capabilities, document sync, and the wiring from
// requests to handlers. `initialize` answers at once; the wikis are indexed
// after `initialized`, in the background, with progress.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Session } from './session';
import type { WikiState } from './wikiState';
import { registerNavigation } from './handlers/navigation';
import { registerDiagnostics } from './handlers/diagnostics';
import { registerDocuments } from './documents';
import { registerWatching } from './watch';
import { registerStatus } from './status';
import { CitationSync } from './citationSync';
import { registerHover } from './handlers/hover';
import { registerCompletion, TRIGGERS } from './handlers/completion';
import { registerCodeActions, SOURCE_KINDS } from './handlers/codeActions';
import { registerCommands, COMMANDS } from './handlers/commands';
import { CodeActionKind } from 'vscode-languageserver/node';

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const session = new Session(connection, documents);

  connection.onInitialize((params): InitializeResult => {
    session.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        definitionProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: TRIGGERS, resolveProvider: true },
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: !session.options.vscodeMarkdown,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source, ...SOURCE_KINDS], resolveProvider: true },
        executeCommandProvider: { commands: Object.keys(COMMANDS) },
        diagnosticProvider: { identifier: 'wiki-lsp', interFileDependencies: true, workspaceDiagnostics: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'wiki-lsp', version: '0.1.0' },
    };
  });

  const diagnostics = registerDiagnostics(connection, session);
  registerNavigation(connection, session);
  registerCodeActions(connection, session);
  registerHover(connection, session);
  registerCompletion(connection, session);
  registerCommands(connection, session);
  const docs = registerDocuments(session, diagnostics);
  const citations = new CitationSync(session);
  docs.onOpen((uri) => citations.opened(uri));
  docs.onSave((uri) => citations.onSaved(uri));
  const status = registerStatus(connection, session);

  const start = (wiki: WikiState) => {
    wiki.onChange((_, previous) => {
      diagnostics.changed(wiki, previous);
      status.changed(wiki);
    });
    void wiki.load();
  };

  connection.onInitialized(async () => {
    await session.refreshSettings().catch(() => undefined);
    const watching = registerWatching(connection, session);
    session.wikis.forEach(start);
    if (session.capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        for (const f of removed) session.removeFolder(f.uri);
        for (const f of added) {
          const wiki = session.addFolder(f.uri);
          if (wiki) {
            start(wiki);
            watching.watch(wiki);
          }
        }
        diagnostics.changed();
      });
    }
  });
  connection.onShutdown(async () => {
    await Promise.all(session.wikis.map((w) => w.flushCache()));
  });
  connection.onDidChangeConfiguration(async (change) => {
    await session.refreshSettings(change.settings?.wikiLsp);
    diagnostics.changed();
  });

  documents.listen(connection);
  connection.listen();
}
