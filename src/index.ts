/**
 * oppfolgingsteam: decision support for Helsedirektoratet's framework for structured
 * interdisciplinary follow-up teams. This file is the whole public API.
 *
 * @packageDocumentation
 */

// Person model
export {
  Person,
  IsoDate,
  Diagnosis,
  DiagnosisSystem,
  Encounter,
  EncounterType,
  Medication,
  MunicipalService,
  MunicipalServiceType,
  IplosScore,
  PsfsMeasure,
  Frailty,
  Social,
  WhatMatters,
  ServiceKind,
  Consent,
  Coordinator,
  TeamMember,
  Team,
  Goal,
  Measure,
  Plan,
  Preferences,
  Capacity,
  ServiceNeed,
} from './model/person.js';
export type { PersonInput } from './model/person.js';
export { validateNationalId, completeNationalId } from './model/nationalId.js';
export type { NationalIdKind } from './model/nationalId.js';
export { LIMITS } from './model/limits.js';

// Languages, issues and errors
export { Lang, LocalizedText } from './model/lang.js';
export { localizeIssue } from './model/issues.js';
export type { ValidationIssue, IssueCode } from './model/issues.js';
export type { InvalidPersonError, InvalidRuleSetError, InvalidOptionsError, EvaluationError } from './model/errors.js';

// Rule-file format
export { RuleSetFile, Rule, Condition, LeafCondition, RuleEvent, SourceRef, Evidence, Severity, Parameter, Scoring, CodeListFile, CodeListEntry } from './model/ruleSet.js';

// Facts
export { defineFact } from './facts/types.js';
export type { FactDefinition, FactContext, FactType } from './facts/types.js';
export { normalizeCode } from './facts/codeList.js';
export type { CodeList } from './facts/codeList.js';
export type { FactRegistry } from './facts/registry.js';
export { deriveFacts } from './facts/derive.js';

// Rule sets
export { compileRuleSet, compileCodeLists, loadBundledRuleSet, bundledRuleSetIds, bundledCodeLists, builtinFacts } from './ruleSets/load.js';
export type { RuleSetOptions } from './ruleSets/load.js';
export type { CompiledRuleSet, CompiledRule, FactSlot, TraceMode } from './engine/compile.js';

// Evaluation
export { evaluate, evaluateParsed, evaluateFacts, parsePerson } from './engine/evaluate.js';
export type { EvaluateOptions, ParsedPerson } from './engine/evaluate.js';
export type { Decision, Finding, Prompt, DataNeeded, MissingFact, Score, ScoreReason, RuleOutcome, RuleSetStamp } from './engine/decision.js';
export type { Truth } from './engine/logic.js';
export type { RuleTrace, ConditionTrace, FactTrace } from './engine/trace.js';
export { OPERATORS, OPERATOR_NAMES } from './engine/operators.js';
export type { OperatorDefinition } from './engine/operators.js';

// Test vectors
export { TestVector, TestVectorFile } from './model/vectors.js';
export { parseVectorFile, runVector, runVectors } from './engine/vectors.js';
export type { VectorResult, VectorMismatch } from './engine/vectors.js';
export { parseJsonText } from './util/parseJson.js';

// Explanations
export { explainRule, explainDecision, describeLeaf } from './explain/why.js';
export type { Explanation } from './explain/why.js';

// Adapters
export { registerOnJsonRulesEngine, toJsonRulesEngineRules, safePathResolver } from './adapters/jsonRulesEngine.js';
export type { JsonRulesEngineLike, RegisterOptions } from './adapters/jsonRulesEngine.js';

// Framework rule sets and their facts (issue 3)

// Pathway machine (issue 4)

// CDS Hooks and FHIR adapters (issue 5)

// Population mode and synthetic cohorts (issue 7)
export { stratify } from './population/stratify.js';
export { createStratifier, mergeStratifications } from './population/stratifier.js';
export type { Stratifier, StratifyOptions, ResolvedStratifyOptions, StratifyResult, StratifySummary, StratifierState, RejectedRecord } from './population/stratifier.js';
export { ranksAbove } from './population/entry.js';
export type { WorklistEntry, WorklistReason, WorklistPrompt, CutOff, RankKey } from './population/entry.js';
export { WORKLIST_CSV_HEADER, worklistCsvRow, worklistJsonLine, describeCutOff } from './population/format.js';
export { renderStratifyReport } from './population/report.js';
export { generateCohort, generatePerson } from './synthetic/cohort.js';
export type { CohortOptions } from './synthetic/cohort.js';
export { PREVALENCE_FIGURES } from './synthetic/prevalences.js';
export type { Figure, FigureKind } from './synthetic/prevalences.js';
