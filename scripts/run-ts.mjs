// Runs a TypeScript entry point with plain node: bundles it with esbuild into
// out/run-ts/<entry>.mjs and runs that, forwarding arguments and exit code.
//   node scripts/run-ts.mjs bench/generate-cli.ts --pages 1000 --out /tmp/w1k
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:os';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-ts.mjs <entry.ts> [args…]\n');
  process.exit(2);
}

// bench/generate-cli.ts → out/run-ts/bench__generate-cli.mjs
const name = relative(repo, resolve(entry)).replace(/\.[cm]?ts$/, '').replace(/[\\/]/g, '__');
const outfile = join(repo, 'out', 'run-ts', `${name}.mjs`);
const result = await build({
  entryPoints: [resolve(entry)],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  mainFields: ['module', 'main'],
  sourcemap: 'inline',
  write: false,
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM may still call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
mkdirSync(dirname(outfile), { recursive: true });
// Write then rename, so that two runs of the same entry never see a half-written file.
const partial = `${outfile}.${process.pid}.tmp`;
writeFileSync(partial, result.outputFiles[0].contents);
renameSync(partial, outfile);

const child = spawn(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  process.exit(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
});
