// `npm run bench`: wiki-lsp and vscode-markdown-languageserver side by side on
// generated wikis, driven over stdio as an editor would drive them.
//   npm run bench                                  # 1k and 10k pages
//   npm run bench -- --full                        # 1k, 10k and 50k
//   npm run bench -- --sizes 1000 --samples 50 --no-peer
// Wikis are generated once into /tmp/wiki-lsp-bench/<pages> (--cache DIR) and
// reused. Prints the tables; writes bench/results/<date>-<sizes>.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { benchSize, type RunOptions, type SizeResult } from './driver/bench-size';
import { renderReport } from './driver/report';
import { REPO, snapshotBundle } from './driver/servers';
import { PEER_MAIN } from './peer/adapter';

interface Args {
  readonly sizes: number[];
  readonly run: Omit<RunOptions, 'bundle'>;
  readonly out: string | undefined;
}

const USAGE = 'usage: bench/run.ts [--sizes 1000,10000] [--full] [--samples N] [--budget MS] [--open N] [--edits N] [--citations N] [--no-peer] [--cache DIR] [--out FILE]';

function parseArgs(argv: readonly string[]): Args {
  const v = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--full' || a === '--no-peer') flags.add(a);
    else if (a.startsWith('--') && i + 1 < argv.length) v.set(a, argv[++i]);
    else throw new Error(`unexpected argument ${a}\n${USAGE}`);
  }
  const num = (k: string, d: number) => {
    const n = Number(v.get(k) ?? d);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${k} needs a number\n${USAGE}`);
    return n;
  };
  const sizes = v.has('--sizes') ? v.get('--sizes')!.split(',').map(Number) : flags.has('--full') ? [1000, 10000, 50000] : [1000, 10000];
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error(`--sizes needs page counts of 100 or more\n${USAGE}`);
  const samples = num('--samples', 200);
  return {
    sizes,
    out: v.get('--out'),
    run: {
      cacheRoot: v.get('--cache') ?? '/tmp/wiki-lsp-bench',
      sampling: { samples, minSamples: Math.min(samples, 10), budgetMs: num('--budget', 20_000), warmup: 3, timeoutMs: 60_000, seed: 6 },
      openPages: num('--open', 20),
      editSamples: num('--edits', 30),
      citationSamples: num('--citations', 15),
      peer: !flags.has('--no-peer'),
      log: (line) => process.stderr.write(`${line}\n`),
    },
  };
}

/** The bundle must exist and should be newer than the server's sources. */
function checkBuild(log: (l: string) => void): void {
  const bundle = join(REPO, 'dist/wiki-lsp.js');
  if (!existsSync(bundle)) throw new Error('dist/wiki-lsp.js is missing: run `npm run build` first');
  const newest = newestMtime(join(REPO, 'server/src'));
  if (newest > statSync(bundle).mtimeMs) log('warning: server/src is newer than dist/wiki-lsp.js — run `npm run build` to bench the current code');
  if (!existsSync(PEER_MAIN)) throw new Error('vscode-markdown-languageserver is not installed: run `npm ci` (or pass --no-peer)');
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function commit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The machine, and how busy it was (other work on the 2 cores skews every figure). */
function machine(loadBefore: number[]): Record<string, unknown> {
  return { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, loadBefore, loadAfter: loadavg().map((l) => Math.round(l * 100) / 100) };
}

function writeResults(args: Args, results: SizeResult[], machineInfo: Record<string, unknown>): string {
  const label = args.sizes.map((n) => (n % 1000 === 0 ? `${n / 1000}k` : String(n))).join('-');
  const file = args.out ?? join(REPO, 'bench/results', `${new Date().toISOString().slice(0, 10)}-${label}.json`);
  mkdirSync(join(file, '..'), { recursive: true });
  const meta = { date: new Date().toISOString(), ...machineInfo, commit: commit(), options: { ...args.run, log: undefined } };
  writeFileSync(file, JSON.stringify({ meta, results }, null, 2) + '\n');
  return file;
}

/** The checks on answers, not times: every one must hold, or the run exits 1. */
function sanityFailures(results: readonly SizeResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const w = r.wikiLsp.coldIndex;
    if (!w?.matched) out.push(`${r.pages}: wiki-lsp references to ${r.mostCited.id}: ${w?.count ?? 'none'} citing sources, manifest ${r.mostCited.count}`);
    if (r.warm.supported && !r.warm.matched) out.push(`${r.pages}: wiki-lsp warm start: references to ${r.mostCited.id} incomplete`);
    const c = r.check;
    if (!c) out.push(`${r.pages}: wiki-lsp check failed: ${r.checkError}`);
    else {
      if (!c.exitOk) out.push(`${r.pages}: wiki-lsp check exited ${c.exitCode}`);
      if (c.dangling.found !== c.dangling.manifest) out.push(`${r.pages}: check found ${c.dangling.found} dangling links, manifest ${c.dangling.manifest}`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  checkBuild(args.run.log);
  const bundle = snapshotBundle(args.run.cacheRoot);
  const loadBefore = loadavg().map((l) => Math.round(l * 100) / 100);
  const results: SizeResult[] = [];
  for (const pages of args.sizes) results.push(await benchSize(pages, { ...args.run, bundle: bundle.path }));
  const info = { ...machine(loadBefore), bundle: `dist/wiki-lsp.js built ${bundle.built}, ${bundle.bytes} bytes` };
  process.stdout.write(renderReport(results, info) + '\n');
  const failures = sanityFailures(results);
  process.stdout.write(failures.length ? `\nSanity checks FAILED:\n${failures.map((f) => `- ${f}`).join('\n')}\n` : '\nSanity checks: all passed.\n');
  args.run.log(`results: ${writeResults(args, results, info)}`);
  if (failures.length) process.exitCode = 1;
}

// Ctrl-C: exit through process.exit so that the servers still running are killed (see lsp-client.ts).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
