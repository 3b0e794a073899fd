import type { FhirIssue } from './issueMessages.js';

/** A FHIR Bundle or CDS Hooks prefetch could not be turned into a person (no single Patient, mixed patients, invalid values). */
export interface InvalidFhirInputError {
  readonly _tag: 'InvalidFhirInput';
  readonly issues: readonly FhirIssue[];
}

/**
 * A FHIR output builder was given something it cannot build from: options without a patient, a
 * person that does not validate (paths under `person`), a decision of another rule set, or a value
 * that is not a decision.
 */
export interface InvalidFhirOutputError {
  readonly _tag: 'InvalidFhirOutput';
  readonly issues: readonly FhirIssue[];
}

/** Creates an {@link InvalidFhirOutputError}. */
export const invalidFhirOutput = (issues: readonly FhirIssue[]): InvalidFhirOutputError => ({ _tag: 'InvalidFhirOutput', issues });

/** Creates an {@link InvalidFhirInputError}. */
export const invalidFhirInput = (issues: readonly FhirIssue[]): InvalidFhirInputError => ({ _tag: 'InvalidFhirInput', issues });
