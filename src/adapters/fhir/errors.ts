import type { FhirIssue } from './issueMessages.js';

/** A FHIR Bundle or CDS Hooks prefetch could not be turned into a person (no single Patient, mixed patients, invalid values). */
export interface InvalidFhirInputError {
  readonly _tag: 'InvalidFhirInput';
  readonly issues: readonly FhirIssue[];
}

/** Creates an {@link InvalidFhirInputError}. */
export const invalidFhirInput = (issues: readonly FhirIssue[]): InvalidFhirInputError => ({ _tag: 'InvalidFhirInput', issues });
