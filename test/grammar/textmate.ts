// Tokenizes Markdown the way VS Code does: vscode-textmate with the
// oniguruma WASM build, the Markdown grammar from `tm-grammars` (the same
// grammar VS Code ships in markdown-basics), and the injection grammars this
// package declares in package.json (`contributes.grammars[].injectTo`).
//   const md = await markdownTokenizer();
//   md.tokenize('see [[systems/x]]')  → [{ line: 0, from: 4, to: 6, text: '[[', scopes: ['text.html.markdown', …] }, …]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';
import { OnigScanner, OnigString, loadWASM } from 'vscode-oniguruma';
import { grammars as catalog } from 'tm-grammars';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

export interface Token {
  line: number;
  from: number;
  to: number;
  text: string;
  scopes: string[];
}

export interface Tokenizer {
  tokenize(text: string): Token[];
}

interface Contributed {
  scopeName: string;
  path: string;
  injectTo?: string[];
}

/** The grammars package.json contributes: `wiki-lsp.links.injection` → syntaxes/wiki-links.tmLanguage.json, into text.html.markdown. */
function contributedGrammars(): Contributed[] {
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  return manifest.contributes.grammars;
}

/** A grammar's file: ours from syntaxes/, others (`source.yaml` → yaml.json) from tm-grammars; null for a language we don't need. */
function grammarFile(scopeName: string, ours: Contributed[]): string | null {
  const own = ours.find((g) => g.scopeName === scopeName);
  if (own) return join(repo, own.path);
  const entry = catalog.find((g) => g.scopeName === scopeName);
  return entry ? require.resolve(`tm-grammars/grammars/${entry.name}.json`) : null;
}

let wasm: Promise<void> | undefined;

export async function markdownTokenizer(): Promise<Tokenizer> {
  wasm ??= loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  await wasm;
  const ours = contributedGrammars();
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new OnigScanner(p), createOnigString: (s) => new OnigString(s) }),
    loadGrammar: async (scopeName) => {
      const file = grammarFile(scopeName, ours);
      return file ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => ours.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('no Markdown grammar');
  return { tokenize: (text) => tokenizeText(grammar, text) };
}

function tokenizeText(grammar: IGrammar, text: string): Token[] {
  const tokens: Token[] = [];
  let state: StateStack = INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const t of result.tokens) {
      const to = Math.min(t.endIndex, lineText.length);
      if (to > t.startIndex) tokens.push({ line, from: t.startIndex, to, text: lineText.slice(t.startIndex, to), scopes: t.scopes });
    }
    state = result.ruleStack;
  });
  return tokens;
}

/** The last scope of a token that belongs to this grammar (`….wiki.markdown`), or undefined: `[[` → `punctuation.definition.link.begin.wiki.markdown`. */
export function wikiScope(token: Token): string | undefined {
  return [...token.scopes].reverse().find((s) => s.endsWith('.wiki.markdown'));
}

/** `[[systems/x|y]]` → `[[` begin, `systems/x` target, `|` label-sep, `y` label, `]]` end: the short name of each wiki token. */
export function shortName(scope: string): string {
  const names: [RegExp, string][] = [
    [/^punctuation\.definition\.link\.begin/, 'begin'],
    [/^punctuation\.definition\.link\.end/, 'end'],
    [/^markup\.underline\.link\.target\.extension/, 'ext'],
    [/^markup\.underline\.link\.target/, 'target'],
    [/^punctuation\.separator\.anchor/, 'anchor-sep'],
    [/^entity\.name\.section\.anchor/, 'anchor'],
    [/^punctuation\.separator\.label/, 'label-sep'],
    [/^string\.other\.link\.label/, 'label'],
    [/^meta\.link\.(wiki|bare)/, 'meta'],
  ];
  return names.find(([re]) => re.test(scope))?.[1] ?? scope;
}
