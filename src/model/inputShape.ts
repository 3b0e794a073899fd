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
}

/**
 * Checks nesting depth, total size, string lengths and key lengths of an untrusted input against
 * {@link LIMITS}. Returns the first issue found, located by path (never carrying the value), or
 * `undefined` when the input is within the limits.
 */
export function checkInputShape(input: unknown, lang: Lang, prefix: readonly Seg[] = [], options: ShapeOptions = {}): ValidationIssue | undefined {
  const stack: Frame[] = [];
  let values = 0;
  // Scalars are checked where they are found; only arrays and plain objects go on the stack, so a
  // million numbers cost a million comparisons and no allocation.
  const visit = (v: unknown, depth: number, seg: Seg | undefined, parent: Frame | undefined): ValidationIssue | undefined => {
    values++;
    if (typeof v === 'string') {
      return v.length > LIMITS.stringLength ? makeIssue('too_big', pathOf({ value: v, depth, seg, parent }, prefix), lang, { maximum: LIMITS.stringLength }) : undefined;
    }
    if (typeof v !== 'object' || v === null) {
      const notJson = typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function' || (typeof v === 'number' && !Number.isFinite(v));
      return options.jsonOnly && notJson ? makeIssue('invalid_type', pathOf({ value: v, depth, seg, parent }, prefix), lang, { expected: 'JSON' }) : undefined;
    }
    if (!Array.isArray(v) && !isPlainObject(v)) {
      return options.jsonOnly ? makeIssue('invalid_type', pathOf({ value: v, depth, seg, parent }, prefix), lang, { expected: 'JSON' }) : undefined;
    }
    const f: Frame = { value: v, depth, seg, parent };
    if (depth >= LIMITS.inputDepth) return makeIssue('too_deep', pathOf(f, prefix), lang, { maximum: LIMITS.inputDepth });
    stack.push(f);
    return undefined;
  };
  const first = visit(input, 0, undefined, undefined);
  if (first) return first;
  while (stack.length > 0) {
    const f = stack.pop()!;
    const v = f.value;
    if (Array.isArray(v)) {
      // The length alone can exceed the budget (a sparse `new Array(1e9)`); refuse before iterating.
      if (v.length > LIMITS.inputValues - values) return makeIssue('too_big', pathOf(f, prefix), lang, { maximum: LIMITS.inputValues });
      for (let i = 0; i < v.length; i++) {
        const issue = visit(v[i], f.depth + 1, i, f);
        if (issue) return issue;
      }
    } else {
      const keys = Object.keys(v as object);
      if (keys.length > LIMITS.inputValues - values) return makeIssue('too_big', pathOf(f, prefix), lang, { maximum: LIMITS.inputValues });
      for (const k of keys) {
        if (k.length > LIMITS.keyLength) return makeIssue('key_too_long', pathOf(f, prefix), lang, { maximum: LIMITS.keyLength });
        const issue = visit((v as Record<string, unknown>)[k], f.depth + 1, k, f);
        if (issue) return issue;
      }
    }
  }
  return undefined;
}
