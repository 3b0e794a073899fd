import type { EvalEnv, TraceMode } from './closures.js';
import type { CompiledRuleSet } from './compiled.js';
import type { FactSlot } from './factSlots.js';
import type { RuleTrace } from './trace.js';

/*
 * Trace sharing: the one place where traces outlive the call that built them.
 *
 * A rule's trace is a function of the values of the facts it reads (and the trace mode): the same
 * values give the same trace, byte for byte. So the trace of a rule is built once per combination
 * of values, frozen, and shared by every later decision with those values, as a decision's other
 * parts already are. A chart opening traces about a hundred rules, and most read a few facts that
 * are unknown, booleans or small counts. A traced evaluation reads every fact its rule names (it
 * does not short-circuit), so reading them first derives nothing extra.
 *
 * Owner and bounds: one `SharedTraces` per compiled rule set, held by its runtime (runtime.ts) and
 * gone with it. Per rule and trace mode it keeps at most {@link DENSE_SPACE} traces (a rule whose
 * combinations all fit) or {@link TRACES_PER_RULE} (any other); per fact slot at most
 * {@link MAX_CODE} − {@link FIRST_DOMAIN_CODE} domain values. Past a bound a trace is built for
 * the call, as it is with sharing off (`shareTraces: false`), which gives the same decision.
 *
 * The key: each value a rule reads gets a small code, and the codes of a rule's values pack into
 * one exact integer (mixed radix, each code below its slot's radix, the product below 2^52):
 *
 *   0 unknown, 1 false, 2 true, 3 the empty list, 4…32 the counts 0…28   values without content
 *   33…255  a domain value, numbered in the order first seen               see the privacy rule
 *
 * The privacy rule (see {@link codeOf}): a value is kept past the call only when it says nothing on
 * its own (the codes 0…32, whoever gave it), or when it is inside the domain the library vouches
 * for: a value of one of the library's own facts (whose strings and lists are codes, such as a
 * service kind or a municipality number) derived from a person that passed validation. A host's
 * own facts, and every value a host passes as it is (`evaluateFacts`, where a built-in `sex` may
 * hold a name and a national id), have only the codes without content: a host's free text is never
 * kept past the call.
 *
 * A rule whose operator reads the evaluation date (`withinLastDays`) never shares: its key holds
 * fact values only. test/engine/sharedTraces.test.ts holds the shared path equal to building every trace
 * afresh; test/fuzz/traceCacheDomain.test.ts holds the privacy rule.
 */

const UNKNOWN = 0;
const FALSE = 1;
const TRUE = 2;
const EMPTY_LIST = 3;
const COUNT_0 = 4;
/** The largest count with a code of its own. */
const MAX_COUNT = 28;
/** Codes of values without content: 0…32. */
const CONTENT_FREE_CODES = COUNT_0 + MAX_COUNT + 1;
/** The first code a domain value gets. */
const FIRST_DOMAIN_CODE = CONTENT_FREE_CODES;
/** Codes stay below this: a slot numbers at most 223 domain values, later ones are not shared. */
const MAX_CODE = 256;
/** Lists of at most this many strings, finite numbers or booleans are domain values (by their JSON text). */
const LIST_ITEMS = 16;
/** A rule whose combinations number at most this many keeps them in an array slice; others in a map. */
const DENSE_SPACE = 1024;
/** Traces a rule keeps in its map, per trace mode. */
const TRACES_PER_RULE = 512;
/** Keys stay exact doubles. */
const KEY_SPACE = 2 ** 52;

/** The code of a value without content, or -1. */
function contentFreeCode(v: unknown): number {
  if (v === undefined) return UNKNOWN;
  if (v === false) return FALSE;
  if (v === true) return TRUE;
  // -0 is left out: JSON shows it as 0, but a shared trace would keep the first zero it saw.
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v <= MAX_COUNT && !Object.is(v, -0) ? COUNT_0 + v : -1;
  return Array.isArray(v) && v.length === 0 ? EMPTY_LIST : -1;
}

