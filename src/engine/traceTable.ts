import type { EvalEnv, TraceMode } from './closures.js';
import type { CompiledRuleSet } from './compile.js';
import { freezeShared, smallCode } from './ruleTrace.js';
import type { RuleTrace } from './trace.js';

/*
 * The shared traces of a rule set's small rules, in one table. Most rules read a few facts that are
 * unknown, booleans, small counts or empty lists: each boolean fact then takes one of 3 codes
 * (unknown, false, true), each list fact one of 4 (those and the empty list) and each other fact one
 * of RADIX (those and counts up to 28), and when the product of those
 * is at most SPACE, the packed key of a call indexes the rule's part of one array per trace mode.
 *
 * One table instead of a closure and a map per rule: a chart opening looks up about a hundred rule
 * traces, each evaluation starts with caches that other code has used, and the rules' keys, radixes
 * and traces now sit in a few contiguous arrays instead of a closure, its context and a map each.
 * A rule the table does not hold (more combinations, a date-reading operator) and a call whose
 * values have no code here go to the rule's own closure (ruleTrace.ts), which gives the same trace.
 */

/** Codes of a number (or any other) fact: unknown, false, true and the counts 0 to 28. */
const RADIX = 32;
/** Codes of a list fact: unknown, false, true and the empty list (nothing a host could write in it). */
const LIST_RADIX = 4;
const EMPTY_LIST = 3;
/** The most combinations a rule may have to be held here. */
const SPACE = 1024;

/** Per-rule-set lookup of the traces of its small rules. */
export class TraceTable {
  /** Per rule: where its slots start in {@link slots} (and one past the last rule). */
  private readonly start: Int32Array;
  /** Per rule: where its combinations start in the trace arrays, or -1 when it is not held here. */
  private readonly base: Int32Array;
  /** The slots of every rule, rule after rule, and each one's radix. */
  private readonly slots: Int32Array;
  private readonly radix: Int32Array;
  private readonly size: number;
  private full: (RuleTrace | undefined)[] | undefined;
  private redacted: (RuleTrace | undefined)[] | undefined;

  constructor(private readonly ruleSet: CompiledRuleSet) {
    const rules = ruleSet.rules;
    let count = 0;
    for (const r of rules) count += r.traceSlots.length;
    this.start = new Int32Array(rules.length + 1);
    this.base = new Int32Array(rules.length).fill(-1);
    this.slots = new Int32Array(count);
    this.radix = new Int32Array(count);
    let at = 0;
    let size = 0;
    rules.forEach((r, i) => {
      this.start[i] = at;
      let space = 1;
      for (const s of r.traceSlots) {
        const type = ruleSet.slots[s]!.def?.type;
        const radix = type === 'boolean' ? 3 : type === 'list' ? LIST_RADIX : RADIX;
        this.slots[at] = s;
        this.radix[at] = radix;
        space *= radix;
        at++;
      }
      if (r.sharesTrace && r.traceSlots.length > 0 && space <= SPACE) {
        this.base[i] = size;
        size += space;
      }
    });
    this.start[rules.length] = at;
    this.size = size;
  }

  /** The shared trace of rule `i` for the values in `env`, or `undefined` when the table does not hold it. */
  trace(i: number, env: EvalEnv, mode: TraceMode): RuleTrace | undefined {
    const base = this.base[i]!;
    if (base < 0) return undefined;
    let key = 0;
    for (let j = this.start[i]!, end = this.start[i + 1]!; j < end; j++) {
      const radix = this.radix[j]!;
      // Exact: each code is below its slot's radix (a boolean fact that returns a number has none).
      const v = env.get(this.slots[j]!);
      const c = radix === LIST_RADIX ? listCode(v) : smallCode(v, radix);
      if (c < 0) return undefined;
      key = key * radix + c;
    }
    const traces = mode === 'full' ? (this.full ??= new Array<RuleTrace | undefined>(this.size)) : (this.redacted ??= new Array<RuleTrace | undefined>(this.size));
    let t = traces[base + key];
    if (t === undefined) traces[base + key] = t = freezeShared(this.ruleSet.rules[i]!.buildTrace(env, mode));
    return t;
  }
}

/** The code of a list fact's value: unknown, a boolean, or the empty list; -1 for anything else. */
function listCode(v: unknown): number {
  if (v === undefined) return 0;
  if (v === false) return 1;
  if (v === true) return 2;
  return Array.isArray(v) && v.length === 0 ? EMPTY_LIST : -1;
}
