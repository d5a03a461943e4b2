// The UI scenario: a person's session with the packaged extension in
// code-server, in Chromium, on a copy of examples/wiki (see
// examples/EXAMPLE.md for its pages and deliberate problems). One
// screenshot after each step, into test-results/e2e-ui/ (kept out of git):
//   01-opened-source  02-hover  03-definition  04-problems
//   05-stub-created  06-completion  07-citation-saved
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { installExtension, makeHome, startCodeServer, type CodeServer } from './codeServer';
import { launchBrowser, newPage, workbenchReady, workbenchUrl } from './browser';
import { LIMIT, Workbench, untilFile } from './workbench';

const DATABRICKS = 'sources/2025-10-01-databricks-intelligent-kubernetes-load-balancing.md';
const DATADOG = 'sources/2026-02-18-datadog-how-we-reduced-agent-go-binaries-up-to-77-percent.md';

/** The 1-based line of the first line of `file` that equals `text`: `## Modes` in kube-proxy.md. */
function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8').split('\n').indexOf(text);
  if (index < 0) throw new Error(`${text} is not a line of ${file}`);
  return index + 1;
}

async function openedSource(wb: Workbench): Promise<void> {
  await wb.openFile(DATABRICKS);
  // The extension is active once its status bar item counts the pages: "21 wiki pages".
  await wb.page.locator('.statusbar-item').filter({ hasText: /\d+ wiki pages/ }).first().waitFor({ state: 'visible', timeout: LIMIT });
  await wb.screenshot('opened-source');
}

async function hover(wb: Workbench): Promise<void> {
  await wb.goto(12, 30); // in `[[systems/kubernetes]]`
  await wb.runCommand('Show or Focus Hover');
  const shown = wb.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Cited by 5 sources' });
  await shown.first().waitFor({ state: 'visible', timeout: LIMIT });
  const text = (await shown.first().textContent()) ?? '';
  if (!text.includes('Kubernetes is the dominant open-source container orchestrator')) throw new Error(`the hover lacks the preview: ${text}`);
  await wb.screenshot('hover');
  await wb.page.keyboard.press('Escape');
}

async function definition(wb: Workbench, wiki: string): Promise<void> {
  await wb.goto(20, 30); // in `[[systems/kube-proxy#Modes|kube-proxy modes]]`
  await wb.pressFor('F12', wb.page.locator('.tab.active .label-name').filter({ hasText: /^kube-proxy\.md$/ }));
  await wb.cursorAt(lineOf(join(wiki, 'systems/kube-proxy.md'), '## Modes'));
  await wb.screenshot('definition');
}

async function problems(wb: Workbench): Promise<void> {
  await wb.openFile(DATABRICKS);
  await wb.runCommand('View: Toggle Problems');
  const row = wb.page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'Page "systems/envoy" does not exist' });
  await row.first().waitFor({ state: 'visible', timeout: LIMIT });
  await wb.screenshot('problems');
}

async function createStub(wb: Workbench, wiki: string): Promise<void> {
  await wb.openFile(DATABRICKS);
  await wb.goto(38, 20); // in `[[systems/envoy|Envoy]]`
  await wb.pressFor('Control+.', wb.page.locator('.action-widget .monaco-list-row.action'));
  await wb.chooseAction('Create systems/envoy.md');
  const page = await untilFile(join(wiki, 'systems/envoy.md'), (t) => t.includes('## Seen in'), 'systems/envoy.md on disk');
  const frontmatter = '---\ntype: system\ntitle: Envoy\ncited_by: 1\n---\n';
  if (!page.startsWith(frontmatter)) throw new Error(`systems/envoy.md does not start with ${JSON.stringify(frontmatter)}:\n${page}`);
  await wb.activeTab('envoy.md');
  await wb.screenshot('stub-created');
}

