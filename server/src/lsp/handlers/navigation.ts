// Go to definition, document links, references, the outline and workspace
// symbols. Each handler: take the snapshot, call the core, convert.
import {
  type Connection, type DocumentSymbol, type Location, type LocationLink, type SymbolInformation,
  type DocumentLink, SymbolKind,
} from 'vscode-languageserver';
import { definition } from '../../core/features/definition';
import { references } from '../../core/features/references';
import { documentLinks } from '../../core/features/documentLinks';
import { outline, workspaceSymbols, type OutlineNode } from '../../core/features/symbols';
import type { LinkSyntax } from '../../core/types';
import type { Session } from '../session';
import { lineRange, toRange } from '../convert';

/** What VS Code's own Markdown support already makes clickable. */
const MARKDOWN_SYNTAXES = new Set<LinkSyntax>(['markdown', 'image', 'reference', 'definition']);

const SYMBOL_KIND: Record<string, SymbolKind> = {
  system: SymbolKind.Module, concept: SymbolKind.Interface, pattern: SymbolKind.Class,
  company: SymbolKind.Namespace, person: SymbolKind.Object, source: SymbolKind.File,
};

export function registerNavigation(connection: Connection, session: Session): void {
  connection.onDefinition(({ textDocument, position }): LocationLink[] | null => {
    const snap = session.snapshot(textDocument.uri);
    const loc = snap && definition(snap.index, snap.path, position.line, position.character);
    if (!snap || !loc) return null;
    const range = lineRange(loc.line);
    return [{ targetUri: session.uriOf(snap.wiki, loc.path), targetRange: range, targetSelectionRange: range, originSelectionRange: loc.origin && toRange(loc.origin) }];
  });

  connection.onDocumentLinks(({ textDocument }): DocumentLink[] => {
    const snap = session.snapshot(textDocument.uri);
    if (!snap) return [];
    const skip = session.options.vscodeMarkdown ? MARKDOWN_SYNTAXES : new Set<LinkSyntax>();
    return documentLinks(snap.index, snap.path, skip).map((l) => ({
      range: toRange(l.span),
      target: session.uriOf(snap.wiki, l.path) + (l.line > 0 ? `#L${l.line + 1}` : ''),
      tooltip: l.tooltip,
    }));
  });

  connection.onReferences(({ textDocument, position, context }): Location[] => {
    const snap = session.snapshot(textDocument.uri);
    if (!snap) return [];
    return references(snap.index, snap.path, position.line, position.character, context.includeDeclaration).map((r) => ({
      uri: session.uriOf(snap.wiki, r.path),
      range: toRange(r.span),
    }));
  });

  connection.onDocumentSymbol(({ textDocument }): DocumentSymbol[] => {
    const snap = session.snapshot(textDocument.uri);
    const page = snap?.index.pages.get(snap.path)?.data;
    return page ? outline(page).map(toSymbol) : [];
  });

  connection.onWorkspaceSymbol(({ query }): SymbolInformation[] => {
    const out: SymbolInformation[] = [];
    for (const wiki of session.wikis) {
      for (const s of workspaceSymbols(wiki.index, query)) {
        out.push({
          name: s.title === s.id ? s.id : `${s.title} (${s.id})`,
          kind: SYMBOL_KIND[s.type] ?? SymbolKind.File,
          location: { uri: session.uriOf(wiki, s.path), range: lineRange(0) },
          containerName: s.matched !== s.title && s.matched !== s.id ? `alias: ${s.matched}` : s.type,
        });
      }
    }
    return out;
  });
}

function toSymbol(node: OutlineNode): DocumentSymbol {
  return {
    name: node.name,
    kind: node.level === 1 ? SymbolKind.File : SymbolKind.String,
    range: toRange(node.span),
    selectionRange: toRange(node.selection),
    children: node.children.map(toSymbol),
  };
}
