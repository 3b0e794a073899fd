import type { CodeListEntry, CodeListFile } from '../model/ruleSet.js';

/**
 * A compiled code list. Entries are indexed by their first three characters so that matching a code
 * costs one map lookup plus a check of the few entries that share the prefix, whatever the list size.
 */
export interface CodeList {
  readonly id: string;
  readonly version: string;
  /** The file it was compiled from, kept for documentation and hashing. */
  readonly file: CodeListFile;
  /** The first matching entry for a code, or `undefined`. */
  match(system: string, code: string): CodeListEntry | undefined;
  /** Every entry that matches a code (a code can sit in several groups). */
  matchAll(system: string, code: string): readonly CodeListEntry[];
}

/** Removes the dot and upper-cases, so `f32.1`, `F32.1` and `F321` are the same code. */
export function normalizeCode(code: string): string {
  // Fast path: codes as hosts usually send them (no dot, upper case) are returned as they are.
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 46 || (c >= 97 && c <= 122) || c > 127) return code.replace(/\./g, '').toUpperCase();
  }
  return code;
}

interface Indexed {
  readonly entry: CodeListEntry;
  readonly lo: string;
  readonly hi: string;
}

function key3(code: string): string {
  return code.slice(0, 3);
}

/** All three-character keys from `lo` to `hi` with the same letter, e.g. C00..C75. */
function keysInRange(lo: string, hi: string): string[] {
  const a = key3(lo);
  const b = key3(hi);
  if (a === b) return [a];
  const letterA = a[0] ?? '';
  const letterB = b[0] ?? '';
  const out: string[] = [];
  // Ranges across letters (rare) are expanded letter by letter; ICD-10 and ATC keys are letter + two digits.
  for (let l = letterA.charCodeAt(0); l <= letterB.charCodeAt(0); l++) {
    const from = l === letterA.charCodeAt(0) ? Number(a.slice(1)) : 0;
    const to = l === letterB.charCodeAt(0) ? Number(b.slice(1)) : 99;
    if (!Number.isFinite(from) || !Number.isFinite(to)) continue;
    for (let n = from; n <= to; n++) out.push(String.fromCharCode(l) + String(n).padStart(2, '0'));
  }
  return out;
}

/**
 * How many index keys a code list expands to, computed without expanding it, so that a hostile list
 * (thousands of `A00-Z99` ranges) is refused before it costs memory.
 */
export function codeListIndexSize(file: CodeListFile): number {
  let n = 0;
  for (const entry of file.entries) {
    const [rawLo, rawHi] = entry.code.split('-') as [string, string | undefined];
    const lo = key3(normalizeCode(rawLo));
    const hi = rawHi === undefined ? lo : key3(normalizeCode(rawHi));
    if (lo === hi) {
      n += 1;
      continue;
    }
    // The same walk as keysInRange, counting instead of collecting (codes start with A-Z: at most 26 letters).
    const la = lo.charCodeAt(0);
    const lb = hi.charCodeAt(0);
    for (let l = la; l <= lb; l++) {
      const from = l === la ? Number(lo.slice(1)) : 0;
      const to = l === lb ? Number(hi.slice(1)) : 99;
      if (Number.isFinite(from) && Number.isFinite(to)) n += Math.max(0, to - from + 1);
    }
  }
  return n;
}

/** Compiles a validated code-list file. */
export function compileCodeList(file: CodeListFile): CodeList {
  const index = new Map<string, Indexed[]>();
  for (const entry of file.entries) {
    const [rawLo, rawHi] = entry.code.split('-') as [string, string | undefined];
    const lo = normalizeCode(rawLo);
    const hi = rawHi === undefined ? lo : normalizeCode(rawHi);
    for (const k of keysInRange(lo, hi)) {
      const bucketKey = `${entry.system}|${k}`;
      const bucket = index.get(bucketKey) ?? [];
      bucket.push({ entry, lo, hi });
      index.set(bucketKey, bucket);
    }
  }
  const matches = (ix: Indexed, code: string) => code.slice(0, ix.lo.length) >= ix.lo && code.slice(0, ix.hi.length) <= ix.hi;
  const lookup = (system: string, code: string): readonly CodeListEntry[] => {
    const c = normalizeCode(code);
    const bucket = index.get(`${system}|${key3(c)}`);
    if (!bucket) return NONE;
    const found = bucket.filter((ix) => matches(ix, c)).map((ix) => ix.entry);
    return found.length === 0 ? NONE : Object.freeze(found);
  };
  // A population repeats the same few hundred codes millions of times, so lookups are memoised
  // (bounded, and pure: the list never changes after compilation).
  const memo = new Map<string, Map<string, readonly CodeListEntry[]>>();
  let memoSize = 0;
  const matchAll = (system: string, code: string): readonly CodeListEntry[] => {
    let bySystem = memo.get(system);
    if (bySystem === undefined) memo.set(system, (bySystem = new Map()));
    let r = bySystem.get(code);
    if (r === undefined) {
      r = lookup(system, code);
      if (++memoSize > 50_000) {
        memo.clear();
        memoSize = 0;
        memo.set(system, (bySystem = new Map()));
      }
      bySystem.set(code, r);
    }
    return r;
  };
  return {
    id: file.id,
    version: file.version,
    file,
    match: (system, code) => matchAll(system, code)[0],
    matchAll,
  };
}

const NONE: readonly CodeListEntry[] = Object.freeze([]);
