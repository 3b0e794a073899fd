import type { LeafCondition, Condition, Parameter } from '../model/ruleSet.js';
import { LIMITS } from '../model/limits.js';
import { isIsoDate } from '../util/dates.js';
import { nearestName } from '../util/suggest.js';
import type { Closures, EvalEnv, Fast, Missing, Traced } from './closures.js';
import { MASK_BITS } from './closures.js';
import type { FactSlots } from './factSlots.js';
import type { IssueLog, Seg } from './issueLog.js';
import type { ValueSource } from './leaf.js';
import { leafClosures } from './leaf.js';
import type { Tri } from './logic.js';
import { F, T, U, and3, fromTruth, not3, or3, toTruth } from './logic.js';
import type { OperatorDefinition } from './operators.js';
import { OPERATORS, OPERATOR_NAMES } from './operators.js';
import type { CompiledPath } from './path.js';
import { compilePath } from './path.js';
import type { ConditionTrace } from './trace.js';

/*
 * Conditions into closures. Every semantic check of a condition (facts, operators, values, paths,
 * parameters, named conditions, depth) happens here. A rule's condition, and each named condition,
 * is compiled in a scope of its own, and what the scope gathered is returned with the closures: the
 * fact names whose bits the `missing` closure sets, the fact slots read and whether an operator reads
 * the evaluation date. Nothing about a rule is kept anywhere else.
 *
 * A named condition is compiled once per rule set (and depth, since the depth limit depends on it)
 * and its closures are shared by every reference, in any rule. Its `missing` bits are those of its
 * own fact names; a rule that numbers those names differently reads them through a small remap.
 */

/** A compiled condition and what it reads. */
export interface CompiledCondition {
  readonly closures: Closures;
  /**
   * The fact names in the order of their bits in `missing`; `undefined` when there are more than
   * {@link MASK_BITS} (the missing facts are then read from a trace instead).
   */
  readonly factNames: readonly string[] | undefined;
  /** The fact slots read, each once. */
  readonly slots: readonly number[];
  /** Whether an operator reads the evaluation date, so that the outcome can change with `asOf` alone. */
  readonly readsAsOf: boolean;
}

/** What one condition gathers while it is compiled; turned into a {@link CompiledCondition} at the end. */
class Scope {
  private readonly names: string[] = [];
  private overflow = false;
  private readonly slots: number[] = [];
  private readsAsOf = false;

  /** The mask bit of a fact name; 0 once the scope has too many names. */
  bit(name: string): number {
    let i = this.names.indexOf(name);
    if (i < 0) {
      if (this.names.length >= MASK_BITS) {
        this.overflow = true;
        return 0;
      }
      i = this.names.push(name) - 1;
    }
    return 1 << i;
  }

  reads(slot: number): void {
    if (!this.slots.includes(slot)) this.slots.push(slot);
  }

  readsDate(): void {
    this.readsAsOf = true;
  }

  /** Takes in a named condition compiled in its own scope; returns its `missing` in this scope's bits. */
  adopt(c: CompiledCondition): Missing {
    for (const s of c.slots) this.reads(s);
    if (c.readsAsOf) this.readsAsOf = true;
    if (c.factNames === undefined) {
      this.overflow = true;
      return NONE_MISSING;
    }
    const bits = c.factNames.map((n) => this.bit(n));
    return bits.every((b, i) => b === 1 << i) ? c.closures[2] : remap(c.closures[2], bits);
  }

  done(closures: Closures): CompiledCondition {
    return {
      closures,
      factNames: this.overflow ? undefined : Object.freeze([...this.names]),
      slots: Object.freeze([...this.slots]),
      readsAsOf: this.readsAsOf,
    };
  }
}

/** Unused once a scope has overflowed: its missing facts are read from a trace. */
const NONE_MISSING: Missing = () => 0;

/** A `missing` whose bit `i` becomes `bits[i]`. */
function remap(m: Missing, bits: readonly number[]): Missing {
  const to = Int32Array.from(bits);
  return (env) => {
    let x = m(env);
    if (x === 0) return 0;
    let out = 0;
    for (let i = 0; x !== 0; i++, x >>>= 1) if ((x & 1) !== 0) out |= to[i]!;
    return out;
  };
}

/** What the conditions of one rule set are compiled against. */
export interface ConditionContext {
  readonly named: Readonly<Record<string, Condition>>;
  readonly params: Readonly<Record<string, Parameter['value']>>;
  readonly slots: FactSlots;
  readonly log: IssueLog;
}

/** Compiles the conditions of one rule set. */
export class ConditionCompiler {
  /** Named conditions compiled (through a rule or on their own), so each is checked once. */
  readonly reached = new Set<string>();
  /** Named conditions compiled so far, by depth and name, shared by every reference there. */
  private readonly compiledNamed = new Map<string, CompiledCondition | undefined>();

