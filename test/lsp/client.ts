// A plain LSP client for the tests: spawns the built server over stdio and
// speaks real JSON-RPC. It answers the server's requests as an editor would
// and lets a test wait for notifications (never for time).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { URI } from 'vscode-uri';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = resolve(__dirname, '../../dist/wiki-lsp.js');

export interface ClientOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  settings?: unknown;
  /** Answers `workspace/applyEdit`; the default applies nothing and says so. */
  applyEdit?: (params: unknown) => { applied: boolean; failureReason?: string };
}

type Waiter = { method: string; test: (params: any) => boolean; resolve: (params: any) => void };

export class TestClient {
  readonly conn: MessageConnection;
  private readonly proc: ChildProcess;
  private readonly waiters: Waiter[] = [];
  readonly seen: { method: string; params: any }[] = [];
  stderr = '';

  constructor(readonly root: string, private readonly opts: ClientOptions = {}) {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification((method: string, params: unknown) => this.notified(method, params));
    this.conn.onRequest((method: string, params: unknown) => this.answer(method, params));
    this.conn.listen();
  }

  uri(path: string): string {
    return URI.file(join(this.root, path)).toString();
  }

  /** Initializes; waits for the cold index to finish unless `waitForIndex` is false. */
  async initialize(waitForIndex = true): Promise<any> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: URI.file(this.root).toString(),
      workspaceFolders: [{ uri: URI.file(this.root).toString(), name: 'wiki' }],
      capabilities: this.opts.capabilities ?? {},
      initializationOptions: this.opts.initializationOptions,
    });
    const indexed = this.waitFor('wikiLsp/status', (s) => s.indexing === false);
    await this.conn.sendNotification('initialized', {});
    if (waitForIndex) await indexed;
    return result;
  }

  open(path: string, text: string, version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(path), languageId: 'markdown', version, text } });
  }

  change(path: string, text: string, version: number): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(path), version }, contentChanges: [{ text }] });
  }

  close(path: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(path) } });
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  /** Resolves with the first notification of `method` (from now on, or already seen) that passes `test`. */
  waitFor<T = any>(method: string, test: (params: T) => boolean = () => true): Promise<T> {
    return new Promise((resolve) => this.waiters.push({ method, test, resolve }));
  }

  waitForDiagnostics(path: string, test: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    const uri = this.uri(path);
    return this.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && test(p));
  }

  async shutdown(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    this.proc.kill();
  }

  private notified(method: string, params: any): void {
    this.seen.push({ method, params });
    for (const w of [...this.waiters]) {
      if (w.method === method && w.test(params)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  }

  private answer(method: string, params: any): unknown {
    this.notified(`request:${method}`, params);
    switch (method) {
      case 'workspace/configuration':
        return (params.items as unknown[]).map(() => this.opts.settings ?? null);
      case 'workspace/applyEdit':
        return this.opts.applyEdit ? this.opts.applyEdit(params) : { applied: false, failureReason: 'test client' };
      default:
        return null;
    }
  }
}

/** Writes a fixture wiki to a fresh temporary folder. */
export function writeWiki(files: Record<string, string>): { root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'wiki-lsp-test-'));
  for (const [path, text] of Object.entries(files)) writeFile(root, path, text);
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function writeFile(root: string, path: string, text: string | Buffer): void {
  const abs = join(root, path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
}
