import type { EvalEnv, TraceMode, Traced } from './closures.js';
import type { RuleTrace } from './trace.js';

/*
 * A rule's trace is a function of the values of the facts it reads (and the mode): the same values
 * give the same trace, byte for byte. When those values are all primitives (numbers, booleans,
 * strings, unknown) derived from a validated person, as they are for nearly every rule, the trace is
 * looked up by them instead of being built: a chart opening traces a few hundred conditions, a population's listed persons
 * millions. Looked-up traces are frozen and shared between decisions, as a decision's other parts
 * already are. A traced evaluation reads every fact its rule names (it does not short-circuit), so
 * reading them first derives nothing extra.
 */

/** Distinct combinations of fact values a rule keeps shared traces for, per mode; others are built. */
const SHARED_TRACES_PER_RULE = 512;

/** One level of the lookup: primitive values by themselves, lists of them by their JSON text. */
interface Trie {
  readonly values: Map<unknown, Trie | RuleTrace>;
  readonly lists: Map<string, Trie | RuleTrace>;
}
const trie = (): Trie => ({ values: new Map(), lists: new Map() });

function primitive(v: unknown): boolean {
  // -0 is left out: JSON shows it as 0, but a shared trace would keep the first zero it saw.
  return (v === null || (typeof v !== 'object' && typeof v !== 'function')) && !Object.is(v, -0);
}

/**
 * Most facts are unknown, booleans or small counts. When every value a rule reads is one of those,
 * the values pack into one exact integer (a few bits each), and the trace is one map lookup away
 * instead of one per fact. The width per value depends on how many facts the rule reads, so that the
 * packed key stays exact (below 2^52).
 */
export function smallCode(v: unknown, radix: number): number {
  if (v === undefined) return 0;
  if (v === false) return 1;
  if (v === true) return 2;
  // Strictly below the radix: a code equal to it would carry into the next digit of the key.
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v + 3 < radix && !Object.is(v, -0)) return v + 3;
  return -1;
}

/** Lists of at most this many strings, finite numbers or booleans are looked up by content. */
const LIST_ITEMS = 16;

/** The JSON text of a short list of strings, finite numbers (not -0) or booleans, which JSON tells apart exactly; otherwise `undefined`. */
function listKey(v: unknown): string | undefined {
  if (!Array.isArray(v) || v.length > LIST_ITEMS) return undefined;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (!(typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x) && !Object.is(x, -0)))) return undefined;
  }
  return JSON.stringify(v);
}

/**
 * Freezes a freshly built trace for sharing. Lists it shows (a fact value, or the value of the other
 * fact compared) belong to the evaluation that derived them; the shared trace keeps frozen copies.
 */
export function freezeShared<T extends object>(t: T): T {
  if (Object.isFrozen(t)) return t;
  const o = t as Record<string, unknown>;
  if (o['kind'] === 'fact') {
    if (Array.isArray(o['factValue'])) o['factValue'] = Object.freeze([...(o['factValue'] as unknown[])]);
    if (o['valueFact'] !== undefined && Array.isArray(o['value'])) o['value'] = Object.freeze([...(o['value'] as unknown[])]);
  }
  Object.freeze(t);
  for (const k of ['conditions', 'child'] as const) if (typeof o[k] === 'object' && o[k] !== null) freezeShared(o[k] as object);
  if (Array.isArray(o['children'])) {
    for (const c of o['children'] as object[]) freezeShared(c);
    Object.freeze(o['children']);
  }
  if (Array.isArray(o['missing'])) Object.freeze(o['missing']);
  return t;
}

/** A rule's traced closure, and the same trace built afresh (for the rule set's trace table). */
export interface RuleTracer {
  /** The trace, shared between calls with the same fact values where they can be kept. */
  readonly traced: (env: EvalEnv, mode: TraceMode) => RuleTrace;
  /** The trace built anew, never shared. */
  readonly build: (env: EvalEnv, mode: TraceMode) => RuleTrace;
}

