// Edits as the core proposes them: plain data, converted to LSP
// WorkspaceEdits by the server and written atomically by the CLI.
import type { Span } from './types';

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface FileEdits {
  /** Root-relative path. */
  readonly path: string;
  readonly edits: readonly TextEdit[];
}

export interface NewFile {
  readonly path: string;
  readonly content: string;
}

export interface WikiEdit {
  readonly label: string;
  readonly creates: readonly NewFile[];
  readonly changes: readonly FileEdits[];
}

/** Where features read page text they do not keep: open buffers first, then the disk. */
export interface TextSource {
  text(path: string): string | undefined;
}

/** Applies edits (non-overlapping, any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[], offsetAt: (line: number, ch: number) => number): string {
  const sorted = [...edits].sort((a, b) => offsetAt(b.span.sl, b.span.sc) - offsetAt(a.span.sl, a.span.sc));
  let out = text;
  for (const e of sorted) {
    out = out.slice(0, offsetAt(e.span.sl, e.span.sc)) + e.newText + out.slice(offsetAt(e.span.el, e.span.ec));
  }
  return out;
}
