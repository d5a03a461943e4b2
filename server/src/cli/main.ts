// The one entry point of the bundle: `--stdio` / `--node-ipc` run the
// language server; `check` and `fix` are the command-line checker.
import { parseArgs, UsageError, USAGE } from './args';
import { runCheck } from './check';
import { runParseWorkerIfAsked } from '../host/parseWorker';
import { runLoaderWorkerIfAsked } from '../host/loadWorker';

async function main(argv: string[]): Promise<number> {
  if (argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--clientProcessId'))) {
    const { startServer } = await import('../lsp/server');
    startServer();
    return -1;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  try {
    const args = parseArgs(argv);
    const log = (line: string) => process.stderr.write(line + '\n');
    const result = args.command === 'check' ? await runCheck(args, log) : await (await import('./fix')).runFix(args, log);
    process.stdout.write(result.stdout);
    return result.exitCode;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`wiki-lsp: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
}

if (!runParseWorkerIfAsked() && !runLoaderWorkerIfAsked()) main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`wiki-lsp: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
