// `wiki-lsp fix` on a copy of a generated wiki: the time of the first run
// (which brings every stale count and "Seen in" list up to date) and that a
// second run changes nothing.
//   node scripts/run-ts.mjs bench/fix.ts /tmp/wiki-lsp-bench/10000/wiki
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const source = process.argv[2];
if (!source) throw new Error('usage: bench/fix.ts WIKI_ROOT');
const copy = join(mkdtempSync(join(tmpdir(), 'wiki-lsp-fix-')), 'wiki');
cpSync(source, copy, { recursive: true });
const cli = resolve('dist/wiki-lsp.js'); // run from the repository, after npm run build
const run = () => {
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, 'fix', copy, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { ms: performance.now() - t, code: r.status, out: JSON.parse(r.stdout) as { changed: string[]; skipped: unknown[] } };
};
const first = run();
const second = run();
console.log(`fix: ${first.out.changed.length} pages changed in ${(first.ms / 1000).toFixed(2)} s (exit ${first.code}); second run: ${second.out.changed.length} changed in ${(second.ms / 1000).toFixed(2)} s`);
rmSync(join(copy, '..'), { recursive: true, force: true });
if (second.out.changed.length !== 0 || first.code !== 0) process.exitCode = 1;
