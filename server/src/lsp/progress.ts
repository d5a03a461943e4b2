// "Indexing wiki: 1200 of 10000 pages" as LSP work-done progress, one
// progress per wiki, created on its first report and ended on its last.
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';

export class Progress {
  private readonly open = new Map<string, Promise<WorkDoneProgressServerReporter | undefined>>();

  constructor(private readonly connection: Connection, private readonly supported: () => boolean) {}

  report(key: string, done: number, total: number): void {
    if (!this.supported() || total === 0) return;
    let reporter = this.open.get(key);
    if (!reporter) {
      if (done >= total) return;
      reporter = this.connection.window.createWorkDoneProgress().then(
        (r) => {
          r.begin('Indexing wiki', 0, `0 of ${total} pages`, false);
          return r;
        },
        () => undefined,
      );
      this.open.set(key, reporter);
    }
    void reporter.then((r) => {
      if (!r) return;
      if (done >= total) {
        r.done();
        this.open.delete(key);
      } else r.report(Math.floor((done / total) * 100), `${done} of ${total} pages`);
    });
  }
}
