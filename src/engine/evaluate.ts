import * as E from '../util/either.js';
import { factContext, newMemo } from '../facts/context.js';
import type { EvaluationError, InvalidPersonError } from '../model/errors.js';
import { invalidOptions, invalidPerson } from '../model/errors.js';
import { checkInputShape, readInput } from '../model/inputShape.js';
import { fromZodIssues, makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import { compileFastParse } from '../model/fastParse.js';
import { Person } from '../model/person.js';
import { dateProblem, toDayNumber } from '../util/dates.js';
import type { TraceMode } from './closures.js';
import type { CompiledRuleSet } from './compiled.js';
import type { Decision } from './decision.js';
import { personEnv, rawEnv } from './env.js';
import { runDecision, runScreen } from './run.js';
import type { Screen } from './run.js';

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
  /**
   * `false` builds every trace for this call instead of sharing it with earlier decisions that read
   * the same fact values (src/engine/traceSharing.ts). The decision is the same either way; sharing
   * only makes traced evaluations faster. Default `true`.
   */
  readonly shareTraces?: boolean;
  /**
   * `false` validates the person with zod alone, without the fast accept path
   * (src/model/fastParse.ts). The result is the same either way. Default `true`.
   */
  readonly fastParse?: boolean;
}

/** Options of {@link parsePerson}. */
export interface ParseOptions {
  /** `false` validates with zod alone, without the fast accept path. Default `true`. */
  readonly fastParse?: boolean;
}

declare const parsed: unique symbol;
/** A person that has passed validation. Only {@link parsePerson} makes one. */
export type ParsedPerson = Person & { readonly [parsed]: true };

/**
 * The fast accept path for persons, compiled from the schema at first use and kept for the process
 * (one function; docs/architecture.md); `null` when the installed zod's schema kinds are not all
 * known to it.
 */
let fastPersonParser: ((input: unknown) => unknown) | null | undefined;

/**
 * Validates a person record. Errors name each path and what was expected, in `lang`; they never
 * carry a value from the record. Input beyond `LIMITS` (nesting, size, string length) is
 * refused before validation with a `too_deep`, `too_big` or `key_too_long` issue.
 */
export function parsePerson(input: unknown, lang: Lang = 'nb', options: ParseOptions = {}): E.Either<InvalidPersonError, ParsedPerson> {
  const fast = options.fastParse !== false;
  try {
    return parseOnce(input, lang, fast);
  } catch {
    // A getter or proxy trap of the host's object threw while it was read. Read it once more, into
    // plain data, catching each read: that names the path that threw, or gives a copy that no
    // longer has getters to validate instead. Both parsers build new objects, so nothing reads the
    // host's object after this.
    const copy = readInput(input, lang);
    if ('issue' in copy) return E.left(invalidPerson([copy.issue]));
    return parseOnce(copy.value, lang, fast);
  }
}

/**
 * One of two paths. The fast accept path returns zod's output for a record it is sure of, checking
 * the input limits as it goes (src/model/fastParse.ts); it never words an issue. Anything it is not
 * sure of, and everything when it is off, goes to the normal parser: the input limits
 * (`checkInputShape`: nesting, size, string length, before zod walks anything), then zod, which
 * alone describe what is wrong.
 */
function parseOnce(input: unknown, lang: Lang, fast: boolean): E.Either<InvalidPersonError, ParsedPerson> {
  if (fast) {
    fastPersonParser ??= compileFastParse(Person) ?? null;
    const out = fastPersonParser === null ? undefined : fastPersonParser(input);
    if (out !== undefined) return E.right(out as ParsedPerson);
  }
  return parseNormally(input, lang);
}

/** The normal parser: the input limits, then the schema. */
function parseNormally(input: unknown, lang: Lang): E.Either<InvalidPersonError, ParsedPerson> {
  const shape = checkInputShape(input, lang);
  if (shape) return E.left(invalidPerson([shape]));
  const r = Person.safeParse(input, { reportInput: true });
  if (!r.success) return E.left(invalidPerson(fromZodIssues(r.error.issues, lang)));
  return E.right(r.data as ParsedPerson);
}

