import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { runFullCheck, type CheckRequest, type CheckResult } from './full-check.js';

/** Runs full checks; the worker variant keeps them off the thread that answers requests. */
export interface Checker {
  readonly kind: 'worker' | 'inline';
  check(request: CheckRequest): Promise<CheckResult>;
  dispose(): Promise<void>;
}

export function createInlineChecker(): Checker {
  return {
    kind: 'inline',
    // A macrotask first, so requests that arrived meanwhile are answered before the check.
    check: (request) => new Promise((resolve, reject) => setImmediate(() => {
      try {
        resolve(runFullCheck(request));
      } catch (error) {
        reject(error);
      }
    })),
    dispose: async () => {},
  };
}

/** How long the check worker waits for more work before it exits. */
const WORKER_IDLE_MS = 5000;

type Pending = { resolve: (r: CheckResult) => void; reject: (e: Error) => void };

/**
 * A checker on a worker thread running `workerFile` (the bundled check-worker). A worker
 * that dies is replaced at the next check; the checks it held fail with an error.
 */
export function createWorkerChecker(workerFile: string, idleMs = WORKER_IDLE_MS): Checker {
  let worker: Worker | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  // An idle worker exits, handing its memory back; the next check starts a new one (~0.1 s).
  const armIdle = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      if (pending.size === 0 && worker) {
        const w = worker;
        worker = undefined;
        void w.terminate();
      }
    }, idleMs);
    idleTimer.unref();
  };
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const ensure = (): Worker => {
    if (worker) return worker;
    const w = new Worker(workerFile);
    w.unref();
    w.on('message', (msg: { id: number; result?: CheckResult; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (pending.size === 0) armIdle();
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.result!);
    });
    w.on('error', (error) => {
      worker = undefined;
      failAll(error);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      // Pending checks belong to this worker only while it is the current one.
      if (worker === undefined) failAll(new Error(`check worker exited with code ${code}`));
    });
    worker = w;
    return w;
  };

  return {
    kind: 'worker',
    check(request) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        try {
          ensure().postMessage({ id, request });
        } catch (error) {
          pending.delete(id);
          reject(error as Error);
        }
      });
    },
    async dispose() {
      if (idleTimer) clearTimeout(idleTimer);
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}

/** The worker beside the running bundle when there is one (not when running from TypeScript sources). */
export function createChecker(workerFile: string | undefined): Checker {
  if (workerFile && !workerFile.endsWith('.ts') && existsSync(workerFile)) return createWorkerChecker(workerFile);
  return createInlineChecker();
}
