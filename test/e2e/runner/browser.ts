// Debian's chromium driven by playwright-core (no browser download), and the
// workbench URL of code-server for a folder, optionally with a payload:
//   workbenchUrl(server, '/tmp/w/wiki', [['extensionTestsPath', '/repo/out/e2e/suite/index.js']])
//   → http://127.0.0.1:41234/?folder=/tmp/w/wiki&payload=[["extensionTestsPath","vscode-remote://127.0.0.1:41234/repo/…"]]
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import type { CodeServer } from './codeServer';

const CHROMIUM = process.env.WIKI_LSP_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash scripts/e2e/install.sh (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return context.newPage();
}

/** Paths in the payload (extensionTestsPath, extensionDevelopmentPath) become vscode-remote URIs of this server. */
export function workbenchUrl(server: CodeServer, folder: string, payload: [string, string][] = []): string {
  const params = new URLSearchParams({ folder });
  const remote = payload.map(([key, path]) => [key, `vscode-remote://127.0.0.1:${server.port}${path}`]);
  if (remote.length) params.set('payload', JSON.stringify(remote));
  return `${server.url}/?${params.toString()}`;
}

/** Resolves when the workbench is up: its status bar is shown. */
export async function workbenchReady(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout });
}
