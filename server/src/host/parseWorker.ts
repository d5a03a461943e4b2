// Large pages (a 20 MB page takes ~0.4 s to parse) are parsed on a worker
// thread so that the server keeps answering meanwhile. The bundle is its own
// worker script: `new Worker(__filename, { workerData: { wikiLspParser: true } })`.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { PageData } from '../core/types';
import type { ParseOptions } from '../core/scan/page';
import { parsePage } from '../core/scan/page';
import { safePage } from '../core/index/safePage';

interface Job {
  id: number;
  path: string;
  text: string;
  opts: ParseOptions;
}

/** True in the worker thread: answers parse jobs until the parent goes. */
export function runParseWorkerIfAsked(): boolean {
  if (isMainThread || !(workerData as { wikiLspParser?: boolean } | null)?.wikiLspParser) return false;
  parentPort!.on('message', (job: Job) => {
    parentPort!.postMessage({ id: job.id, page: safePage(job.path, job.text, job.opts, parsePage) });
  });
  return true;
}

/** One lazily started worker; jobs queue in it. Falls back to parsing here when no worker can start. */
export class ParsePool {
  private worker: Worker | undefined;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (p: PageData) => void; job: Job }>();

  constructor(private readonly script: string) {}

  parse(path: string, text: string, opts: ParseOptions): Promise<PageData> {
    const job: Job = { id: this.next++, path, text, opts };
    const worker = this.start();
    if (!worker) return Promise.resolve(safePage(path, text, opts, parsePage));
    return new Promise((resolve) => {
      this.waiting.set(job.id, { resolve, job });
      worker.postMessage(job);
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(this.script, { workerData: { wikiLspParser: true } });
      worker.on('message', ({ id, page }: { id: number; page: PageData }) => {
        this.waiting.get(id)?.resolve(page);
        this.waiting.delete(id);
      });
      worker.on('error', () => this.fail());
      worker.on('exit', () => this.fail());
      worker.unref();
      this.worker = worker;
      return worker;
    } catch {
      return undefined;
    }
  }

  /** The worker died: parse what it held here, and start a new one next time. */
  private fail(): void {
    this.worker = undefined;
    for (const [id, { resolve, job }] of this.waiting) {
      resolve(safePage(job.path, job.text, job.opts, parsePage));
      this.waiting.delete(id);
    }
  }
}
