import type { Reference, Identifier } from '../model/datatypes.js';
import { HL7 } from '../model/systems.js';
import type { Lang } from '../../../model/lang.js';
import { nameBasedUuid } from '../../../util/uuid.js';

/*
 * What every FHIR output builder shares: the options that say which patient the resources are
 * about, and deterministic identifiers so the same input always yields the same resource identity
 * (a host can de-duplicate, and tests can compare).
 */

/** Options of every FHIR output builder. */
export interface FhirOutputOptions {
  /** The Patient the resources are about, as a reference: `Patient/123` or a `urn:uuid:` full URL. */
  readonly patient: string;
  /** Language of the displays and texts. Default `nb`. */
  readonly lang?: Lang;
}

/** Checks the patient reference; a missing one is programmer misuse. */
export function patientRef(options: FhirOutputOptions): Reference {
  if (typeof options?.patient !== 'string' || options.patient.trim() === '')
    throw new TypeError('options.patient must be a reference such as "Patient/123"');
  return { reference: options.patient };
}

/** A deterministic `urn:uuid:` for the parts. */
export function urnFor(parts: readonly string[]): string {
  return `urn:uuid:${nameBasedUuid(parts)}`;
}

/** A deterministic business identifier (RFC 3986 `urn:uuid:`) for the parts. */
export function identifierFor(parts: readonly string[]): Identifier {
  return { system: HL7.uri, value: urnFor(parts) };
}
