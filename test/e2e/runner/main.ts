// `npm run test:e2e`: the packaged extension (wiki-lsp-<version>.vsix, from
// `npm run package`) in code-server 4.100.3 (from scripts/e2e/install.sh):
// first the extension-host suite on the fixture wiki, then the UI scenario on
// examples/wiki, one after the other. Prints each suite's wall time and ends
// with the plain summary line, e.g. `e2e: 2 passed, 0 failed`.
//   node scripts/e2e/run.mjs main [host|ui]     (both when neither is named)
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runHostSuite } from './hostSuite';
import { runUiScenario } from './ui';
import { codeServerEntry } from './codeServer';

const repo = resolve(__dirname, '..', '..', '..');

function vsixPath(): string {
  const { name, version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const vsix = join(repo, `${name}-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
  return vsix;
}

async function timed(name: string, body: () => Promise<boolean>): Promise<boolean> {
  const start = Date.now();
  let ok = false;
  try {
    ok = await body();
  } catch (err) {
    console.log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
  console.log(`${ok ? '✓' : '✗'} ${name}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return ok;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  codeServerEntry(); // fails early, with the install hint, when code-server is missing
  const vsix = vsixPath();
  console.log(`e2e: installing ${vsix} into code-server`);
  const results: boolean[] = [];
  if (!only.length || only.includes('host')) {
    results.push(await timed('extension-host suite in code-server', async () =>
      (await runHostSuite({ vsix, suite: join(repo, 'out', 'e2e', 'suite', 'index.js'), fixture: join(repo, 'test', 'e2e', 'fixture', 'wiki') })) === 0));
  }
  if (!only.length || only.includes('ui')) {
    const shots = join(repo, 'test-results', 'e2e-ui');
    rmSync(shots, { recursive: true, force: true });
    results.push(await timed('UI scenario in code-server + Chromium', async () => {
      const taken = await runUiScenario({ vsix, wiki: join(repo, 'examples', 'wiki'), shots });
      console.log(`screenshots in ${shots}: ${taken.map((f) => f.slice(shots.length + 1)).join(' ')}`);
      return true;
    }));
  }
  const passed = results.filter(Boolean).length;
  console.log(`e2e: ${passed} passed, ${results.length - passed} failed`);
  process.exit(passed === results.length && passed > 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
