// A tiny test runner for the extension host (no mocha): tests run one after
// another in the order they were declared, each with a time limit; the
// output ends with the plain summary line, e.g.
//   ✓ hover shows the preview and "Cited by 2 sources" (41 ms)
//   ✗ completion after [[ lists entities: expected … (15003 ms)
//   e2e: 5 passed, 1 failed
// and `until` waits on VS Code events instead of sleeping.
import * as vscode from 'vscode';

type Body = () => Promise<void>;
const tests: { name: string; body: Body }[] = [];

/** Declares a test; `runAll` runs them in this order. */
export function test(name: string, body: Body): void {
  tests.push({ name, body });
}

function withLimit<T>(promise: Promise<T>, ms: number, what: string | (() => string)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${typeof what === 'string' ? what : what()}`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Runs every declared test; rejects (so the host exits 1) when one failed. */
export async function runAll(log: (line: string) => void = console.log, limitMs = 30_000): Promise<void> {
  let passed = 0;
  let failed = 0;
  for (const { name, body } of tests) {
    const start = Date.now();
    try {
      await withLimit(body(), limitMs, name);
      passed++;
      log(`✓ ${name} (${Date.now() - start} ms)`);
    } catch (err) {
      failed++;
      log(`✗ ${name} (${Date.now() - start} ms)\n    ${err instanceof Error ? (err.stack ?? err.message).replace(/\n/g, '\n    ') : String(err)}`);
    }
  }
  log(`e2e: ${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) throw new Error(`${failed} of ${passed + failed} extension-host tests failed`);
}

/**
 * Resolves with the first truthy result of `check`, run now and again after
 * each of `events` fires; rejects after `ms` naming `what`:
 *   await until('a dangling-link warning', () => dangling(uri), [vscode.languages.onDidChangeDiagnostics]);
 */
export function until<T>(what: string, check: () => T | undefined | null | false | Promise<T | undefined | null | false>, events: vscode.Event<unknown>[], ms = 15_000): Promise<T> {
  const subscriptions: vscode.Disposable[] = [];
  let last: unknown;
  const found = new Promise<T>((resolve, reject) => {
    const attempt = async () => {
      try {
        const value = await check();
        last = value;
        if (value) resolve(value);
      } catch (err) {
        reject(err);
      }
    };
    for (const event of events) subscriptions.push(event(() => void attempt()));
    void attempt();
  });
  return withLimit(found, ms, () => `${what} (last seen: ${JSON.stringify(last)})`).finally(() => subscriptions.forEach((s) => s.dispose()));
}
