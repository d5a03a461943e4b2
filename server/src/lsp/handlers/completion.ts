// Completion items over LSP; documentation (the page's summary) comes
// through completionItem/resolve so that lists stay small.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Connection } from 'vscode-languageserver';
import { completions, type CompletionEntry } from '../../core/features/completion/index';
import { inLinkableText } from '../../core/features/completion/prose';
import { preview } from '../../core/features/hover';
import type { Session } from '../session';
import { escapeMarkdown } from './hover';

const KIND_BY_TYPE: Record<string, CompletionItemKind> = {
  system: CompletionItemKind.Module, concept: CompletionItemKind.Interface, pattern: CompletionItemKind.Class,
  company: CompletionItemKind.Struct, person: CompletionItemKind.Constant, source: CompletionItemKind.File,
};

const KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  page: CompletionItemKind.Reference, alias: CompletionItemKind.Reference, missing: CompletionItemKind.Reference,
  heading: CompletionItemKind.Field, block: CompletionItemKind.Field, label: CompletionItemKind.Text, path: CompletionItemKind.File,
};

export const TRIGGERS = ['[', '(', '#', '|', '/'];

export function registerCompletion(connection: Connection, session: Session): void {
  connection.onCompletion(({ textDocument, position }): CompletionList | null => {
    const snap = session.snapshot(textDocument.uri);
    const doc = session.documents.get(textDocument.uri);
    if (!snap || !doc) return null;
    const text = doc.getText();
    if (!inLinkableText(text, position.line, position.character)) return null;
    const line = doc.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
    const list = completions(snap.index, snap.path, line, position.character);
    return { isIncomplete: list.isIncomplete, items: list.items.map((e) => toItem(e, position.line, textDocument.uri)) };
  });
  connection.onCompletionResolve((item): CompletionItem => {
    const data = item.data as { uri: string; path: string } | undefined;
    const snap = data && session.snapshot(data.uri);
    const page = snap?.index.pages.get(data!.path)?.data;
    if (!snap || !page) return item;
    const p = preview(snap.index, page);
    const lines = [`**${escapeMarkdown(page.title)}**${p.count !== undefined ? ` · cited by ${p.count}` : ''}`];
    if (page.summary) lines.push('', escapeMarkdown(page.summary));
    if (page.isStub) lines.push('', '_Stub page._');
    return { ...item, documentation: { kind: MarkupKind.Markdown, value: lines.join('\n') } };
  });
}

function toItem(e: CompletionEntry, line: number, uri: string): CompletionItem {
  const range = { start: { line, character: e.from }, end: { line, character: e.to } };
  return {
    label: e.label,
    kind: e.type && (e.kind === 'page' || e.kind === 'path') ? KIND_BY_TYPE[e.type] ?? KIND[e.kind] : KIND[e.kind],
    detail: e.detail,
    labelDetails: e.kind === 'missing' ? { description: 'missing' } : undefined,
    textEdit: { range, newText: e.newText },
    insertTextFormat: InsertTextFormat.PlainText,
    filterText: e.filterText,
    sortText: e.sortText,
    data: e.path ? { uri, path: e.path } : undefined,
  };
}
