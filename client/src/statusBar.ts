// "$(book) 21 pages" in the status bar; a spinner while a wiki is indexed.
import * as vscode from 'vscode';

export interface WikiStatus {
  folder: string;
  root: string;
  pages: number;
  indexing: boolean;
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('wikiLsp.status', vscode.StatusBarAlignment.Left, 10);
  private readonly wikis = new Map<string, WikiStatus>();

  constructor() {
    this.item.name = 'Wiki LSP';
    this.item.command = 'wikiLsp.showOutput';
  }

  update(status: WikiStatus): void {
    this.wikis.set(status.folder, status);
    const all = [...this.wikis.values()];
    const pages = all.reduce((n, w) => n + w.pages, 0);
    const indexing = all.some((w) => w.indexing);
    this.item.text = indexing ? `$(sync~spin) Wiki: indexing ${pages} pages` : `$(book) ${pages} wiki pages`;
    this.item.tooltip = all.map((w) => `${w.root}: ${w.pages} pages${w.indexing ? ' (indexing)' : ''}`).join('\n');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
