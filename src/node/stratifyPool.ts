import { Worker } from 'node:worker_threads';
import type { Stratifier, StratifierState } from '../population/stratifier.js';
import type { StratifySetup, StratifyTask, TaskResult } from './stratifyTask.js';
import { finalState, runTask } from './stratifyTask.js';

/** Runs stratify tasks: in the calling thread, or on worker threads. */
export interface StratifyExecutor {
  submit(task: StratifyTask): Promise<TaskResult>;
  /** The final states of every stratifier, to merge. */
  finish(): Promise<StratifierState[]>;
  close(): Promise<void>;
}

/** Runs tasks in the calling thread (no workers). */
export function inProcessExecutor(s: Stratifier, setup: StratifySetup): StratifyExecutor {
  return {
    submit: (task) => Promise.resolve(runTask(s, setup, task)),
    finish: () => Promise.resolve([finalState(s)]),
    close: () => Promise.resolve(),
  };
}

/** The worker script next to this module, with this module's extension (.ts under tsx, .js when built). */
function workerUrl(): URL {
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : import.meta.url.endsWith('.mjs') ? 'mjs' : 'js';
  return new URL(`./stratifyWorker.${ext}`, import.meta.url);
}

/**
 * Starts a worker on the worker script. Under tsx (development, tests, benchmarks) the script is
 * TypeScript, and a worker does not inherit tsx's loader, so a tiny bootstrap registers it first.
 */
function startWorker(setup: StratifySetup): Worker {
  const url = workerUrl();
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: setup });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData: setup });
}

interface Slot {
  readonly worker: Worker;
  busy: boolean;
  current?: { resolve: (r: TaskResult) => void; reject: (e: unknown) => void };
  final?: (s: StratifierState) => void;
}

/** Runs tasks on `n` worker threads, one task per worker at a time. */
export async function workerExecutor(n: number, setup: StratifySetup): Promise<StratifyExecutor> {
  const queue: { task: StratifyTask; resolve: (r: TaskResult) => void; reject: (e: unknown) => void }[] = [];
  let failure: unknown;
  const slots: Slot[] = [];
  const ready: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const worker = startWorker(setup);
    const slot: Slot = { worker, busy: false };
    slots.push(slot);
    ready.push(
      new Promise<void>((resolve, reject) => {
        worker.on('message', (msg: { type: string; result?: TaskResult; state?: StratifierState; messages?: string[] }) => {
          if (msg.type === 'ready') resolve();
          else if (msg.type === 'error') reject(new Error(msg.messages?.join('\n') ?? 'worker failed'));
          else if (msg.type === 'result') {
            const c = slot.current!;
            slot.current = undefined;
            slot.busy = false;
            c.resolve(msg.result!);
            pump();
          } else if (msg.type === 'state') slot.final?.(msg.state!);
        });
        worker.on('error', (err) => {
          failure = err;
          reject(err);
          slot.current?.reject(err);
          for (const q of queue.splice(0)) q.reject(err);
        });
      }),
    );
  }
  await Promise.all(ready);
  const pump = () => {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      const next = queue.shift()!;
      slot.busy = true;
      slot.current = { resolve: next.resolve, reject: next.reject };
      slot.worker.postMessage({ type: 'task', task: next.task });
    }
  };
  return {
    submit: (task) =>
      new Promise<TaskResult>((resolve, reject) => {
        if (failure) return reject(failure);
        queue.push({ task, resolve, reject });
        pump();
      }),
    finish: () =>
      Promise.all(
        slots.map(
          (slot) =>
            new Promise<StratifierState>((resolve) => {
              slot.final = resolve;
              slot.worker.postMessage({ type: 'finish' });
            }),
        ),
      ),
    close: async () => {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
