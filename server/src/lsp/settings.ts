// Editor settings (`wikiLsp.*`): editor behaviour, plus a wiki's conventions
// when it has no `.wiki-lsp.json`. The file, when present, wins.
import { DEFAULT_CONFIG, mergeConfig, type WikiConfig } from '../core/config';

export interface EditorSettings {
  readonly updateOnSave: boolean;
  readonly diagnosticsScope: 'open' | 'workspace';
  readonly conventions: WikiConfig;
}

export const DEFAULT_SETTINGS: EditorSettings = { updateOnSave: true, diagnosticsScope: 'open', conventions: DEFAULT_CONFIG };

/** Reads the `wikiLsp` section as the client sends it: `{ citations: { updateOnSave }, diagnostics: { scope }, sourceFolders, … }`. */
export function readSettings(section: unknown): EditorSettings {
  if (!section || typeof section !== 'object') return DEFAULT_SETTINGS;
  const s = section as Record<string, unknown>;
  const citations = (s.citations ?? {}) as Record<string, unknown>;
  const diagnostics = (s.diagnostics ?? {}) as Record<string, unknown>;
  return {
    updateOnSave: typeof citations.updateOnSave === 'boolean' ? citations.updateOnSave : DEFAULT_SETTINGS.updateOnSave,
    diagnosticsScope: diagnostics.scope === 'workspace' ? 'workspace' : 'open',
    conventions: mergeConfig(DEFAULT_CONFIG, withoutNulls(s)),
  };
}

/** VS Code sends unset object settings as `null`; those mean "the default". */
function withoutNulls(s: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (v !== null && v !== undefined) out[k] = v;
  delete out.root;
  return out;
}
