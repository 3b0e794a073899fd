import * as E from 'fp-ts/lib/Either.js';
import type { CodeList } from '../facts/codeList.js';
import type { FactRegistry } from '../facts/registry.js';
import { isBuiltinFact } from '../facts/registry.js';
import type { FactDefinition } from '../facts/types.js';
import type { InvalidRuleSetError } from '../model/errors.js';
import { invalidRuleSet } from '../model/errors.js';
import type { IssueCode, ValidationIssue } from '../model/issues.js';
import { readInput } from '../model/inputShape.js';
import { capIssues, formatPath, fromZodIssues, makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import { LIMITS } from '../model/limits.js';
import type { Condition, LeafCondition, Parameter, Rule, RuleSetFile } from '../model/ruleSet.js';
import { NamedConditions, Parameter as ParameterSchema, RuleSetFile as RuleSetFileSchema } from '../model/ruleSet.js';
import { isIsoDate } from '../util/dates.js';
import { canonicalJson, sha256Hex } from '../util/sha256.js';
import type { Closures, EvalEnv, Fast, Missing, TraceMode, Traced } from './closures.js';
import { MASK_BITS } from './closures.js';
import type { ValueSource } from './leaf.js';
import { leafClosures } from './leaf.js';
import { ruleTracer } from './ruleTrace.js';
import type { Tri } from './logic.js';
import { F, T, U, and3, fromTruth, not3, or3, toTruth } from './logic.js';
import type { OperatorDefinition } from './operators.js';
import { OPERATORS, OPERATOR_NAMES } from './operators.js';
import type { CompiledPath } from './path.js';
import { compilePath } from './path.js';
import type { ConditionTrace, RuleTrace } from './trace.js';

/*
 * Compilation turns a validated rule-set file into closures, once. Evaluation then does no parsing,
 * no lookups by name and no allocation on the untraced path beyond the fact cache. Every semantic
 * check (facts, operators, values, paths, parameters, named conditions, depth) happens here, and a
 * rule set with any issue is rejected whole: it is never partly loaded.
 */

/** A fact slot: one fact with one set of params, derived at most once per evaluation. */
export interface FactSlot {
  readonly index: number;
  readonly name: string;
  /** `name` or `name:{canonical params}`; the key raw-fact inputs may use. */
  readonly key: string;
  readonly params: Readonly<Record<string, unknown>> | undefined;
  readonly def: FactDefinition<any> | undefined;
  /**
   * Equal for two slots (of any rule sets) that derive the same value from the same person: the
   * same fact definition, params and code-list objects. Rule sets evaluated together share by it.
   * @internal
   */
  readonly shareKey: string;
  /**
   * A small process-wide number for {@link shareKey}, so that the rule sets of one `evaluateAll`
   * call share values through an array instead of a string-keyed map; -1 past the cap (the value is
   * then derived by each rule set that reads it, which gives the same value).
   * @internal
   */
  readonly shareId: number;
  /** The fact is one of the library's own, whose strings and lists are codes (see `isBuiltinFact`). @internal */
  readonly coded: boolean;
}

/*
 * Objects get a process-wide serial number the first time a slot names them, so that a share key
 * compares definitions and code lists by identity. Compile time only: evaluation never looks here.
 */
const serials = new WeakMap<object, number>();
/** The number of each share key (bounded: a host compiling rule sets for ever must not grow it for ever). */
const shareIds = new Map<string, number>();
const MAX_SHARE_KEYS = 100_000;
let nextSerial = 1;
function serialOf(o: object): number {
  let n = serials.get(o);
  if (n === undefined) serials.set(o, (n = nextSerial++));
  return n;
}

export type { EvalEnv, TraceMode } from './closures.js';

/** A compiled rule: its metadata and its condition as closures. */
export interface CompiledRule {
  readonly rule: Rule;
  /** Points when the event type is `score`. */
  readonly points: number | undefined;
  /** Component for exclusive score bands (`event.params.component`), defaulting to the rule id. */
  readonly component: string;
  /** @internal */ readonly fast: Fast;
  /** The rule's trace (shared between decisions with the same fact values). @internal */ readonly traced: (env: EvalEnv, mode: TraceMode) => RuleTrace;
  /** The fact slots the rule reads, each once. @internal */ readonly traceSlots: readonly number[];
  /** The rule's trace built anew, never shared. @internal */ readonly buildTrace: (env: EvalEnv, mode: TraceMode) => RuleTrace;
  /** Whether its trace may be shared between calls with equal fact values (no operator reads asOf). @internal */ readonly sharesTrace: boolean;
  /** @internal */ readonly missing: Missing;
  /**
   * The rule's fact names in the order of their bits in {@link missing}'s mask; `undefined` when the
   * rule has more than {@link MASK_BITS} and its missing facts are read from a trace instead.
   * @internal
   */
  readonly factNames: readonly string[] | undefined;
}

/** A compiled, immutable rule set, ready to evaluate many persons. */
export interface CompiledRuleSet {
  readonly id: string;
  readonly version: string;
  /** SHA-256 of the rule set, its resolved parameters and the code lists it reads. */
  readonly contentHash: string;
  readonly validFrom: string;
  readonly validTo: string | undefined;
  readonly file: RuleSetFile;
  /** Parameter values after host overrides. */
  readonly parameters: Readonly<Record<string, Parameter['value']>>;
  /** Rules in evaluation and output order (priority, then file order). */
  readonly rules: readonly CompiledRule[];
  /** Facts read, one slot per fact-and-params pair. */
  readonly slots: readonly FactSlot[];
  readonly tiers: readonly { readonly tier: 'low' | 'moderate' | 'high'; readonly minPoints: number }[] | undefined;
  /** Code lists the rule set and its facts read. */
  readonly codeLists: ReadonlyMap<string, CodeList>;
  /** Named conditions after resolution (local and shared). */
  readonly namedConditions: Readonly<Record<string, Condition>>;
}

/** Options for {@link compileRuleSet}. */
export interface CompileOptions {
  /** Facts the rules may read. */
  readonly facts: FactRegistry;
  /** Code lists the rules and facts may read, by id. */
  readonly codeLists: ReadonlyMap<string, CodeList>;
  /** Named conditions shared across rule sets; a rule set's own `conditions` win on a name clash. */
  readonly sharedConditions?: Readonly<Record<string, Condition>>;
  /** Host overrides of parameter defaults, by parameter name. */
  readonly parameters?: Readonly<Record<string, Parameter['value']>>;
  /** Language of the issue messages. Default `nb`. */
  readonly lang?: Lang;
}

type Seg = string | number;

class Compiler {
  readonly issues: ValidationIssue[] = [];
  readonly slots: FactSlot[] = [];
  private readonly slotByKey = new Map<string, FactSlot>();
  readonly usedLists = new Set<string>();
  /** Keys of the issues kept, so a named condition compiled at several depths reports each issue once. */
  private readonly issueKeys = new Set<string>();
  /**
   * Set once one more issue than an error shows has been kept, or the rule set is too big: nothing
   * more is compiled, since nothing more would be reported.
   */
  private stopped = false;
  /** Leaves counted so far, every rule's named conditions expanded (see {@link expandedLeaves}). */
  private leafCount = 0;
  /** Expanded leaf counts of named conditions, by depth and name (see {@link expandedLeaves}). */
  private readonly leafCounts = new Map<string, number>();
  /**
   * Named conditions compiled for the rule being compiled, by depth and name. A rule's closures carry
   * mask bits of that rule's own fact names, so they are shared within a rule, not across rules.
   */
  private compiled = new Map<string, Closures | undefined>();
  /** Named conditions compiled (through a rule or on their own), so each is checked once. */
  readonly reached = new Set<string>();
  /** The fact names of the rule being compiled, in bit order; `overflow` past {@link MASK_BITS}. */
  private ruleNames: string[] = [];
  private overflow = false;
  /** The fact slots the rule being compiled reads, each once. */
  private ruleSlots: number[] = [];
  /** Whether a leaf of the rule being compiled uses an operator that reads the evaluation date. */
  private ruleReadsAsOf = false;

  constructor(
    readonly file: RuleSetFile,
    readonly opts: CompileOptions,
    readonly params: Record<string, Parameter['value']>,
    readonly named: Record<string, Condition>,
    readonly lang: Lang,
  ) {}

  issue(code: IssueCode, segs: readonly Seg[], detail: Record<string, string | number | readonly string[]> = {}): void {
    this.keep(makeIssue(code, segs, this.lang, detail));
  }

  /** Keeps an issue unless it was kept already; past one more than an error shows, stops the compiler. */
  keep(issue: ValidationIssue): void {
    if (this.stopped) return;
    const k = issueKey(issue);
    if (this.issueKeys.has(k)) return;
    this.issueKeys.add(k);
    this.issues.push(issue);
    if (this.issues.length > LIMITS.issues) this.stopped = true;
  }

  /**
   * Counts a rule's (or an unused named condition's) leaves with its named conditions expanded, as
   * evaluation and the trace see them, before anything is compiled. A named condition's count is
   * kept by depth and name, so the count costs one visit per condition node and depth, however
   * often the names are referenced: a small file whose named conditions refer to each other a
   * hundred times per level is counted in microseconds and refused with `too_big` at the limit,
   * instead of being expanded into millions of nodes first. Returns false (and stops) when the
   * limit is passed.
   */
  countLeaves(c: Condition, segs: readonly Seg[], depth: number): boolean {
    this.leafCount = Math.min(this.leafCount + this.expandedLeaves(c, depth), LIMITS.conditionsPerRuleSet + 1);
    if (this.leafCount <= LIMITS.conditionsPerRuleSet) return true;
    this.issue('too_big', segs, { maximum: LIMITS.conditionsPerRuleSet });
    this.stopped = true;
    return false;
  }

  /**
   * Leaves under `c` at `depth` with named conditions expanded, capped just past the limit. Nothing
   * below the depth limit is counted: compiling stops there too (`too_deep`), and the cut bounds the
   * recursion, cycles included (a cycle is reported by {@link compile}).
   */
  private expandedLeaves(c: Condition, depth: number): number {
    const cap = LIMITS.conditionsPerRuleSet + 1;
    if (depth > LIMITS.conditionDepth) return 0;
    if ('all' in c || 'any' in c) {
      let n = 0;
      for (const k of 'all' in c ? c.all : c.any) {
        n = Math.min(n + this.expandedLeaves(k, depth + 1), cap);
        if (n === cap) break;
      }
      return n;
    }
    if ('not' in c) return this.expandedLeaves(c.not, depth + 1);
    if ('condition' in c) {
      const name = c.condition;
      const target = Object.hasOwn(this.named, name) ? this.named[name] : undefined;
      if (target === undefined) return 0;
      const key = `${depth}|${name}`;
      let n = this.leafCounts.get(key);
      if (n === undefined) this.leafCounts.set(key, (n = this.expandedLeaves(target, depth + 1)));
      return n;
    }
    return 1;
  }

  slot(name: string, params: Record<string, unknown> | undefined, def: FactDefinition<any> | undefined): FactSlot {
    const key = params === undefined || Object.keys(params).length === 0 ? name : `${name}:${canonicalJson(params)}`;
    let s = this.slotByKey.get(key);
    if (!s) {
      const lists = (def?.codeLists ?? []).map((l) => {
        const list = this.opts.codeLists.get(l);
        return list === undefined ? '-' : String(serialOf(list));
      });
      const shareKey = `${def === undefined ? '-' : serialOf(def)}|${lists.join(',')}|${key}`;
      let shareId = shareIds.get(shareKey);
      if (shareId === undefined) {
        shareId = shareIds.size < MAX_SHARE_KEYS ? shareIds.size : -1;
        if (shareId >= 0) shareIds.set(shareKey, shareId);
      }
      s = { index: this.slots.length, name, key, params, def, shareKey, shareId, coded: isBuiltinFact(def) };
      this.slots.push(s);
      this.slotByKey.set(key, s);
    }
    return s;
  }

  /** Starts a rule: its leaves get mask bits of their own. */
  startRule(): void {
    this.compiled = new Map();
    this.ruleNames = [];
    this.overflow = false;
    this.ruleSlots = [];
    this.ruleReadsAsOf = false;
  }

  /** Whether the current rule's outcome can depend on `asOf` beyond the facts it reads. */
  ruleDependsOnDate(): boolean {
    return this.ruleReadsAsOf;
  }

  /** The fact slots the current rule reads. */
  ruleSlotList(): readonly number[] {
    return Object.freeze([...this.ruleSlots]);
  }

  private readsSlot(slot: number): void {
    if (!this.ruleSlots.includes(slot)) this.ruleSlots.push(slot);
  }

  /** The rule's fact names in bit order, or `undefined` when they overflowed the mask. */
  ruleFactNames(): readonly string[] | undefined {
    return this.overflow ? undefined : Object.freeze([...this.ruleNames]);
  }

  /** The mask bit of a fact name within the current rule; 0 once the rule has too many names. */
  private bit(name: string): number {
    let i = this.ruleNames.indexOf(name);
    if (i < 0) {
      if (this.ruleNames.length >= MASK_BITS) {
        this.overflow = true;
        return 0;
      }
      i = this.ruleNames.push(name) - 1;
    }
    return 1 << i;
  }

  /** Resolves a fact reference and checks its params; returns undefined after recording an issue. */
  factSlot(name: string, params: Record<string, unknown> | undefined, segs: readonly Seg[]): FactSlot | undefined {
    const def = this.opts.facts.get(name);
    if (!def) {
      this.issue('unknown_fact', [...segs, 'fact'], { name });
      return undefined;
    }
    let parsed: Record<string, unknown> | undefined = params;
    if (def.params) {
      const r = def.params.safeParse(params);
      if (!r.success) {
        this.issue('fact_params', [...segs, 'params'], { name, expected: r.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.code}`).join('; ') });
        return undefined;
      }
      parsed = r.data as Record<string, unknown> | undefined;
    } else if (params !== undefined && Object.keys(params).length > 0) {
      this.issue('fact_params', [...segs, 'params'], { name, expected: '—' });
      return undefined;
    }
    for (const l of def.codeLists ?? []) {
      if (!this.opts.codeLists.has(l)) this.issue('unknown_code_list', [...segs, 'fact'], { name: l });
      else this.usedLists.add(l);
    }
    return this.slot(name, parsed, def);
  }

  /** Compiles a condition into fast and traced closures. `refs` tracks named conditions being expanded. */
  compile(c: Condition, segs: readonly Seg[], depth: number, refs: readonly string[]): Closures | undefined {
    if (this.stopped) return undefined;
    if (depth > LIMITS.conditionDepth) {
      this.issue('too_deep', segs, { maximum: LIMITS.conditionDepth });
      return undefined;
    }
    if ('all' in c || 'any' in c) {
      const isAll = 'all' in c;
      const list = isAll ? c.all : c.any;
      const kids = list.map((k, i) => this.compile(k, [...segs, isAll ? 'all' : 'any', i], depth + 1, refs));
      if (kids.some((k) => k === undefined)) return undefined;
      const fasts = kids.map((k) => k![0]);
      const traceds = kids.map((k) => k![1]);
      const missings = kids.map((k) => k![2]);
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
      const missing: Missing = (env) => {
        let m = 0;
        for (let i = 0; i < missings.length; i++) m |= missings[i]!(env);
        return m;
      };
      return [fast, traced, missing];
    }
    if ('not' in c) {
      const k = this.compile(c.not, [...segs, 'not'], depth + 1, refs);
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
    if ('condition' in c) {
      const name = c.condition;
      // Own properties only: a reference to `toString` or `__proto__` must not reach Object.prototype.
      const target = Object.hasOwn(this.named, name) ? this.named[name] : undefined;
      if (target === undefined) {
        this.issue('unknown_condition', [...segs, 'condition'], { name });
        return undefined;
      }
      if (refs.includes(name)) {
        this.issue('condition_cycle', [...segs, 'condition'], { name });
        return undefined;
      }
      // Each named condition is compiled once per rule and depth, and its closures are shared by
      // every reference there. The depth is part of the key because the depth limit depends on it.
      // (What a named condition compiles to does not depend on the path that led to it, cycles aside,
      // and a cycle fails the whole rule set anyway.)
      const key = `${depth}|${name}`;
      let k: Closures | undefined;
      if (this.compiled.has(key)) k = this.compiled.get(key);
      else {
        this.reached.add(name);
        k = this.compile(target, ['conditions', name], depth + 1, [...refs, name]);
        this.compiled.set(key, k);
      }
      if (!k) return undefined;
      const [f, t, m] = k;
      return [
        f,
        (env, mode) => {
          const tr = t(env, mode);
          return { kind: 'condition', name, outcome: tr.outcome, child: tr };
        },
        m,
      ];
    }
    return this.leaf(c, segs);
  }

  private leaf(c: LeafCondition, segs: readonly Seg[]): Closures | undefined {
    const op = OPERATORS.get(c.operator);
    if (!op) {
      this.issue('unknown_operator', [...segs, 'operator'], { name: c.operator, allowed: OPERATOR_NAMES });
      return undefined;
    }
    if (op.readsAsOf === true) this.ruleReadsAsOf = true;
    const slot = this.factSlot(c.fact, c.params as Record<string, unknown> | undefined, segs);
    let path: CompiledPath | undefined;
    if (c.path !== undefined) {
      path = compilePath(c.path);
      if (!path) {
        this.issue('unsafe_path', [...segs, 'path']);
        return undefined;
      }
    }
    if (slot?.def && path === undefined && op.factTypes && !op.factTypes.includes(slot.def.type)) {
      this.issue('operator_fact_type', [...segs, 'operator'], { operator: op.name, name: slot.name, type: slot.def.type });
      return undefined;
    }
    const value = this.value(c, op, segs);
    if (!slot || !value) return undefined;
    return this.leafClosures(c, op, slot, path, value);
  }

  /** Resolves the compared value: a constant, a parameter, a code list or another fact. */
  private value(c: LeafCondition, op: OperatorDefinition, segs: readonly Seg[]): ValueSource | undefined {
    const v = c.value as unknown;
    const vsegs = [...segs, 'value'];
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, 'fact')) {
      const ref = v as { fact: string; path?: string; params?: Record<string, unknown> };
      if (op.valueKind === 'code-list') {
        // A code-list operator needs a list id known now; another fact's value cannot name a list.
        this.issue('operator_value', vsegs, { operator: op.name, expected: 'code list id' });
        return undefined;
      }
      const s = this.factSlot(ref.fact, ref.params, vsegs);
      let p: CompiledPath | undefined;
      if (ref.path !== undefined) {
        p = compilePath(ref.path);
        if (!p) {
          this.issue('unsafe_path', [...vsegs, 'path']);
          return undefined;
        }
      }
      return s ? { kind: 'fact', slot: s.index, name: s.name, path: p } : undefined;
    }
    let constant: unknown = v;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, 'param')) {
      const name = (v as { param: string }).param;
      if (!Object.hasOwn(this.params, name)) {
        this.issue('unknown_parameter', [...vsegs, 'param'], { name });
        return undefined;
      }
      constant = this.params[name];
    }
    const bad = (expected: string) => {
      this.issue('operator_value', vsegs, { operator: op.name, expected });
      return undefined;
    };
    switch (op.valueKind) {
      case 'array':
        return Array.isArray(constant) ? { kind: 'const', value: constant, shown: constant } : bad('array');
      case 'number':
        return typeof constant === 'number' && Number.isFinite(constant) ? { kind: 'const', value: constant, shown: constant } : bad('number');
      case 'integer':
        return typeof constant === 'number' && Number.isInteger(constant) && constant >= 0 ? { kind: 'const', value: constant, shown: constant } : bad('integer ≥ 0');
      case 'date':
        return typeof constant === 'string' && isIsoDate(constant) ? { kind: 'const', value: constant, shown: constant } : bad('YYYY-MM-DD');
      case 'code-list': {
        if (typeof constant !== 'string') return bad('code list id');
        const list = this.opts.codeLists.get(constant);
        if (!list) {
          this.issue('unknown_code_list', vsegs, { name: constant });
          return undefined;
        }
        this.usedLists.add(constant);
        return { kind: 'const', value: list, shown: constant };
      }
      default:
        return { kind: 'const', value: constant, shown: constant };
    }
  }

  private leafClosures(c: LeafCondition, op: OperatorDefinition, slot: FactSlot, path: CompiledPath | undefined, value: ValueSource): Closures {
    this.readsSlot(slot.index);
    if (value.kind === 'fact') this.readsSlot(value.slot);
    return leafClosures({
      fact: c.fact,
      slot: slot.index,
      params: slot.params,
      pathText: c.path,
      path,
      op,
      value,
      factBit: this.bit(c.fact),
      valueFactBit: value.kind === 'fact' ? this.bit(value.name) : 0,
    });
  }
}

/**
 * Validates and compiles a rule-set file. Returns every issue found, each with a path into the file;
 * a rule set with any issue is rejected whole.
 */
export function compileRuleSet(raw: unknown, options: CompileOptions): E.Either<InvalidRuleSetError, CompiledRuleSet> {
  const lang = options.lang ?? 'nb';
  // Read once into plain data (a host's getter that throws is an `unreadable` issue); only the copy is read after.
  const read = readInput(raw, lang);
  if ('issue' in read) return E.left(invalidRuleSet([read.issue]));
  const input = read.value;
  // The schema takes microseconds per value: a file of 200,000 leaves would take seconds to be told
  // it is too big. The same count as below, on the raw input, refuses it first.
  const tooBig = rawTooBig(input, options.sharedConditions);
  if (tooBig) return E.left(invalidRuleSet([makeIssue('too_big', tooBig, lang, { maximum: LIMITS.conditionsPerRuleSet })]));
  const parsed = RuleSetFileSchema.safeParse(input, { reportInput: true });
  const idGuess = typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id.slice(0, 64) : undefined;
  if (!parsed.success) return E.left(invalidRuleSet(withLeafRoots(input, withMissingText(fromZodIssues(parsed.error.issues, lang), lang), lang), idGuess));
  const file = parsed.data;

  const params: Record<string, Parameter['value']> = {};
  for (const [k, p] of Object.entries(file.parameters ?? {})) params[k] = p.value;
  const pre: ValidationIssue[] = [];
  // Host options often come from configuration files, so they are validated like the rule file itself.
  const overrides = hostRecord(options.parameters, 'parameters', lang, pre);
  for (const [k, v] of Object.entries(overrides ?? {})) {
    if (!Object.hasOwn(params, k)) {
      pre.push(makeIssue('unknown_parameter', ['parameters', k], lang, { name: k }));
      continue;
    }
    const r = ParameterSchema.shape.value.safeParse(v);
    if (r.success) params[k] = r.data;
    else pre.push(...fromZodIssues(r.error.issues, lang, ['parameters', k]));
  }
  let shared: Record<string, Condition> = {};
  const sharedInput = hostRecord(options.sharedConditions, 'sharedConditions', lang, pre);
  if (sharedInput !== undefined) {
    const r = NamedConditions.safeParse(sharedInput);
    if (r.success) shared = r.data;
    else pre.push(...fromZodIssues(r.error.issues, lang, ['sharedConditions']));
  }
  const named: Record<string, Condition> = { ...shared, ...(file.conditions ?? {}) };
  const c = new Compiler(file, options, params, named, lang);
  for (const i of pre) c.keep(i);

  if (file.rules.length > LIMITS.rulesPerRuleSet) c.issue('too_big', ['rules'], { maximum: LIMITS.rulesPerRuleSet });
  const seen = new Set<string>();
  const compiled: CompiledRule[] = [];
  file.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) c.issue('duplicate_id', ['rules', i, 'id'], { name: rule.id });
    seen.add(rule.id);
    c.startRule();
    const k = c.countLeaves(rule.conditions, ['rules', i, 'conditions'], 1) ? c.compile(rule.conditions, ['rules', i, 'conditions'], 1, []) : undefined;
    let points: number | undefined;
    if (rule.event.type === 'score') {
      const p = rule.event.params?.['points'];
      if (typeof p !== 'number' || !Number.isFinite(p) || p < 0) c.issue('operator_value', ['rules', i, 'event', 'params', 'points'], { operator: 'score', expected: 'number ≥ 0' });
      else points = p;
    }
    const comp = rule.event.params?.['component'];
    if (k) {
      const traceSlots = c.ruleSlotList();
      const sharesTrace = !c.ruleDependsOnDate();
      const tracer = ruleTracer(rule.id, k[1], traceSlots, c.slots, !sharesTrace);
      compiled.push({
        rule,
        points,
        component: typeof comp === 'string' ? comp : rule.id,
        fast: k[0],
        traced: tracer.traced,
        traceSlots,
        buildTrace: tracer.build,
        sharesTrace,
        missing: k[2],
        factNames: c.ruleFactNames(),
      });
    }
  });
  // Named conditions that no rule uses are still checked, once each, so a typo in one is caught
  // before it is used. Those a rule reached were checked there.
  c.startRule();
  for (const [name, cond] of Object.entries(file.conditions ?? {})) {
    if (c.reached.has(name)) continue;
    c.reached.add(name);
    if (c.countLeaves(cond, ['conditions', name], 1)) c.compile(cond, ['conditions', name], 1, [name]);
  }

  let tiers: CompiledRuleSet['tiers'];
  if (file.scoring) {
    tiers = file.scoring.tiers
      .map((t, i) => {
        const mp = t.minPoints;
        if (typeof mp === 'number') return { tier: t.tier, minPoints: mp };
        const v = Object.hasOwn(params, mp.param) ? params[mp.param] : undefined;
        if (typeof v !== 'number') {
          c.issue(v === undefined ? 'unknown_parameter' : 'operator_value', ['scoring', 'tiers', i, 'minPoints'], v === undefined ? { name: mp.param } : { operator: 'minPoints', expected: 'number' });
          return { tier: t.tier, minPoints: Number.NaN };
        }
        return { tier: t.tier, minPoints: v };
      })
      .sort((a, b) => b.minPoints - a.minPoints);
  }

  if (c.issues.length > 0) return E.left(invalidRuleSet(capIssues(dedupe(c.issues), lang), file.id));

  const codeLists = new Map<string, CodeList>();
  for (const id of [...c.usedLists].sort()) codeLists.set(id, options.codeLists.get(id)!);
  const { $schema: _schema, ...hashed } = file;
  const contentHash = sha256Hex(
    canonicalJson({ ruleSet: hashed, parameters: params, sharedConditions: shared, codeLists: [...codeLists.values()].map((l) => l.file) }),
  );
  const ordered = compiled
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (b.r.rule.priority ?? 1) - (a.r.rule.priority ?? 1) || a.i - b.i)
    .map((x) => x.r);
  return E.right(
    deepFreeze({
      id: file.id,
      version: file.version,
      contentHash,
      validFrom: file.validFrom,
      validTo: file.validTo,
      file,
      parameters: params,
      rules: ordered,
      slots: c.slots,
      tiers,
      codeLists,
      namedConditions: named,
    }),
  );
}

/**
 * Counts, on the raw input before the schema has seen it, what {@link Compiler.countLeaves} counts
 * on the parsed file: each rule's leaves with named conditions expanded, then each named condition no
 * rule reached, expanded. For a file the schema accepts the two counts are the same; anything the
 * schema would refuse counts as nothing (or as one leaf), so a broken file is reported by the schema.
 * Returns the path where the count passes `conditionsPerRuleSet`, or `undefined`.
 */
function rawTooBig(input: unknown, sharedInput: unknown): Seg[] | undefined {
  const record = (x: unknown): Record<string, unknown> | undefined => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined);
  const file = record(input);
  const rules = file?.['rules'];
  if (!file || !Array.isArray(rules)) return undefined;
  const own = record(file['conditions']) ?? {};
  // Host options are read with the same care later (hostRecord); a throwing getter here counts as nothing.
  let shared: Record<string, unknown> = {};
  try {
    shared = record(sharedInput) ?? {};
  } catch {
    shared = {};
  }
  const lookup = (name: string): unknown => (Object.hasOwn(own, name) ? own[name] : Object.hasOwn(shared, name) ? shared[name] : undefined);
  const cap = LIMITS.conditionsPerRuleSet + 1;
  const memo = new Map<string, number>();
  const reached = new Set<string>();
  const count = (c: unknown, depth: number): number => {
    const o = record(c);
    if (!o || depth > LIMITS.conditionDepth) return 0;
    const list = Array.isArray(o['all']) ? o['all'] : Array.isArray(o['any']) ? o['any'] : undefined;
    if (list) {
      let n = 0;
      for (const k of list as unknown[]) {
        n = Math.min(n + count(k, depth + 1), cap);
        if (n === cap) break;
      }
      return n;
    }
    if (Object.hasOwn(o, 'not')) return count(o['not'], depth + 1);
    if (typeof o['condition'] === 'string') {
      const name = o['condition'];
      const target = lookup(name);
      if (target === undefined) return 0;
      reached.add(name);
      const key = `${depth}|${name}`;
      let n = memo.get(key);
      if (n === undefined) memo.set(key, (n = count(target, depth + 1)));
      return n;
    }
    return 1;
  };
  let total = 0;
  for (let i = 0; i < rules.length; i++) {
    total = Math.min(total + count(record(rules[i])?.['conditions'], 1), cap);
    if (total === cap) return ['rules', i, 'conditions'];
  }
  for (const [name, c] of Object.entries(own)) {
    if (reached.has(name)) continue;
    reached.add(name);
    total = Math.min(total + count(c, 1), cap);
    if (total === cap) return ['conditions', name];
  }
  return undefined;
}

/**
 * Checks that a host option is absent or a plain record within the input limits. Returns a plain copy
 * of it, or `undefined` after recording an issue (or when it is absent).
 */
function hostRecord(value: unknown, name: string, lang: Lang, issues: ValidationIssue[]): Readonly<Record<string, unknown>> | undefined {
  if (value === undefined) return undefined;
  const read = readInput(value, lang, [name]);
  if ('issue' in read) {
    issues.push(read.issue);
    return undefined;
  }
  const copy = read.value;
  if (typeof copy !== 'object' || copy === null || Array.isArray(copy)) {
    issues.push(makeIssue('invalid_type', [name], lang, { expected: 'object' }));
    return undefined;
  }
  return copy as Readonly<Record<string, unknown>>;
}

const issueKey = (i: ValidationIssue): string => `${i.code}|${i.path}|${canonicalJson(i.detail ?? {})}`;

function dedupe(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = issueKey(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A missing `nb`/`nn`/`en` field is reported as a missing text, which is what policy staff need to hear. */
function withMissingText(issues: ValidationIssue[], lang: Lang): ValidationIssue[] {
  return dedupe(
    issues.map((i) => {
      const last = i.segments[i.segments.length - 1];
      if (i.code === 'missing' && (last === 'nb' || last === 'nn' || last === 'en'))
        return makeIssue('missing_text', i.segments.slice(0, -1), lang, { lang: last });
      return i;
    }),
  );
}

/** Whether a raw condition is a bare leaf: it names a fact or an operator and is no all/any/not/condition node. */
function isBareLeaf(c: unknown): boolean {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return false;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(c, k);
  return (has('fact') || has('operator')) && !has('all') && !has('any') && !has('not') && !has('condition');
}

/**
 * A bare leaf at the root of a rule's (or a named condition's) conditions fails the schema as "does
 * not match any of the allowed shapes", which does not say what to do. Such roots are found in the
 * raw input and reported as `leaf_root` instead, replacing the schema's shape issue at that path.
 */
function withLeafRoots(input: unknown, issues: ValidationIssue[], lang: Lang): ValidationIssue[] {
  if (typeof input !== 'object' || input === null) return issues;
  const roots: Seg[][] = [];
  const { rules, conditions } = input as { rules?: unknown; conditions?: unknown };
  if (Array.isArray(rules))
    rules.forEach((r, i) => {
      if (typeof r === 'object' && r !== null && isBareLeaf((r as { conditions?: unknown }).conditions)) roots.push(['rules', i, 'conditions']);
    });
  if (typeof conditions === 'object' && conditions !== null && !Array.isArray(conditions))
    for (const [name, c] of Object.entries(conditions)) if (isBareLeaf(c)) roots.push(['conditions', name]);
  if (roots.length === 0) return issues;
  const at = new Set(roots.map((r) => formatPath(r)));
  return [...issues.filter((i) => !(i.code === 'invalid_shape' && at.has(i.path))), ...roots.map((r) => makeIssue('leaf_root', r, lang))];
}

function deepFreeze<T>(o: T): T {
  // Freeze the plain data we own (the file, parameters, slots, rules). Class instances such as zod
  // schemas inside fact definitions, and Maps, are left alone: zod defines methods on first use.
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    const proto = Object.getPrototypeOf(o);
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return o;
    Object.freeze(o);
    for (const v of Object.values(o)) if (typeof v === 'object' && v !== null) deepFreeze(v);
  }
  return o;
}
