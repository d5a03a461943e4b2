// Driving VS Code 1.100's workbench with the keyboard, as a person would,
// waiting on what the DOM shows (never on fixed sleeps). A key whose widget
// does not show within half the time limit is pressed once more.
//   const wb = new Workbench(page, 'test-results/e2e-ui');
//   await wb.openFile('systems/kube-proxy.md');
//   await wb.goto(12, 30);
//   await wb.runCommand('Show or Focus Hover');
import { watch, existsSync, readFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const LIMIT = 15_000;

const exact = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export class Workbench {
  private shots = 0;
  readonly screenshots: string[] = [];

  constructor(readonly page: Page, private readonly shotDir: string) {
    mkdirSync(shotDir, { recursive: true });
  }

  /** `01-hover.png`, `02-…`, numbered in the order taken. */
  async screenshot(name: string): Promise<void> {
    const file = join(this.shotDir, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    this.screenshots.push(file);
  }

  /** Presses `key` until `shown` is visible: once, and once more after half of `timeout`. */
  async pressFor(key: string, shown: Locator, timeout = LIMIT): Promise<void> {
    await this.page.keyboard.press(key);
    try {
      await shown.first().waitFor({ state: 'visible', timeout: timeout / 2 });
    } catch {
      await this.page.keyboard.press(key);
      await shown.first().waitFor({ state: 'visible', timeout: timeout / 2 });
    }
  }

  /** Waits until the active editor tab is `name` (`kube-proxy.md`). */
  async activeTab(name: string, timeout = LIMIT): Promise<void> {
    await this.page.locator('.tab.active .label-name').filter({ hasText: exact(name) }).waitFor({ state: 'visible', timeout });
  }

  /** The focused row of the open Ctrl+P / F1 box when its label is `text` (Enter picks it). */
  private quickPick(text: string | RegExp): Locator {
    return this.page.locator('.quick-input-widget .monaco-list-row.focused .label-name').filter({ hasText: text });
  }

  private get quickInput(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  /** Ctrl+P, the page's path, Enter: `openFile('sources/x.md')`. */
  async openFile(path: string): Promise<void> {
    await this.pressFor('Control+P', this.quickInput);
    await this.quickInput.fill(path);
    await this.quickPick(exact(basename(path))).first().waitFor({ state: 'visible', timeout: LIMIT });
    await this.page.keyboard.press('Enter');
    await this.activeTab(basename(path));
  }

  /** F1, then a command by its palette label: `runCommand('View: Toggle Problems')`. */
  async runCommand(label: string): Promise<void> {
    await this.pressFor('F1', this.quickInput);
    await this.quickInput.fill(`>${label}`);
    await this.quickPick(exact(label)).first().waitFor({ state: 'visible', timeout: LIMIT });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: LIMIT });
  }

  /** Ctrl+G `line:col` (1-based), then waits for the status bar's `Ln line, Col col`. */
  async goto(line: number, col: number): Promise<void> {
    await this.pressFor('Control+G', this.quickInput);
    await this.quickInput.fill(`:${line}:${col}`);
    await this.page.keyboard.press('Enter');
    await this.cursorAt(line, col);
  }

  async cursorAt(line: number, col?: number): Promise<void> {
    const text = col === undefined ? new RegExp(`Ln ${line},`) : exact(`Ln ${line}, Col ${col}`);
    await this.page.locator('.statusbar-item').filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: LIMIT });
  }

  /** In the open action widget (Ctrl+.), moves the focus down to the row holding `text` and presses Enter. */
  async chooseAction(text: string): Promise<void> {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
    for (let i = (await rows.count()) + 1; i > 0; i--) {
      if (((await focused.textContent()) ?? '').includes(text)) return this.page.keyboard.press('Enter');
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`no action "${text}" among ${await rows.allTextContents()}`);
  }
}

/** Resolves with the file's text once `ok(text)` holds, checking now and on each change in its folder (inotify). */
export function untilFile(path: string, ok: (text: string) => boolean, what: string, timeout = LIMIT): Promise<string> {
  return new Promise((resolve, reject) => {
    const read = () => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
    const watcher = watch(dirname(path));
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeout} ms: ${what}; ${path} holds:\n${read() ?? '(no file)'}`)), timeout);
    const finish = (err?: Error, text?: string) => {
      watcher.close();
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(text!);
    };
    const check = () => {
      const text = read();
      if (text !== undefined && ok(text)) finish(undefined, text);
    };
    watcher.on('change', check);
    check();
  });
}
