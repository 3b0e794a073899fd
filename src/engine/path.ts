/**
 * The safe path subset. json-rules-engine hands `path` to jsonpath-plus, whose script evaluation has
 * had code-execution CVEs; we accept only `$.key.key[0]` and walk it ourselves. Keys that reach the
 * prototype (`__proto__`, `constructor`, `prototype`) are refused, and only own properties are read.
 */

// Linear on any input: each repetition of the outer group starts with "." or "[", which the inner
// `[A-Za-z0-9_-]*` cannot match, so the path splits into segments in exactly one way.
const SAFE = /^\$((\.[A-Za-z_][A-Za-z0-9_-]*)|(\[\d{1,6}\]))+$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** A compiled path: the list of keys and indices to walk. */
export type CompiledPath = readonly (string | number)[];

/** Parses a path, or returns `undefined` when it is outside the safe subset. */
export function compilePath(path: string): CompiledPath | undefined {
  // RegExp#test would coerce a non-string (and throw on an object without a prototype).
  if (typeof path !== 'string' || !SAFE.test(path)) return undefined;
  const out: (string | number)[] = [];
  const re = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) {
      if (FORBIDDEN.has(m[1])) return undefined;
      out.push(m[1]);
    } else out.push(Number(m[2]));
  }
  return out;
}

/** Walks a compiled path; a missing step gives `undefined` (unknown). */
export function resolvePath(value: unknown, path: CompiledPath): unknown {
  let cur: unknown = value;
  for (const step of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (typeof step === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[step];
    } else {
      if (!Object.prototype.hasOwnProperty.call(cur, step)) return undefined;
      cur = (cur as Record<string, unknown>)[step];
    }
  }
  return cur;
}
