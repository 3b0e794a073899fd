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
 * once. Keyed by {@link FactSlot.shareKey}.
 */
export type SharedFacts = Map<string, unknown>;

/** The lazy fact cache over a person's derived facts. */
export function personEnv(ruleSet: CompiledRuleSet, ctx: FactContext, shared?: SharedFacts): EvalEnv {
  const slots = ruleSet.slots;
  const values: unknown[] = new Array(slots.length).fill(NOT_YET);
  const derive = (i: number): unknown => {
    const s = slots[i]!;
    let v: unknown;
    if (shared === undefined) v = s.def!.derive(ctx, s.params);
    else {
      v = shared.get(s.shareKey);
      if (v === undefined) {
        v = s.def!.derive(ctx, s.params);
        shared.set(s.shareKey, v === undefined ? UNKNOWN : v);
      } else if (v === UNKNOWN) v = undefined;
    }
    values[i] = v;
    return v;
  };
  return {
    asOfDay: ctx.asOfDay,
    get(i) {
      const v = values[i];
      return v === NOT_YET ? derive(i) : v;
    },
  };
}

/** The lazy fact cache over plain fact values (`evaluateFacts`): own properties only, by key or bare name. */
export function rawEnv(ruleSet: CompiledRuleSet, facts: Readonly<Record<string, unknown>>, asOf: string, asOfDay: number): EvalEnv {
  const slots = ruleSet.slots;
  const own = (k: string) => (Object.prototype.hasOwnProperty.call(facts, k) ? facts[k] : undefined);
  const values: unknown[] = new Array(slots.length).fill(NOT_YET);
  const read = (i: number): unknown => {
    const s = slots[i]!;
    let v: unknown;
    if (s.name === 'asOf') v = own('asOf') ?? asOf;
    else {
      v = own(s.key);
      if (v === undefined) v = own(s.name);
    }
    values[i] = v;
    return v;
  };
  return {
    asOfDay,
    get(i) {
      const v = values[i];
      return v === NOT_YET ? read(i) : v;
    },
  };
}
