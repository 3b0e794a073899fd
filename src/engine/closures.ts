import type { Tri } from './logic.js';
import type { OperatorEnv } from './operators.js';
import type { ConditionTrace } from './trace.js';

/*
 * What a compiled condition is: three closures over the same condition. `fast` answers the
 * three-valued outcome alone; `traced` builds the trace, whose `outcome` is the same answer;
 * `missing` says which facts make it unknown, as bits of the rule's own fact names.
 */

/** Per-evaluation state: the fact cache and what operators need. */
export interface EvalEnv extends OperatorEnv {
  get(slot: number): unknown;
  /**
   * The values were given by the host as they are (`evaluateFacts`), not derived from a validated
   * person: a `sex` may then be any text. Their traces are shared only where every value is one
   * without content (see traceSharing.ts).
   */
  readonly fromHost: boolean;
}

/** How a trace treats values. */
export type TraceMode = 'full' | 'redacted';

/** The outcome alone. */
export type Fast = (env: EvalEnv) => Tri;
/** The trace, with the outcome in it. */
export type Traced = (env: EvalEnv, mode: TraceMode) => ConditionTrace;
/**
 * The facts whose absence makes a leaf unknown, for every leaf (the same set a trace names), as a
 * bit mask over the rule's fact names (bit `i` is `factNames[i]` of the rule).
 */
export type Missing = (env: EvalEnv) => number;

/** A compiled condition. */
export type Closures = readonly [Fast, Traced, Missing];

/** A rule has at most this many distinct fact names in its masks; a rule with more collects them from a trace. */
export const MASK_BITS = 30;
