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
  const notJson = (f: Frame) => makeIssue('invalid_type', pathOf(f, prefix), lang, { expected: 'JSON' });
  const stack: Frame[] = [{ value: input, depth: 0, seg: undefined, parent: undefined }];
  let values = 0;
  while (stack.length > 0) {
    const f = stack.pop()!;
    const v = f.value;
    values++;
    if (values > LIMITS.inputValues) return makeIssue('too_big', [...prefix], lang, { maximum: LIMITS.inputValues });
    if (typeof v === 'string') {
      if (v.length > LIMITS.stringLength) return makeIssue('too_big', pathOf(f, prefix), lang, { maximum: LIMITS.stringLength });
      continue;
    }
    if (typeof v !== 'object' || v === null) {
      if (options.jsonOnly && (typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function' || (typeof v === 'number' && !Number.isFinite(v)))) return notJson(f);
      continue;
    }
    const isArray = Array.isArray(v);
    if (!isArray && !isPlainObject(v)) {
      if (options.jsonOnly) return notJson(f);
      continue;
    }
    if (f.depth >= LIMITS.inputDepth) return makeIssue('too_deep', pathOf(f, prefix), lang, { maximum: LIMITS.inputDepth });
    if (isArray) {
      const a = v as readonly unknown[];
      // The length alone can exceed the budget (a sparse `new Array(1e9)`); refuse before iterating.
      if (a.length > LIMITS.inputValues - values) return makeIssue('too_big', pathOf(f, prefix), lang, { maximum: LIMITS.inputValues });
      for (let i = a.length - 1; i >= 0; i--) stack.push({ value: a[i], depth: f.depth + 1, seg: i, parent: f });
    } else {
      const keys = Object.keys(v);
      if (keys.length > LIMITS.inputValues - values) return makeIssue('too_big', pathOf(f, prefix), lang, { maximum: LIMITS.inputValues });
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        if (k.length > LIMITS.keyLength) return makeIssue('key_too_long', pathOf(f, prefix), lang, { maximum: LIMITS.keyLength });
        stack.push({ value: (v as Record<string, unknown>)[k], depth: f.depth + 1, seg: k, parent: f });
      }
    }
  }
  return undefined;
}
