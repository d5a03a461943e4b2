// `wikiLsp/status`: the page count and indexing state of each wiki, for the
// client's status bar. Sent when the count or the state changes.
import type { Connection } from 'vscode-languageserver';
import type { Session } from './session';
import type { WikiState } from './wikiState';

export interface StatusParams {
  readonly folder: string;
  readonly root: string;
  readonly pages: number;
  readonly indexing: boolean;
}

export function registerStatus(connection: Connection, session: Session): { changed(wiki: WikiState): void } {
  const last = new Map<string, string>();
  connection.onRequest('wikiLsp/status', (): StatusParams[] => session.wikis.map(statusOf));
  return {
    changed(wiki) {
      const status = statusOf(wiki);
      const key = `${status.pages}:${status.indexing}`;
      if (last.get(wiki.folder) === key) return;
      last.set(wiki.folder, key);
      void connection.sendNotification('wikiLsp/status', status);
    },
  };
}

function statusOf(wiki: WikiState): StatusParams {
  return { folder: wiki.folder, root: wiki.loc.root, pages: wiki.index.pages.size, indexing: wiki.loading };
}
