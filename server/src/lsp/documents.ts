// Editor buffers: an open page's text overrides the disk from didOpen to
// didClose; on close the page goes back to what the disk holds (or away,
// when the file was deleted while open).
import type { Session } from './session';
import type { DiagnosticsPublisher } from './handlers/diagnostics';

export type DocumentListener = (uri: string) => void;

export interface DocumentEvents {
  onOpen(l: DocumentListener): void;
  onSave(l: DocumentListener): void;
}

export function registerDocuments(session: Session, diagnostics: DiagnosticsPublisher): DocumentEvents {
  const saveListeners: DocumentListener[] = [];
  const openListeners: DocumentListener[] = [];
  session.documents.onDidOpen(({ document }) => {
    for (const l of openListeners) l(document.uri);
  });
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
  return { onOpen: (l) => void openListeners.push(l), onSave: (l) => void saveListeners.push(l) };
}
