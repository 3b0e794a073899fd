import * as E from '../util/either.js';
import type { CompiledRuleSet } from '../engine/compile.js';
import { evaluateParsed, parsePerson } from '../engine/evaluate.js';
import { invalidOptions } from '../model/errors.js';
import { makeIssue } from '../model/issues.js';
import type { ConditionTrace, RuleTrace } from '../engine/trace.js';
import { missingFacts } from '../engine/trace.js';
import { explainRule } from '../explain/why.js';
import type { EvaluationError } from '../model/errors.js';
import type { Lang, LocalizedText } from '../model/lang.js';
import { LANGS } from '../model/lang.js';
import type { PersonInput } from '../model/person.js';
import { bundledRuleSetIds, loadBundledRuleSet } from '../ruleSets/load.js';
import type { RuleCheck } from './guards.js';
import type { CheckRecord } from './history.js';
import type { RuleSetUnavailableError } from './errors.js';
import { ruleSetUnavailable } from './errors.js';

/*
 * Evaluates the rules a guard names. Rule sets are looked up by id: first among those the host
 * passed, then among the bundled ones. Each rule's outcome is compared with what the guard expects
 * and explained with `explainRule`, the same "why" the prompts carry, in all three languages.
 */

/** A bundled rule set: compiled once per process by `loadBundledRuleSet`, shared with the host's own calls. */
function bundled(id: string): CompiledRuleSet | undefined {
  const r = bundledRuleSetIds().includes(id) ? loadBundledRuleSet(id) : undefined;
  return r && E.isRight(r) ? r.right : undefined;
}

/** Finds a rule set by id among the host's, then the bundled ones. */
export function findRuleSet(id: string, injected: readonly CompiledRuleSet[] | undefined): CompiledRuleSet | undefined {
  return injected?.find((r) => r.id === id) ?? bundled(id);
}

function redact(t: ConditionTrace): ConditionTrace {
  switch (t.kind) {
    case 'all':
    case 'any':
      return { ...t, children: t.children.map(redact) };
    case 'not':
    case 'condition':
      return { ...t, child: redact(t.child) };
    case 'fact': {
      const { factValue: _v, ...rest } = t;
      return { ...rest, redacted: true };
    }
  }
}

function why(trace: RuleTrace, ruleSet: CompiledRuleSet): LocalizedText {
  const [nb, nn, en] = LANGS.map((l) => explainRule(trace, { lang: l, ruleSet }).summary) as [string, string, string];
  return { nb, nn, en };
}

/** One evaluated check: the record for the history (redacted "why") and the full "why" for the rejection. */
export interface CheckResult {
  readonly record: CheckRecord;
  /** The "why" with the fact values seen, as the prompts show it. */
  readonly fullWhy: LocalizedText;
  /** The facts whose absence left the rule unknown. */
  readonly missing: readonly string[];
}

/** Evaluates a list of checks on one person. A missing rule set or rule, or an invalid person, is an error. */
export function runChecks(
  checks: readonly RuleCheck[],
  person: PersonInput,
  options: { readonly asOf: string; readonly lang: Lang; readonly ruleSets: readonly CompiledRuleSet[] | undefined },
): E.Either<EvaluationError | RuleSetUnavailableError, CheckResult[]> {
  const out: CheckResult[] = [];
  const decisions = new Map<string, { rs: CompiledRuleSet; traces: readonly RuleTrace[] }>();
  // Validate the person once, then evaluate each rule set on it.
  const parsed = parsePerson(person, options.lang);
  if (E.isLeft(parsed)) return parsed;
  for (const c of checks) {
    let d = decisions.get(c.ruleSetId);
    if (!d) {
      const rs = findRuleSet(c.ruleSetId, options.ruleSets);
      if (!rs) return E.left(ruleSetUnavailable(c.ruleSetId));
      if (options.asOf < rs.validFrom || (rs.validTo !== undefined && options.asOf > rs.validTo))
        return E.left(
          invalidOptions([
            makeIssue('not_valid_now', ['asOf'], options.lang, { asOf: options.asOf, from: rs.validFrom, to: rs.validTo ?? '…' }),
          ]),
        );
      const decision = evaluateParsed(rs, parsed.right, { asOf: options.asOf, lang: options.lang, trace: 'full' });
      d = { rs, traces: decision.trace ?? [] };
      decisions.set(c.ruleSetId, d);
    }
    const trace = d.traces.find((t) => t.ruleId === c.ruleId);
    if (!trace) return E.left(ruleSetUnavailable(c.ruleSetId, c.ruleId));
    const rule = d.rs.file.rules.find((r) => r.id === c.ruleId)!;
    const passed = c.expected === 'fires' ? trace.outcome === true : trace.outcome === false;
    out.push({
      record: {
        ruleSet: { id: d.rs.id, version: d.rs.version, contentHash: d.rs.contentHash },
        ruleId: c.ruleId,
        expected: c.expected,
        outcome: trace.outcome,
        passed,
        title: rule.title,
        why: why({ ...trace, conditions: redact(trace.conditions) }, d.rs),
      },
      fullWhy: why(trace, d.rs),
      missing: [...missingFacts(trace.conditions)],
    });
  }
  return E.right(out);
}
