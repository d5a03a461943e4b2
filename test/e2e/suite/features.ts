// The extension's features, checked through VS Code's own commands on the
// fixture wiki (test/e2e/fixture/wiki, copied to a temp folder that is the
// workspace). Tests run in this order and build on each other: the stub
// page created by the quick fix is still there for the citation test.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { test, until } from './harness';

const ALPHA = 'sources/2025-10-01-alpha.md';
const BETA = 'sources/2025-11-02-beta.md';
const GAMMA = 'sources/2025-12-24-gamma.md';

const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0].uri;
const uriOf = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), path);
const disk = (path: string): string | undefined => (existsSync(uriOf(path).fsPath) ? readFileSync(uriOf(path).fsPath, 'utf8') : undefined);

async function open(path: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uriOf(path));
  return vscode.window.showTextDocument(doc);
}

/** The position `offset` characters into the first occurrence of `needle`: `at(doc, '[[systems/kube', 3)` is on the `s`. */
function at(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const index = doc.getText().indexOf(needle);
  assert.ok(index >= 0, `${needle} is not in ${doc.uri.path}`);
  return doc.positionAt(index + offset);
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'wiki-lsp');
const dangling = (uri: vscode.Uri): vscode.Diagnostic[] => ours(uri).filter((d) => codeOf(d) === 'dangling-link');
const hoverText = (hovers: vscode.Hover[]): string =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
const targetOf = (l: vscode.Location | vscode.LocationLink) =>
  'targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : { uri: l.uri, range: l.range };

/** Events for `until` that fire when a page of the workspace is created, changed or saved on disk. */
function diskEvents(): { events: vscode.Event<unknown>[]; dispose(): void } {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root(), '**/*.md'));
  return { events: [watcher.onDidCreate, watcher.onDidChange, vscode.workspace.onDidSaveTextDocument], dispose: () => watcher.dispose() };
}

/** Every dangling-link message shown for alpha from its opening on (the last test checks it). */
const everShown = new Set<string>();

test('the extension activates on a Markdown page and reports the dangling link', async () => {
  const alpha = uriOf(ALPHA);
  const recorder = vscode.languages.onDidChangeDiagnostics(() => dangling(alpha).forEach((d) => everShown.add(d.message)));
  try {
    const editor = await open(ALPHA);
    const onlyEnvoy = () => dangling(alpha).length === 1 && /systems\/envoy/.test(dangling(alpha)[0].message) && dangling(alpha);
    const [d] = await until('the dangling link to systems/envoy, alone, on alpha', onlyEnvoy, [vscode.languages.onDidChangeDiagnostics]);
    assert.equal(vscode.extensions.getExtension('wiki-lsp.wiki-lsp')?.isActive, true);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d.range.start.line, 8);
    assert.match(editor.document.getText(d.range), /systems\/envoy/);
    assert.deepEqual(ours(alpha).map(codeOf), ['dangling-link'], 'alpha has no other problem');
  } finally {
    recorder.dispose();
  }
});

test('go to definition follows a wikilink to its page and its #heading', async () => {
  const doc = (await open(ALPHA)).document;
  const page = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at(doc, '[[systems/kubernetes]]', 5));
  assert.deepEqual(page.map((l) => targetOf(l).uri.toString()), [uriOf('systems/kubernetes.md').toString()]);
  const heading = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at(doc, '[[systems/kube-proxy#Modes', 5));
  assert.equal(heading.length, 1);
  assert.equal(targetOf(heading[0]).uri.toString(), uriOf('systems/kube-proxy.md').toString());
  assert.equal(targetOf(heading[0]).range.start.line, 9, 'the `## Modes` line');
});

test('hover shows the linked page\'s preview and "Cited by 2 sources"', async () => {
  const doc = (await open(ALPHA)).document;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at(doc, '[[systems/kube-proxy', 4));
  const text = hoverText(hovers);
  assert.match(text, /Cited by 2 sources/);
  assert.match(text, /default L4 service load balancer/);
});

test('completion after [[ lists the entities, and narrows as one types', async () => {
  const editor = await open(GAMMA);
  const complete = async (typed: string) => {
    const end = editor.document.lineAt(6).range.end;
    await editor.edit((e) => e.insert(end, typed));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.document.lineAt(6).range.end);
    return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  };
  const all = await complete(' See [[');
  for (const entity of ['systems/kube-proxy', 'systems/kubernetes']) assert.ok(all.includes(entity), `${entity} in ${all}`);
  const narrowed = await complete('kube-p');
  assert.equal(narrowed[0], 'systems/kube-proxy');
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(editor.document.isDirty, false);
});

test('the quick fix creates the missing page on disk with its frontmatter and "Seen in", and opens it', async () => {
  const doc = (await open(ALPHA)).document;
  const [d] = dangling(doc.uri);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value, 10);
  const create = actions.find((a) => a.title.startsWith('Create systems/envoy.md'));
  assert.ok(create?.edit, `a "Create systems/envoy.md" action with an edit among ${actions.map((a) => a.title)}`);
  assert.equal(create.isPreferred, true);
  const watch = diskEvents();
  try {
    // As the lightbulb applies it: a refactoring, so VS Code saves the files it touched.
    assert.equal(await vscode.workspace.applyEdit(create.edit, { isRefactoring: true }), true);
    if (create.command) await vscode.commands.executeCommand(create.command.command, ...(create.command.arguments ?? []));
    const content = await until('systems/envoy.md on disk with content', () => disk('systems/envoy.md')?.includes('## Seen in') && disk('systems/envoy.md'), watch.events);
    assert.match(content, /^---\ntype: system\ntitle: Envoy\ncited_by: 1\n---\n# Envoy\n/);
    assert.match(content, /\n- \[\[sources\/2025-10-01-alpha\]\] — They considered Envoy sidecars and rejected them\.\n/);
  } finally {
    watch.dispose();
  }
  await until('the new page in the active editor', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/systems/envoy.md'), [vscode.window.onDidChangeActiveTextEditor]);
  await until('the dangling link gone from alpha', () => dangling(doc.uri).length === 0, [vscode.languages.onDidChangeDiagnostics]);
});

test('saving a source that gains a citation adds it to the entity\'s "Seen in" and count, on disk', async () => {
  const editor = await open(BETA);
  await editor.edit((e) => e.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '\nBeta runs its clusters on [[systems/kubernetes]].\n'));
  const watch = diskEvents();
  try {
    assert.equal(await editor.document.save(), true);
    const item = '- [[sources/2025-11-02-beta]] — Beta runs its clusters on Kubernetes.';
    const page = await until('the new "Seen in" item in systems/kubernetes.md on disk', () => disk('systems/kubernetes.md')?.includes(item) && disk('systems/kubernetes.md'), watch.events);
    assert.match(page, /\ncited_by: 2\n/);
    assert.ok(page.endsWith(`on Kubernetes.\n${item}\n`), `the item comes last:\n${page}`);
  } finally {
    watch.dispose();
  }
  const kubernetes = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('/systems/kubernetes.md'));
  assert.equal(kubernetes?.isDirty ?? false, false, 'the client saved the page it had no unsaved changes in');
});

test('no page that exists was reported missing, not even while the wiki was being indexed', async () => {
  assert.deepEqual([...everShown], ['Page "systems/envoy" does not exist.']);
});
