// The peer: vscode-markdown-languageserver 0.5.0, the server behind VS Code's
// Markdown support, started and configured as VS Code's client does it:
// initializationOptions `{ markdownFileExtensions: ['md'] }`, the `markdown`
// settings pushed by `workspace/didChangeConfiguration` (with
// `validate.enabled: true`, off by default in VS Code, so that it produces
// diagnostics), pull diagnostics, and the client-side requests answered by
// ./markdown-client.ts.
import { resolve } from 'node:path';
import type { ClientCapabilities } from 'vscode-languageserver-protocol';
import { editorCapabilities, REPO, type ServerAdapter } from '../driver/servers';
import { markdownClientHandlers, type RequestCounts } from './markdown-client';

export const PEER_MAIN = resolve(REPO, 'node_modules/vscode-markdown-languageserver/dist/node/workerMain.js');

/** VS Code's defaults for the `markdown` section, validation switched on. */
export const MARKDOWN_SETTINGS = {
  suggest: { paths: { enabled: true, includeWorkspaceHeaderCompletions: 'onDoubleHash' } },
  occurrencesHighlight: { enabled: false },
  preferredMdPathExtensionStyle: 'auto',
  server: { log: 'off' },
  validate: {
    enabled: true,
    referenceLinks: { enabled: 'warning' },
    fragmentLinks: { enabled: 'warning' },
    fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
    ignoredLinks: [],
    unusedLinkDefinitions: { enabled: 'hint' },
    duplicateLinkDefinitions: { enabled: 'warning' },
  },
};

/** How many client-side requests the peer made in the last session. */
export const peerRequests: RequestCounts = {};

export const markdownPeer: ServerAdapter = {
  name: 'vscode-markdown-languageserver',
  probe: 'markdown',
  pushDiagnostics: false,
  citations: false,
  command: () => [process.execPath, PEER_MAIN, '--stdio'],
  // Always pull diagnostics: that is the only way the peer gives them.
  capabilities: (): ClientCapabilities => editorCapabilities(true),
  initializationOptions: () => ({ markdownFileExtensions: ['md'] }),
  handlers: (wiki, docs) => {
    for (const k of Object.keys(peerRequests)) delete peerRequests[k];
    return markdownClientHandlers(wiki, docs, peerRequests);
  },
  afterInitialized: (client) => client.notify('workspace/didChangeConfiguration', { settings: { markdown: MARKDOWN_SETTINGS } }),
  brokenLink: (n) => ` [broken](../systems/no-such-page-${n}.md)`,
};