  constructor(private readonly ctx: ConditionContext) {}

  /**
   * Compiles a rule's conditions, or a named condition on its own (`refs` names the named conditions
   * being expanded, for cycles). Returns undefined after recording an issue.
   */
  compile(c: Condition, segs: readonly Seg[], depth: number, refs: readonly string[]): CompiledCondition | undefined {
    const scope = new Scope();
    const k = this.node(c, segs, depth, refs, scope);
    return k && scope.done(k);
  }

  private node(c: Condition, segs: readonly Seg[], depth: number, refs: readonly string[], scope: Scope): Closures | undefined {
    if (this.ctx.log.stopped) return undefined;
    if (depth > LIMITS.conditionDepth) {
      this.ctx.log.issue('too_deep', segs, { maximum: LIMITS.conditionDepth });
      return undefined;
    }
    if ('all' in c || 'any' in c) {
      const isAll = 'all' in c;
      const list = isAll ? c.all : c.any;
      const kids = list.map((k, i) => this.node(k, [...segs, isAll ? 'all' : 'any', i], depth + 1, refs, scope));
      if (kids.some((k) => k === undefined)) return undefined;
      return junction(isAll, kids as Closures[]);
    }
    if ('not' in c) {
      const k = this.node(c.not, [...segs, 'not'], depth + 1, refs, scope);
      if (!k) return undefined;
      const [f, t, m] = k;
      return [
        (env) => not3(f(env)),
        (env, mode) => {
          const tr = t(env, mode);
          return { kind: 'not', outcome: toTruth(not3(fromTruth(tr.outcome))), child: tr };
        },
        m,
      ];
    }
    if ('condition' in c) return this.reference(c.condition, segs, depth, refs, scope);
    return this.leaf(c, segs, scope);
  }

  private reference(name: string, segs: readonly Seg[], depth: number, refs: readonly string[], scope: Scope): Closures | undefined {
    // Own properties only: a reference to `toString` or `__proto__` must not reach Object.prototype.
    const target = Object.hasOwn(this.ctx.named, name) ? this.ctx.named[name] : undefined;
    if (target === undefined) {
      this.ctx.log.issue('unknown_condition', [...segs, 'condition'], named(name, Object.keys(this.ctx.named)));
      return undefined;
    }
    if (refs.includes(name)) {
      this.ctx.log.issue('condition_cycle', [...segs, 'condition'], { name });
      return undefined;
    }
    // What a named condition compiles to does not depend on the path that led to it (cycles aside,
    // and a cycle fails the whole rule set anyway), only on its depth.
    const key = `${depth}|${name}`;
    let n: CompiledCondition | undefined;
    if (this.compiledNamed.has(key)) n = this.compiledNamed.get(key);
    else {
      this.reached.add(name);
      n = this.compile(target, ['conditions', name], depth + 1, [...refs, name]);
      this.compiledNamed.set(key, n);
    }
    if (!n) return undefined;
    const [f, t] = n.closures;
    return [
      f,
      (env, mode) => {
        const tr = t(env, mode);
        return { kind: 'condition', name, outcome: tr.outcome, child: tr };
      },
      scope.adopt(n),
    ];
  }

  private leaf(c: LeafCondition, segs: readonly Seg[], scope: Scope): Closures | undefined {
    const log = this.ctx.log;
    const op = OPERATORS.get(c.operator);
    if (!op) {
      log.issue('unknown_operator', [...segs, 'operator'], { ...named(c.operator, OPERATOR_NAMES), allowed: OPERATOR_NAMES });
      return undefined;
    }
    if (op.readsAsOf === true) scope.readsDate();
    const slot = this.ctx.slots.resolve(c.fact, c.params as Record<string, unknown> | undefined, segs);
    let path: CompiledPath | undefined;
    if (c.path !== undefined) {
      path = compilePath(c.path);
      if (!path) {
        log.issue('unsafe_path', [...segs, 'path']);
        return undefined;
      }
    }
    if (slot?.def && path === undefined && op.factTypes && !op.factTypes.includes(slot.def.type)) {
      log.issue('operator_fact_type', [...segs, 'operator'], { operator: op.name, name: slot.name, type: slot.def.type });
      return undefined;
    }
    const value = this.value(c, op, segs);
    if (!slot || !value) return undefined;
    scope.reads(slot.index);
    if (value.kind === 'fact') scope.reads(value.slot);
    return leafClosures({
      fact: c.fact,
      slot: slot.index,
      params: slot.params,
      pathText: c.path,
      path,
      op,
      value,
      factBit: scope.bit(c.fact),
      valueFactBit: value.kind === 'fact' ? scope.bit(value.name) : 0,
    });
  }

