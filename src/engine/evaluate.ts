import * as E from 'fp-ts/lib/Either.js';
import type { FactContext } from '../facts/types.js';
import type { EvaluationError, InvalidPersonError } from '../model/errors.js';
import { invalidOptions, invalidPerson } from '../model/errors.js';
import { checkInputShape } from '../model/inputShape.js';
import { fromZodIssues, makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import { Person } from '../model/person.js';
import { toDayNumber } from '../util/dates.js';
import type { CompiledRuleSet, EvalEnv, TraceMode } from './compile.js';
import type { DataNeeded, Decision, Finding, Prompt, RuleOutcome, Score, ScoreReason } from './decision.js';
import type { Tri } from './logic.js';
import { T, U, toTruth } from './logic.js';
import { missingFacts } from './trace.js';
import type { RuleTrace } from './trace.js';

/** Options for evaluation. */
export interface EvaluateOptions {
  /** The date the evaluation is for, `YYYY-MM-DD`. Required: the library never reads the clock. */
  readonly asOf: string;
  /** Language of prompts and messages. Default `nb`. */
  readonly lang?: Lang;
  /**
   * `full` (default) records fact values in the trace; `redacted` keeps the structure and outcomes but
   * drops every fact value, for audit logs; `none` skips the trace.
   */
  readonly trace?: TraceMode | 'none';
}

declare const parsed: unique symbol;
/** A person that has passed validation. Only {@link parsePerson} makes one. */
export type ParsedPerson = Person & { readonly [parsed]: true };

/**
 * Validates a person record. Errors name each path and what was expected, in `lang`; they never
 * carry a value from the record. Input beyond `LIMITS` (nesting, size, string length) is
 * refused before validation with a `too_deep`, `too_big` or `key_too_long` issue.
 */
export function parsePerson(input: unknown, lang: Lang = 'nb'): E.Either<InvalidPersonError, ParsedPerson> {
  const shape = checkInputShape(input, lang);
  if (shape) return E.left(invalidPerson([shape]));
  const r = Person.safeParse(input, { reportInput: true });
  if (!r.success) return E.left(invalidPerson(fromZodIssues(r.error.issues, lang)));
  return E.right(r.data as ParsedPerson);
}

function checkOptions(ruleSet: CompiledRuleSet, options: EvaluateOptions): EvaluationError | undefined {
  if (typeof options !== 'object' || options === null) return invalidOptions([makeIssue('missing', ['asOf'], 'nb')]);
  const lang = options.lang ?? 'nb';
  if (options.lang !== undefined && !['nb', 'nn', 'en'].includes(options.lang))
    return invalidOptions([makeIssue('invalid_value', ['lang'], 'nb', { allowed: ['"nb"', '"nn"', '"en"'] })]);
  if (typeof options.asOf !== 'string' || toDayNumber(options.asOf) === undefined)
    return invalidOptions([makeIssue(options.asOf === undefined ? 'missing' : 'iso_date', ['asOf'], lang)]);
  if (options.trace !== undefined && !['full', 'redacted', 'none'].includes(options.trace))
    return invalidOptions([makeIssue('invalid_value', ['trace'], lang, { allowed: ['"full"', '"redacted"', '"none"'] })]);
  if (options.asOf < ruleSet.validFrom || (ruleSet.validTo !== undefined && options.asOf > ruleSet.validTo))
    return invalidOptions([makeIssue('not_valid_now', ['asOf'], lang, { asOf: options.asOf, from: ruleSet.validFrom, to: ruleSet.validTo ?? '…' })]);
  return undefined;
}

/** Builds the lazy fact cache for one evaluation. */
function personEnv(ruleSet: CompiledRuleSet, ctx: FactContext): EvalEnv {
  const slots = ruleSet.slots;
  const values: unknown[] = new Array(slots.length);
  const done = new Uint8Array(slots.length);
  return {
    asOfDay: ctx.asOfDay,
    get(i) {
      if (done[i] === 0) {
        const s = slots[i]!;
        values[i] = s.def!.derive(ctx, s.params);
        done[i] = 1;
      }
      return values[i];
    },
  };
}

function rawEnv(ruleSet: CompiledRuleSet, facts: Readonly<Record<string, unknown>>, asOf: string, asOfDay: number): EvalEnv {
  const slots = ruleSet.slots;
  const own = (k: string) => (Object.prototype.hasOwnProperty.call(facts, k) ? facts[k] : undefined);
  return {
    asOfDay,
    get(i) {
      const s = slots[i]!;
      if (s.name === 'asOf') return own('asOf') ?? asOf;
      const v = own(s.key);
      return v === undefined ? own(s.name) : v;
    },
  };
}

/**
 * Evaluates a person against a compiled rule set. Validates the person first; returns a typed error
 * or a {@link Decision}. Pure: the same person, rule set and `asOf` give the same decision.
 */
export function evaluate(ruleSet: CompiledRuleSet, person: unknown, options: EvaluateOptions): E.Either<EvaluationError, Decision> {
  const bad = checkOptions(ruleSet, options);
  if (bad) return E.left(bad);
  const p = parsePerson(person, options.lang ?? 'nb');
  if (E.isLeft(p)) return p;
  return E.right(evaluateParsed(ruleSet, p.right, options));
}

/**
 * Evaluates an already validated person. Use it to run several rule sets over one person without
 * validating it again. Options are assumed valid (see {@link evaluate}).
 */
export function evaluateParsed(ruleSet: CompiledRuleSet, person: ParsedPerson, options: EvaluateOptions): Decision {
  const asOfDay = toDayNumber(options.asOf)!;
  const ctx: FactContext = { person, asOf: options.asOf, asOfDay, codeLists: ruleSet.codeLists };
  return run(ruleSet, personEnv(ruleSet, ctx), options);
}

/**
 * Evaluates plain fact values instead of a person: `{ "age": 80, "regularMedications": 12 }`.
 * A fact that is absent (or `undefined`) is unknown. Values must be JSON (no BigInt, NaN, Infinity,
 * functions or class instances) and within `LIMITS`; otherwise an `InvalidOptions` error names the path. A fact with params may be given as `name:{"months":12}` or, when
 * the rule set uses one variant only, by its bare name. Used by test vectors and the differential test.
 */
export function evaluateFacts(
  ruleSet: CompiledRuleSet,
  facts: Readonly<Record<string, unknown>>,
  options: EvaluateOptions,
): E.Either<EvaluationError, Decision> {
  const bad = checkOptions(ruleSet, options);
  if (bad) return E.left(bad);
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts))
    return E.left(invalidOptions([makeIssue('invalid_type', ['facts'], options.lang ?? 'nb', { expected: 'object' })]));
  // Fact values land in the trace, which hosts serialise: bound them like any other untrusted input,
  // and refuse what JSON cannot hold so that a decision always serialises.
  const shape = checkInputShape(facts, options.lang ?? 'nb', ['facts'], { jsonOnly: true });
  if (shape) return E.left(invalidOptions([shape]));
  const asOfDay = toDayNumber(options.asOf)!;
  return E.right(run(ruleSet, rawEnv(ruleSet, facts, options.asOf, asOfDay), options));
}

