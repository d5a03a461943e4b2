// VS Code's built-in Markdown support stays on beside wiki-lsp: the client
// drops our `](` path completions, which it already offers.
import type { Middleware } from 'vscode-languageclient/node';
import type * as vscode from 'vscode';

/** Whether the cursor is in a Markdown link destination: `[text](../sys`, `](#` — VS Code completes those itself. */
function inMarkdownDestination(document: vscode.TextDocument, position: vscode.Position): boolean {
  const before = document.lineAt(position.line).text.slice(0, position.character);
  return /\]\([^)\s]*$/.test(before);
}

export const middleware: Middleware = {
  provideCompletionItem(document, position, context, token, next) {
    if (inMarkdownDestination(document, position)) return [];
    return next(document, position, context, token);
  },
};
