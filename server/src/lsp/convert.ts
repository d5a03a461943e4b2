// The one place where the model's values become LSP values.
import { join, normalize, sep } from 'node:path';
import { URI } from 'vscode-uri';
import type { Range } from 'vscode-languageserver';
import type { Span } from '../core/types';

export const toRange = (s: Span): Range => ({ start: { line: s.sl, character: s.sc }, end: { line: s.el, character: s.ec } });

export const lineRange = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 0 } });

const uris = new Map<string, Map<string, string>>();

/** A root-relative path (`systems/x.md`, `../raw/a.pdf` in a vault) as a file URI (remembered: references return thousands). */
export function uriOf(root: string, path: string): string {
  let byPath = uris.get(root);
  if (!byPath) uris.set(root, (byPath = new Map()));
  let uri = byPath.get(path);
  if (uri === undefined) {
    if (byPath.size > 200_000) byPath.clear();
    uri = URI.file(normalize(join(root, ...path.split('/')))).toString();
    byPath.set(path, uri);
  }
  return uri;
}

/** The absolute file path of a `file:` URI, or undefined for other schemes. */
export function fsPathOf(uri: string): string | undefined {
  const u = URI.parse(uri);
  return u.scheme === 'file' ? normalize(u.fsPath) : undefined;
}

/** The root-relative path of an absolute path inside `root`, or undefined. */
export function relativeTo(root: string, abs: string): string | undefined {
  const prefix = root.endsWith(sep) ? root : root + sep;
  if (!abs.startsWith(prefix)) return undefined;
  return abs.slice(prefix.length).split(sep).join('/');
}
