import { LIB } from './systems.js';

/*
 * The CDS Hooks prefetch templates of the `patient-view` service, and which person lists each
 * answers. The discovery object advertises the templates; the FHIR input adapter uses the same
 * table to know that an empty search result means "known to be none" rather than "unknown".
 */

/** Person lists that a FHIR search can answer completely. */
export type PersonListKind = 'diagnoses' | 'encounters' | 'medications' | 'iplos' | 'functionMeasures' | 'consents' | 'whatMatters';

/** Every list kind, in a fixed order. */
export const PERSON_LIST_KINDS: readonly PersonListKind[] = [
  'diagnoses',
  'encounters',
  'medications',
  'iplos',
  'functionMeasures',
  'consents',
  'whatMatters',
];

/** One prefetch template: the FHIR query (CDS Hooks 2.0 tokens) and the lists its result completes. */
export interface PrefetchTemplate {
  readonly query: string;
  readonly completes: readonly PersonListKind[];
}

/** The prefetch templates, by key. */
export const PREFETCH_TEMPLATES: Readonly<Record<string, PrefetchTemplate>> = {
  patient: { query: 'Patient/{{context.patientId}}', completes: [] },
  conditions: { query: 'Condition?patient={{context.patientId}}', completes: ['diagnoses'] },
  encounters: { query: 'Encounter?patient={{context.patientId}}', completes: ['encounters'] },
  medications: {
    query: 'MedicationStatement?patient={{context.patientId}}&_include=MedicationStatement:medication',
    completes: ['medications'],
  },
  observations: {
    query: `Observation?patient={{context.patientId}}&code=${LIB.iplosVariable}|,${LIB.functionMeasure}|PSFS`,
    completes: ['iplos', 'functionMeasures'],
  },
  consents: { query: 'Consent?patient={{context.patientId}}', completes: ['consents'] },
  goals: { query: 'Goal?patient={{context.patientId}}', completes: ['whatMatters'] },
  careTeams: { query: 'CareTeam?patient={{context.patientId}}&status=proposed,active', completes: [] },
  carePlans: { query: 'CarePlan?patient={{context.patientId}}&_include=CarePlan:goal&_include=CarePlan:activity-reference', completes: [] },
};
