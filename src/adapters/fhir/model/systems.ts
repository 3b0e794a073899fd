/*
 * Code systems and identifier systems the FHIR adapters read and write.
 *
 * Norwegian systems arrive under more than one identifier (a Volven OID and an HL7 URL), and every
 * accepted form is listed. The systems under `LIBRARY_SYSTEM` are the library's own: HL7 Norway
 * (no-basis) has no profile or code system for care teams, plans, IPLOS or PSFS, so these codes are
 * defined here and documented; a host maps them to its own terminology where it has one.
 */

/** Accepted identifiers of ICPC-2: the Volven OID and HL7's URL. */
export const ICPC2_SYSTEMS = ['urn:oid:2.16.578.1.12.4.1.1.7170', 'http://hl7.org/fhir/sid/icpc-2'] as const;
/** Accepted identifiers of ICD-10: the Volven OID and HL7's URL. */
export const ICD10_SYSTEMS = ['urn:oid:2.16.578.1.12.4.1.1.7110', 'http://hl7.org/fhir/sid/icd-10'] as const;
/** ATC (WHO Collaborating Centre). */
export const ATC_SYSTEM = 'http://www.whocc.no/atc';
/** Fødselsnummer (no-basis NamingSystem). */
export const FNR_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.1';
/** D-nummer (no-basis NamingSystem). */
export const DNR_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.2';
/** HPR-nummer (health personnel register), for practitioners. */
export const HPR_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.4';
/** Kommunenummer (Volven 3402). */
export const MUNICIPALITY_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.1.3402';
/** The no-basis extension that carries a municipality code on `Address.district`. */
export const MUNICIPALITY_EXTENSION = 'http://hl7.no/fhir/StructureDefinition/no-basis-municipalitycode';

/** HL7 terminology used in output. */
export const HL7 = {
  riskProbability: 'http://terminology.hl7.org/CodeSystem/risk-probability',
  flagCategory: 'http://terminology.hl7.org/CodeSystem/flag-category',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  consentCategoryLoinc: 'http://loinc.org',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  actPriority: 'http://terminology.hl7.org/CodeSystem/v3-ActPriority',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  goalAchievement: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
  ucum: 'http://unitsofmeasure.org',
  uri: 'urn:ietf:rfc:3986',
} as const;

/** Prefix of the library's own code systems (a URN, so it claims no web domain). */
export const LIBRARY_SYSTEM = 'urn:oppfolgingsteam:codesystem:';

/** The library's own code systems, by purpose. */
export const LIB = {
  /** Roles in a CareTeam: coordinator, child coordinator, GP, the person, a member. */
  careTeamRole: `${LIBRARY_SYSTEM}care-team-role`,
  /** Levels of service: municipal, specialist, state, private. */
  serviceLevel: `${LIBRARY_SYSTEM}service-level`,
  /** Services and sectors (the person model's `ServiceKind`). */
  serviceKind: `${LIBRARY_SYSTEM}service-kind`,
  /** Encounter kinds (the person model's `EncounterType`). */
  encounterType: `${LIBRARY_SYSTEM}encounter-type`,
  /** IPLOS variables; the code is the variable's name as the host records it. */
  iplosVariable: `${LIBRARY_SYSTEM}iplos-variable`,
  /** Function measures (PSFS) and their components. */
  functionMeasure: `${LIBRARY_SYSTEM}function-measure`,
  /** Task kinds: assess the need for a team, evaluate the plan. */
  taskCode: `${LIBRARY_SYSTEM}task`,
  /** Goal categories: what matters to the person, plan goal. */
  goalCategory: `${LIBRARY_SYSTEM}goal-category`,
  /** Plan kinds: follow-up plan or individual plan. */
  planKind: `${LIBRARY_SYSTEM}plan-kind`,
  /** Business ids of plan goals (Identifier.system; the value is the goal's id in the plan). */
  planItem: `${LIBRARY_SYSTEM}plan-item`,
  /** Consent scopes of the person model. */
  consentScope: `${LIBRARY_SYSTEM}consent-scope`,
  /** CareTeam category: follow-up team. */
  careTeamCategory: `${LIBRARY_SYSTEM}care-team-category`,
  /** CDS Hooks override reasons in Norwegian. */
  overrideReason: `${LIBRARY_SYSTEM}override-reason`,
  /** RiskAssessment outcome and card topics about a score. */
  outcome: `${LIBRARY_SYSTEM}outcome`,
} as const;

/** Prefix of the library's own extensions (person-model fields FHIR R4 has no element for). */
export const LIBRARY_EXTENSION = 'urn:oppfolgingsteam:extension:';

/** The library's extensions, by field. Each carries one `valueString`, `valueBoolean` or `valueCode`. */
export const EXT = {
  consentPurpose: `${LIBRARY_EXTENSION}consent-purpose`,
  informationCategory: `${LIBRARY_EXTENSION}information-category`,
  informedWithdrawable: `${LIBRARY_EXTENSION}informed-withdrawable`,
  childHeard: `${LIBRARY_EXTENSION}child-heard`,
  recordedInJournal: `${LIBRARY_EXTENSION}recorded-in-journal`,
  hasMandate: `${LIBRARY_EXTENSION}has-mandate`,
  planOwner: `${LIBRARY_EXTENSION}plan-owner`,
  planParticipant: `${LIBRARY_EXTENSION}plan-participant`,
  contributions: `${LIBRARY_EXTENSION}contributions`,
  cooperationWithOtherAgencies: `${LIBRARY_EXTENSION}cooperation-with-other-agencies`,
  languageNeedsAddressed: `${LIBRARY_EXTENSION}language-needs-addressed`,
  parentGoal: `${LIBRARY_EXTENSION}parent-goal`,
  measureId: `${LIBRARY_EXTENSION}measure-id`,
  extent: `${LIBRARY_EXTENSION}extent`,
  howCarriedOut: `${LIBRARY_EXTENSION}how-carried-out`,
} as const;

/** The code system that names the rules of one rule set (codes are rule ids; `Coding.version` is the rule-set version). */
export function ruleSystem(ruleSetId: string): string {
  return `${LIBRARY_SYSTEM}rule-set:${ruleSetId}`;
}

/** The code system of rule-set ids. */
export const RULE_SET_SYSTEM = `${LIBRARY_SYSTEM}rule-set`;
