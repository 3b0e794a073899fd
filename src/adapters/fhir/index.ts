/**
 * `oppfolgingsteam/fhir`: FHIR R4 in and out. In: a Bundle or a CDS Hooks prefetch becomes a person
 * in the library's model, with what was not read listed, never dropped silently. Out: a decision or
 * a person becomes RiskAssessment, Flag, CareTeam, CarePlan, Task and Consent resources, and the
 * code systems they use.
 *
 * Left out: the texts the resources are written with, HL7's own terminology addresses and the
 * helpers that build codings and extensions (internal); CDS Hooks cards and prefetch templates are
 * at `oppfolgingsteam/cds-hooks`.
 *
 * @packageDocumentation
 */

// In: FHIR to a person
export { personFromBundle, personFromPrefetch } from './in/toPerson.js';
export type { FhirToPersonOptions, FhirPerson } from './in/toPerson.js';
export { parseSnomedMap, isSnomedMap, SnomedMapFile, SNOMED_SYSTEM, SNOMED_MAP_FORMAT } from './in/snomedMap.js';
export type { SnomedMap, SnomedMapIssue, SnomedMapOptions, InvalidSnomedMapError } from './in/snomedMap.js';
export { PERSON_LIST_KINDS } from './model/prefetch.js';
export type { PersonListKind } from './model/prefetch.js';

// Out: a decision or a person to FHIR resources
export { toRiskAssessment } from './out/riskAssessment.js';
export type { RiskAssessmentOptions } from './out/riskAssessment.js';
export { toFlags } from './out/flag.js';
export type { FlagOptions } from './out/flag.js';
export { toCareTeam } from './out/careTeam.js';
export type { CareTeamOptions } from './out/careTeam.js';
export { toFollowUpPlan } from './out/carePlan.js';
export type { FollowUpPlanOptions } from './out/carePlan.js';
export { toEvaluationTasks } from './out/task.js';
export type { EvaluationTaskOptions } from './out/task.js';
export { toConsents, CONSENT_POLICY } from './out/consent.js';
export type { FhirOutputOptions } from './out/common.js';

// The resources and data types written, as schemas (each also a type)
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
} from './model/resources.js';
export {
  Coding as FhirCoding,
  CodeableConcept as FhirCodeableConcept,
  Reference as FhirReference,
  Identifier as FhirIdentifier,
} from './model/datatypes.js';

// Code systems read and written, and the displays of the library's own codes
export {
  ICPC2_SYSTEMS,
  ICD10_SYSTEMS,
  ATC_SYSTEM,
  FNR_SYSTEM,
  DNR_SYSTEM,
  HPR_SYSTEM,
  MUNICIPALITY_SYSTEM,
  MUNICIPALITY_EXTENSION,
  LIB as LIBRARY_CODE_SYSTEMS,
  LIBRARY_SYSTEM,
  RULE_SET_SYSTEM,
  ruleSystem,
} from './model/systems.js';
export { CODE_DISPLAYS } from './model/codings.js';

// Errors and their messages (pass FHIR_ISSUE_MESSAGES to localizeIssue to re-render a stored issue)
export type { InvalidFhirInputError, InvalidFhirOutputError } from './errors.js';
export { FHIR_ISSUE_MESSAGES } from './issueMessages.js';
export type { FhirIssueCode } from './issueMessages.js';
