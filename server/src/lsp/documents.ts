// Editor buffers: an open page's text overrides the disk from didOpen to
// didClose; on close the page goes back to what the disk holds (or away,
// when the file was deleted while open).
import type { Connection } from 'vscode-languageserver';
import type { Session } from './session';
import type { DiagnosticsPublisher } from './handlers/diagnostics';

export type SaveListener = (uri: string) => void;

export function registerDocuments(connection: Connection, session: Session, diagnostics: DiagnosticsPublisher): { onSave(l: SaveListener): void } {
  const saveListeners: SaveListener[] = [];
  session.documents.onDidChangeContent(({ document }) => {
    const at = session.wikiOf(document.uri);
    if (at && at.wiki.isPagePath(at.path)) at.wiki.applyText(at.path, document.getText());
  });
  session.documents.onDidClose(({ document }) => {
    diagnostics.closed(document.uri);
    const at = session.wikiOf(document.uri);
    if (at && at.wiki.isPagePath(at.path)) void at.wiki.revertToDisk(at.path);
  });
  session.documents.onDidSave(({ document }) => {
    for (const l of saveListeners) l(document.uri);
  });
  void connection;
  return { onSave: (l) => saveListeners.push(l) };
}
