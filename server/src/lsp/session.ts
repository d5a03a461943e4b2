// The server's state: the client's capabilities and settings, the open
// documents, and one WikiState per workspace folder. Handlers ask it for a
// snapshot: the wiki of a document, its current index and the page's path.
import type { Connection, InitializeParams, ClientCapabilities } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WikiIndex } from '../core/index/index';
import { WikiState, type StateHost } from './wikiState';
import { fsPathOf, uriOf } from './convert';
import { DEFAULT_SETTINGS, readSettings, type EditorSettings } from './settings';
import { Progress } from './progress';
import { ParsePool } from '../host/parseWorker';
import type { PageData } from '../core/types';

export interface Snapshot {
  readonly wiki: WikiState;
  readonly index: WikiIndex;
  /** Root-relative path of the document: `systems/kube-proxy.md`. */
  readonly path: string;
}

export interface InitOptions {
  /** Set by the VS Code client: leave out what VS Code's Markdown support already shows. */
  readonly vscodeMarkdown?: boolean;
  readonly settings?: unknown;
  /** The client answers `wikiLsp/saveDocuments` (the VS Code client does). */
  readonly saveDocuments?: boolean;
  /** A folder for the persistent index cache. */
  readonly storagePath?: string;
}

/** `--cache-dir=DIR` (or `--cache-dir DIR`) on the server's command line. */
function cacheDirArg(): string | undefined {
  const argv = process.argv;
  const i = argv.findIndex((a) => a === '--cache-dir' || a.startsWith('--cache-dir='));
  if (i === -1) return undefined;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
}

export class Session implements StateHost {
  capabilities: ClientCapabilities = {};
  options: InitOptions = {};
  settings: EditorSettings = DEFAULT_SETTINGS;
  readonly wikis: WikiState[] = [];
  private readonly progressUi: Progress;
  private readonly parser = new ParsePool(__filename);
  readonly workerScript = __filename;
  cacheDir: string | undefined;

  constructor(readonly connection: Connection, readonly documents: TextDocuments<TextDocument>) {
    this.progressUi = new Progress(connection, () => !!this.capabilities.window?.workDoneProgress);
  }

  initialize(params: InitializeParams): void {
    this.capabilities = params.capabilities;
    this.options = (params.initializationOptions ?? {}) as InitOptions;
    if (this.options.settings) this.settings = readSettings(this.options.settings);
    this.cacheDir = cacheDirArg() ?? this.options.storagePath;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    for (const uri of folders) this.addFolder(uri);
  }

  addFolder(uri: string): WikiState | undefined {
    const folder = fsPathOf(uri);
    if (!folder || this.wikis.some((w) => w.folder === folder)) return undefined;
    const wiki = new WikiState(folder, this.settings.conventions, this);
    this.wikis.push(wiki);
    return wiki;
  }

  removeFolder(uri: string): void {
    const folder = fsPathOf(uri);
    const i = this.wikis.findIndex((w) => w.folder === folder);
    if (i !== -1) this.wikis.splice(i, 1);
  }

  /** The wiki holding a URI: the innermost root that contains it. */
  wikiOf(uri: string): { wiki: WikiState; path: string } | undefined {
    let best: { wiki: WikiState; path: string } | undefined;
    for (const wiki of this.wikis) {
      const path = wiki.pathOf(uri);
      if (path !== undefined && (!best || wiki.loc.root.length > best.wiki.loc.root.length)) best = { wiki, path };
    }
    return best;
  }

  /** The wiki, index and path of a page document; undefined outside every wiki. */
  snapshot(uri: string): Snapshot | undefined {
    const at = this.wikiOf(uri);
    if (!at || !at.wiki.isPagePath(at.path)) return undefined;
    return { wiki: at.wiki, index: at.wiki.index, path: at.path };
  }

  uriOf(wiki: WikiState, path: string): string {
    return uriOf(wiki.loc.root, path);
  }

  private settingsWaiters: (() => void)[] = [];

  /** Resolves at the next settings change (the workspace diagnostics long-poll waits on it). */
  settingsChanged(): Promise<void> {
    return new Promise((resolve) => this.settingsWaiters.push(resolve));
  }

  async refreshSettings(pushed?: unknown): Promise<void> {
    let section = pushed;
    if (this.capabilities.workspace?.configuration) section = await this.connection.workspace.getConfiguration('wikiLsp');
    if (section === undefined || section === null) return;
    const next = readSettings(section);
    const conventionsChanged = JSON.stringify(next.conventions) !== JSON.stringify(this.settings.conventions);
    this.settings = next;
    for (const wake of this.settingsWaiters.splice(0)) wake();
    if (conventionsChanged) await Promise.all(this.wikis.map((w) => w.reconfigure(next.conventions)));
  }

  // StateHost
  overlay(wiki: WikiState, path: string): string | undefined {
    return this.documents.get(uriOf(wiki.loc.root, path))?.getText();
  }

  isOpen(wiki: WikiState, path: string): boolean {
    return this.documents.get(uriOf(wiki.loc.root, path)) !== undefined;
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  parseLarge(path: string, text: string, wiki: WikiState): Promise<PageData> {
    return this.parser.parse(path, text, wiki.index.parseOptions);
  }

  progress(wiki: WikiState, done: number, total: number): void {
    this.progressUi.report(wiki.folder, done, total);
  }
}
