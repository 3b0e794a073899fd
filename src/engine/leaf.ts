import type { Closures, EvalEnv, Fast, Missing, TraceMode, Traced } from './closures.js';
import type { Tri } from './logic.js';
import { F, T, U, toTruth } from './logic.js';
import type { OperatorDefinition } from './operators.js';
import type { CompiledPath } from './path.js';
import { resolvePath } from './path.js';
import type { FactTrace } from './trace.js';

/*
 * A leaf condition compiled into closures. Two things make it cheap, because a population evaluates
 * every leaf millions of times and a chart opening evaluates a few hundred with full trace:
 *
 * - The fast closure is specialised for a constant number or value compared by one of the common
 *   operators, so it compares directly instead of calling through the operator table. Anything
 *   else (strings, objects, other operators) goes through the operator exactly as before.
 * - A leaf's trace against a constant depends only on the fact value (and the mode), and most fact
 *   values are small numbers and booleans. Those traces are built once per leaf and value, frozen and
 *   shared between decisions, as the rest of a decision's parts already are. A decision is readonly
 *   data, so sharing is invisible except in speed and in memory.
 */

/** What the compared value of a leaf is. */
export type ValueSource =
  | { readonly kind: 'const'; readonly value: unknown; readonly shown: unknown }
  | { readonly kind: 'fact'; readonly slot: number; readonly name: string; readonly path: CompiledPath | undefined };

/** Everything a leaf needs, resolved by the compiler. */
export interface LeafSpec {
  readonly fact: string;
  readonly slot: number;
  readonly params: Readonly<Record<string, unknown>> | undefined;
  /** The condition's `path` as written, and compiled. */
  readonly pathText: string | undefined;
  readonly path: CompiledPath | undefined;
  readonly op: OperatorDefinition;
  readonly value: ValueSource;
  /** Whether the facts read are the library's own, whose strings are codes that may be kept in a shared trace. */
  readonly coded: boolean;
  /** The mask bit of the fact's name, and of the compared fact's name; 0 past {@link MASK_BITS}. */
  readonly factBit: number;
  readonly valueFactBit: number;
}

/** Distinct fact values a leaf keeps shared traces for; values beyond it get a trace of their own. */
const SHARED_TRACES_PER_LEAF = 64;

/**
 * A value whose trace can be shared: not an object (which a host could change), not -0 (which JSON
 * shows as 0), and a string only from the library's own facts (a host's fact may return free text,
 * which must not outlive the call).
 */
function shareable(v: unknown, coded: boolean): boolean {
  if (typeof v === 'string') return coded;
  return (v === null || (typeof v !== 'object' && typeof v !== 'function')) && !Object.is(v, -0);
}

