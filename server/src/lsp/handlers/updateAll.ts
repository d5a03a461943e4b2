// "Wiki: Update all citations": one WorkspaceEdit for the whole wiki, shown
// for confirmation (a refactor preview in VS Code) when it touches many files.
import type { WorkspaceEdit } from 'vscode-languageserver';
import { planCitations } from '../../core/citations/plan';
import type { FileEdits } from '../../core/edits';
import type { Session } from '../session';
import { textSource } from '../texts';
import { toWorkspaceEdit } from '../workspaceEdit';

const CONFIRM_ABOVE = 5;

export async function updateAllCitations(session: Session): Promise<{ pages: number; applied: boolean }> {
  let pages = 0;
  let applied = true;
  for (const wiki of session.wikis) {
    const texts = textSource(session, wiki);
    const changes: FileEdits[] = [];
    for (const path of [...wiki.index.pages.keys()].sort()) {
      const plan = planCitations(wiki.index, path, texts, {});
      if (plan?.edits.length) changes.push({ path, edits: plan.edits });
    }
    if (changes.length === 0) continue;
    const edit = annotate(session, toWorkspaceEdit(session, wiki, { label: 'Update all citations', creates: [], changes }), changes.length);
    const result = await session.connection.workspace.applyEdit({ label: 'Update all citations', edit });
    applied &&= result.applied;
    if (result.applied) pages += changes.length;
  }
  if (pages === 0 && applied) void session.connection.window.showInformationMessage('All citation counts and "Seen in" lists are up to date.');
  return { pages, applied };
}

/** Marks every edit with an annotation that needs confirmation, when the client supports it and many files change. */
function annotate(session: Session, edit: WorkspaceEdit, files: number): WorkspaceEdit {
  const support = session.capabilities.workspace?.workspaceEdit?.changeAnnotationSupport;
  if (!support || files <= CONFIRM_ABOVE || !edit.documentChanges) return edit;
  const id = 'wikiLsp.updateAllCitations';
  for (const change of edit.documentChanges) {
    if ('edits' in change) change.edits = change.edits.map((e) => ({ ...e, annotationId: id }));
  }
  return { ...edit, changeAnnotations: { [id]: { label: 'Update citations', needsConfirmation: true, description: `Counts and "Seen in" lists on ${files} pages` } } };
}
