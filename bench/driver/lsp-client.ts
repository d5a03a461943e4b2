// A small LSP client over stdio for the benchmark: spawns a server process,
// speaks JSON-RPC through vscode-jsonrpc, answers the server's requests with
// the handlers it is given, and lets a scenario wait for a notification or a
// server request — every wait with a timeout, so that a hung server fails the
// run clearly instead of stalling it:
//   const c = new LspClient('wiki-lsp', [process.execPath, 'dist/wiki-lsp.js', '--stdio'], handlers);
//   const diags = c.expect('textDocument/publishDiagnostics', (p) => p.version === 7, 10_000);
//   c.notify('textDocument/didChange', …); await diags;
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  CancellationTokenSource, createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';

/** Answers one kind of server→client request: `workspace/configuration` → `[null]`. */
export type RequestHandler = (params: any) => unknown;

interface Waiter {
  readonly method: string;
  readonly test: (params: any) => boolean;
  readonly resolve: (value: Arrival) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** A notification or server request, with the time it arrived (performance.now()). */
export interface Arrival {
  readonly params: any;
  readonly at: number;
}

/** Servers still running: killed when the driver exits, however it exits. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export class LspClient {
  readonly conn: MessageConnection;
  readonly proc: ChildProcess;
  /** `window/logMessage` texts, in order: ["Indexed 1000 pages of /tmp/… in 412 ms.", …]. */
  readonly logs: string[] = [];
  /** Notifications received, by method: { 'textDocument/publishDiagnostics': 212, … }. */
  readonly received: Record<string, number> = {};
  private stderrTail = '';
  private readonly waiters: Waiter[] = [];
  private exitInfo: string | undefined;
  readonly exited: Promise<void>;

  constructor(readonly name: string, command: readonly string[], private readonly handlers: Record<string, RequestHandler>) {
    this.proc = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    live.add(this.proc);
    this.proc.stderr!.on('data', (d) => (this.stderrTail = (this.stderrTail + String(d)).slice(-4000)));
    this.exited = new Promise((resolve) => {
      const gone = (info: string) => {
        if (this.exitInfo) return;
        live.delete(this.proc);
        this.exitInfo = info;
        this.failAll(new Error(`${name} ${info}${this.stderrTail ? `; stderr: ${this.stderrTail.slice(-600)}` : ''}`));
        resolve();
      };
      this.proc.on('exit', (code, signal) => gone(`exited (code ${code}, signal ${signal})`));
      this.proc.on('error', (err) => gone(`could not run ${command[0]}: ${err.message}`));
    });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification((method: string, params: unknown) => this.arrived(method, params));
    this.conn.onRequest((method: string, params: unknown) => this.answer(method, params));
    this.conn.onError(() => undefined);
    this.conn.listen();
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params).catch(() => undefined);
  }

  /** Sends a request; rejects after `timeoutMs` (and cancels it on the server). */
  async request<T = any>(method: string, params: unknown, timeoutMs: number): Promise<T> {
    if (this.exitInfo) throw new Error(`${this.name} ${this.exitInfo}: cannot send ${method}`);
    const cancel = new CancellationTokenSource();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        cancel.cancel();
        reject(new Error(`${this.name}: ${method} got no answer within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.conn.sendRequest(method, params, cancel.token) as Promise<T>, timeout]);
    } finally {
      clearTimeout(timer);
      cancel.dispose();
    }
  }

  /** A request and its latency in ms: `{ ms: 1.8, result: [...] }`. */
  async timed<T = any>(method: string, params: unknown, timeoutMs: number): Promise<{ ms: number; result: T }> {
    const t0 = performance.now();
    const result = await this.request<T>(method, params, timeoutMs);
    return { ms: performance.now() - t0, result };
  }

  /**
   * Resolves at the first notification (or server request, as `request:<method>`)
   * of `method` from now on that passes `test`; rejects after `timeoutMs`.
   * Create it before sending what triggers it.
   */
  expect(method: string, test: (params: any) => boolean, timeoutMs: number): Promise<Arrival> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.remove(waiter);
        reject(new Error(`${this.name}: no ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = { method, test, resolve, reject, timer };
      if (this.exitInfo) reject(new Error(`${this.name} ${this.exitInfo}`));
      else this.waiters.push(waiter);
    });
  }

  /** Peak and current resident memory of the server in MB, from /proc/<pid>/status (Linux). */
  memory(): { peakMb: number; rssMb: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
    } catch {
      return undefined;
    }
  }

  /** `shutdown` + `exit`, then SIGKILL if the process is still there after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (!this.exitInfo) {
      try {
        await this.request('shutdown', null, graceMs);
        this.notify('exit', null);
      } catch {
        // a server that does not answer shutdown is killed below
      }
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    this.conn.dispose();
  }

  stderr(): string {
    return this.stderrTail;
  }

  private arrived(method: string, params: any): void {
    this.received[method] = (this.received[method] ?? 0) + 1;
    if (method === 'window/logMessage' && typeof params?.message === 'string') this.logs.push(params.message);
    const at = performance.now();
    for (const w of [...this.waiters]) {
      if (w.method !== method) continue;
      let ok = false;
      try {
        ok = w.test(params);
      } catch {
        ok = false;
      }
      if (!ok) continue;
      this.remove(w);
      w.resolve({ params, at });
    }
  }

  private answer(method: string, params: any): unknown {
    this.arrived(`request:${method}`, params);
    const handler = this.handlers[method];
    return handler ? handler(params) : null;
  }

  private remove(w: Waiter): void {
    clearTimeout(w.timer);
    const i = this.waiters.indexOf(w);
    if (i !== -1) this.waiters.splice(i, 1);
  }

  private failAll(error: Error): void {
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(error);
    }
  }
}
