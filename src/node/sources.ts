import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as E from '../util/either.js';
import type { SourceFile } from '../policy/located.js';

/*
 * Reads rule files from disk for the CLI. The only file-system reads of rule files happen here; what
 * they contain is judged by the pure workspace analysis.
 */

/** Why files could not be read. Paths are the user's own; no file content is ever included. */
export type LoadError =
  | { readonly _tag: 'NotFound'; readonly path: string }
  | { readonly _tag: 'Unreadable'; readonly path: string }
  | { readonly _tag: 'TooMany'; readonly path: string; readonly limit: number }
  | { readonly _tag: 'TooLarge'; readonly path: string; readonly limit: number };

/** Files read for a target, and which file the user named (when they named a file, not a folder). */
export interface LoadedSources {
  readonly target: string;
  readonly kind: 'file' | 'directory';
  readonly files: readonly SourceFile[];
  /** The named file, when the target is a file: reports are limited to it and the files that belong with it. */
  readonly focus?: string;
}

/** Limits that keep a mistyped path (a home folder) from being read whole. */
export const SOURCE_LIMITS = { files: 5000, bytes: 50 * 1024 * 1024, depth: 8 } as const;

const WANTED = /\.(json|ya?ml)$/i;

/** Reads a text file, without a byte-order mark (editors on Windows add one; JSON.parse rejects it). */
export function readText(path: string): E.Either<LoadError, string> {
  let st;
  try {
    st = statSync(path);
  } catch {
    return E.left({ _tag: 'NotFound', path });
  }
  if (!st.isFile()) return E.left({ _tag: 'Unreadable', path });
  if (st.size > SOURCE_LIMITS.bytes) return E.left({ _tag: 'TooLarge', path, limit: SOURCE_LIMITS.bytes });
  try {
    return E.right(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return E.left({ _tag: 'Unreadable', path });
  }
}

function listDir(dir: string, depth: number, out: string[]): LoadError | undefined {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return { _tag: 'Unreadable', path: dir };
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (depth < SOURCE_LIMITS.depth) {
        const err = listDir(p, depth + 1, out);
        if (err) return err;
      }
    } else if (e.isFile() && WANTED.test(e.name)) {
      out.push(p);
      if (out.length > SOURCE_LIMITS.files) return { _tag: 'TooMany', path: dir, limit: SOURCE_LIMITS.files };
    }
  }
  return undefined;
}

function readAll(paths: readonly string[]): E.Either<LoadError, SourceFile[]> {
  const files: SourceFile[] = [];
  for (const p of paths) {
    const t = readText(p);
    if (E.isLeft(t)) return t;
    files.push({ path: p, text: t.right });
  }
  return E.right(files);
}

/**
 * Reads a folder (recursively: rule sets, vectors and `code-lists/`), or a file together with the
 * files next to it and in a sibling `code-lists/` folder, which it may need.
 */
export function readSources(target: string): E.Either<LoadError, LoadedSources> {
  let st;
  try {
    st = statSync(target);
  } catch {
    return E.left({ _tag: 'NotFound', path: target });
  }
  const paths: string[] = [];
  if (st.isDirectory()) {
    const err = listDir(target, 0, paths);
    if (err) return E.left(err);
    const files = readAll(paths);
    return E.isLeft(files) ? files : E.right({ target, kind: 'directory', files: files.right });
  }
  if (!st.isFile()) return E.left({ _tag: 'Unreadable', path: target });
  const dir = dirname(target);
  paths.push(target);
  try {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isFile() && WANTED.test(e.name) && e.name !== basename(target)) paths.push(p);
      if (e.isDirectory() && e.name === 'code-lists') {
        const err = listDir(p, SOURCE_LIMITS.depth, paths);
        if (err) return E.left(err);
      }
    }
  } catch {
    // The folder around a readable file should be listable; if not, the file alone is checked.
  }
  if (paths.length > SOURCE_LIMITS.files) return E.left({ _tag: 'TooMany', path: dir, limit: SOURCE_LIMITS.files });
  const files = readAll(paths);
  return E.isLeft(files) ? files : E.right({ target, kind: 'file', files: files.right, focus: target });
}
