import * as E from '../../util/either.js';
import * as z from 'zod';
import type { InvalidCdsHooksError } from './errors.js';
import { invalidCdsHooks } from './errors.js';
import type { Lang } from '../../model/lang.js';
import type { CardOptions } from './cards.js';
import { CdsExtension } from './schema.js';
import { cdsIssues } from './issues.js';
import { cdsHooksIssue } from './issueMessages.js';
import { readInput } from '../../model/inputShape.js';

/*
 * A CDS Hooks 2.0 request for the `patient-view` hook, accepted as input: the hook, its instance,
 * the context (user and patient) and the prefetched FHIR data. The library never calls the FHIR
 * server itself; the host supplies the prefetch. The access token, when present, is validated for
 * shape only and never appears in any message.
 */

/** The `patient-view` context. */
export const PatientViewContext = z.strictObject({
  // A literal pattern, not one built at run time: no regex is ever made from a string.
  userId: z.string().regex(/^(Practitioner|PractitionerRole|Patient|RelatedPerson)\/[A-Za-z0-9\-.]{1,64}$/),
  patientId: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
  encounterId: z
    .string()
    .regex(/^[A-Za-z0-9\-.]{1,64}$/)
    .optional(),
});
/** A `patient-view` context. */
export type PatientViewContext = z.infer<typeof PatientViewContext>;

/** A CDS Hooks 2.0 request for `patient-view`. */
export const CdsHooksRequest = z.strictObject({
  hook: z.literal('patient-view'),
  hookInstance: z.guid(),
  fhirServer: z.url().optional(),
  fhirAuthorization: z
    .looseObject({
      access_token: z.string().min(1),
      token_type: z.literal('Bearer'),
      expires_in: z.number().int(),
      scope: z.string().min(1),
      subject: z.string().min(1),
      patient: z.string().optional(),
    })
    .optional(),
  context: PatientViewContext,
  /** Keys of the service's prefetch templates; each value a FHIR resource, a Bundle, or null when not fetched. */
  prefetch: z.record(z.string(), z.union([z.looseObject({ resourceType: z.string().min(1) }), z.null()])).optional(),
  extension: CdsExtension.optional(),
});
/** A CDS Hooks request. */
export type CdsHooksRequest = z.infer<typeof CdsHooksRequest>;

/** The context fields that hold a bare FHIR id. */
const BARE_IDS: ReadonlySet<string> = new Set(['context.patientId', 'context.encounterId']);

/** Validates a CDS Hooks `patient-view` request. Errors name the path, never the value. */
export function parseCdsHooksRequest(input: unknown, lang: Lang = 'nb'): E.Either<InvalidCdsHooksError, CdsHooksRequest> {
  // Before zod: bounded depth and size, and JSON only, since `prefetch` resources pass through as they are.
  // Read once into plain data: the prefetch resources pass through, so no getter of the host's may reach them.
  const read = readInput(input, lang, [], { jsonOnly: true });
  if ('issue' in read) return E.left(invalidCdsHooks('request', [read.issue]));
  const r = CdsHooksRequest.safeParse(read.value);
  if (r.success) return E.right(r.data);
  // An id in the wrong form says which form is expected: a bare id, not `Patient/123` (a common slip).
  const issues = cdsIssues(undefined, r.error.issues, lang).map((i) =>
    i.code === 'invalid_format' && BARE_IDS.has(i.path) ? cdsHooksIssue('cds_bare_id', i.segments, lang) : i,
  );
  return E.left(invalidCdsHooks('request', issues));
}

/** The card options a request implies: hook instance, patient reference and user. */
export function cardOptionsFromRequest(request: CdsHooksRequest): Pick<CardOptions, 'hookInstance' | 'patient' | 'user'> {
  return { hookInstance: request.hookInstance, patient: `Patient/${request.context.patientId}`, user: request.context.userId };
}
