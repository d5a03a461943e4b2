// Commands: restart the server, show its output, update all citations.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('wikiLsp.restart', async () => {
      await client()?.restart();
    }),
    vscode.commands.registerCommand('wikiLsp.showOutput', () => {
      client()?.outputChannel.show(true);
    }),
  );
}
