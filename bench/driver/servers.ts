// How the driver starts and talks to each server under test. An adapter says
// how to spawn it, which capabilities and options an editor would send, how
// to answer its client-side requests, and which links it understands, so that
// one set of scenarios runs against both:
//   wiki-lsp: `node /tmp/wiki-lsp-bench/build/wiki-lsp.js --stdio --cache-dir /tmp/wiki-lsp-bench/index-cache/10000`,
//   published diagnostics (no pull capability), settings from `.wiki-lsp.json` defaults.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientCapabilities } from 'vscode-languageserver-protocol';
import type { OpenDocuments } from './documents';
import type { LspClient, RequestHandler } from './lsp-client';
import type { BenchWiki } from './wiki-data';

/** The repository: the nearest folder above this module (bundled into out/run-ts/) named wiki-lsp in package.json. */
export const REPO = findRepo(dirname(fileURLToPath(import.meta.url)));

function findRepo(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'wiki-lsp') return dir;
  }
  return process.cwd();
}

export interface ServerAdapter {
  /** `wiki-lsp` or `vscode-markdown-languageserver`. */
  readonly name: string;
  /** Which link syntax its cold-index probe uses: the peer resolves Markdown links only. */
  readonly probe: 'wikilink' | 'markdown';
  /** Diagnostics by `textDocument/diagnostic` only (the peer), or also published (wiki-lsp). */
  readonly pushDiagnostics: boolean;
  /** Answers `workspace/applyEdit` for citations on save. */
  readonly citations: boolean;
  command(cacheDir: string | undefined): string[];
  /** With `pull`, the client announces pull diagnostics (as VS Code's language client does). */
  capabilities(pull: boolean): ClientCapabilities;
  initializationOptions(cacheDir: string | undefined): unknown;
  handlers(wiki: BenchWiki, docs: OpenDocuments): Record<string, RequestHandler>;
  /** Right after `initialized`: settings, as VS Code's client pushes them. */
  afterInitialized(client: LspClient): void;
  /** A broken link to type for the diagnostics scenario: `[[systems/no-such-page-3]]`. */
  brokenLink(n: number): string;
}

/** What VS Code announces; without `pull`, less pull diagnostics (so that wiki-lsp publishes them). */
export function editorCapabilities(pull = false): ClientCapabilities {
  const caps: ClientCapabilities = {
    workspace: {
      applyEdit: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      configuration: true,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      symbol: {},
    },
    textDocument: {
      synchronization: { dynamicRegistration: true, didSave: true },
      completion: { contextSupport: true, completionItem: { snippetSupport: true, labelDetailsSupport: true } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      definition: { linkSupport: true },
      references: {},
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
    },
    window: { workDoneProgress: true },
  };
  if (!pull) return caps;
  return {
    ...caps,
    workspace: { ...caps.workspace, diagnostics: { refreshSupport: true } },
    textDocument: { ...caps.textDocument, diagnostic: { dynamicRegistration: true, relatedDocumentSupport: true } },
  };
}

/**
 * The wiki-lsp bundle as of the start of the run, copied aside
 * (`/tmp/wiki-lsp-bench/build/wiki-lsp.js`), so that every session and the
 * checker run one build even while `dist/` is rebuilt meanwhile (and so that
 * the warm start reads a cache written by the same build).
 */
export function snapshotBundle(cacheRoot: string): { path: string; built: string; bytes: number } {
  const source = join(REPO, 'dist/wiki-lsp.js');
  const dir = join(cacheRoot, 'build');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'wiki-lsp.js');
  copyFileSync(source, path);
  if (existsSync(`${source}.map`)) copyFileSync(`${source}.map`, `${path}.map`);
  const stat = statSync(source);
  return { path, built: stat.mtime.toISOString(), bytes: stat.size };
}

export function wikiLsp(bundle: string): ServerAdapter {
  return {
    name: 'wiki-lsp',
    probe: 'wikilink',
    pushDiagnostics: true,
    citations: true,
    command: (cacheDir) => [process.execPath, bundle, '--stdio', ...(cacheDir ? ['--cache-dir', cacheDir] : [])],
    capabilities: editorCapabilities,
    initializationOptions: (cacheDir) => (cacheDir ? { storagePath: cacheDir } : {}),
    handlers: () => ({
      // The `wikiLsp` section: null keeps the defaults.
      'workspace/configuration': (params: { items: unknown[] }) => params.items.map(() => null),
      // Answered "applied" without applying: the scenario measures when the edit arrives.
      'workspace/applyEdit': () => ({ applied: true }),
    }),
    afterInitialized: () => undefined,
    brokenLink: (n) => ` [[systems/no-such-page-${n}]]`,
  };
}
