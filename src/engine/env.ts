import type { FactContext } from '../facts/types.js';
import type { EvalEnv } from './closures.js';
import type { CompiledRuleSet } from './compile.js';

/*
 * The per-evaluation fact cache: each slot is derived (or read) at most once, on first use. A slot
 * holds NOT_YET until then, so a read is one array load and one comparison.
 */

const NOT_YET: unique symbol = Symbol('not yet derived');
/** An unknown fact in {@link SharedFacts}, where `undefined` means "not derived yet". */
const UNKNOWN: unique symbol = Symbol('unknown');

/**
 * Fact values of one person and `asOf`, shared by the rule sets evaluated on them together
 * ({@link evaluateAll}): a fact two rule sets read with the same params and code lists is derived
 * once. Indexed by {@link FactSlot.shareId}; a hole is a value not derived yet. An array, not a map
 * by share key: a chart opening reads some hundred slots, and string-keyed map operations on a
 * fresh map each time were a tenth of its cost.
 */
export type SharedFacts = unknown[];

/*
 * Classes rather than object literals with closures: every evaluation then has an environment of
 * the same two shapes with `get` on the prototype, so the leaves' `env.get` calls stay monomorphic
 * and inline.
 */

/** The lazy fact cache over a person's derived facts. */
class PersonEnv implements EvalEnv {
  readonly fromHost = false;
  private readonly values: unknown[];
  constructor(
    private readonly ruleSet: CompiledRuleSet,
    private readonly ctx: FactContext,
    private readonly shared: SharedFacts | undefined,
  ) {
    this.values = new Array(ruleSet.slots.length).fill(NOT_YET);
  }
  get asOfDay(): number {
    return this.ctx.asOfDay;
  }
  get(i: number): unknown {
    const v = this.values[i];
    return v === NOT_YET ? this.derive(i) : v;
  }
  private derive(i: number): unknown {
    const s = this.ruleSet.slots[i]!;
    const shared = this.shared;
    let v: unknown;
    const id = s.shareId;
    if (shared === undefined || id < 0) v = s.def!.derive(this.ctx, s.params);
    else {
      v = shared[id];
      if (v === undefined) {
        v = s.def!.derive(this.ctx, s.params);
        shared[id] = v === undefined ? UNKNOWN : v;
      } else if (v === UNKNOWN) v = undefined;
    }
    this.values[i] = v;
    return v;
  }
}

/** The lazy fact cache over plain fact values (`evaluateFacts`): own properties only, by key or bare name. */
class RawEnv implements EvalEnv {
  readonly fromHost = true;
  private readonly values: unknown[];
  constructor(
    private readonly ruleSet: CompiledRuleSet,
    private readonly facts: Readonly<Record<string, unknown>>,
    private readonly asOf: string,
    readonly asOfDay: number,
  ) {
    this.values = new Array(ruleSet.slots.length).fill(NOT_YET);
  }
  get(i: number): unknown {
    const v = this.values[i];
    return v === NOT_YET ? this.read(i) : v;
  }
  private own(k: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.facts, k) ? this.facts[k] : undefined;
  }
  private read(i: number): unknown {
    const s = this.ruleSet.slots[i]!;
    let v: unknown;
    if (s.name === 'asOf') v = this.own('asOf') ?? this.asOf;
    else {
      v = this.own(s.key);
      if (v === undefined) v = this.own(s.name);
    }
    this.values[i] = v;
    return v;
  }
}

/** The lazy fact cache over a person's derived facts. */
export function personEnv(ruleSet: CompiledRuleSet, ctx: FactContext, shared?: SharedFacts): EvalEnv {
  return new PersonEnv(ruleSet, ctx, shared);
}

/** The lazy fact cache over plain fact values (`evaluateFacts`). */
export function rawEnv(ruleSet: CompiledRuleSet, facts: Readonly<Record<string, unknown>>, asOf: string, asOfDay: number): EvalEnv {
  return new RawEnv(ruleSet, facts, asOf, asOfDay);
}
