import type { FactContext } from '../facts/types.js';
import type { EvalEnv } from './closures.js';
import type { CompiledRuleSet } from './compiled.js';

/*
 * The per-evaluation fact cache: each slot is derived (or read) at most once, on first use. A slot
 * holds NOT_YET until then, so a read is one array load and one comparison.
 */

const NOT_YET: unique symbol = Symbol('not yet derived');

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
    const v = s.def!.derive(this.ctx, s.params);
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
export function personEnv(ruleSet: CompiledRuleSet, ctx: FactContext): EvalEnv {
  return new PersonEnv(ruleSet, ctx);
}

/** The lazy fact cache over plain fact values (`evaluateFacts`). */
export function rawEnv(ruleSet: CompiledRuleSet, facts: Readonly<Record<string, unknown>>, asOf: string, asOfDay: number): EvalEnv {
  return new RawEnv(ruleSet, facts, asOf, asOfDay);
}