  /** Resolves the compared value: a constant, a parameter, a code list or another fact. */
  private value(c: LeafCondition, op: OperatorDefinition, segs: readonly Seg[]): ValueSource | undefined {
    const log = this.ctx.log;
    const v = c.value as unknown;
    const vsegs = [...segs, 'value'];
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, 'fact')) {
      const ref = v as { fact: string; path?: string; params?: Record<string, unknown> };
      if (op.valueKind === 'code-list') {
        // A code-list operator needs a list id known now; another fact's value cannot name a list.
        log.issue('operator_value', vsegs, { operator: op.name, expected: 'code list id' });
        return undefined;
      }
      const s = this.ctx.slots.resolve(ref.fact, ref.params, vsegs);
      let p: CompiledPath | undefined;
      if (ref.path !== undefined) {
        p = compilePath(ref.path);
        if (!p) {
          log.issue('unsafe_path', [...vsegs, 'path']);
          return undefined;
        }
      }
      return s ? { kind: 'fact', slot: s.index, name: s.name, path: p } : undefined;
    }
    let constant: unknown = v;
    // A parameter's value of the wrong kind is wrong where the parameter is set, not where it is used.
    let wrongAt: readonly Seg[] = vsegs;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, 'param')) {
      const name = (v as { param: string }).param;
      if (!Object.hasOwn(this.ctx.params, name)) {
        log.issue('unknown_parameter', [...vsegs, 'param'], named(name, Object.keys(this.ctx.params)));
        return undefined;
      }
      constant = this.ctx.params[name];
      wrongAt = ['parameters', name, 'value'];
    }
    const bad = (expected: string) => {
      log.issue('operator_value', wrongAt, { operator: op.name, expected });
      return undefined;
    };
    switch (op.valueKind) {
      case 'array':
        return Array.isArray(constant) ? { kind: 'const', value: constant, shown: constant } : bad('array');
      case 'number':
        return typeof constant === 'number' && Number.isFinite(constant)
          ? { kind: 'const', value: constant, shown: constant }
          : bad('number');
      case 'integer':
        return typeof constant === 'number' && Number.isInteger(constant) && constant >= 0
          ? { kind: 'const', value: constant, shown: constant }
          : bad('integer ≥ 0');
      case 'date':
        return typeof constant === 'string' && isIsoDate(constant)
          ? { kind: 'const', value: constant, shown: constant }
          : bad('YYYY-MM-DD');
      case 'code-list': {
        if (typeof constant !== 'string') return bad('code list id');
        const list = this.ctx.slots.list(constant);
        if (!list) {
          log.issue('unknown_code_list', vsegs, this.ctx.slots.listNamed(constant));
          return undefined;
        }
        return { kind: 'const', value: list, shown: constant };
      }
      default:
        return { kind: 'const', value: constant, shown: constant };
    }
  }
}

/** The detail of an unknown name: the name, and the nearest known one when one is near. */
function named(name: string, known: Iterable<string>): { name: string; suggestion?: string } {
  const suggestion = nearestName(name, known);
  return suggestion ? { name, suggestion } : { name };
}

/** An `all` or `any` node over its children's closures. */
function junction(isAll: boolean, kids: readonly Closures[]): Closures {
  const fasts = kids.map((k) => k[0]);
  const traceds = kids.map((k) => k[1]);
  const missings = kids.map((k) => k[2]);
  const kind = isAll ? 'all' : 'any';
  const combine = isAll ? and3 : or3;
  const unit: Tri = isAll ? T : F;
  // The untraced path is the fold of `combine` written out: it stops at the absorbing element
  // (Kleene logic makes the result independent of order), and an A/B run of the population
  // benchmark measured calling `and3`/`or3` here 8-10 % slower. The logic tests check on random
  // conditions that it gives what the traced path, which calls them, gives.
  const absorb: Tri = isAll ? F : T;
  const fast: Fast = (env) => {
    let acc: Tri = unit;
    for (let i = 0; i < fasts.length; i++) {
      const v = fasts[i]!(env);
      if (v === absorb) return absorb;
      if (v === U) acc = U;
    }
    return acc;
  };
  const traced: Traced = (env, mode) => {
    let acc: Tri = unit;
    const children: ConditionTrace[] = new Array(traceds.length);
    for (let i = 0; i < traceds.length; i++) {
      const tr = traceds[i]!(env, mode);
      children[i] = tr;
      acc = combine(acc, fromTruth(tr.outcome));
    }
    return { kind, outcome: toTruth(acc), children };
  };
  const missing: Missing = (env: EvalEnv) => {
    let m = 0;
    for (let i = 0; i < missings.length; i++) m |= missings[i]!(env);
    return m;
  };
  return [fast, traced, missing];
}
