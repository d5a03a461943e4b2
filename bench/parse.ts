// Parser throughput: parsePage over every page of a wiki, in CPU time, a
// few rounds (the first includes the JIT warming up).
//   node scripts/run-ts.mjs bench/parse.ts /tmp/wiki-lsp-bench/10000/wiki
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parsePage } from '../server/src/core/scan/page';
import { DEFAULT_CONFIG } from '../server/src/core/config';

function pagesOf(root: string, dir = root, out: [string, string][] = []): [string, string][] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) pagesOf(root, abs, out);
    else if (e.name.endsWith('.md')) out.push([relative(root, abs).split(sep).join('/'), readFileSync(abs, 'utf8')]);
  }
  return out;
}

const root = process.argv[2];
if (!root) throw new Error('usage: bench/parse.ts WIKI_ROOT');
const pages = pagesOf(root);
const mb = pages.reduce((n, [, t]) => n + t.length, 0) / 1e6;
for (let round = 1; round <= 4; round++) {
  const before = process.cpuUsage();
  for (const [path, text] of pages) parsePage(path, text, DEFAULT_CONFIG);
  const used = process.cpuUsage(before);
  const s = (used.user + used.system) / 1e6;
  console.log(`round ${round}: ${pages.length} pages, ${mb.toFixed(1)} MB in ${s.toFixed(2)} s CPU = ${(mb / s).toFixed(1)} MB/s`);
}
