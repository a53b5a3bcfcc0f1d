import { parentPort } from 'node:worker_threads';
import { runFullCheck, type CheckRequest } from './full-check.js';

/** Worker-thread entry: answers `{ id, request }` messages with `{ id, result }` or `{ id, error }`. */
parentPort?.on('message', (msg: { id: number; request: CheckRequest }) => {
  try {
    parentPort!.postMessage({ id: msg.id, result: runFullCheck(msg.request) });
  } catch (error) {
    parentPort!.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) });
  }
});