function run(ruleSet: CompiledRuleSet, env: EvalEnv, options: EvaluateOptions): Decision {
  const lang = options.lang ?? 'nb';
  const mode = options.trace ?? 'full';
  const outcomes: RuleOutcome[] = [];
  const findings: Finding[] = [];
  const prompts: Prompt[] = [];
  const dataNeeded: DataNeeded[] = [];
  const traces: RuleTrace[] = [];
  const reasons: ScoreReason[] = [];
  let points = 0;
  const firedComponents = new Set<string>();
  const unknownMax = new Map<string, number>();

  for (const r of ruleSet.rules) {
    let o: Tri;
    let trace: RuleTrace | undefined;
    if (mode === 'none') {
      o = r.fast(env);
      // The missing facts are only needed for unknown rules; trace those alone.
      if (o === U) {
        const [, t] = r.traced(env, 'redacted');
        trace = { ruleId: r.rule.id, outcome: 'unknown', conditions: t };
      }
    } else {
      const [v, t] = r.traced(env, mode);
      o = v;
      trace = { ruleId: r.rule.id, outcome: toTruth(v), conditions: t };
      traces.push(trace);
    }
    const rule = r.rule;
    outcomes.push({ ruleId: rule.id, outcome: toTruth(o) });
    if (o === T) {
      findings.push({ ruleId: rule.id, type: rule.event.type, params: rule.event.params ?? {} });
      if (r.points !== undefined) {
        points += r.points;
        firedComponents.add(r.component);
        reasons.push({ ruleId: rule.id, points: r.points, text: rule.text[lang] });
      } else {
        prompts.push({ ruleId: rule.id, severity: rule.severity, title: rule.title[lang], text: rule.text[lang], evidence: rule.evidence, source: rule.source });
      }
    } else if (o === U) {
      if (r.points !== undefined) unknownMax.set(r.component, Math.max(unknownMax.get(r.component) ?? 0, r.points));
      const names = [...missingFacts(trace!.conditions)].sort();
      const missing = names.map((fact) => ({ fact, label: ruleSetFactLabel(ruleSet, fact, lang) }));
      dataNeeded.push({
        ruleId: rule.id,
        severity: rule.severity,
        title: rule.title[lang],
        text: `${DATA_NEEDED[lang]}: ${missing.map((m) => m.label).join(', ')}.`,
        missing,
      });
    }
  }

  let score: Score | undefined;
  if (ruleSet.tiers) {
    let maxPoints = points;
    for (const [comp, p] of unknownMax) if (!firedComponents.has(comp)) maxPoints += p;
    const tierOf = (pts: number) => ruleSet.tiers!.find((t) => pts >= t.minPoints)?.tier ?? 'low';
    score = {
      points,
      maxPoints,
      tier: tierOf(points),
      tierIfComplete: tierOf(maxPoints),
      highCutOff: ruleSet.tiers.find((t) => t.tier === 'high')?.minPoints,
      reasons,
    };
  }

  return {
    ruleSet: { id: ruleSet.id, version: ruleSet.version, contentHash: ruleSet.contentHash },
    asOf: options.asOf,
    lang,
    outcomes,
    findings,
    prompts,
    dataNeeded,
    ...(score ? { score } : {}),
    ...(mode !== 'none' ? { trace: traces } : {}),
  };
}

const DATA_NEEDED: Record<Lang, string> = { nb: 'Mangler data', nn: 'Manglar data', en: 'Data needed' };

function ruleSetFactLabel(ruleSet: CompiledRuleSet, fact: string, lang: Lang): string {
  const slot = ruleSet.slots.find((s) => s.name === fact);
  return slot?.def?.label[lang] ?? fact;
}
