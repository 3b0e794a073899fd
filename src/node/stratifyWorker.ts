/**
 * Worker-thread entry for `oppfolgingsteam stratify --workers N`. Each worker compiles its own rule
 * set and keeps its own stratifier; the main thread sends tasks (NDJSON lines or a range of synthetic
 * persons) and merges the final states, which gives exactly the single-threaded result.
 */
import * as E from '../util/either.js';
import { parentPort, workerData } from 'node:worker_threads';
import type { StratifySetup, StratifyTask } from './stratifyTask.js';
import { finalState, runTask, stratifierFor } from './stratifyTask.js';

const setup = workerData as StratifySetup;
const port = parentPort!;
const made = stratifierFor(setup);
if (E.isLeft(made)) {
  port.postMessage({ type: 'error', messages: made.left });
} else {
  const s = made.right;
  port.on('message', (msg: { type: 'task'; task: StratifyTask } | { type: 'finish' }) => {
    if (msg.type === 'task') port.postMessage({ type: 'result', result: runTask(s, setup, msg.task) });
    else port.postMessage({ type: 'state', state: finalState(s) });
  });
  port.postMessage({ type: 'ready' });
}
