import type { CompiledRuleSet } from '../engine/compile.js';
import { OPERATORS } from '../engine/operators.js';
import { compilePath, resolvePath } from '../engine/path.js';
import type { FactRegistry } from '../facts/registry.js';
import { factContext } from '../facts/context.js';
import type { Person } from '../model/person.js';
import type { Condition, LeafCondition } from '../model/ruleSet.js';
import { invalidOptions } from '../model/errors.js';
import { makeIssue } from '../model/issues.js';
import { Lang } from '../model/lang.js';
import { DATE_RANGE, dateProblem, toDayNumber } from '../util/dates.js';

/*
 * A bridge for vendors who already run json-rules-engine. It registers our operators and derived
 * facts on their `Engine` and converts a compiled rule set to plain json-rules-engine rules.
 * json-rules-engine has no "unknown": an unknown fact reaches the operator as `undefined`, which
 * makes most operators false. Use our evaluator where missing data matters.
 */

/**
 * The part of json-rules-engine's `Engine` the bridge uses. Rules and conditions are typed `object`
 * so that json-rules-engine's own `Engine` type (whose `RuleProperties` is an interface without an
 * index signature) is accepted as it is, without a cast.
 */
export interface JsonRulesEngineLike {
  addOperator(name: string, fn: (factValue: unknown, jsonValue: unknown) => boolean): unknown;
  addFact(
    id: string,
    fn: (params: Record<string, unknown> | undefined, almanac: { factValue(id: string): Promise<unknown> }) => unknown,
  ): unknown;
  addRule(rule: object): unknown;
  setCondition(name: string, conditions: object): unknown;
}

/** Options for {@link registerOnJsonRulesEngine}. */
export interface RegisterOptions {
  /** The rule set whose rules, named conditions and code lists to register. */
  readonly ruleSet: CompiledRuleSet;
  /** Facts to register as fact functions; they read `person` and `asOf` from the run's facts. */
  readonly facts: FactRegistry;
  /**
   * The evaluation date for date-relative operators (`withinLastDays`), and for the facts of every
   * `engine.run` that gives no `asOf` of its own.
   */
  readonly asOf: string;
  /** Language of the error a run's invalid `asOf` gives: `nb` (default), `nn` or `en`. */
  readonly lang?: Lang;
}

/**
 * Registers our non-default operators, the derived facts and the rule set's rules on an `Engine`.
 * Run it with `engine.run({ person })`: the facts use the `asOf` given here, unless the run passes its
 * own (`engine.run({ person, asOf })`). A run's `asOf` that is not `YYYY-MM-DD` in the date range makes
 * `engine.run` reject with an `InvalidOptions` error at `asOf` (a value with `_tag` and `issues`, as
 * `evaluate` returns it), never with an exception from inside a fact. Construct the engine with
 * `{ allowUndefinedFacts: true, pathResolver: safePathResolver }` so that paths stay in the safe subset.
 * The `person` you pass to `run` must have passed {@link parsePerson}: the facts read it as validated.
 *
 * @throws RangeError when `options.asOf` is not an ISO date (programmer misuse: the host owns the date).
 */
export function registerOnJsonRulesEngine(engine: JsonRulesEngineLike, options: RegisterOptions): void {
  if (dateProblem(options.asOf))
    throw new RangeError(`registerOnJsonRulesEngine: asOf is not an ISO date from ${DATE_RANGE.min} to ${DATE_RANGE.max}`);
  const asOfDay = toDayNumber(options.asOf)!;
  const parsedLang = Lang.safeParse(options.lang);
  const lang: Lang = parsedLang.success ? parsedLang.data : 'nb';
  const lists = options.ruleSet.codeLists;
  for (const op of OPERATORS.values()) {
    if (op.jsonRulesEngineDefault) continue;
    engine.addOperator(op.name, (factValue, jsonValue) => {
      if (factValue === undefined) return false;
      const compare = op.valueKind === 'code-list' ? (typeof jsonValue === 'string' ? lists.get(jsonValue) : undefined) : jsonValue;
      return compare !== undefined && op.evaluate(factValue, compare, { asOfDay });
    });
  }
  for (const def of options.facts.values()) {
    if (def.name === 'asOf') continue;
    engine.addFact(def.name, async (params, almanac) => {
      const person = (await almanac.factValue('person')) as Person;
      const asOf = runAsOf(await almanac.factValue('asOf'), options.asOf, lang);
      const ctx = factContext(person, asOf, toDayNumber(asOf)!, lists);
      return def.derive(ctx, params && Object.keys(params).length > 0 ? params : undefined);
    });
  }
  const { rules, conditions } = toJsonRulesEngineRules(options.ruleSet);
  for (const [name, c] of Object.entries(conditions)) engine.setCondition(name, c);
  for (const r of rules) engine.addRule(r);
}

