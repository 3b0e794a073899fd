import type * as E from 'fp-ts/lib/Either.js';
import type { ValidationIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';

/*
 * Plug points for modules other work streams deliver. Each is `undefined` until wired, and the
 * command that needs it then says clearly what is missing instead of failing obscurely.
 *
 * To wire one, replace `undefined` with a function of the declared type, e.g.
 *   export const fhirBundleToPerson: FhirBundleToPerson | undefined = (bundle, { lang }) => personFromBundle(bundle, { lang });
 *   export const generateCohort: CohortGenerator | undefined = (o) => generate(o);
 */

/** Converts a FHIR R4 Bundle into a person in the library's model (as unvalidated input). */
export type FhirBundleToPerson = (bundle: unknown, options: { readonly lang: Lang }) => E.Either<{ readonly issues: readonly ValidationIssue[] }, unknown>;

/** Generates a deterministic synthetic cohort (issue 7's `generateCohort`). */
export type CohortGenerator = (options: { readonly seed: number; readonly size: number; readonly asOf: string }) => Iterable<unknown>;

/** The FHIR adapter's Bundle → person conversion (issue 5). Used by `explain` for FHIR input. */
export const fhirBundleToPerson: FhirBundleToPerson | undefined = undefined;

/** The synthetic cohort generator (issue 7). Used by `diff --synthetic N`. */
export const generateCohort: CohortGenerator | undefined = undefined;
