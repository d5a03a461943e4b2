// code-server 4.100.3 (VS Code 1.100.3's server, workbench and extension
// host), installed by scripts/e2e/install.sh outside the clone. Everything it
// writes goes into one temp folder:
//   const home = makeHome('host');                 // /tmp/wiki-lsp-e2e-host-XXXX/{user,extensions,xdg-*,tmp}
//   installExtension(home, 'wiki-lsp-0.1.0.vsix');
//   const server = await startCodeServer(home);    // server.url = http://127.0.0.1:41234
//   …; await server.stop();
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Home {
  dir: string;
  userData: string;
  extensions: string;
  env: NodeJS.ProcessEnv;
}

export interface CodeServer {
  url: string;
  port: number;
  /** Everything code-server and the extension host printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** The entry point install.sh prints: $WIKI_LSP_E2E_CACHE (default ~/.cache/wiki-lsp-e2e)/code-server/…/entry.js. */
export function codeServerEntry(): string {
  const cache = process.env.WIKI_LSP_E2E_CACHE ?? join(homedir(), '.cache', 'wiki-lsp-e2e');
  const entry = join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) throw new Error(`code-server is not installed (${entry} is missing): run bash scripts/e2e/install.sh`);
  return entry;
}

/** VS Code settings for a quiet, predictable workbench. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'editor.hover.delay': 300,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
};

/** A temp folder with the user-data, extensions and XDG dirs (code-server writes into $HOME otherwise). */
export function makeHome(name: string): Home {
  const dir = mkdtempSync(join(tmpdir(), `wiki-lsp-e2e-${name}-`));
  const sub = (s: string) => {
    mkdirSync(join(dir, s), { recursive: true });
    return join(dir, s);
  };
  const userData = sub('user');
  sub('user/User');
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: sub('xdg-config'),
    XDG_DATA_HOME: sub('xdg-data'),
    XDG_CACHE_HOME: sub('xdg-cache'),
    TMPDIR: sub('tmp'),
  };
  return { dir, userData, extensions: sub('extensions'), env };
}

/** `code-server --install-extension x.vsix`: installs the package users get. */
export function installExtension(home: Home, vsix: string): void {
  const args = [codeServerEntry(), '--user-data-dir', home.userData, '--extensions-dir', home.extensions, '--install-extension', vsix, '--force'];
  const result = spawnSync(process.execPath, args, { env: home.env, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves when the child prints `HTTP server listening on …`; rejects when it exits first or after `ms`. */
function listening(child: ChildProcess, output: () => string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start in ${ms} ms:\n${output()}`)), ms);
    const check = () => {
      if (/HTTP server listening on/.test(output())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening:\n${output()}`));
    });
  });
}

export async function startCodeServer(home: Home, extraEnv: NodeJS.ProcessEnv = {}): Promise<CodeServer> {
  const port = await freePort();
  const args = [
    codeServerEntry(), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', home.userData, '--extensions-dir', home.extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
  ];
  // Detached: its own process group, which stop() ends (the extension host and the language server with it).
  const child = spawn(process.execPath, args, { env: { ...home.env, ...extraEnv }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (b: Buffer) => (text += b.toString()));
  child.stderr.on('data', (b: Buffer) => (text += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = () => stopGroup(child, exited);
  const url = `http://127.0.0.1:${port}`;
  try {
    await listening(child, () => text, 30_000);
    const health = await fetch(`${url}/healthz`);
    if (!health.ok) throw new Error(`code-server /healthz answered ${health.status}`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, output: () => text, stop };
}

/** SIGTERM to the process group we started, SIGKILL if it is still there after 5 s. */
async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const pid = child.pid;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      // the group is gone already
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  signal('SIGKILL'); // children that outlived code-server itself
}