/** Types `[[` at the end of the Datadog source's last line, lists the entities, and picks CoreDNS. */
async function completion(wb: Workbench, wiki: string): Promise<void> {
  await wb.openFile(DATADOG);
  await wb.goto(32, 1);
  await wb.page.keyboard.press('End');
  await wb.page.keyboard.type(' The Agent resolves cluster services through [[');
  const labels = wb.page.locator('.suggest-widget.visible .monaco-list-row .label-name');
  await wb.pressFor('Control+Space', labels);
  // The visible rows of the list (VS Code shows ~12): pages of the wiki, entities among them.
  const shown = await labels.allTextContents();
  const pages = shown.filter((id) => existsSync(join(wiki, `${id}.md`)));
  const entities = pages.filter((id) => /^(systems|concepts|patterns|companies)\//.test(id));
  if (shown.length < 5 || pages.length !== shown.length || entities.length < 3) throw new Error(`completion after [[ lists ${shown}`);
  await wb.screenshot('completion');
  await wb.page.keyboard.type('coredns');
  await wb.page.locator('.suggest-widget.visible .monaco-list-row.focused .label-name').filter({ hasText: /^systems\/coredns$/ }).waitFor({ timeout: LIMIT });
  await wb.page.keyboard.press('Enter');
  await wb.page.keyboard.press('End');
  await wb.page.keyboard.type('.');
}

async function citationOnSave(wb: Workbench, wiki: string): Promise<void> {
  await wb.page.keyboard.press('Control+S');
  const source = await untilFile(join(wiki, DATADOG), (t) => t.includes('through [[systems/coredns'), 'the Datadog source saved');
  if (!source.includes('services through [[systems/coredns]].\n')) throw new Error(`the completed link is not [[systems/coredns]]:\n${source.slice(-300)}`);
  const item = /\n- \[\[sources\/2026-02-18-datadog-how-we-reduced-agent-go-binaries-up-to-77-percent\]\] — The Agent resolves cluster services through CoreDNS\.\n/;
  await untilFile(join(wiki, 'systems/coredns.md'), (t) => item.test(t), 'the new "Seen in" item in systems/coredns.md');
  await wb.openFile('systems/coredns.md');
  await wb.page.keyboard.press('Control+End');
  await wb.screenshot('citation-saved');
}

/** Runs the scenario; returns the screenshots taken. Throws (after a screenshot of the failure) when a step fails. */
export async function runUiScenario(o: { vsix: string; wiki: string; shots: string }): Promise<string[]> {
  const home = makeHome('ui');
  const wiki = join(home.dir, 'wiki');
  cpSync(o.wiki, wiki, { recursive: true });
  installExtension(home, o.vsix);
  let server: CodeServer | undefined;
  const browser = await launchBrowser();
  try {
    server = await startCodeServer(home);
    const page: Page = await newPage(browser);
    await page.goto(workbenchUrl(server, wiki));
    await workbenchReady(page);
    const wb = new Workbench(page, o.shots);
    const steps: [string, () => Promise<void>][] = [
      ['open a source page', () => openedSource(wb)], ['hover a link', () => hover(wb)], ['F12 on a link', () => definition(wb, wiki)],
      ['the Problems panel', () => problems(wb)], ['Ctrl+. creates the stub', () => createStub(wb, wiki)],
      ['Ctrl+Space after [[', () => completion(wb, wiki)], ['save: the citation', () => citationOnSave(wb, wiki)],
    ];
    for (const [name, step] of steps) await runStep(wb, name, step);
    rmSync(home.dir, { recursive: true, force: true });
    return wb.screenshots;
  } finally {
    await browser.close();
    await server?.stop();
  }
}

async function runStep(wb: Workbench, name: string, step: () => Promise<void>): Promise<void> {
  const start = Date.now();
  try {
    await step();
    console.log(`✓ ui: ${name} (${Date.now() - start} ms)`);
  } catch (err) {
    console.log(`✗ ui: ${name} (${Date.now() - start} ms)`);
    await wb.screenshot(`failed-${name.replace(/\W+/g, '-')}`).catch(() => undefined);
    throw err;
  }
}