/** Checks the options themselves: `asOf`, `lang`, `trace`. */
function checkBaseOptions(options: EvaluateOptions): EvaluationError | undefined {
  if (typeof options !== 'object' || options === null) return invalidOptions([makeIssue('missing', ['asOf'], 'nb')]);
  const lang = options.lang ?? 'nb';
  if (options.lang !== undefined && !['nb', 'nn', 'en'].includes(options.lang))
    return invalidOptions([makeIssue('invalid_value', ['lang'], 'nb', { allowed: ['"nb"', '"nn"', '"en"'] })]);
  const bad = dateProblem(options.asOf);
  if (bad) return invalidOptions([makeIssue(options.asOf === undefined ? 'missing' : bad, ['asOf'], lang)]);
  if (options.trace !== undefined && !['full', 'redacted', 'none'].includes(options.trace))
    return invalidOptions([makeIssue('invalid_value', ['trace'], lang, { allowed: ['"full"', '"redacted"', '"none"'] })]);
  for (const k of ['shareTraces', 'fastParse'] as const)
    if (options[k] !== undefined && typeof options[k] !== 'boolean')
      return invalidOptions([makeIssue('invalid_type', [k], lang, { expected: 'boolean' })]);
  return undefined;
}

/** For options {@link checkBaseOptions} accepted: `asOf` falls in the rule set's validity period. */
function checkValidity(ruleSet: CompiledRuleSet, options: EvaluateOptions): EvaluationError | undefined {
  if (options.asOf < ruleSet.validFrom || (ruleSet.validTo !== undefined && options.asOf > ruleSet.validTo))
    return invalidOptions([
      makeIssue('not_valid_now', ['asOf'], options.lang ?? 'nb', {
        asOf: options.asOf,
        from: ruleSet.validFrom,
        to: ruleSet.validTo ?? '…',
      }),
    ]);
  return undefined;
}

function checkOptions(ruleSet: CompiledRuleSet, options: EvaluateOptions): EvaluationError | undefined {
  return checkBaseOptions(options) ?? checkValidity(ruleSet, options);
}

/**
 * Evaluates a person against a compiled rule set. Validates the person first; returns a typed error
 * or a {@link Decision}. Pure: the same person, rule set and `asOf` give the same decision.
 *
 * @example
 * ```ts
 * import { evaluate, loadBundledRuleSet } from 'oppfolgingsteam';
 *
 * const ruleSet = loadBundledRuleSet('identification');
 * if (ruleSet._tag === 'Left') throw new Error('rule set invalid');
 * const r = evaluate(ruleSet.right, { birthDate: '1951-03-02' }, { asOf: '2026-11-23', lang: 'en' });
 * if (r._tag === 'Left') for (const i of r.left.issues) console.log(i.path, i.message);
 * else for (const p of r.right.prompts) console.log(p.severity, p.title);
 * ```
 */
export function evaluate(ruleSet: CompiledRuleSet, person: unknown, options: EvaluateOptions): E.Either<EvaluationError, Decision> {
  const bad = checkOptions(ruleSet, options);
  if (bad) return E.left(bad);
  const p = parsePerson(person, options.lang ?? 'nb', options);
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
  return runDecision(
    ruleSet,
    personEnv(ruleSet, ctx),
    options.asOf,
    options.lang ?? 'nb',
    options.trace ?? 'full',
    options.shareTraces !== false,
  );
}

/**
 * Evaluates a person against several rule sets at once: what a GP system does when a chart opens.
 * Validates the person once, checks the options against every rule set, and returns one
 * {@link Decision} per rule set, in the order given, each identical to what {@link evaluate} gives
 * for that rule set alone. The rule sets share the work behind many facts: the active diagnoses and
 * their code-list matches, the age and the encounter table are computed once per call.
 *
 * @example
 * ```ts
 * import { bundledRuleSetIds, evaluateAll, loadBundledRuleSet } from 'oppfolgingsteam';
 *
 * const ruleSets = bundledRuleSetIds().map((id) => {
 *   const r = loadBundledRuleSet(id);
 *   if (r._tag === 'Left') throw new Error(`rule set ${id} invalid`);
 *   return r.right;
 * });
 * const decisions = evaluateAll(ruleSets, person, { asOf: '2026-11-23' });
 * if (decisions._tag === 'Right') for (const d of decisions.right) console.log(d.ruleSet.id, d.prompts.length);
 * ```
 */