/**
 * The date a run's facts use: the run's own `asOf` when it gives one, else the registered one. A run's
 * date that is not an ISO date is rejected as a typed error here, before any fact computes with it.
 */
function runAsOf(given: unknown, registered: string, lang: Lang): string {
  if (given === undefined) return registered;
  const bad = dateProblem(given);
  // json-rules-engine rejects `engine.run` with what a fact throws: a typed error value, as `evaluate` returns.
  if (bad) throw invalidOptions([makeIssue(bad, ['asOf'], lang)]);
  return given as string;
}

/** A json-rules-engine `pathResolver` that accepts only the safe `$.a.b[0]` subset. */
export function safePathResolver(value: unknown, path: string): unknown {
  const p = compilePath(path);
  return p === undefined ? undefined : resolvePath(value, p);
}

/** A deep copy of a JSON value; `Object.fromEntries` defines an own `__proto__` key instead of setting the prototype. */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)]));
}

/**
 * Copies a condition tree, replacing a leaf's `value: { "param": name }` by the parameter's value,
 * exactly where the compiler resolves parameters (and nowhere else, so both engines see the same
 * rules). Only the rule set's own parameters are read: `{ "param": "constructor" }` is never looked
 * up on Object.prototype.
 */
function convert(c: Condition, params: Readonly<Record<string, unknown>>): Condition {
  if ('all' in c) return { ...c, all: c.all.map((x) => convert(x, params)) };
  if ('any' in c) return { ...c, any: c.any.map((x) => convert(x, params)) };
  if ('not' in c) return { ...c, not: convert(c.not, params) };
  if ('condition' in c) return { ...c };
  const v = c.value as unknown;
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && Object.hasOwn(v, 'param')) {
    const name = (v as { param: unknown }).param;
    if (typeof name === 'string' && Object.hasOwn(params, name))
      return { ...(copy(c) as LeafCondition), value: copy(params[name]) as LeafCondition['value'] };
  }
  return copy(c) as LeafCondition;
}

/**
 * Converts a compiled rule set to json-rules-engine rules: parameter references are replaced by their
 * values, our metadata goes into `event.params` (`ruleId`, `severity`), and named conditions are
 * returned for `engine.setCondition`. Roots are already all/any/not/condition: the schema (`TopCondition`) refuses a bare leaf, as json-rules-engine does.
 */
export function toJsonRulesEngineRules(ruleSet: CompiledRuleSet): {
  rules: Record<string, unknown>[];
  conditions: Record<string, Record<string, unknown>>;
} {
  const rules = ruleSet.rules.map(({ rule }) => ({
    name: rule.id,
    priority: rule.priority ?? 1,
    conditions: convert(rule.conditions, ruleSet.parameters),
    event: { type: rule.event.type, params: { ...(rule.event.params ?? {}), ruleId: rule.id, severity: rule.severity } },
  }));
  const conditions: Record<string, Record<string, unknown>> = {};
  for (const [name, c] of Object.entries(ruleSet.namedConditions))
    conditions[name] = convert(c, ruleSet.parameters) as Record<string, unknown>;
  return { rules, conditions };
}
