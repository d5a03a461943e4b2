// A WikiEdit as an LSP WorkspaceEdit: CreateFile plus the new page's text,
// versioned TextDocumentEdits for open pages, plain ones for the rest.
import type { WorkspaceEdit, TextDocumentEdit, CreateFile } from 'vscode-languageserver';
import type { WikiEdit } from '../core/edits';
import type { Session } from './session';
import type { WikiState } from './wikiState';
import { toRange } from './convert';

export function canCreateFiles(session: Session): boolean {
  const we = session.capabilities.workspace?.workspaceEdit;
  return !!we?.documentChanges && !!we.resourceOperations?.includes('create');
}

export function toWorkspaceEdit(session: Session, wiki: WikiState, edit: WikiEdit): WorkspaceEdit {
  const useDocumentChanges = !!session.capabilities.workspace?.workspaceEdit?.documentChanges;
  if (!useDocumentChanges) {
    const changes: Record<string, { range: ReturnType<typeof toRange>; newText: string }[]> = {};
    for (const f of edit.changes) changes[session.uriOf(wiki, f.path)] = f.edits.map((e) => ({ range: toRange(e.span), newText: e.newText }));
    return { changes };
  }
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const c of edit.creates) {
    const uri = session.uriOf(wiki, c.path);
    documentChanges.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri, version: null }, edits: [{ range: toRange({ sl: 0, sc: 0, el: 0, ec: 0 }), newText: c.content }] });
  }
  for (const f of edit.changes) {
    const uri = session.uriOf(wiki, f.path);
    const version = session.documents.get(uri)?.version ?? null;
    documentChanges.push({ textDocument: { uri, version }, edits: f.edits.map((e) => ({ range: toRange(e.span), newText: e.newText })) });
  }
  return { documentChanges };
}
