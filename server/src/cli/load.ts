// The checker's index: built with a parse worker, through the cache when
// `--cache-dir` names one (and the cache written back afterwards).
import { loadIndex, type Loaded } from '../host/load';
import { writeCache } from '../host/cache';
import type { WikiLocation } from '../host/roots';
import type { CliArgs } from './args';

export async function loadWithCache(loc: WikiLocation, args: CliArgs, log: (line: string) => void): Promise<Loaded> {
  const loaded = await loadIndex(loc, { onSkip: (p, why) => log(`skipped ${p}: ${why}`), workerScript: __filename, cacheDir: args.cacheDir, log, partial: false });
  if (args.cacheDir && loaded.parsedFromDisk > 0) {
    try {
      await writeCache(args.cacheDir, loc, [...loaded.index.pages.values()].map((e) => e.data), loaded.stamps);
    } catch (err) {
      log(`Index cache not written: ${(err as Error).message}`);
    }
  }
  return loaded;
}
