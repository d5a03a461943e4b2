// Changes on disk — a git checkout, an agent writing 500 pages — arrive
// through `workspace/didChangeWatchedFiles` (the server registers the
// watchers), or through the server's own recursive watcher for clients that
// cannot watch (Neovim 0.7 has no dynamic registration for it). Events are
// batched so that 500 files make one index update.
import { watch, type FSWatcher } from 'node:fs';

import { DidChangeWatchedFilesNotification, type Connection } from 'vscode-languageserver';
import { CONFIG_FILE } from '../core/config';
import type { Session } from './session';
import type { WikiState } from './wikiState';
import { uriOf } from './convert';

const ATTACHMENTS = '{png,jpg,jpeg,gif,svg,webp,pdf,mp4,webm,mp3,csv,json,txt,canvas,excalidraw}';

/** Watches the wikis; `watch` covers a wiki added later (a new workspace folder). */
export function registerWatching(connection: Connection, session: Session): { watch(wiki: WikiState): void } {
  const batch = new EventBatch(session);
  if (session.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.md' }, { globPattern: `**/${CONFIG_FILE}` }, { globPattern: `**/*.${ATTACHMENTS}` }],
    });
    connection.onDidChangeWatchedFiles(({ changes }) => {
      for (const c of changes) batch.add(c.uri);
    });
    return { watch: () => undefined };
  }
  const own = (wiki: WikiState) => void watchOwn(wiki, batch);
  session.wikis.forEach(own);
  return { watch: own };
}

/** The workspace folder, recursively: it holds the wiki, its vault and its settings file. */
function watchOwn(wiki: WikiState, batch: EventBatch): FSWatcher | undefined {
  const base = wiki.folder;
  try {
    const watcher = watch(base, { recursive: true }, (_event, name) => {
      if (name) batch.add(uriOf(base, String(name).split('\\').join('/')));
    });
    watcher.on('error', () => undefined);
    return watcher;
  } catch {
    return undefined;
  }
}

/** Collects events until 40 ms pass without one (at most 300 ms), then applies them per wiki. */
class EventBatch {
  private readonly uris = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private first = 0;

  constructor(private readonly session: Session) {}

  add(uri: string): void {
    this.uris.add(uri);
    if (!this.timer) this.first = Date.now();
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(40, 300 - (Date.now() - this.first)));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const byWiki = new Map<WikiState, Set<string>>();
    const reconfigure = new Set<WikiState>();
    for (const uri of this.uris) {
      if (uri.endsWith(`/${CONFIG_FILE}`)) {
        for (const w of this.session.wikis) if (uri.startsWith(uriOf(w.folder, ''))) reconfigure.add(w);
        continue;
      }
      const at = this.session.wikiOf(uri);
      if (!at) continue;
      if (!byWiki.has(at.wiki)) byWiki.set(at.wiki, new Set());
      byWiki.get(at.wiki)!.add(at.path);
    }
    this.uris.clear();
    for (const w of reconfigure) void w.reconfigure();
    for (const [wiki, paths] of byWiki) if (!reconfigure.has(wiki)) await wiki.applyDisk(paths);
  }
}

