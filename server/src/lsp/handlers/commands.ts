// Server commands: open a page, create pages (for clients that cannot
// create files through a WorkspaceEdit), and those features add.
import type { Connection } from 'vscode-languageserver';
import { createFileExclusive } from '../../host/write';
import type { Session } from '../session';
import { fsPathOf } from '../convert';
import { updateAllCitations } from './updateAll';

export type CommandHandler = (session: Session, args: unknown[]) => Promise<unknown>;

export const COMMANDS: Record<string, CommandHandler> = {
  'wikiLsp.updateAllCitations': async (session) => updateAllCitations(session),
  'wikiLsp.openPage': async (session, [uri]) => showPage(session, String(uri)),
  'wikiLsp.createPages': async (session, [arg]) => {
    const { files, open } = arg as { files: { uri: string; content: string }[]; open?: string };
    const created: string[] = [];
    for (const f of files) {
      const at = session.wikiOf(f.uri);
      const abs = fsPathOf(f.uri);
      if (!at || !abs || !at.wiki.isPagePath(at.path)) {
        session.connection.window.showErrorMessage(`Not creating ${f.uri}: it is not a page inside the wiki.`);
        continue;
      }
      if (!createFileExclusive(abs, f.content)) {
        session.connection.window.showWarningMessage(`${at.path} already exists; it was left as it is.`);
        continue;
      }
      created.push(at.path);
      await at.wiki.applyDisk([at.path]);
    }
    if (open) await showPage(session, open);
    return created;
  },
};

async function showPage(session: Session, uri: string): Promise<boolean> {
  if (!session.capabilities.window?.showDocument?.support) return false;
  const result = await session.connection.window.showDocument({ uri, takeFocus: true });
  return result.success;
}

export function registerCommands(connection: Connection, session: Session): void {
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const handler = COMMANDS[command];
    return handler ? handler(session, args ?? []) : undefined;
  });
}
