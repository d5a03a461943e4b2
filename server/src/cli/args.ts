// Command-line parsing: `wiki-lsp check [DIR | FILE…] [--format text|json] [--max-warnings N]`.

export const USAGE = `Usage:
  wiki-lsp --stdio                 run the language server on stdio (any LSP client)
  wiki-lsp check [DIR | FILE…] [--format text|json] [--max-warnings N]
                                   print the diagnostics of the wiki at DIR (default: .)
                                   or of the named pages
  wiki-lsp fix [DIR] [--dry-run] [--prune] [--format text|json]
                                   bring citation counts and "Seen in" lists up to date
Exit codes: 0 fine, 1 errors (or too many warnings, or files skipped), 2 bad usage.`;

export class UsageError extends Error {}

export interface CliArgs {
  readonly command: 'check' | 'fix';
  readonly paths: string[];
  readonly format: 'text' | 'json';
  readonly maxWarnings?: number;
  readonly dryRun: boolean;
  readonly prune: boolean;
  readonly cacheDir?: string;
}

export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'fix') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  const out = { command: command as CliArgs['command'], paths: [] as string[], format: 'text' as 'text' | 'json', maxWarnings: undefined as number | undefined, dryRun: false, prune: false, cacheDir: undefined as string | undefined };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const name = a.split('=')[0];
    if (name === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not "${f}"`);
      out.format = f;
    } else if (name === '--max-warnings' && command === 'check') {
      const v = value();
      if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a non-negative integer, not "${v}"`);
      out.maxWarnings = Number(v);
    } else if (name === '--cache-dir') out.cacheDir = value();
    else if (name === '--dry-run' && command === 'fix') out.dryRun = true;
    else if (name === '--prune' && command === 'fix') out.prune = true;
    else if (a.startsWith('-')) throw new UsageError(`unknown option "${a}"`);
    else out.paths.push(a);
  }
  if (command === 'fix' && out.paths.length > 1) throw new UsageError('fix takes one wiki folder');
  return out;
}
