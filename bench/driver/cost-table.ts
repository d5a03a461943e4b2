// Cost against size: one row per wiki size, so that linear indexing
// (ms per 1000 pages stays put) and flat requests (p95 stays put) show at a
// glance, e.g. `| 10000 | 83.8 MB | 0.24 s | 1.83 s | 183 ms | 6.9× | …`.
import type { SizeResult } from './bench-size';
import { mb, ms, renderTable } from './format';

function p95(r: SizeResult, name: keyof NonNullable<SizeResult['wikiLsp']['requests']>): string {
  return ms(r.wikiLsp.requests?.[name]?.latency.p95);
}

function perThousand(total: number | undefined, pages: number): string {
  return total === undefined ? 'n/a' : ms((total / pages) * 1000);
}

export function costTable(results: readonly SizeResult[]): string {
  const header = [
    'pages', 'size', 'read floor', 'cold index', 'per 1k pages', '× floor', 'warm', 'check', 'peak RSS',
    'def p95', 'hover p95', 'refs p95', 'refs md p95', 'compl p95', 'diag p95', 'save p95',
    'peer cold', 'peer per 1k', 'peer refs md p95', 'peer RSS',
  ];
  const rows = results.map((r) => {
    const cold = r.wikiLsp.coldIndex?.ms;
    const peerCold = r.peer?.coldIndex?.ms;
    return [
      String(r.pages), `${(r.bytes / 1e6).toFixed(1)} MB`, ms(r.floor.ms), ms(cold), perThousand(cold, r.pages),
      cold === undefined ? 'n/a' : `${(cold / r.floor.ms).toFixed(1)}×`,
      r.warm.supported ? ms(r.warm.ms) : 'n/a', ms(r.check?.ms), mb(r.wikiLsp.memory?.peakMb),
      p95(r, 'definition'), p95(r, 'hover'), p95(r, 'references'), p95(r, 'references (Markdown link)'),
      p95(r, 'completion after [['), ms(r.wikiLsp.diagnosticsPublished?.latency.p95), ms(r.wikiLsp.citations?.latency.p95),
      ms(peerCold), perThousand(peerCold, r.pages), ms(r.peer?.requests?.['references (Markdown link)']?.latency.p95), mb(r.peer?.memory?.peakMb),
    ];
  });
  return ['## Cost against size', '', renderTable(header, rows)].join('\n');
}
