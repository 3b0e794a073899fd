import * as E from '../util/either.js';
import type { CodeList } from '../facts/codeList.js';
import type { FactRegistry } from '../facts/registry.js';
import type { InvalidRuleSetError } from '../model/errors.js';
import { invalidRuleSet } from '../model/errors.js';
import type { Lang } from '../model/lang.js';
import { LIMITS } from '../model/limits.js';
import type { Condition, Parameter, Rule } from '../model/ruleSet.js';
import { assemble, resolveTiers } from './assemble.js';
import type { CompiledRule, CompiledRuleSet } from './compiled.js';
import { LeafCounter } from './conditionSize.js';
import { checkPlaceholders } from './placeholders.js';
import { ConditionCompiler } from './conditions.js';
import { FactSlots } from './factSlots.js';
import { IssueLog } from './issueLog.js';
import { validateRuleSet } from './validateRuleSet.js';

/*
 * Compilation turns a rule-set file into closures, once, in four steps, each in its own file:
 * validate (validateRuleSet.ts: the file and the host's options as data), conditions
 * (conditions.ts: each rule's condition into closures, with what it reads), fact slots
 * (factSlots.ts: the facts read, one slot per fact and params) and assemble (assemble.ts: tiers,
 * hash, order, freeze). Evaluation then does no parsing, no lookups by name and no allocation on
 * the untraced path beyond the fact cache. A rule set with any issue is rejected whole: it is never
 * partly loaded.
 */

export type { CompiledRule, CompiledRuleSet } from './compiled.js';
export type { FactSlot } from './factSlots.js';
export type { EvalEnv, TraceMode } from './closures.js';

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

/**
 * Validates and compiles a rule-set file. Returns every issue found, each with a path into the file;
 * a rule set with any issue is rejected whole.
 */
export function compileRuleSet(raw: unknown, options: CompileOptions): E.Either<InvalidRuleSetError, CompiledRuleSet> {
  const lang = options.lang ?? 'nb';
  const valid = validateRuleSet(raw, options, lang);
  if (E.isLeft(valid)) return valid;
  const { file, params, shared, named } = valid.right;
  const log = new IssueLog(lang);
  for (const i of valid.right.issues) log.keep(i);

  const slots = new FactSlots(options.facts, options.codeLists, log);
  const conditions = new ConditionCompiler({ named, params, slots, log });
  const size = new LeafCounter(named);
  if (file.rules.length > LIMITS.rulesPerRuleSet) log.issue('too_big', ['rules'], { maximum: LIMITS.rulesPerRuleSet });
  const seen = new Set<string>();
  const rules: CompiledRule[] = [];
  file.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) log.issue('duplicate_id', ['rules', i, 'id'], { name: rule.id });
    seen.add(rule.id);
    const r = compileRule(rule, i, conditions, size, log);
    if (r) rules.push(r);
  });
  // Named conditions that no rule uses are still checked, once each, so a typo in one is caught
  // before it is used. Those a rule reached were checked there.
  for (const [name, cond] of Object.entries(file.conditions ?? {})) {
    if (conditions.reached.has(name)) continue;
    conditions.reached.add(name);
    if (withinSize(size, cond, ['conditions', name], log)) conditions.compile(cond, ['conditions', name], 1, [name]);
  }
  const tiers = resolveTiers(file, params, log);
  checkPlaceholders(file, log);

  if (log.size > 0) return E.left(invalidRuleSet(log.issues(), file.id));
  return E.right(
    assemble({ file, params, shared, named, rules, slots: slots.slots, tiers, usedLists: slots.usedLists, codeLists: options.codeLists }),
  );
}

/** One rule: its condition's closures, what it reads, its points and component. Undefined after an issue. */
function compileRule(rule: Rule, i: number, conditions: ConditionCompiler, size: LeafCounter, log: IssueLog): CompiledRule | undefined {
  const segs = ['rules', i, 'conditions'];
  const c = withinSize(size, rule.conditions, segs, log) ? conditions.compile(rule.conditions, segs, 1, []) : undefined;
  let points: number | undefined;
  if (rule.event.type === 'score') {
    const p = rule.event.params?.['points'];
    if (typeof p !== 'number' || !Number.isFinite(p) || p < 0)
      log.issue('operator_value', ['rules', i, 'event', 'params', 'points'], { operator: 'score', expected: 'number ≥ 0' });
    else points = p;
  }
  if (!c) return undefined;
  const comp = rule.event.params?.['component'];
  const [fast, traced, missing] = c.closures;
  const ruleId = rule.id;
  return {
    rule,
    points,
    component: typeof comp === 'string' ? comp : rule.id,
    fast,
    buildTrace: (env, mode) => {
      const t = traced(env, mode);
      return { ruleId, outcome: t.outcome, conditions: t };
    },
    traceSlots: c.slots,
    // A rule whose operator reads asOf can change its outcome with the date alone, and the key of
    // a shared trace holds fact values only.
    sharesTrace: !c.readsAsOf,
    missing,
    factNames: c.factNames,
  };
}

/** Counts the leaves of a condition before compiling it; past the limit, records `too_big` and stops. */
function withinSize(size: LeafCounter, c: Condition, segs: readonly (string | number)[], log: IssueLog): boolean {
  if (size.add(c, 1)) return true;
  log.issue('too_big', segs, { maximum: LIMITS.conditionsPerRuleSet });
  log.stop();
  return false;
}
