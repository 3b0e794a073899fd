import * as E from '../../../util/either.js';
import type { CompiledRuleSet } from '../../../engine/compile.js';
import type { Decision } from '../../../engine/decision.js';
import { parsePerson } from '../../../engine/evaluate.js';
import type { Lang } from '../../../model/lang.js';
import { resolveLang } from '../../../model/lang.js';
import type { PersonInput } from '../../../model/person.js';
import type { InvalidFhirOutputError } from '../errors.js';
import { invalidFhirOutput } from '../errors.js';
import type { FhirIssue } from '../issueMessages.js';
import { fhirIssue } from '../issueMessages.js';

/*
 * The arguments of the FHIR output builders, checked before a resource is built: the options (which
 * patient), the person (validated like every person), or the decision and the rule set it came from.
 * What is wrong is a typed error naming the argument, never a TypeError from inside a builder.
 */

/** Reads a field of the host's object; a getter or proxy trap that throws reads as absent. */
function field(o: unknown, name: string): unknown {
  try {
    return typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[name] : undefined;
  } catch {
    return undefined;
  }
}

/** The options' own issues: an object with a non-empty `patient` reference. */
function optionIssues(options: unknown, lang: Lang): FhirIssue[] {
  if (typeof options !== 'object' || options === null) return [fhirIssue('invalid_type', ['options'], lang, { expected: '{ patient }' })];
  const patient = field(options, 'patient');
  if (typeof patient !== 'string' || patient.trim() === '')
    return [fhirIssue(patient === undefined ? 'missing' : 'invalid_type', ['options', 'patient'], lang, { expected: 'Patient/123' })];
  return [];
}

/** Runs a builder; a value that passed the checks and still does not fit (a hand-built one) is `invalid_shape` at `argument`. */
function build<T>(argument: string, lang: Lang, f: () => T): E.Either<InvalidFhirOutputError, T> {
  try {
    return E.right(f());
  } catch {
    return E.left(invalidFhirOutput([fhirIssue('invalid_shape', [argument], lang)]));
  }
}

/** A builder from a person: the person is validated as `evaluate` validates it. */
export function fromPerson<O, T>(
  person: PersonInput,
  options: O,
  f: (person: PersonInput, options: O) => T,
): E.Either<InvalidFhirOutputError, T> {
  const lang = resolveLang(field(options, 'lang'));
  const bad = optionIssues(options, lang);
  if (bad.length > 0) return E.left(invalidFhirOutput(bad));
  const parsed = parsePerson(person, lang);
  if (E.isLeft(parsed))
    return E.left(invalidFhirOutput(parsed.left.issues.map((i) => fhirIssue(i.code, ['person', ...i.segments], lang, i.detail ?? {}))));
  return build('person', lang, () => f(person, options));
}

/** A builder from a decision and the rule set it came from (id and version must match). */
export function fromDecision<O, T>(
  decision: Decision,
  ruleSet: CompiledRuleSet,
  options: O,
  f: (decision: Decision, ruleSet: CompiledRuleSet, options: O) => T,
): E.Either<InvalidFhirOutputError, T> {
  const lang = resolveLang(field(options, 'lang'));
  const bad = optionIssues(options, lang);
  if (bad.length > 0) return E.left(invalidFhirOutput(bad));
  const from = field(decision, 'ruleSet');
  if (typeof from !== 'object' || from === null || typeof field(from, 'id') !== 'string')
    return E.left(invalidFhirOutput([fhirIssue('invalid_type', ['decision'], lang, { expected: 'Decision (evaluate)' })]));
  if (field(from, 'id') !== field(ruleSet, 'id') || field(from, 'version') !== field(ruleSet, 'version'))
    return E.left(invalidFhirOutput([fhirIssue('fhir_other_rule_set', ['ruleSet'], lang)]));
  return build('decision', lang, () => f(decision, ruleSet, options));
}
