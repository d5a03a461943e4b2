// Runs the extension-host suite (out/e2e/suite/index.js) in code-server the
// @vscode/test-electron way: the packaged extension installed with
// --install-extension, the fixture wiki copied to a temp folder and opened,
// and the workbench URL's payload naming the tests:
//   ?folder=/tmp/…/wiki&payload=[["extensionTestsPath","vscode-remote://127.0.0.1:<port>/…/index.js"]]
// The extension host requires the bundle and calls run(); the page then
// calls window.codeAutomationExit(code), which Playwright exposes.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension, makeHome, startCodeServer, type CodeServer } from './codeServer';
import type { Page } from 'playwright-core';
import { launchBrowser, newPage, workbenchUrl } from './browser';

export interface HostSuiteOptions {
  vsix: string;
  /** The bundled suite: out/e2e/suite/index.js. */
  suite: string;
  /** The wiki to copy and open: test/e2e/fixture/wiki. */
  fixture: string;
  timeoutMs?: number;
}

/** Runs the suite; resolves with its exit code (0 = all passed) after printing its lines. */
export async function runHostSuite(o: HostSuiteOptions): Promise<number> {
  const home = makeHome('host');
  const wiki = join(home.dir, 'wiki');
  cpSync(o.fixture, wiki, { recursive: true });
  installExtension(home, o.vsix);
  const logFile = join(home.dir, 'suite.log');
  const automation: string[] = [];
  let server: CodeServer | undefined;
  const browser = await launchBrowser();
  let code = 1;
  let failure: unknown;
  try {
    server = await startCodeServer(home, { WIKI_LSP_E2E_LOG: logFile });
    code = await driveWorkbench(await newPage(browser), server, home.extensions, wiki, o, automation);
  } catch (err) {
    failure = err;
  } finally {
    await browser.close();
    await server?.stop();
  }
  const lines = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  process.stdout.write(lines || '(the suite printed nothing)\n');
  if (failure || code !== 0 || !/ passed, 0 failed/.test(lines)) {
    process.stdout.write(`${failure ?? `exit code ${code}`}\n${diagnosis(lines, automation, server)}`);
    return code || 1;
  }
  rmSync(home.dir, { recursive: true, force: true });
  return 0;
}

/** Opens the workbench with the test payload; resolves with the code the page passes to codeAutomationExit. */
async function driveWorkbench(page: Page, server: CodeServer, extensions: string, wiki: string, o: HostSuiteOptions, automation: string[]): Promise<number> {
  let exit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  const text = (a: unknown) => (typeof a === 'string' ? a : JSON.stringify(a));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => automation.push(`${type}: ${args.map(text).join(' ')}`));
  await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
  page.on('console', (m) => automation.push(`console.${m.type()}: ${m.text()}`));
  // The workbench runs extensionTestsPath only in extension development mode, so the
  // development path is the installed package itself: what the tests load is the .vsix.
  const installed = installedExtension(extensions);
  await page.goto(workbenchUrl(server, wiki, [['extensionDevelopmentPath', installed], ['extensionTestsPath', o.suite]]));
  return limit(exited, o.timeoutMs ?? Number(process.env.WIKI_LSP_E2E_TIMEOUT ?? 120_000));
}

/** The workbench's log (less the suite's own lines) and code-server's output, for a failed run. */
function diagnosis(lines: string, automation: string[], server: CodeServer | undefined): string {
  const own = lines.split('\n').filter(Boolean);
  const log = automation.filter((l) => !own.some((s) => l.includes(s))).slice(-60);
  return `the workbench's log (last 60 lines):\n${log.join('\n')}\ncode-server's output (last 4000 characters):\n${server?.output().slice(-4000)}\n`;
}

/** The folder --install-extension unpacked the package into: <extensions>/wiki-lsp.wiki-lsp-0.1.0. */
function installedExtension(extensions: string): string {
  const found = readdirSync(extensions).filter((name) => name.startsWith('wiki-lsp.wiki-lsp-'));
  if (found.length !== 1) throw new Error(`expected one installed wiki-lsp in ${extensions}, found ${found}`);
  return join(extensions, found[0]);
}

function limit<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the extension-host suite did not finish in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
