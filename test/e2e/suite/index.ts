// The extension-host entry point (`extensionTestsPath`): VS Code requires
// this bundle (out/e2e/suite/index.js, CommonJS) and calls `run()`; the
// promise it returns decides the exit code, 0 or 1. The same bundle runs
// under @vscode/test-electron (npm run test:vscode) and in code-server
// (npm run test:e2e), where the runner reads the lines from the file named
// by WIKI_LSP_E2E_LOG, e.g. /tmp/wiki-lsp-e2e-x/suite.log.
import { appendFileSync } from 'node:fs';
import { runAll } from './harness';
import './features';

function log(line: string): void {
  console.log(line);
  const file = process.env.WIKI_LSP_E2E_LOG;
  if (file) appendFileSync(file, `${line}\n`);
}

export function run(): Promise<void> {
  return runAll(log);
}
