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

// Policy-staff tools: source locations, conditions in prose, coverage, change and impact (issue 6)
export { locateJsonPath } from './util/jsonScan.js';
export type { PathLocation, SourcePosition } from './util/jsonScan.js';
export { conditionProse, leafProse, proseContext } from './policy/prose.js';
export type { ProseContext, ProseNode } from './policy/prose.js';
export { createCoverage, coverageNodes } from './policy/coverage.js';
export type { CoverageCollector, CoverageEntry, CoverageNode } from './policy/coverage.js';
export { compareRuleSets, compareCodeLists } from './policy/changes.js';
export type { ChangeStatus, RuleSetChanges, RuleChange, ParameterChange, NamedConditionChange, CodeListChanges } from './policy/changes.js';
export { createImpact, computeImpact, isValidOn } from './policy/impact.js';
export type { ImpactPair, ImpactOptions, ImpactCollector, ImpactReport, RuleImpact, TierImpact, OutcomeTransition, OutcomeName, InvalidPersonRef } from './policy/impact.js';

// Framework rule sets and their facts (issue 3)
export {
  Assessment,
  BaselineAlternative,
  Transition,
  Referral,
  OtherPlan,
  SharingObjection,
  ServiceRequest,
  TeamClosure,
  ClosureReason,
} from './model/person.js';
export { summariseFollowUp } from './explain/followUpSummary.js';
export type { FollowUpSummary, FollowUpSummaryOptions, ServiceUseWindow, AimSummary, PilotAim } from './explain/followUpSummary.js';

// Pathway machine (issue 4): exported from `oppfolgingsteam/pathway` (src/pathway/index.ts), so
// hosts that only evaluate rules need not install xstate.

// CDS Hooks and FHIR adapters (issue 5)

// Population mode and synthetic cohorts (issue 7)
