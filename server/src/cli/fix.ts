// `wiki-lsp fix`: arrives with the citations feature.
import type { CliArgs } from './args';
import { UsageError } from './args';

export async function runFix(_args: CliArgs, _log: (line: string) => void): Promise<{ exitCode: number; stdout: string }> {
  throw new UsageError('fix is not available yet');
}
