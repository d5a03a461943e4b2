// Bundles the end-to-end tests with esbuild and runs one of their entry points:
//   node scripts/e2e/run.mjs main [host|ui]   npm run test:e2e    (code-server + Chromium)
//   node scripts/e2e/run.mjs vscode           npm run test:vscode (@vscode/test-electron)
// out/e2e/suite/index.js is the extension-host suite (plain CommonJS with
// `run()`, `vscode` left external, as VS Code requires it); the runners are
// bundled to out/e2e/runner/<entry>.cjs with their npm packages left external.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [entry, ...args] = process.argv.slice(2);
const ENTRIES = { main: 'test/e2e/runner/main.ts', vscode: 'test/e2e/runner/vscode.ts' };
if (!ENTRIES[entry]) {
  process.stderr.write(`usage: node scripts/e2e/run.mjs ${Object.keys(ENTRIES).join('|')} [args…]\n`);
  process.exit(2);
}

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning', absWorkingDir: repo };
await Promise.all([
  build({ ...common, entryPoints: ['test/e2e/suite/index.ts'], outfile: 'out/e2e/suite/index.js', external: ['vscode'] }),
  build({ ...common, entryPoints: [ENTRIES[entry]], outfile: `out/e2e/runner/${entry}.cjs`, packages: 'external' }),
]);

const child = spawn(process.execPath, ['--enable-source-maps', join(repo, 'out', 'e2e', 'runner', `${entry}.cjs`), ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
