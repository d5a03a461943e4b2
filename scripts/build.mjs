// Bundles the server (one file that runs with plain `node`, also the CLI)
// and the VS Code client with esbuild.
import { build } from 'esbuild';
import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** A hash of the server's sources: the index cache of one build is never read by another. */
function buildId(dir) {
  const hash = createHash('sha1');
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) hash.update(p).update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 16);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  minify: process.argv.includes('--minify'),
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/wiki-lsp.js',
    banner: { js: '#!/usr/bin/env node' },
    define: { __WIKI_LSP_BUILD__: JSON.stringify(buildId('server/src')) },
  }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
]);
chmodSync('dist/wiki-lsp.js', 0o755);