/**
 * The traced closure of a rule: its condition's trace wrapped as a {@link RuleTrace}, shared per
 * combination of the values in `slots` (the fact slots the rule reads, each once; `factSlots` are
 * the rule set's slots), unless `readsAsOf` (an operator of the rule reads the evaluation date).
 */
export function ruleTracer(
  ruleId: string,
  condition: Traced,
  slots: readonly number[],
  factSlots: readonly { readonly coded: boolean }[],
  readsAsOf = false,
): RuleTracer {
  // Strings and lists are keys only for the library's own facts: a host's fact may return free text,
  // which must not be kept past the call (see isBuiltinFact).
  const coded = slots.map((i) => factSlots[i]!.coded);
  const build = (env: EvalEnv, mode: TraceMode): RuleTrace => {
    const t = condition(env, mode);
    return { ruleId, outcome: t.outcome, conditions: t };
  };
  // The key holds fact values only; a rule whose operator also reads asOf is traced afresh each time.
  if (readsAsOf) return { traced: build, build };
  const tries: Record<TraceMode, { root: Trie; size: number }> = { full: { root: trie(), size: 0 }, redacted: { root: trie(), size: 0 } };
  // Keys below 2^30 stay small integers in V8 (no boxed number per lookup) when each value still
  // gets 5 bits (counts up to 28); rules reading more facts use up to 52 bits.
  const k = slots.length;
  const bits = k === 0 ? 0 : Math.floor(30 / k) >= 5 ? Math.floor(30 / k) : Math.floor(52 / k);
  const width = bits >= 3 ? Math.min(2 ** bits, 2 ** 16) : 0;
  const packed: Record<TraceMode, Map<number, RuleTrace>> = { full: new Map(), redacted: new Map() };
  const traced = (env: EvalEnv, mode: TraceMode): RuleTrace => {
    // Values a host gave as they are (evaluateFacts) are outside any domain the library can vouch
    // for: a built-in fact such as `sex` may hold a name and a national id there. Only the rule
    // set's trace table keeps their traces, and it keeps only values without content (unknown,
    // booleans, counts up to 28, the empty list); everything else is built for the call alone.
    if (env.fromHost) return build(env, mode);
    if (width > 0) {
      // The packed key: exact, since each code is below `width` and the slots fit in 52 bits.
      let key = 0;
      let i = 0;
      for (; i < slots.length; i++) {
        const c = smallCode(env.get(slots[i]!), width);
        if (c < 0) break;
        key = key * width + c;
      }
      if (i === slots.length) {
        const cache = packed[mode];
        let t = cache.get(key);
        if (t === undefined) {
          t = build(env, mode);
          if (cache.size < SHARED_TRACES_PER_RULE) cache.set(key, (t = freezeShared(t)));
        }
        return t;
      }
    }
    const cache = tries[mode];
    let node: Trie = cache.root;
    let hit: Trie | RuleTrace | undefined;
    for (let i = 0; i < slots.length; i++) {
      const v = env.get(slots[i]!);
      let key: unknown = v;
      let level = node.values;
      if (typeof v === 'string' && !coded[i]) return build(env, mode);
      if (!primitive(v)) {
        const k = coded[i] ? listKey(v) : undefined;
        if (k === undefined) return build(env, mode);
        key = k;
        level = node.lists as Map<unknown, Trie | RuleTrace>;
      }
      hit = level.get(key);
      if (hit === undefined) {
        if (cache.size >= SHARED_TRACES_PER_RULE) return build(env, mode);
        if (i === slots.length - 1) {
          const t = freezeShared(build(env, mode));
          level.set(key, t);
          cache.size++;
          return t;
        }
        level.set(key, (hit = trie()));
      }
      node = hit as Trie;
    }
    if (slots.length === 0) {
      // A rule that reads no fact (a constant condition) has one trace.
      const only = node.values.get(undefined);
      if (only !== undefined) return only as RuleTrace;
      const t = freezeShared(build(env, mode));
      node.values.set(undefined, t);
      return t;
    }
    return hit as RuleTrace;
  };
  return { traced, build };
}
