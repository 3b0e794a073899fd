import * as E from '../../util/either.js';
import * as z from 'zod';
import { readInput } from '../../model/inputShape.js';
import type { Lang } from '../../model/lang.js';
import type { PrefetchTemplate } from '../fhir/model/prefetch.js';
import { PREFETCH_TEMPLATES } from '../fhir/model/prefetch.js';
import type { InvalidCdsHooksError } from './errors.js';
import { invalidCdsHooks } from './errors.js';
import { cdsHooksIssue } from './issueMessages.js';
import { cdsIssues } from './issues.js';
import { CdsHooksRequest } from './request.js';

/*
 * A CDS Hooks 2.0 request for the `encounter-discharge` hook: the user is discharging the patient
 * from an encounter. Its context has the encounter as well as the patient. The service reads the
 * patient, the diagnoses and the encounters: what the discharge-time risk score (parts of LACE and
 * HOSPITAL) counts. The encounter being discharged is among the encounters; send it with its
 * `period.end` (the discharge date) so its length of stay counts.
 */

/** The `encounter-discharge` context. */
export const EncounterDischargeContext = z.strictObject({
  userId: z.string().regex(/^(Practitioner|PractitionerRole)\/[A-Za-z0-9\-.]{1,64}$/),
  patientId: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
  encounterId: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
});

/** A CDS Hooks 2.0 request for `encounter-discharge`. */
export const EncounterDischargeRequest = CdsHooksRequest.extend({
  hook: z.literal('encounter-discharge'),
  context: EncounterDischargeContext,
});
/** A CDS Hooks `encounter-discharge` request. */
export type EncounterDischargeRequest = z.infer<typeof EncounterDischargeRequest>;

/** The prefetch templates of the `encounter-discharge` service: a subset of the `patient-view` ones, read the same way. */
export const DISCHARGE_PREFETCH: Readonly<Record<string, PrefetchTemplate>> = {
  patient: PREFETCH_TEMPLATES['patient']!,
  conditions: PREFETCH_TEMPLATES['conditions']!,
  encounters: PREFETCH_TEMPLATES['encounters']!,
};

const BARE_IDS: ReadonlySet<string> = new Set(['context.patientId', 'context.encounterId']);

/** Validates a CDS Hooks `encounter-discharge` request. Errors name the path, never the value. */
export function parseDischargeRequest(input: unknown, lang: Lang = 'nb'): E.Either<InvalidCdsHooksError, EncounterDischargeRequest> {
  const read = readInput(input, lang, [], { jsonOnly: true });
  if ('issue' in read) return E.left(invalidCdsHooks('request', [read.issue]));
  const r = EncounterDischargeRequest.safeParse(read.value);
  if (r.success) return E.right(r.data);
  const issues = cdsIssues(undefined, r.error.issues, lang).map((i) =>
    i.code === 'invalid_format' && BARE_IDS.has(i.path) ? cdsHooksIssue('cds_bare_id', i.segments, lang) : i,
  );
  return E.left(invalidCdsHooks('request', issues));
}
