// The driver's editor buffers: documents it has opened on a server, with
// their text and version, sent as `didOpen` / incremental `didChange` /
// `didSave` / `didClose` — as an editor would. The peer's client-side
// requests (`markdown/parse`) read the buffers through `textOf`.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LspClient } from './lsp-client';
import { readPage, uriOf, type BenchWiki } from './wiki-data';

export interface Edit {
  readonly line: number;
  readonly character: number;
  /** Characters replaced from (line, character) on the same line; 0 inserts. */
  readonly length: number;
  readonly text: string;
}

export class OpenDocuments {
  private readonly docs = new Map<string, TextDocument>();
  private client: LspClient | undefined;

  constructor(private readonly wiki: BenchWiki) {}

  /** Binds the buffers to a server (one per session). */
  attach(client: LspClient): void {
    this.client = client;
    this.docs.clear();
  }

  uri(path: string): string {
    return uriOf(this.wiki, path);
  }

  /** The buffer of an open document by URI, undefined when not open. */
  textOf(uri: string): string | undefined {
    return this.docs.get(uri)?.getText();
  }

  text(path: string): string {
    const doc = this.docs.get(this.uri(path));
    if (!doc) throw new Error(`${path} is not open`);
    return doc.getText();
  }

  version(path: string): number {
    return this.docs.get(this.uri(path))?.version ?? 0;
  }

  isOpen(path: string): boolean {
    return this.docs.has(this.uri(path));
  }

  /** `didOpen` with the text on disk; returns it. */
  open(path: string): string {
    const uri = this.uri(path);
    const text = readPage(this.wiki, path);
    this.docs.set(uri, TextDocument.create(uri, 'markdown', 1, text));
    this.bound().notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return text;
  }

  /** An incremental `didChange` on one line; returns the new version. */
  change(path: string, edit: Edit): number {
    const uri = this.uri(path);
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${path} is not open`);
    const range = { start: { line: edit.line, character: edit.character }, end: { line: edit.line, character: edit.character + edit.length } };
    const version = doc.version + 1;
    const next = TextDocument.update(doc, [{ range, text: edit.text }], version);
    this.docs.set(uri, next);
    this.bound().notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: edit.text }] });
    return version;
  }

  save(path: string): void {
    this.bound().notify('textDocument/didSave', { textDocument: { uri: this.uri(path) } });
  }

  close(path: string): void {
    const uri = this.uri(path);
    this.docs.delete(uri);
    this.bound().notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Line `line` of an open document, without its line break. */
  lineText(path: string, line: number): string {
    return this.text(path).split(/\r?\n/)[line] ?? '';
  }

  private bound(): LspClient {
    if (!this.client) throw new Error('documents are not attached to a server');
    return this.client;
  }
}
