import type { ValidationIssue } from './issues.js';
import { makeIssue } from './issues.js';
import type { Lang } from './lang.js';
import { LIMITS } from './limits.js';

/*
 * A cheap pre-check of untrusted input before schema validation. zod validates recursive schemas
 * (rule conditions, JSON values in rule files and test vectors) by recursion, so 10,000 levels of
 * nesting overflow the call stack: a RangeError thrown out of a function that promises to return
 * errors as values. This walk uses an explicit stack, visits each value once, and stops at the first
 * limit it meets, so its work is bounded by LIMITS.inputValues whatever the input (even a cyclic or
 * heavily shared object graph, which JSON cannot express but a host's object can).
 *
 * Only arrays and plain objects (prototype null or a realm's Object.prototype) are entered; anything
 * else (Date, Map, boxed primitives, class instances) is one value and left for the schema to reject.
 */

type Seg = string | number;

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly seg: Seg | undefined;
  readonly parent: Frame | undefined;
}

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  // Objects from another realm (an iframe, a vm context) have that realm's Object.prototype, whose own prototype is null.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function pathOf(f: Frame | undefined, prefix: readonly Seg[]): Seg[] {
  const segs: Seg[] = [];
  for (let cur = f; cur !== undefined; cur = cur.parent) if (cur.seg !== undefined) segs.push(cur.seg);
  return [...prefix, ...segs.reverse()];
}

/** Options for {@link checkInputShape}. */
export interface ShapeOptions {
  /**
   * Also refuse what JSON cannot hold (BigInt, symbols, functions, NaN, ±Infinity, Dates, Maps and
   * other non-plain objects), for input that is copied into a decision without a schema: raw fact
   * values end up in the trace, and a decision must always serialise. `undefined` is allowed (absent).
   */
  readonly jsonOnly?: boolean;
  /**
   * Check string lengths against `LIMITS.stringLength`. Default true. Off for FHIR input, where a
   * resource the adapter does not read (a Binary, a narrative) may hold a long text or base64 data.
   */
  readonly strings?: boolean;
}

/**
 * Checks nesting depth, total size, string lengths and key lengths of an untrusted input against
 * {@link LIMITS}. Returns the first issue found, located by path (never carrying the value), or
 * `undefined` when the input is within the limits. A getter or proxy trap that throws while the input
 * is read is an `unreadable` issue at the path it guards, not an exception.
 */
export function checkInputShape(
  input: unknown,
  lang: Lang,
  prefix: readonly Seg[] = [],
  options: ShapeOptions = {},
): ValidationIssue | undefined {
  const r = walk(input, lang, prefix, options, false);
  return 'issue' in r ? r.issue : undefined;
}

/**
 * {@link checkInputShape}, and a copy of the input made in the same walk: plain objects and arrays
 * are new, everything else is the value read. Every property is read exactly once, so what the rest
 * of the call sees is what was checked, even when the input's getters or proxy traps would answer
 * differently the next time (or throw then). Entry points whose later code reads the input again
 * (raw fact values, FHIR resources, envelopes) work on this copy.
 */
export function readInput(
  input: unknown,
  lang: Lang,
  prefix: readonly Seg[] = [],
  options: ShapeOptions = {},
): { readonly issue: ValidationIssue } | { readonly value: unknown } {
  return walk(input, lang, prefix, options, true);
}

/** Sets a property of a fresh plain object, `__proto__` included as an own property (as JSON.parse does). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function walk(
  input: unknown,
  lang: Lang,
  prefix: readonly Seg[],
  options: ShapeOptions,
  copy: boolean,
): { readonly issue: ValidationIssue } | { readonly value: unknown } {
  const stack: Frame[] = [];
  const copies = new Map<Frame, unknown[] | Record<string, unknown>>();
  let values = 0;
  // Where reading is, for the path of an `unreadable` issue: the frame being entered or read, and the key in it.
  let at: Frame | undefined;
  let atSeg: Seg | undefined;
  // Scalars are checked where they are found; only arrays and plain objects go on the stack, so a
  // million numbers cost a million comparisons and no allocation.
  const visit = (v: unknown, depth: number, seg: Seg | undefined, parent: Frame | undefined): ValidationIssue | Frame | undefined => {
    values++;
    if (typeof v === 'string') {
      return v.length > LIMITS.stringLength && options.strings !== false
        ? makeIssue('too_big', pathOf({ value: v, depth, seg, parent }, prefix), lang, { maximum: LIMITS.stringLength })
        : undefined;
    }
    if (typeof v !== 'object' || v === null) {
      const notJson =
        typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function' || (typeof v === 'number' && !Number.isFinite(v));
      return options.jsonOnly && notJson
        ? makeIssue('invalid_type', pathOf({ value: v, depth, seg, parent }, prefix), lang, { expected: 'JSON' })
        : undefined;
    }
    if (!Array.isArray(v) && !isPlainObject(v)) {
      return options.jsonOnly
        ? makeIssue('invalid_type', pathOf({ value: v, depth, seg, parent }, prefix), lang, { expected: 'JSON' })
        : undefined;
    }
    const f: Frame = { value: v, depth, seg, parent };
    if (depth >= LIMITS.inputDepth) return makeIssue('too_deep', pathOf(f, prefix), lang, { maximum: LIMITS.inputDepth });
    stack.push(f);
    if (copy) copies.set(f, Array.isArray(v) ? [] : {});
    return f;
  };
  /** The copy of a visited value: its fresh container, or the value itself. */
  const copyOf = (v: unknown, visited: Frame | undefined): unknown => (visited === undefined ? v : copies.get(visited));
  try {
    at = undefined;
    atSeg = undefined;
    const first = visit(input, 0, undefined, undefined);
    if (first !== undefined && !('value' in first)) return { issue: first };
    const root = copy ? copyOf(input, first) : undefined;
    while (stack.length > 0) {
      const f = stack.pop()!;
      at = f;
      atSeg = undefined;
      const v = f.value;
      const target = copies.get(f);
      if (Array.isArray(v)) {
        // The length alone can exceed the budget (a sparse `new Array(1e9)`); refuse before iterating.
        const length = v.length;
        if (length > LIMITS.inputValues - values)
          return { issue: makeIssue('too_big', pathOf(f, prefix), lang, { maximum: LIMITS.inputValues }) };
        for (let i = 0; i < length; i++) {
          atSeg = i;
          const x: unknown = v[i];
          const r = visit(x, f.depth + 1, i, f);
          if (r !== undefined && !('value' in r)) return { issue: r };
          if (target) (target as unknown[])[i] = copyOf(x, r);
        }
      } else {
        const keys = Object.keys(v as object);
        if (keys.length > LIMITS.inputValues - values)
          return { issue: makeIssue('too_big', pathOf(f, prefix), lang, { maximum: LIMITS.inputValues }) };
        for (const k of keys) {
          if (k.length > LIMITS.keyLength)
            return { issue: makeIssue('key_too_long', pathOf(f, prefix), lang, { maximum: LIMITS.keyLength }) };
          atSeg = k;
          const x: unknown = (v as Record<string, unknown>)[k];
          const r = visit(x, f.depth + 1, k, f);
          if (r !== undefined && !('value' in r)) return { issue: r };
          if (target) put(target as Record<string, unknown>, k, copyOf(x, r));
        }
      }
    }
    return { value: root };
  } catch {
    // A getter or a proxy trap threw: the input is not plain data. Say where, never what.
    const segs = pathOf(at, prefix);
    return { issue: makeIssue('unreadable', atSeg === undefined ? segs : [...segs, atSeg], lang) };
  }
}
