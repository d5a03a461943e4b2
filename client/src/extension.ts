// The VS Code client: starts the bundled server over IPC, shows the page
// count in the status bar, and leaves out what VS Code's own Markdown
// support already shows (the outline, `](` path completion).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusBar } from './statusBar';
import { middleware } from './middleware';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const module = context.asAbsolutePath('dist/wiki-lsp.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', pattern: '**/.wiki-lsp.json' },
    ],
    initializationOptions: {
      vscodeMarkdown: true,
      settings: vscode.workspace.getConfiguration('wikiLsp'),
      storagePath: context.storageUri?.fsPath ?? context.globalStorageUri.fsPath,
      saveDocuments: true,
    },
    synchronize: { configurationSection: 'wikiLsp' },
    markdown: { isTrusted: false, supportHtml: false },
    middleware,
  };
  client = new LanguageClient('wikiLsp', 'Wiki LSP', serverOptions, clientOptions);
  const status = new StatusBar();
  context.subscriptions.push(status, client);
  client.onNotification('wikiLsp/status', (params) => status.update(params));
  client.onRequest('wikiLsp/saveDocuments', (params: { uris: string[] }) => saveDocuments(params.uris));
  registerCommands(context, () => client);
  await client.start();
  return { client };
}

/** Saves pages the server edited that had no unsaved changes before its edit ("Update citations"). */
async function saveDocuments(uris: string[]): Promise<boolean[]> {
  return Promise.all(
    uris.map(async (uri) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)));
      return doc.isDirty ? doc.save() : true;
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
