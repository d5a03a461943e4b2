// `npm run test:vscode`: the extension-host suite the way extension authors
// run it, with @vscode/test-electron — it downloads VS Code 1.100.3 into
// .vscode-test/ (kept out of git) and starts it with this clone as the
// extension under development. Where VS Code cannot be downloaded (no
// network, as on the CI machines) it says so and exits 0: `npm run test:e2e`
// runs the same suite in code-server there.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { download, runTests, SilentReporter } from '@vscode/test-electron';

const repo = resolve(__dirname, '..', '..', '..');
const VERSION = '1.100.3';

async function vscodeExecutable(): Promise<string | undefined> {
  try {
    return await download({ version: VERSION, cachePath: join(repo, '.vscode-test'), reporter: new SilentReporter(), timeout: 20_000 });
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    console.log(`test:vscode: VS Code ${VERSION} could not be downloaded here (${why}).`);
    console.log('test:vscode: SKIPPED, nothing was run. `npm run test:e2e` runs the same extension-host suite in code-server.');
    return undefined;
  }
}

async function main(): Promise<number> {
  const executable = await vscodeExecutable();
  if (!executable) return 0;
  const home = mkdtempSync(join(tmpdir(), 'wiki-lsp-vscode-'));
  const wiki = join(home, 'wiki');
  cpSync(join(repo, 'test', 'e2e', 'fixture', 'wiki'), wiki, { recursive: true });
  return runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(repo, 'out', 'e2e', 'suite', 'index.js'),
    launchArgs: [wiki, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', join(home, 'user')],
  });
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
