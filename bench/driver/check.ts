// `wiki-lsp check DIR --format json`: wall time, exit code (0 or 1 expected:
// the generated wikis have warnings, and 1 only when there are errors), the
// diagnostics by code, and the peak RSS of the checker process — the sanity
// figure being its `dangling-link` count against the manifest's.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sleep } from './stats';
import type { BenchWiki } from './wiki-data';

export interface CheckFigure {
  readonly ms: number;
  readonly exitCode: number | null;
  readonly exitOk: boolean;
  readonly pages: number;
  readonly diagnostics: number;
  readonly byCode: Record<string, number>;
  readonly dangling: { readonly found: number; readonly manifest: number };
  readonly peakMb: number | undefined;
}

export async function runCheck(bundle: string, wiki: BenchWiki, timeoutMs: number): Promise<CheckFigure> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bundle, 'check', wiki.root, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => chunks.push(d));
  child.stderr.on('data', (d) => (stderr = (stderr + String(d)).slice(-2000)));
  let peakMb: number | undefined;
  let running = true;
  const watch = (async () => {
    while (running) {
      peakMb = peakOf(child.pid) ?? peakMb;
      await sleep(50);
    }
  })();
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  const ms = performance.now() - t0;
  running = false;
  clearTimeout(timer);
  await watch;
  const out = Buffer.concat(chunks).toString('utf8');
  let parsed: { pages?: number; diagnostics?: { code: string }[] };
  try {
    parsed = JSON.parse(out);
  } catch {
    throw new Error(`wiki-lsp check (exit ${exitCode}) printed no JSON; stderr: ${stderr}`);
  }
  const byCode: Record<string, number> = {};
  for (const d of parsed.diagnostics ?? []) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
  return {
    ms, exitCode, exitOk: exitCode === 0 || exitCode === 1, pages: Number(parsed.pages ?? NaN),
    diagnostics: parsed.diagnostics?.length ?? 0, byCode,
    dangling: { found: byCode['dangling-link'] ?? 0, manifest: wiki.manifest.links.dangling },
    peakMb,
  };
}

/** VmHWM of a live process in MB, or undefined once it is gone. */
function peakOf(pid: number | undefined): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