export function evaluateAll(
  ruleSets: readonly CompiledRuleSet[],
  person: unknown,
  options: EvaluateOptions,
): E.Either<EvaluationError, Decision[]> {
  const badOptions = checkBaseOptions(options);
  if (badOptions) return E.left(badOptions);
  const lang = options.lang ?? 'nb';
  if (!Array.isArray(ruleSets)) return E.left(invalidOptions([makeIssue('invalid_type', ['ruleSets'], lang, { expected: 'array' })]));
  for (const [i, rs] of ruleSets.entries()) {
    if (typeof rs !== 'object' || rs === null || !Array.isArray((rs as Partial<CompiledRuleSet>).rules))
      return E.left(invalidOptions([makeIssue('invalid_type', ['ruleSets', i], lang, { expected: 'CompiledRuleSet' })]));
    const bad = checkValidity(rs, options);
    if (bad) return E.left(bad);
  }
  const p = parsePerson(person, lang, options);
  if (E.isLeft(p)) return p;
  const asOfDay = toDayNumber(options.asOf)!;
  const memo = newMemo();
  const share = options.shareTraces !== false;
  return E.right(
    ruleSets.map((rs) =>
      runDecision(
        rs,
        personEnv(rs, factContext(p.right, options.asOf, asOfDay, rs.codeLists, memo)),
        options.asOf,
        lang,
        options.trace ?? 'full',
        share,
      ),
    ),
  );
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
  // Fact values land in the trace, which hosts serialise: bound them like any other untrusted input,
  // and refuse what JSON cannot hold so that a decision always serialises. They are read once, into
  // a copy the evaluation then reads, so a host's getter cannot throw (or change its answer) later.
  const read = readInput(facts, options.lang ?? 'nb', ['facts'], { jsonOnly: true });
  if ('issue' in read) return E.left(invalidOptions([read.issue]));
  if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value))
    return E.left(invalidOptions([makeIssue('invalid_type', ['facts'], options.lang ?? 'nb', { expected: 'object' })]));
  const asOfDay = toDayNumber(options.asOf)!;
  return E.right(
    runDecision(
      ruleSet,
      rawEnv(ruleSet, read.value as Record<string, unknown>, options.asOf, asOfDay),
      options.asOf,
      options.lang ?? 'nb',
      options.trace ?? 'full',
      options.shareTraces !== false,
    ),
  );
}

/**
 * What population mode needs from one person, without building a {@link Decision}: each rule's
 * outcome (in `ruleSet.rules` order) and the score computed exactly as {@link evaluateParsed} does.
 * Options are assumed valid. Population mode screens everyone with this and builds full decisions
 * (with trace and explanations) only for the persons it lists.
 *
 * @internal
 */
export function screenParsed(ruleSet: CompiledRuleSet, person: ParsedPerson, asOf: string, asOfDay: number): Screen {
  const ctx = factContext(person, asOf, asOfDay, ruleSet.codeLists);
  return runScreen(ruleSet, personEnv(ruleSet, ctx));
}

/**
 * {@link screenParsed} on plain fact values (as {@link evaluateFacts} takes them, unchecked): the
 * compiled rules and the score alone, without input checks or a {@link Decision}. The benchmark uses
 * it to time the engine core against json-rules-engine's `Engine.run` on the same facts.
 *
 * @internal
 */
export function screenFacts(ruleSet: CompiledRuleSet, facts: Readonly<Record<string, unknown>>, asOf: string, asOfDay: number): Screen {
  return runScreen(ruleSet, rawEnv(ruleSet, facts, asOf, asOfDay));
}
