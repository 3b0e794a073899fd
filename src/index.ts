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
  BirthDate,
  PathwayStage,
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
export { evaluate, evaluateAll, evaluateParsed, evaluateFacts, parsePerson } from './engine/evaluate.js';
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
export { scoreSummaryText, scoreMissingText, tierUncertain } from './explain/score.js';
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
export { toCards, summaryOf } from './adapters/cdsHooks/cards.js';
export type { CardOptions } from './adapters/cdsHooks/cards.js';
export { CardOrigin } from './adapters/cdsHooks/origin.js';
export { CdsHooksResponse, CdsCard, CdsSuggestion, CdsAction, CdsLink, CdsSource, CdsCoding } from './adapters/cdsHooks/schema.js';
export { cdsResponse, validateCdsResponse } from './adapters/cdsHooks/response.js';
export { CdsHooksRequest, PatientViewContext, parseCdsHooksRequest, cardOptionsFromRequest } from './adapters/cdsHooks/request.js';
export { CdsService, CdsDiscovery, patientViewService, cdsDiscovery } from './adapters/cdsHooks/discovery.js';
export type { ServiceOptions } from './adapters/cdsHooks/discovery.js';
export { CdsFeedback, CdsFeedbackItem, FeedbackRecord, ingestFeedback } from './adapters/cdsHooks/feedback.js';
export type { IssuedCards } from './adapters/cdsHooks/feedback.js';
export { resourcesToCreate } from './adapters/cdsHooks/accepted.js';
export { defaultSuggestionPolicy, SUGGESTION_KINDS } from './adapters/cdsHooks/suggestions.js';
export type { SuggestionKind, SuggestionPolicy } from './adapters/cdsHooks/suggestions.js';
export { OVERRIDE_REASONS, REASONS_BY_CARD, overrideReasons } from './adapters/cdsHooks/overrideReasons.js';
export type { OverrideReasonCode } from './adapters/cdsHooks/overrideReasons.js';
export { CDS_TEXTS } from './adapters/cdsHooks/texts.js';
export { personFromBundle, personFromPrefetch } from './adapters/fhir/in/toPerson.js';
export type { FhirToPersonOptions, FhirPerson } from './adapters/fhir/in/toPerson.js';
export { toRiskAssessment } from './adapters/fhir/out/riskAssessment.js';
export type { RiskAssessmentOptions } from './adapters/fhir/out/riskAssessment.js';
export { toFlags } from './adapters/fhir/out/flag.js';
export type { FlagOptions } from './adapters/fhir/out/flag.js';
export { toCareTeam } from './adapters/fhir/out/careTeam.js';
export type { CareTeamOptions } from './adapters/fhir/out/careTeam.js';
export { toFollowUpPlan } from './adapters/fhir/out/carePlan.js';
export type { FollowUpPlanOptions } from './adapters/fhir/out/carePlan.js';
export { toEvaluationTasks } from './adapters/fhir/out/task.js';
export type { EvaluationTaskOptions } from './adapters/fhir/out/task.js';
export { toConsents, CONSENT_POLICY } from './adapters/fhir/out/consent.js';
export type { FhirOutputOptions } from './adapters/fhir/out/common.js';
export { FHIR_TEXTS } from './adapters/fhir/out/texts.js';
export {
  RiskAssessment as FhirRiskAssessment,
  Flag as FhirFlag,
  CareTeam as FhirCareTeam,
  Goal as FhirGoal,
  Task as FhirTask,
  CarePlan as FhirCarePlan,
  Consent as FhirConsent,
  FhirOutputResource,
  TransactionBundle,
} from './model/fhir/resources.js';
export { Coding as FhirCoding, CodeableConcept as FhirCodeableConcept, Reference as FhirReference, Identifier as FhirIdentifier } from './model/fhir/datatypes.js';
export {
  ICPC2_SYSTEMS,
  ICD10_SYSTEMS,
  ATC_SYSTEM,
  FNR_SYSTEM,
  DNR_SYSTEM,
  HPR_SYSTEM,
  MUNICIPALITY_SYSTEM,
  MUNICIPALITY_EXTENSION,
  HL7 as HL7_SYSTEMS,
  LIB as LIBRARY_CODE_SYSTEMS,
  LIBRARY_SYSTEM,
  RULE_SET_SYSTEM,
  ruleSystem,
} from './model/fhir/systems.js';
export { CODE_DISPLAYS } from './model/fhir/codings.js';
export { PREFETCH_TEMPLATES, PERSON_LIST_KINDS } from './model/fhir/prefetch.js';
export type { PersonListKind, PrefetchTemplate } from './model/fhir/prefetch.js';
export { issueCodes, cdsInvariantIds } from './model/issues.js';
export type { InvalidFhirInputError, InvalidCdsHooksError } from './model/errors.js';
export { nameBasedUuid } from './util/uuid.js';

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
