import type * as E from '../../../util/either.js';
import type { InvalidFhirOutputError } from '../errors.js';
import { fromPerson } from './checked.js';
import { libCoding } from '../model/codings.js';
import { fhirSafe } from '../model/strings.js';
import type { Consent } from '../model/resources.js';
import { extBoolean, extString } from '../model/extensions.js';
import { EXT, HL7, LIB } from '../model/systems.js';
import type { Lang } from '../../../model/lang.js';
import type { PersonInput } from '../../../model/person.js';
import type { FhirOutputOptions } from './common.js';
import { identifierFor, patientRef } from './common.js';
import { FHIR_TEXTS } from './texts.js';

/*
 * The person's recorded consents → Consent resources. Scope: information sharing and the team are
 * about confidentiality (HL7 `patient-privacy`); the individual plan and the coordinator are about
 * services (`treatment`). The library's consent-scope code says which of the four it is. `policy`
 * names the legal basis Helsedirektoratet describes for that scope. A withdrawn consent is
 * `inactive` with the withdrawal date as the end of `provision.period`. A parent or representative
 * who consented is a contained RelatedPerson, so the relationship travels with the consent. Purpose,
 * information categories, "informed that it can be withdrawn" and "the child was heard" have no R4
 * element and travel as the library's extensions.
 */

type PersonConsent = NonNullable<PersonInput['consents']>[number];

/** The legal basis per scope: Helsedirektoratet's rundskriv and guidelines, at their published addresses. */
export const CONSENT_POLICY: Readonly<Record<PersonConsent['scope'], string>> = {
  team: 'https://helsedirektoratet.no/veiledere/samarbeid-om-tjenester-til-barn-unge-og-deres-familier/veiledningsplikt-oppmerksomhetsplikt-og-taushetsplikt',
  'information-sharing':
    'https://helsedirektoratet.no/veiledere/samarbeid-om-tjenester-til-barn-unge-og-deres-familier/veiledningsplikt-oppmerksomhetsplikt-og-taushetsplikt',
  'individual-plan':
    'https://www.helsedirektoratet.no/rundskriv/pasient-og-brukerrettighetsloven-med-kommentarer/rett-til-helse-og-omsorgstjenester-og-transport/rett-til-individuell-plan',
  coordinator:
    'https://www.helsedirektoratet.no/rundskriv/pasient-og-brukerrettighetsloven-med-kommentarer/rett-til-helse-og-omsorgstjenester-og-transport/-2-5b-rett-til-koordinator',
};

function performer(c: PersonConsent, lang: Lang, patient: string): Pick<Consent, 'contained' | 'performer'> {
  if (c.givenBy === 'person') return { performer: [{ reference: patient }] };
  if (c.givenBy === 'child-welfare') return { performer: [{ type: 'Organization', display: FHIR_TEXTS.childWelfare[lang] }] };
  const parent = c.givenBy === 'parent';
  return {
    contained: [
      {
        resourceType: 'RelatedPerson',
        id: 'giver',
        patient: { reference: patient },
        ...(parent ? { relationship: [{ coding: [{ system: HL7.roleCode, code: 'PRN', display: 'parent' }] }] } : {}),
      },
    ],
    performer: [{ reference: '#giver', display: (parent ? FHIR_TEXTS.parent : FHIR_TEXTS.representative)[lang] }],
  };
}

function buildConsents(person: PersonInput, options: FhirOutputOptions): Consent[] {
  const lang = options.lang ?? 'nb';
  const subject = patientRef(options);
  return (person.consents ?? []).map((c, i) => {
    const privacy = c.scope === 'team' || c.scope === 'information-sharing';
    const extension = [
      ...extString(EXT.consentPurpose, c.purpose),
      ...(c.informationCategories ?? []).flatMap((x) => extString(EXT.informationCategory, x)),
      ...extBoolean(EXT.informedWithdrawable, c.informedWithdrawable),
      ...extBoolean(EXT.childHeard, c.childHeard),
    ];
    const out: Consent = {
      resourceType: 'Consent',
      ...performer(c, lang, subject.reference!),
      ...(extension.length > 0 ? { extension } : {}),
      identifier: [identifierFor(['Consent', subject.reference!, c.scope, c.date, String(i)])],
      status: c.withdrawnDate ? 'inactive' : 'active',
      scope: { coding: [{ system: HL7.consentScope, code: privacy ? 'patient-privacy' : 'treatment' }] },
      category: [
        { coding: [{ system: HL7.consentCategoryLoinc, code: '59284-0', display: 'Patient Consent' }] },
        { coding: [libCoding(LIB.consentScope, c.scope, lang)] },
      ],
      patient: subject,
      dateTime: c.date,
      policy: [{ uri: CONSENT_POLICY[c.scope] }],
      provision: { type: 'permit', period: { start: c.date, ...(c.withdrawnDate ? { end: c.withdrawnDate } : {}) } },
    };
    const services = c.services ?? [];
    if (services.length > 0)
      out.provision!.actor = services.map((s) => ({
        role: { coding: [{ system: HL7.participationType, code: 'IRCP', display: 'information recipient' }] },
        reference: { display: libCoding(LIB.serviceKind, s, lang).display!, identifier: { system: LIB.serviceKind, value: s } },
      }));
    return fhirSafe(out);
  });
}

/**
 * One Consent per recorded consent of the person.
 * Never throws: options without `patient`, a person that does not validate is an `InvalidFhirOutput` error.
 */
export function toConsents(person: PersonInput, options: FhirOutputOptions): E.Either<InvalidFhirOutputError, Consent[]> {
  return fromPerson(person, options, buildConsents);
}
