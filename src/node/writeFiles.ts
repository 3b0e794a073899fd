import type { Stats, WriteStream } from 'node:fs';
import { createWriteStream, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import * as E from '../util/either.js';

/** Why output could not be written. */
export interface WriteError {
  readonly _tag: 'WriteFailed';
  readonly path: string;
}

/**
 * Writes several files into a folder all or nothing: each is written to a temporary name first and
 * renamed only when every one was written. On failure the temporary files, and the folder if this
 * call created it, are removed, so a failed run never leaves a half-written catalogue behind.
 */
export function writeFilesAtomically(
  dir: string,
  files: readonly { readonly name: string; readonly text: string | Uint8Array }[],
): E.Either<WriteError, string[]> {
  if (existsSync(dir) && !statSync(dir).isDirectory()) return E.left({ _tag: 'WriteFailed', path: dir });
  let created: string | undefined;
  try {
    created = mkdirSync(dir, { recursive: true });
  } catch {
    return E.left({ _tag: 'WriteFailed', path: dir });
  }
  const temps: string[] = [];
  const cleanUp = () => {
    for (const t of temps) {
      try {
        unlinkSync(t);
      } catch {
        // already gone
      }
    }
    if (created !== undefined) rmSync(created, { recursive: true, force: true });
  };
  for (const f of files) {
    const tmp = join(dir, `.${f.name}.${process.pid}.tmp`);
    try {
      writeFileSync(tmp, f.text, typeof f.text === 'string' ? { encoding: 'utf8', flag: 'wx' } : { flag: 'wx' });
      temps.push(tmp);
    } catch {
      cleanUp();
      return E.left({ _tag: 'WriteFailed', path: join(dir, f.name) });
    }
  }
  const written: string[] = [];
  for (const [i, f] of files.entries()) {
    const target = join(dir, f.name);
    try {
      renameSync(temps[i]!, target);
      written.push(target);
    } catch {
      cleanUp();
      return E.left({ _tag: 'WriteFailed', path: target });
    }
  }
  return E.right(written);
}

/**
 * An output file being written under a temporary name in its target's folder (so the rename stays on
 * one file system). Renamed over the target by {@link commitOutputs} only when the whole run has
 * succeeded; removed by {@link discardOutputs} otherwise. An interrupted or failed run therefore
 * never leaves a half-written file under the target's name, and never truncates an existing one.
 */
export interface PendingOutput {
  readonly target: string;
  readonly temp: string;
}

let pendingCount = 0;

/** A fresh temporary name next to `target`: hidden, and naming the process that writes it. */
export function pendingOutput(target: string): PendingOutput {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${++pendingCount}.tmp`);
  return { target, temp };
}

/**
 * A stream that writes a pending output's temporary file. The file is created here, at once, so a
 * folder that does not exist or cannot be written is an exception now, not an error event later.
 * A write error later is kept on the stream (`errored`) for the caller to see when it finishes.
 */
export function pendingStream(p: PendingOutput): WriteStream {
  const fd = openSync(p.temp, 'wx');
  const stream = createWriteStream(p.temp, { fd });
  stream.on('error', () => {
    // Kept in stream.errored; `finished` rejects with it.
  });
  return stream;
}

/** Writes a pending output's temporary file in one go. */
export function writePending(p: PendingOutput, text: string): void {
  writeFileSync(p.temp, text, { encoding: 'utf8', flag: 'wx' });
}

/** Renames every pending output over its target, in order. */
export function commitOutputs(outputs: readonly PendingOutput[]): void {
  for (const p of outputs) renameSync(p.temp, p.target);
}

/** Removes what temporary files exist; the targets are untouched. */
export function discardOutputs(outputs: readonly PendingOutput[]): void {
  for (const p of outputs) rmSync(p.temp, { force: true });
}

/**
 * Whether two paths name the same file: the same device and inode when both exist (hard links and
 * symbolic links included), else the same path once resolved (a file about to be created).
 */
export function sameFile(a: string, b: string): boolean {
  const sa = statOrUndefined(a);
  const sb = statOrUndefined(b);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  return resolve(a) === resolve(b);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
