// Quick fixes and source actions. The edit of each action is computed when
// the user picks it (codeAction/resolve) where the client allows, since a
// new page's "Seen in" list reads every source that links to it.
import { CodeActionKind, type CodeAction, type Connection, type Range } from 'vscode-languageserver';
import { fixesAt } from '../../core/fixes/all';
import type { Fix } from '../../core/fixes/types';
import type { Session, Snapshot } from '../session';
import { textSource } from '../texts';
import { canCreateFiles, toWorkspaceEdit } from '../workspaceEdit';
import { lspDiagnostics } from './diagnostics';

export const SOURCE_KINDS = [`${CodeActionKind.Source}.wikiLsp.createMissingPages`, `${CodeActionKind.Source}.wikiLsp.updateCitations`];

interface ActionData {
  uri: string;
  range: Range;
  title: string;
}

const today = () => new Date().toISOString().slice(0, 10);
const spanOf = (r: Range) => ({ sl: r.start.line, sc: r.start.character, el: r.end.line, ec: r.end.character });

function computeFixes(session: Session, snap: Snapshot, range: Range) {
  return fixesAt(snap.index, snap.path, spanOf(range), textSource(session, snap.wiki), { date: today() });
}

export function registerCodeActions(connection: Connection, session: Session): void {
  const lazy = () => !!session.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
  connection.onCodeAction(({ textDocument, range, context }): CodeAction[] => {
    const snap = session.snapshot(textDocument.uri);
    if (!snap) return [];
    const { diagnostics, fixes } = computeFixes(session, snap, range);
    const lsp = lspDiagnostics(session, snap.wiki, snap.index, snap.path);
    const wanted = context.only;
    return fixes
      .filter((f) => !wanted || wanted.some((k) => kindOf(f).startsWith(k)))
      .map((f) => {
        const diag = f.diagnostic === undefined ? undefined : lsp.find((d) => d.code === diagnostics[f.diagnostic!].code && d.range.start.line === diagnostics[f.diagnostic!].span.sl && d.range.start.character === diagnostics[f.diagnostic!].span.sc);
        const action: CodeAction = { title: f.title, kind: kindOf(f), isPreferred: f.preferred, diagnostics: diag ? [diag] : undefined };
        if (lazy()) action.data = { uri: textDocument.uri, range, title: f.title } satisfies ActionData;
        else Object.assign(action, materialize(session, snap, f));
        return action;
      });
  });
  connection.onCodeActionResolve((action): CodeAction => {
    const data = action.data as ActionData | undefined;
    const snap = data && session.snapshot(data.uri);
    if (!data || !snap) return action;
    const fix = computeFixes(session, snap, data.range).fixes.find((f) => f.title === data.title);
    return fix ? { ...action, ...materialize(session, snap, fix) } : action;
  });
}

function kindOf(f: Fix): string {
  return f.kind === 'quickfix' ? CodeActionKind.QuickFix : `${CodeActionKind.Source}.wikiLsp.${f.sourceKind ?? 'action'}`;
}

/** The edit (or, for clients that cannot create files, the command) of a fix, and the page to open after it. */
function materialize(session: Session, snap: Snapshot, f: Fix): Pick<CodeAction, 'edit' | 'command'> {
  if (f.edit.creates.length > 0 && !canCreateFiles(session)) {
    const files = f.edit.creates.map((c) => ({ uri: session.uriOf(snap.wiki, c.path), content: c.content }));
    return { command: { title: f.title, command: 'wikiLsp.createPages', arguments: [{ files, open: f.open ? session.uriOf(snap.wiki, f.open) : undefined }] } };
  }
  const edit = toWorkspaceEdit(session, snap.wiki, f.edit);
  const command = f.open ? { title: 'Open the new page', command: 'wikiLsp.openPage', arguments: [session.uriOf(snap.wiki, f.open)] } : undefined;
  return { edit, command };
}
