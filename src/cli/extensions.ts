import * as E from '../util/either.js';
import { personFromBundle } from '../adapters/fhir/in/toPerson.js';
import type { ValidationIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import { generateCohort as generate, generatePerson } from '../synthetic/cohort.js';

/*
 * The modules the commands borrow from the rest of the library: the FHIR adapter for `explain`
 * and the synthetic cohort for `diff --synthetic`. Kept in one place so a command's dependencies on
 * other parts of the library are visible at a glance.
 */

/** What a FHIR Bundle gives: a person (unvalidated input) and what was not used from the bundle. */
export interface FhirConversion {
  readonly person: unknown;
  readonly notUnderstood: readonly ValidationIssue<string>[];
}

/** Converts a FHIR R4 Bundle into a person in the library's model (as unvalidated input). */
export type FhirBundleToPerson = (
  bundle: unknown,
  options: { readonly lang: Lang },
) => E.Either<{ readonly issues: readonly ValidationIssue<string>[] }, FhirConversion>;

/** Generates a deterministic synthetic cohort. */
export type CohortGenerator = (options: { readonly seed: number; readonly size: number; readonly asOf: string }) => Iterable<unknown>;

/** The FHIR adapter's Bundle → person conversion. Used by `explain` for FHIR input. */
export const fhirBundleToPerson: FhirBundleToPerson | undefined = (bundle, { lang }) =>
  E.map((r: { person: unknown; notUnderstood: readonly ValidationIssue<string>[] }) => ({
    person: r.person,
    notUnderstood: r.notUnderstood,
  }))(personFromBundle(bundle, { lang }));

/** The synthetic cohort generator. Used by `diff --synthetic N`. */
export const generateCohort: CohortGenerator | undefined = (o) => generate(o);

/** One person of a synthetic cohort, by seed and index. Used by `explain --synthetic SEED:INDEX`, which opens `diff --synthetic` examples. */
export const syntheticPerson: ((seed: number, index: number, asOf: string) => unknown) | undefined = (seed, index, asOf) =>
  generatePerson(seed, index, asOf);
