// The client half of vscode-markdown-languageserver, as VS Code's
// markdown-language-features extension implements it
// (extensions/markdown-language-features/src/client/client.ts): the server
// reads files, lists the workspace and parses Markdown through the client.
//   markdown/parse {uri, text?}             → markdown-it tokens (frontmatter stripped, maps shifted)
//   markdown/fs/readFile {uri}              → the bytes as number[]
//   markdown/fs/stat {uri}                  → {isDirectory} | undefined
//   markdown/fs/readDirectory {uri}         → [name, {isDirectory}][]
//   markdown/findMarkdownFilesInWorkspace   → every **/*.md URI (node_modules and dot folders excluded)
//   markdown/fs/watcher/create|delete       → nothing (the benchmark changes no file on disk)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { URI } from 'vscode-uri';
import type { RequestHandler } from '../driver/lsp-client';
import type { OpenDocuments } from '../driver/documents';
import { markdownFiles, uriOf, type BenchWiki } from '../driver/wiki-data';

/** VS Code's engine: `markdownIt({ html: true })` with `linkify` on (markdown.preview.linkify). */
const md = new MarkdownIt({ html: true, linkify: true });

/** VS Code's MarkdownEngine strips the frontmatter before parsing with this expression. */
const FRONT_MATTER = /^---\s*[^]*?(-{3}|\.{3})\s*/;

/** Tokens of a page, as `MarkdownItEngine.tokenize` returns them: map lines shifted past the frontmatter. */
export function tokenize(text: string): ReturnType<MarkdownIt['parse']> {
  let offset = 0;
  let body = text;
  const front = FRONT_MATTER.exec(text);
  if (front) {
    offset = front[0].split(/\r\n|\n|\r/g).length - 1;
    body = text.slice(front[0].length);
  }
  const tokens = md.parse(body, {});
  if (offset) {
    for (const t of tokens) {
      if (t.map) t.map = [t.map[0] + offset, t.map[1] + offset];
    }
  }
  return tokens;
}

function fsPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

/** Counts of the client-side requests answered, for the report: { 'markdown/parse': 10001, … }. */
export type RequestCounts = Record<string, number>;

export function markdownClientHandlers(wiki: BenchWiki, docs: OpenDocuments, counts: RequestCounts): Record<string, RequestHandler> {
  const counted = (method: string, fn: RequestHandler): RequestHandler => (params) => {
    counts[method] = (counts[method] ?? 0) + 1;
    return fn(params);
  };
  return {
    'markdown/parse': counted('markdown/parse', (p: { uri: string; text?: string }) => {
      const text = p.text ?? docs.textOf(p.uri) ?? readText(p.uri);
      return text === undefined ? [] : tokenize(text);
    }),
    'markdown/fs/readFile': counted('markdown/fs/readFile', (p: { uri: string }) => Array.from(readFileSync(fsPath(p.uri)))),
    'markdown/fs/stat': counted('markdown/fs/stat', (p: { uri: string }) => {
      try {
        return { isDirectory: statSync(fsPath(p.uri)).isDirectory() };
      } catch {
        return undefined;
      }
    }),
    'markdown/fs/readDirectory': counted('markdown/fs/readDirectory', (p: { uri: string }) =>
      readdirSync(fsPath(p.uri), { withFileTypes: true }).map((e) => [e.name, { isDirectory: e.isDirectory() }])),
    'markdown/findMarkdownFilesInWorkspace': counted('markdown/findMarkdownFilesInWorkspace', () =>
      markdownFiles(wiki.root).map((p) => uriOf(wiki, p))),
    'markdown/fs/watcher/create': () => null,
    'markdown/fs/watcher/delete': () => null,
  };
}

function readText(uri: string): string | undefined {
  try {
    return readFileSync(fsPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}
