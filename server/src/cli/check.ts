// `wiki-lsp check`: the diagnostics of a whole wiki, or of named pages.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { WikiIndex } from '../core/index/index';
import { wikiDiagnostics } from '../core/diagnostics/all';
import { messageOf, severityOf } from '../core/diagnostics/messages';
import { locateWiki, type WikiLocation } from '../host/roots';
import { loadWithCache } from './load';
import { toRootRelative } from '../host/walk';
import { CONFIG_FILE } from '../core/config';
import { formatJson, formatText, rangeOf, sortDiagnostics, type ReportedDiagnostic } from './report';
import { UsageError, type CliArgs } from './args';

export interface CheckResult {
  readonly exitCode: number;
  readonly stdout: string;
}

export async function runCheck(args: CliArgs, log: (line: string) => void): Promise<CheckResult> {
  const { loc, only } = targetOf(args.paths);
  const t0 = performance.now();
  const { index } = await loadWithCache(loc, args, log);
  log(`Indexed ${index.pages.size} pages in ${Math.round(performance.now() - t0)} ms (${loc.root}).`);
  const diagnostics = sortDiagnostics([...configDiagnostics(loc), ...report(index, only)]);
  const pages = only ? only.length : index.pages.size;
  const stdout = args.format === 'json' ? formatJson(loc.root, pages, diagnostics) : formatText(pages, diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const tooMany = args.maxWarnings !== undefined && warnings > args.maxWarnings;
  return { exitCode: errors > 0 || tooMany ? 1 : 0, stdout };
}

/** The wiki to load and, for named files, which of its pages to report. */
function targetOf(paths: string[]): { loc: WikiLocation; only?: string[] } {
  if (paths.length === 0) return { loc: locateWiki(process.cwd()) };
  const missing = paths.find((p) => !existsSync(p));
  if (missing) throw new UsageError(`no such file or folder: ${missing}`);
  if (paths.length === 1 && statSync(paths[0]).isDirectory()) return { loc: locateWiki(resolve(paths[0])) };
  if (paths.some((p) => statSync(p).isDirectory())) throw new UsageError('give one folder, or page files');
  const loc = locateWiki(wikiFolderOf(resolve(paths[0])));
  const only = paths.map((p) => toRootRelative(loc.root, resolve(p)));
  const outside = only.find((p) => p.startsWith('../'));
  if (outside) throw new UsageError(`${outside} is not inside the wiki at ${loc.root}`);
  return { loc, only };
}

/** The folder of a page's wiki: the nearest one above it with `.wiki-lsp.json` or a sources folder, else its kind folder's parent. */
function wikiFolderOf(file: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(resolve(dir, CONFIG_FILE)) || existsSync(resolve(dir, 'sources'))) return dir;
  }
  return dirname(dirname(file));
}

function report(index: WikiIndex, only?: string[]): ReportedDiagnostic[] {
  const out: ReportedDiagnostic[] = [];
  for (const { path, diagnostics } of wikiDiagnostics(index, only)) {
    for (const d of diagnostics) {
      const severity = severityOf(d.code, index.ctx.config);
      if (!severity) continue;
      out.push({ path, range: rangeOf(d.span), severity, code: d.code, message: messageOf(d), target: d.target, resolved: d.resolved });
    }
  }
  return out;
}

function configDiagnostics(loc: WikiLocation): ReportedDiagnostic[] {
  if (!loc.configFile) return [];
  const path = toRootRelative(loc.root, loc.configFile);
  return loc.configProblems.map((p) => ({ path, range: rangeOf(p.span), severity: 'error', code: 'config-error', message: p.message }));
}