/** Compiles a leaf. */
export function leafClosures(spec: LeafSpec): Closures {
  const { slot, path, op, value } = spec;
  const read =
    path === undefined
      ? (env: EvalEnv): unknown => env.get(slot)
      : (env: EvalEnv): unknown => {
          const v = env.get(slot);
          return v === undefined ? v : resolvePath(v, path);
        };
  const readValue =
    value.kind === 'const'
      ? () => value.value
      : (env: EvalEnv) => {
          const v = env.get(value.slot);
          return value.path === undefined || v === undefined ? v : resolvePath(v, value.path);
        };
  const fast: Fast = value.kind === 'const' ? constFast(spec, read, value.value) : (env) => {
    const f = read(env);
    const v = readValue(env);
    if (f === undefined || v === undefined) return U;
    return op.evaluate(f, v, env) ? T : F;
  };

  const { fact, params, pathText, factBit, valueFactBit } = spec;
  const operator = op.name;
  const valueFact = value.kind === 'fact' ? value.name : undefined;
  const shownConst = value.kind === 'const' ? value.shown : undefined;
  const isConst = value.kind === 'const';
  // The trace object is built key by key in a fixed order (no spreads): the order is part of the
  // byte-identical JSON a decision promises, and spreads made tracing several times slower.
  const build = (env: EvalEnv, mode: TraceMode, f: unknown, v: unknown): FactTrace => {
    let missing: string[] | undefined;
    if (f === undefined) missing = [fact];
    if (v === undefined && valueFact !== undefined) (missing ??= []).push(valueFact);
    const o: Tri = missing !== undefined ? U : op.evaluate(f, v, env) ? T : F;
    const redact = mode === 'redacted';
    const shownValue = isConst ? shownConst : redact ? undefined : v;
    const trace: { -readonly [K in keyof FactTrace]: FactTrace[K] } = { kind: 'fact', fact } as FactTrace;
    if (params) trace.params = params;
    if (pathText !== undefined) trace.path = pathText;
    trace.operator = operator;
    trace.value = shownValue !== undefined ? shownValue : null;
    if (valueFact !== undefined) trace.valueFact = valueFact;
    if (f !== undefined && !redact) trace.factValue = f;
    if (redact) trace.redacted = true;
    if (missing !== undefined) trace.missing = missing;
    trace.outcome = toTruth(o);
    return trace;
  };
  let traced: Traced;
  if (isConst) {
    // Against a constant the trace is a function of the fact value: shared per value (full) or per
    // outcome (redacted, which shows no fact value; unknown exactly when the fact is).
    const full = new Map<unknown, FactTrace>();
    const redacted = new Map<boolean, FactTrace>();
    traced = (env, mode) => {
      const f = read(env);
      if (!shareable(f, spec.coded)) return build(env, mode, f, value.value);
      if (mode === 'redacted') {
        const key = f === undefined ? false : op.evaluate(f, value.value, env);
        let t = f === undefined ? redactedUnknown : redacted.get(key);
        if (t === undefined) {
          t = freezeTrace(build(env, mode, f, value.value));
          if (f === undefined) redactedUnknown = t;
          else redacted.set(key, t);
        }
        return t;
      }
      let t = full.get(f);
      if (t === undefined) {
        t = build(env, mode, f, value.value);
        if (full.size < SHARED_TRACES_PER_LEAF) full.set(f, freezeTrace(t));
      }
      return t;
    };
    let redactedUnknown: FactTrace | undefined;
  } else {
    traced = (env, mode) => build(env, mode, read(env), readValue(env));
  }
  const missing: Missing =
    valueFact === undefined
      ? (env) => (read(env) === undefined ? factBit : 0)
      : (env) => (read(env) === undefined ? factBit : 0) | (readValue(env) === undefined ? valueFactBit : 0);
  return [fast, traced, missing];
}

function freezeTrace(t: FactTrace): FactTrace {
  if (t.missing) Object.freeze(t.missing);
  return Object.freeze(t);
}

/**
 * The fast closure against a constant. The specialised comparisons give exactly what the operator
 * gives: for two numbers the json-rules-engine numeric operators reduce to the comparison (NaN
 * compares false either way), and `equal`/`notEqual` are `===`/`!==` whatever the operands.
 */
function constFast(spec: LeafSpec, read: (env: EvalEnv) => unknown, c: unknown): Fast {
  const op = spec.op;
  const slow: Fast = (env) => {
    const f = read(env);
    if (f === undefined) return U;
    return op.evaluate(f, c, env) ? T : F;
  };
  if (spec.path !== undefined) return slow;
  const slot = spec.slot;
  switch (op.name) {
    case 'equal':
      return (env) => {
        const f = env.get(slot);
        return f === undefined ? U : f === c ? T : F;
      };
    case 'notEqual':
      return (env) => {
        const f = env.get(slot);
        return f === undefined ? U : f !== c ? T : F;
      };
  }
  if (typeof c !== 'number') return slow;
  switch (op.name) {
    case 'greaterThanInclusive':
      return (env) => {
        const f = env.get(slot);
        if (f === undefined) return U;
        if (typeof f === 'number') return f >= c ? T : F;
        return op.evaluate(f, c, env) ? T : F;
      };
    case 'greaterThan':
      return (env) => {
        const f = env.get(slot);
        if (f === undefined) return U;
        if (typeof f === 'number') return f > c ? T : F;
        return op.evaluate(f, c, env) ? T : F;
      };
    case 'lessThanInclusive':
      return (env) => {
        const f = env.get(slot);
        if (f === undefined) return U;
        if (typeof f === 'number') return f <= c ? T : F;
        return op.evaluate(f, c, env) ? T : F;
      };
    case 'lessThan':
      return (env) => {
        const f = env.get(slot);
        if (f === undefined) return U;
        if (typeof f === 'number') return f < c ? T : F;
        return op.evaluate(f, c, env) ? T : F;
      };
    default:
      return slow;
  }
}