/** The domain values one fact slot has numbered, from {@link FIRST_DOMAIN_CODE} up. */
class Dictionary {
  private next = FIRST_DOMAIN_CODE;
  /** Strings and numbers by themselves. */
  private readonly values = new Map<unknown, number>();
  /** Lists by their JSON text, which tells strings, numbers and booleans apart exactly. */
  private readonly lists = new Map<string, number>();

  code(v: unknown): number {
    let map: Map<unknown, number>;
    let key: unknown;
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0))) {
      map = this.values;
      key = v;
    } else {
      const k = listKey(v);
      if (k === undefined) return -1;
      map = this.lists as Map<unknown, number>;
      key = k;
    }
    const c = map.get(key);
    if (c !== undefined) return c;
    if (this.next >= MAX_CODE) return -1;
    map.set(key, this.next);
    return this.next++;
  }
}

/** The JSON text of a short list of strings, finite numbers (not -0) or booleans; otherwise `undefined`. */
function listKey(v: unknown): string | undefined {
  if (!Array.isArray(v) || v.length > LIST_ITEMS) return undefined;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (!(typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x) && !Object.is(x, -0))))
      return undefined;
  }
  return JSON.stringify(v);
}

/** Per rule: does not share (a date-reading operator). */
const NOT_SHARED = -2;
/** Per rule: shares through its map. */
const SPARSE = -1;

/** The shared traces of one compiled rule set. */
export class SharedTraces {
  /** Per rule: where its slots start in {@link slots} (and one past the last rule). */
  private readonly start: Int32Array;
  /** Per rule: where its combinations start in the dense arrays, or {@link SPARSE} or {@link NOT_SHARED}. */
  private readonly base: Int32Array;
  /** The slots of every rule, rule after rule, and the radix of each in its rule's key. */
  private readonly slots: Int32Array;
  private readonly radix: Int32Array;
  /** Per fact slot: whether its values are inside the library's domain when derived from a person. */
  private readonly vouched: Uint8Array;
  /** Per fact slot, created at its first domain value. */
  private readonly dictionaries: (Dictionary | undefined)[];
  private readonly denseSize: number;
  private readonly dense: Record<TraceMode, (RuleTrace | undefined)[] | undefined> = { full: undefined, redacted: undefined };
  private readonly sparse: Record<TraceMode, (Map<number, RuleTrace> | undefined)[]>;

  constructor(private readonly ruleSet: CompiledRuleSet) {
    const rules = ruleSet.rules;
    let count = 0;
    for (const r of rules) count += r.traceSlots.length;
    this.start = new Int32Array(rules.length + 1);
    this.base = new Int32Array(rules.length);
    this.slots = new Int32Array(count);
    this.radix = new Int32Array(count);
    this.vouched = Uint8Array.from(ruleSet.slots, (s) => (s.coded ? 1 : 0));
    this.dictionaries = new Array(ruleSet.slots.length);
    this.sparse = { full: new Array(rules.length), redacted: new Array(rules.length) };
    let at = 0;
    let size = 0;
    rules.forEach((r, i) => {
      this.start[i] = at;
      const radixes = keyRadixes(r.traceSlots.map((s) => ruleSet.slots[s]!));
      for (let j = 0; j < r.traceSlots.length; j++) {
        this.slots[at + j] = r.traceSlots[j]!;
        this.radix[at + j] = radixes?.[j] ?? 0;
      }
      at += r.traceSlots.length;
      const space = radixes?.reduce((p, x) => p * x, 1) ?? Number.POSITIVE_INFINITY;
      if (!r.sharesTrace || radixes === undefined) this.base[i] = NOT_SHARED;
      else if (space <= DENSE_SPACE) {
        this.base[i] = size;
        size += space;
      } else this.base[i] = SPARSE;
    });
    this.start[rules.length] = at;
    this.denseSize = size;
  }

