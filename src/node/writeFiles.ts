import { existsSync, mkdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';

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
export function writeFilesAtomically(dir: string, files: readonly { readonly name: string; readonly text: string }[]): E.Either<WriteError, string[]> {
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
      writeFileSync(tmp, f.text, { encoding: 'utf8', flag: 'wx' });
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
