/**
 * `oppfolgingsteam`: decision support for Helsedirektoratet's framework for structured
 * interdisciplinary follow-up teams. This entry is what every host needs: the person model, the
 * rule sets (bundled and your own), evaluation, explanations, and the languages, issues and errors
 * they come with.
 *
 * Left out, each at its own entry so that a host pays only for what it uses:
 * `oppfolgingsteam/pathway` (the care pathway on xstate), `/fhir` (FHIR R4 in and out),
 * `/cds-hooks` (cards, discovery, feedback), `/json-rules-engine` (the bridge), `/policy` (tools
 * for rule authors: the rule-file format, prose, coverage, changes, impact, test vectors) and
 * `/population` (stratification, worklists, synthetic cohorts). Internal tables are not exported.
 *
 * @packageDocumentation
 */

// The person model: `Person` validates a whole record; `PersonModel` holds the schema of every part
// (`PersonModel.Diagnosis`, `PersonModel.Consent`, …), each also a type of the same name.
export { Person } from './model/person.js';
export type { PersonInput } from './model/person.js';
export * as PersonModel from './model/person.js';
export { validateNationalId } from './model/nationalId.js';
export type { NationalIdKind } from './model/nationalId.js';

// Rule sets
export { compileRuleSet, loadBundledRuleSet, bundledRuleSetIds } from './ruleSets/load.js';
export type { RuleSetOptions } from './ruleSets/load.js';
export type { CompiledRuleSet, TraceMode } from './engine/compile.js';
export { defineFact } from './facts/types.js';
export type { FactDefinition, FactContext, FactType } from './facts/types.js';

// Evaluation
export { evaluate, evaluateAll, evaluateParsed, evaluateFacts, parsePerson } from './engine/evaluate.js';
export type { EvaluateOptions, ParsedPerson } from './engine/evaluate.js';
export type {
  Decision,
  Finding,
  Prompt,
  DataNeeded,
  MissingFact,
  Score,
  ScoreReason,
  RuleOutcome,
  RuleSetStamp,
} from './engine/decision.js';
export type { Truth } from './engine/logic.js';
export type { RuleTrace, ConditionTrace, FactTrace } from './engine/trace.js';
export type { Severity, SourceRef } from './model/ruleSet.js';

// Explanations
export { explainRule, explainDecision } from './explain/why.js';
export type { ExplainOptions, Explanation } from './explain/why.js';
export { scoreSummaryText, scoreMissingText, tierUncertain } from './explain/score.js';
export { summariseFollowUp } from './explain/followUpSummary.js';
export type { FollowUpSummary, FollowUpSummaryOptions } from './explain/followUpSummary.js';

// Languages, issues, errors and limits
export { Lang, LocalizedText } from './model/lang.js';
export { localizeIssue } from './model/issues.js';
export type { ValidationIssue, IssueCode } from './model/issues.js';
export type { InvalidPersonError, InvalidRuleSetError, InvalidOptionsError, EvaluationError } from './model/errors.js';
export { LIMITS } from './model/limits.js';