  /** The trace of rule `i` for the values in `env`: a shared one where the rules above allow it, else one built for the call. */
  trace(i: number, env: EvalEnv, mode: TraceMode): RuleTrace {
    const base = this.base[i]!;
    if (base === NOT_SHARED) return this.ruleSet.rules[i]!.buildTrace(env, mode);
    const vouched = !env.fromHost;
    let key = 0;
    for (let j = this.start[i]!, end = this.start[i + 1]!; j < end; j++) {
      const slot = this.slots[j]!;
      const radix = this.radix[j]!;
      const c = this.codeOf(slot, env.get(slot), vouched);
      // Exact: each code is below its slot's radix, and the radixes multiply to less than 2^52.
      if (c < 0 || c >= radix) return this.ruleSet.rules[i]!.buildTrace(env, mode);
      key = key * radix + c;
    }
    if (base >= 0) {
      const traces = (this.dense[mode] ??= new Array<RuleTrace | undefined>(this.denseSize));
      let t = traces[base + key];
      if (t === undefined) traces[base + key] = t = freezeShared(this.ruleSet.rules[i]!.buildTrace(env, mode));
      return t;
    }
    const maps = this.sparse[mode];
    const map = (maps[i] ??= new Map());
    let t = map.get(key);
    if (t === undefined) {
      t = this.ruleSet.rules[i]!.buildTrace(env, mode);
      if (map.size < TRACES_PER_RULE) map.set(key, (t = freezeShared(t)));
    }
    return t;
  }

  /**
   * The privacy rule, in code: a value's code, or -1 when it may not be kept past the call. Values
   * without content have their fixed codes; any other value only when `fromPerson` (derived from a
   * validated person) and the slot is one of the library's own facts.
   */
  private codeOf(slot: number, v: unknown, fromPerson: boolean): number {
    const c = contentFreeCode(v);
    if (c >= 0 || !fromPerson || this.vouched[slot] === 0) return c;
    return (this.dictionaries[slot] ??= new Dictionary()).code(v);
  }
}

/**
 * The radix of each slot in a rule's key: 3 for a boolean fact, 4 for a list fact the library does
 * not vouch for (unknown, false, true, empty), 33 for any other such fact, and {@link MAX_CODE} for
 * one of the library's own facts, whose domain values count too. When the product would pass 2^52
 * the wide slots share what is left equally (fewer counts and domain values get codes); a rule with
 * too many facts for that does not share (`undefined`).
 */
function keyRadixes(slots: readonly FactSlot[]): number[] | undefined {
  const wanted = slots.map((s) => {
    const type = s.def?.type;
    if (type === 'boolean') return TRUE + 1;
    if (!s.coded) return type === 'list' ? EMPTY_LIST + 1 : CONTENT_FREE_CODES;
    return MAX_CODE;
  });
  if (wanted.reduce((p, x) => p * x, 1) < KEY_SPACE) return wanted;
  const narrow = wanted.filter((x) => x <= EMPTY_LIST + 1).reduce((p, x) => p * x, 1);
  const wide = wanted.filter((x) => x > EMPTY_LIST + 1).length;
  if (wide === 0 || narrow >= KEY_SPACE) return undefined;
  const each = Math.floor((KEY_SPACE / narrow) ** (1 / wide));
  // Below 5 a wide slot would not even tell the count 0 from the empty list.
  if (each <= EMPTY_LIST + 1) return undefined;
  const radixes = wanted.map((x) => (x > EMPTY_LIST + 1 ? Math.min(x, each) : x));
  // Floating-point roots can round up: make sure.
  return radixes.reduce((p, x) => p * x, 1) < KEY_SPACE ? radixes : undefined;
}

/**
 * Freezes a freshly built trace for sharing. Lists it shows (a fact value, or the value of the other
 * fact compared) belong to the evaluation that derived them; the shared trace keeps frozen copies.
 */
function freezeShared<T extends object>(t: T): T {
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
