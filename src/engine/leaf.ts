import type { Closures, EvalEnv, Fast, Missing, TraceMode, Traced } from './closures.js';
import type { Tri } from './logic.js';
import { F, T, U, toTruth } from './logic.js';
import type { OperatorDefinition } from './operators.js';
import type { CompiledPath } from './path.js';
import { resolvePath } from './path.js';
import type { FactTrace } from './trace.js';

/*
 * A leaf condition compiled into closures. The fast closure is specialised for a constant number
 * or value compared by one of the common operators, so it compares directly instead of calling
 * through the operator table: a population evaluates every leaf millions of times. Anything else
 * (strings, objects, other operators) goes through the operator. Traces are built here and shared
 * per rule (traceSharing.ts), not per leaf.
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
  /** The mask bit of the fact's name, and of the compared fact's name; 0 past {@link MASK_BITS}. */
  readonly factBit: number;
  readonly valueFactBit: number;
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
  const fast: Fast =
    value.kind === 'const'
      ? constFast(spec, read, value.value)
      : (env) => {
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
  const traced: Traced = (env, mode) => build(env, mode, read(env), readValue(env));
  const missing: Missing =
    valueFact === undefined
      ? (env) => (read(env) === undefined ? factBit : 0)
      : (env) => (read(env) === undefined ? factBit : 0) | (readValue(env) === undefined ? valueFactBit : 0);
  return [fast, traced, missing];
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
