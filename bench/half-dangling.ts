// A wiki where half of all links dangle (real personal vaults look like
// that) must stay usable: the checker's time, and the time to apply one
// edited page to the index (what every keystroke costs), against the same
// wiki with the usual 5% of dangling links.
//   node scripts/run-ts.mjs bench/half-dangling.ts [PAGES]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { writeWiki } from './generate';
import { locateWiki } from '../server/src/host/roots';
import { loadIndex } from '../server/src/host/load';
import { applyChanges } from '../server/src/core/index/index';
import { percentile } from './driver/stats';

async function measure(dir: string): Promise<string> {
  const root = join(dir, 'wiki');
  const t = performance.now();
  const check = spawnSync(process.execPath, ['dist/wiki-lsp.js', 'check', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const checkMs = performance.now() - t;
  const dangling = (JSON.parse(check.stdout).diagnostics as { code: string }[]).filter((d) => d.code === 'dangling-link').length;
  const { index } = await loadIndex(locateWiki(root), {});
  const sources = [...index.pages.keys()].filter((p) => p.startsWith('sources/')).slice(0, 200);
  const edits: number[] = [];
  let current = index;
  for (const path of sources) {
    const text = readFileSync(join(root, path), 'utf8') + '\nOne more line with [[systems/not-there-yet]].\n';
    const t0 = performance.now();
    current = applyChanges(current, [{ kind: 'page', path, text }]);
    edits.push(performance.now() - t0);
  }
  const sorted = [...edits].sort((a, b) => a - b);
  return `check ${(checkMs / 1000).toFixed(2)} s (${dangling} dangling links); one page edited: p50 ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms`;
}

async function main() {
  const pages = Number(process.argv[2] ?? 10_000);
  for (const [name, danglingRate] of [['usual', 0.05], ['half dangling', 0.5]] as const) {
    const dir = `/tmp/wiki-lsp-bench/dangling-${danglingRate}-${pages}`;
    if (!existsSync(join(dir, 'wiki'))) writeWiki(dir, { pages, danglingRate }, true);
    console.log(`${name} (${pages} pages): ${await measure(dir)}`);
  }
}
void main();
