import * as E from '../util/either.js';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
import {
  UTF8_BOM,
  WORKLIST_CSV_HEADER,
  worklistCsvNoHeader,
  worklistCsvNoRow,
  worklistCsvRow,
  worklistJsonLine,
} from '../population/format.js';
import type { WorklistEntry } from '../population/entry.js';
import type { StratifyResult } from '../population/stratifier.js';
import { mergeStratifications } from '../population/stratifier.js';
import { ndjsonLines } from './ndjson.js';
import type { StratifyExecutor } from './stratifyPool.js';
import { inProcessExecutor, workerExecutor } from './stratifyPool.js';
import type { StratifySetup, StratifyTask, TaskResult } from './stratifyTask.js';
import { stratifierFor } from './stratifyTask.js';

/*
 * The node edge of population mode: reads NDJSON (a file or stdin) or generates a synthetic cohort,
 * runs the stratifier in this thread or on worker threads, and streams the worklist out with flat
 * memory. Points mode writes entries as they are found, in input order; top-percent mode keeps a
 * bounded heap (it needs the record count first: a file is counted, stdin is spooled to a temporary
 * file) and writes the ranked list at the end.
 */

/** Where the records come from. */
export type StratifySource =
  | { readonly kind: 'synthetic'; readonly size: number; readonly seed: number }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'stream'; readonly stream: Readable };

/** How the worklist is written. */
export type WorklistFormat = 'ndjson' | 'csv' | 'csv-no';

/** A stratify run. */
export interface StratifyJob {
  readonly setup: Omit<StratifySetup, 'expectedSize' | 'synthetic'>;
  readonly source: StratifySource;
  readonly out: Writable;
  /** `csv-no`: CSV for a spreadsheet set to Norwegian (semicolons, decimal comma, Norwegian headers, byte-order mark). */
  readonly format: WorklistFormat;
  readonly workers: number;
  /** Called after every finished task with the running counts (for a progress line). */
  readonly onProgress?: (p: { read: number; ranked: number; rejected: number; listed: number }) => void;
}

const LINES_PER_TASK = 500;
const PERSONS_PER_TASK = 2000;

async function countLines(path: string): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  return last === 10 ? n : n + 1;
}

async function* lineTasks(input: Readable, startSeq: { seq: number }): AsyncGenerator<StratifyTask> {
  let lines: (string | null)[] = [];
  let numbers: number[] = [];
  // The CLI's one NDJSON reader: BOM, CRLF and blank lines as everywhere; a line past the length
  // limit comes as null, and is rejected and counted where the task runs.
  for await (const { line, text } of ndjsonLines(input)) {
    lines.push(text);
    numbers.push(line);
    if (lines.length >= LINES_PER_TASK) {
      yield { seq: startSeq.seq++, kind: 'lines', lines, numbers };
      lines = [];
      numbers = [];
    }
  }
  if (lines.length > 0) yield { seq: startSeq.seq++, kind: 'lines', lines, numbers };
}

function* syntheticTasks(size: number, startSeq: { seq: number }): Generator<StratifyTask> {
  for (let from = 0; from < size; from += PERSONS_PER_TASK)
    yield { seq: startSeq.seq++, kind: 'synthetic', from, to: Math.min(size, from + PERSONS_PER_TASK) };
}

async function write(out: Writable, text: string): Promise<void> {
  if (text.length === 0) return;
  // A stream that failed (a full disk) waits for no drain: its error ends the run.
  if (out.errored) throw out.errored;
  if (!out.write(text)) await once(out, 'drain');
}

function rows(entries: readonly WorklistEntry[], format: WorklistFormat, lang: string): string {
  if (entries.length === 0) return '';
  const f = format === 'csv' ? worklistCsvRow : format === 'csv-no' ? (e: WorklistEntry) => worklistCsvNoRow(e, lang) : worklistJsonLine;
  let s = '';
  for (const e of entries) s += `${f(e)}\n`;
  return s;
}

/** The outcome of a run: the merged result (its `entries` are the ones written at the end) or why it could not start. */
export type StratifyRunResult = E.Either<{ readonly usage: readonly string[] }, StratifyResult>;

/** Runs a stratify job to the end. Usage problems (bad options, an invalid rule set) come back as values. */
export async function runStratifyJob(job: StratifyJob): Promise<StratifyRunResult> {
  let spool: string | undefined;
  try {
    let source = job.source;
    let expectedSize: number | undefined;
    const top = job.setup.topPercent !== undefined;
    if (source.kind === 'synthetic') expectedSize = source.size;
    else if (top) {
      if (source.kind === 'stream') {
        // Top percent needs the count before ranking; stdin is spooled to disk, never to memory.
        spool = mkdtempSync(join(tmpdir(), 'oppfolgingsteam-'));
        const path = join(spool, 'input.ndjson');
        await pipeline(source.stream, createWriteStream(path));
        source = { kind: 'file', path };
      }
      expectedSize = await countLines(source.path);
    }
    const setup: StratifySetup = {
      ...job.setup,
      ...(expectedSize !== undefined ? { expectedSize } : {}),
      ...(source.kind === 'synthetic' ? { synthetic: { seed: source.seed, size: source.size } } : {}),
    };
    const main = stratifierFor(setup);
    if (E.isLeft(main)) return E.left({ usage: main.left });

    const exec: StratifyExecutor = job.workers > 0 ? await workerExecutor(job.workers, setup) : inProcessExecutor(main.right, setup);
    try {
      if (job.format === 'csv') await write(job.out, `${WORKLIST_CSV_HEADER}\n`);
      // The byte-order mark first: without it Excel reads UTF-8 as Windows-1252 (ø becomes Ã¸).
      if (job.format === 'csv-no') await write(job.out, `${UTF8_BOM}${worklistCsvNoHeader(job.setup.lang)}\n`);
      const seq = { seq: 0 };
      const tasks: AsyncIterable<StratifyTask> | Iterable<StratifyTask> =
        source.kind === 'synthetic'
          ? syntheticTasks(source.size, seq)
          : lineTasks(source.kind === 'file' ? createReadStream(source.path) : source.stream, seq);
      const inflight: Promise<TaskResult>[] = [];
      const maxInflight = Math.max(2, job.workers * 3);
      const progress = { read: 0, ranked: 0, rejected: 0, listed: 0 };
      const done = async (r: TaskResult) => {
        progress.read += r.read;
        progress.ranked += r.ranked;
        progress.rejected += r.rejected;
        progress.listed += r.entries.length;
        // Results are written in task order, so the output is the same with any number of workers.
        await write(job.out, rows(r.entries, job.format, job.setup.lang));
        job.onProgress?.(progress);
      };
      for await (const task of tasks) {
        inflight.push(exec.submit(task));
        if (inflight.length >= maxInflight) await done(await inflight.shift()!);
      }
      while (inflight.length > 0) await done(await inflight.shift()!);
      const states = await exec.finish();
      const result = mergeStratifications(main.right, states);
      if (top) await write(job.out, rows(result.entries, job.format, job.setup.lang));
      return E.right(result);
    } finally {
      await exec.close();
    }
  } finally {
    if (spool) rmSync(spool, { recursive: true, force: true });
  }
}
