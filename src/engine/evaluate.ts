import * as E from 'fp-ts/lib/Either.js';
import { factContext } from '../facts/context.js';
import type { FactContext } from '../facts/types.js';
import type { EvaluationError, InvalidPersonError } from '../model/errors.js';
import { invalidOptions, invalidPerson } from '../model/errors.js';
import { checkInputShape } from '../model/inputShape.js';
import { fromZodIssues, makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import { Person } from '../model/person.js';
import { toDayNumber } from '../util/dates.js';
import type { CompiledRuleSet, EvalEnv, TraceMode } from './compile.js';
import type { DataNeeded, Decision, Finding, Prompt, RuleOutcome, RuleSetStamp, Score, ScoreReason } from './decision.js';
import type { Tri } from './logic.js';
import { T, U, fromTruth } from './logic.js';
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
  const values: unknown[] = new Array(slots.length);
  const done = new Uint8Array(slots.length);
  return {
    asOfDay,
    get(i) {
      if (done[i] === 0) {
        const s = slots[i]!;
        let v: unknown;
        if (s.name === 'asOf') v = own('asOf') ?? asOf;
        else {
          v = own(s.key);
          if (v === undefined) v = own(s.name);
        }
        values[i] = v;
        done[i] = 1;
      }
      return values[i];
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
  const ctx = factContext(person, options.asOf, asOfDay, ruleSet.codeLists);
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

/*
 * The parts of a decision that depend only on the rule set, the rule, the outcome and the language
 * (outcome records, findings, prompts, reasons, data-needed prompts for a given set of missing facts)
 * are built once and shared, frozen, between decisions: a population evaluates the same rules
 * millions of times. A decision is readonly data, so sharing is invisible except in speed.
 */
interface RunParts {
  readonly stamp: RuleSetStamp;
  readonly highCutOff: number | undefined;
  readonly outcomes: readonly (readonly [RuleOutcome, RuleOutcome, RuleOutcome])[];
  readonly findings: readonly Finding[];
  readonly byLang: Map<Lang, LangParts>;
}
interface LangParts {
  readonly prompts: readonly Prompt[];
  readonly reasons: readonly (ScoreReason | undefined)[];
  readonly dataNeeded: Map<number | string, DataNeeded>[];
}
const partsCache = new WeakMap<CompiledRuleSet, RunParts>();

function runParts(ruleSet: CompiledRuleSet): RunParts {
  let p = partsCache.get(ruleSet);
  if (p === undefined) {
    const f = Object.freeze;
    p = {
      stamp: f({ id: ruleSet.id, version: ruleSet.version, contentHash: ruleSet.contentHash }),
      highCutOff: ruleSet.tiers?.find((t) => t.tier === 'high')?.minPoints,
      outcomes: ruleSet.rules.map(({ rule }) => [f({ ruleId: rule.id, outcome: false }), f({ ruleId: rule.id, outcome: true }), f({ ruleId: rule.id, outcome: 'unknown' as const })] as const),
      findings: ruleSet.rules.map(({ rule }) => f({ ruleId: rule.id, type: rule.event.type, params: rule.event.params ?? {} })),
      byLang: new Map(),
    };
    partsCache.set(ruleSet, p);
  }
  return p;
}

function langParts(ruleSet: CompiledRuleSet, parts: RunParts, lang: Lang): LangParts {
  let l = parts.byLang.get(lang);
  if (l === undefined) {
    const f = Object.freeze;
    l = {
      prompts: ruleSet.rules.map(({ rule }) =>
        f({ ruleId: rule.id, severity: rule.severity, title: rule.title[lang], text: rule.text[lang], evidence: rule.evidence, source: rule.source }),
      ),
      reasons: ruleSet.rules.map((r) => (r.points === undefined ? undefined : f({ ruleId: r.rule.id, points: r.points, text: r.rule.text[lang] }))),
      dataNeeded: ruleSet.rules.map(() => new Map()),
    };
    parts.byLang.set(lang, l);
  }
  return l;
}

/** The data-needed prompt of an unknown rule, shared per set of missing facts. */
function dataNeededFor(ruleSet: CompiledRuleSet, l: LangParts, index: number, env: EvalEnv, trace: RuleTrace | undefined, lang: Lang): DataNeeded {
  const r = ruleSet.rules[index]!;
  const cache = l.dataNeeded[index]!;
  // The mask names the missing facts without building anything; a rule with too many fact names for
  // a mask collects them from its trace (a redacted one when none was asked for).
  let key: number | string;
  let names: string[] | undefined;
  if (r.factNames !== undefined) key = r.missing(env);
  else {
    names = [...missingFacts((trace ?? { conditions: r.traced(env, 'redacted') }).conditions)].sort();
    key = names.join('\u0000');
  }
  let d = cache.get(key);
  if (d === undefined) {
    if (names === undefined) {
      const mask = key as number;
      names = r.factNames!.filter((_, bit) => (mask & (1 << bit)) !== 0).sort();
    }
    const missing = Object.freeze(names.map((fact) => Object.freeze({ fact, label: ruleSetFactLabel(ruleSet, fact, lang) })));
    d = Object.freeze({
      ruleId: r.rule.id,
      severity: r.rule.severity,
      title: r.rule.title[lang],
      text: `${DATA_NEEDED[lang]}: ${missing.map((m) => m.label).join(', ')}.`,
      missing,
    });
    if (cache.size < 256) cache.set(key, d); // a rule has few distinct sets of missing facts
  }
  return d;
}

function run(ruleSet: CompiledRuleSet, env: EvalEnv, options: EvaluateOptions): Decision {
  const lang = options.lang ?? 'nb';
  const mode = options.trace ?? 'full';
  const parts = runParts(ruleSet);
  const l = langParts(ruleSet, parts, lang);
  const rules = ruleSet.rules;
  const outcomes: RuleOutcome[] = [];
  const findings: Finding[] = [];
  const prompts: Prompt[] = [];
  const dataNeeded: DataNeeded[] = [];
  const traces: RuleTrace[] = [];
  const reasons: ScoreReason[] = [];
  let points = 0;
  let firedComponents: Set<string> | undefined;
  let unknownMax: Map<string, number> | undefined;

  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    let o: Tri;
    let trace: RuleTrace | undefined;
    if (mode === 'none') o = r.fast(env);
    else {
      const t = r.traced(env, mode);
      o = fromTruth(t.outcome);
      trace = { ruleId: r.rule.id, outcome: t.outcome, conditions: t };
      traces.push(trace);
    }
    outcomes.push(parts.outcomes[i]![o]);
    if (o === T) {
      findings.push(parts.findings[i]!);
      if (r.points !== undefined) {
        points += r.points;
        (firedComponents ??= new Set()).add(r.component);
        reasons.push(l.reasons[i]!);
      } else {
        prompts.push(l.prompts[i]!);
      }
    } else if (o === U) {
      if (r.points !== undefined) {
        unknownMax ??= new Map();
        unknownMax.set(r.component, Math.max(unknownMax.get(r.component) ?? 0, r.points));
      }
      dataNeeded.push(dataNeededFor(ruleSet, l, i, env, trace, lang));
    }
  }

  let score: Score | undefined;
  if (ruleSet.tiers) {
    let maxPoints = points;
    if (unknownMax) for (const [comp, p] of unknownMax) if (!firedComponents?.has(comp)) maxPoints += p;
    score = {
      points,
      maxPoints,
      tier: tierOf(ruleSet, points),
      tierIfComplete: tierOf(ruleSet, maxPoints),
      highCutOff: parts.highCutOff,
      reasons,
    };
  }

  return {
    ruleSet: parts.stamp,
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

function tierOf(ruleSet: CompiledRuleSet, points: number): Score['tier'] {
  const tiers = ruleSet.tiers!;
  for (let i = 0; i < tiers.length; i++) if (points >= tiers[i]!.minPoints) return tiers[i]!.tier;
  return 'low';
}

/**
 * What population mode needs from one person, without building a {@link Decision}: each rule's
 * outcome (in `ruleSet.rules` order) and the score computed exactly as {@link evaluateParsed} does.
 * Options are assumed valid. Population mode screens everyone with this and builds full decisions
 * (with trace and explanations) only for the persons it lists.
 *
 * @internal
 */
export function screenParsed(
  ruleSet: CompiledRuleSet,
  person: ParsedPerson,
  asOf: string,
  asOfDay: number,
): Screen {
  const ctx = factContext(person, asOf, asOfDay, ruleSet.codeLists);
  return screenEnv(ruleSet, personEnv(ruleSet, ctx));
}

/**
 * {@link screenParsed} on plain fact values (as {@link evaluateFacts} takes them, unchecked): the
 * compiled rules and the score alone, without input checks or a {@link Decision}. The benchmark uses
 * it to time the engine core against json-rules-engine's `Engine.run` on the same facts.
 *
 * @internal
 */
export function screenFacts(ruleSet: CompiledRuleSet, facts: Readonly<Record<string, unknown>>, asOf: string, asOfDay: number): Screen {
  return screenEnv(ruleSet, rawEnv(ruleSet, facts, asOf, asOfDay));
}

type Screen = { outcomes: Uint8Array; points: number; maxPoints: number; tier: Score['tier']; tierIfComplete: Score['tier'] };

function screenEnv(ruleSet: CompiledRuleSet, env: EvalEnv): Screen {
  const rules = ruleSet.rules;
  const outcomes = new Uint8Array(rules.length);
  let points = 0;
  let fired: Set<string> | undefined;
  let unknownMax: Map<string, number> | undefined;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    const o = r.fast(env);
    outcomes[i] = o;
    if (r.points === undefined) continue;
    if (o === T) {
      points += r.points;
      (fired ??= new Set()).add(r.component);
    } else if (o === U) {
      unknownMax ??= new Map();
      unknownMax.set(r.component, Math.max(unknownMax.get(r.component) ?? 0, r.points));
    }
  }
  let maxPoints = points;
  if (unknownMax) for (const [comp, p] of unknownMax) if (!fired?.has(comp)) maxPoints += p;
  const scored = ruleSet.tiers !== undefined;
  return {
    outcomes,
    points,
    maxPoints,
    tier: scored ? tierOf(ruleSet, points) : 'low',
    tierIfComplete: scored ? tierOf(ruleSet, maxPoints) : 'low',
  };
}

const DATA_NEEDED: Record<Lang, string> = { nb: 'Mangler data', nn: 'Manglar data', en: 'Data needed' };

/** Fact labels per rule set, looked up for every data-needed prompt (a population has millions). */
const labelsByRuleSet = new WeakMap<CompiledRuleSet, Map<string, string>>();

function ruleSetFactLabel(ruleSet: CompiledRuleSet, fact: string, lang: Lang): string {
  let labels = labelsByRuleSet.get(ruleSet);
  if (labels === undefined) labelsByRuleSet.set(ruleSet, (labels = new Map()));
  const key = `${lang}|${fact}`;
  let label = labels.get(key);
  if (label === undefined) {
    // The first slot with the name, as before: a fact read with several params shares one label.
    const slot = ruleSet.slots.find((s) => s.name === fact);
    label = slot?.def?.label[lang] ?? fact;
    labels.set(key, label);
  }
  return label;
}
