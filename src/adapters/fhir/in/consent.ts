import * as z from 'zod';
import type { Consent } from '../../../model/person.js';
import { Consent as ConsentSchema, ServiceKind } from '../../../model/person.js';
import { EXT, HL7, LIB } from '../model/systems.js';
import type { ReadContext } from './context.js';
import type { Entry } from './entries.js';
import {
  CodeableConceptIn,
  codingsIn,
  extBooleanValue,
  extStringValue,
  extValues,
  fhirDate,
  PeriodIn,
  ReferenceIn,
  seenCodes,
} from './shapes.js';

/*
 * Consent → a consent of the person model. The scope (team, individual plan, coordinator,
 * information sharing) is the library's consent-scope code in `category`. Who gave it comes from
 * `performer`: the patient, a parent (a RelatedPerson whose relationship is a v3 parent code),
 * another representative (any other RelatedPerson), or the child welfare service (an Organization:
 * in Norway no other organisation consents on a person's behalf). A withdrawn consent is `status: inactive` with `provision.period.end` as the
 * withdrawal date; without that date it is left out (reported), which errs toward "no consent".
 * The services it covers are the provision's actors identified by the library's service-kind codes.
 */

const READ = ['status', 'scope', 'category', 'patient', 'dateTime', 'performer', 'provision', 'policy', 'policyRule'];

const ConsentIn = z.looseObject({
  status: z.string().optional(),
  category: z.array(CodeableConceptIn).optional(),
  dateTime: z.string().optional(),
  performer: z.array(ReferenceIn).optional(),
  provision: z
    .looseObject({
      period: PeriodIn.optional(),
      actor: z.array(z.looseObject({ reference: ReferenceIn.optional() })).optional(),
    })
    .optional(),
});

const SCOPES = ['team', 'individual-plan', 'coordinator', 'information-sharing'];
const PARENT = new Set(['PRN', 'MTH', 'FTH', 'NPRN', 'STPPRN', 'FTHFOST', 'MTHFOST', 'PRNFOST']);

/** A consent from a Consent resource, or undefined when it cannot be used (reported). */
export function readConsent(entry: Entry, ctx: ReadContext): Consent | undefined {
  if (!ctx.elements(entry, READ) || !ctx.isAboutPatient(entry, 'patient')) return undefined;
  const parsed = ConsentIn.safeParse(entry.resource);
  if (!parsed.success) {
    ctx.reporter.report('invalid_shape', entry.segs);
    return undefined;
  }
  const c = parsed.data;
  if (c.status !== 'active' && c.status !== 'inactive') {
    ctx.reporter.report('fhir_excluded', entry.segs, { status: c.status ?? '' });
    return undefined;
  }
  const scope = (c.category ?? []).flatMap((cat) => codingsIn(cat, [LIB.consentScope]))[0]?.code;
  if (scope === undefined) {
    ctx.reporter.report('fhir_code', [...entry.segs, 'category'], {
      expected: [LIB.consentScope],
      seen: (c.category ?? []).flatMap(seenCodes),
    });
    return undefined;
  }
  const date = fhirDate(c.dateTime);
  if (!date) {
    ctx.reporter.report(c.dateTime === undefined ? 'missing' : 'fhir_value', [...entry.segs, 'dateTime'], { expected: 'YYYY-MM-DD' });
    return undefined;
  }
  const performer = c.performer?.[0];
  let givenBy: Consent['givenBy'] | undefined;
  if (performer) {
    const ref = performer.reference ?? '';
    const resolved = ctx.resolver.resolve(performer.reference, entry);
    const type =
      performer.type ??
      (typeof resolved?.['resourceType'] === 'string'
        ? (resolved['resourceType'] as string)
        : (/(^|\/)(Patient|RelatedPerson|Organization)\//.exec(ref)?.[2] ?? ''));
    if (type === 'Patient' || ctx.patient.keys.has(ref)) givenBy = 'person';
    else if (type === 'Organization') givenBy = 'child-welfare';
    else if (type === 'RelatedPerson') {
      const rel = z.array(CodeableConceptIn).safeParse(resolved?.['relationship']);
      const codes = rel.success ? rel.data.flatMap((r) => codingsIn(r, [HL7.roleCode]).map((x) => x.code!)) : [];
      givenBy = codes.some((x) => PARENT.has(x)) ? 'parent' : 'representative';
    }
  }
  if (!givenBy) {
    ctx.reporter.report(performer ? 'fhir_value' : 'missing', [...entry.segs, 'performer'], {
      expected: ['Patient', 'RelatedPerson', 'Organization'],
    });
    return undefined;
  }
  const out: Record<string, unknown> = { scope, givenBy, date };
  if (c.status === 'inactive') {
    const end = fhirDate(c.provision?.period?.end);
    if (!end) {
      ctx.reporter.report('missing', [...entry.segs, 'provision', 'period', 'end']);
      return undefined;
    }
    out['withdrawnDate'] = end;
  }
  const services = (c.provision?.actor ?? [])
    .map((a) => (a.reference?.identifier?.system === LIB.serviceKind ? ServiceKind.safeParse(a.reference.identifier.value) : undefined))
    .filter((r) => r?.success)
    .map((r) => r!.data!);
  if (services.length > 0) out['services'] = [...new Set(services)];
  const r = entry.resource;
  const purpose = extStringValue(r, EXT.consentPurpose);
  if (purpose !== undefined) out['purpose'] = purpose;
  const categories = extValues(r, EXT.informationCategory).filter((v): v is string => typeof v === 'string');
  if (categories.length > 0) out['informationCategories'] = categories;
  const withdrawable = extBooleanValue(r, EXT.informedWithdrawable);
  if (withdrawable !== undefined) out['informedWithdrawable'] = withdrawable;
  const heard = extBooleanValue(r, EXT.childHeard);
  if (heard !== undefined) out['childHeard'] = heard;
  const ok = ConsentSchema.safeParse(out);
  if (!ok.success) {
    if (ok.error.issues.some((i) => i.path[0] === 'scope'))
      ctx.reporter.report('fhir_value', [...entry.segs, 'category'], { expected: SCOPES });
    else ctx.reporter.report('date_order', [...entry.segs, 'provision', 'period', 'end']);
    return undefined;
  }
  return ok.data;
}
