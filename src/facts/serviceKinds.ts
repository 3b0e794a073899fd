import type { MunicipalServiceType, ServiceKind } from '../model/person.js';

/*
 * Which services are health and care services (helse- og omsorgstjenester) and which are other
 * welfare services. The rights to an individual plan and a coordinator in the patient and user rights
 * act concern health and care services, the care services of the municipality (practical assistance,
 * personal assistance, respite, short- and long-term stays, day care; helse- og omsorgstjenesteloven
 * § 3-2) as much as health care; the barnekoordinator right needs other welfare services too; and
 * helsepersonelloven § 25 covers cooperation in health care only. A service recorded as `other` is
 * none of these for certain: it may be a health or care service, a welfare service, or the same
 * provider as another one, so facts that count services leave it unknown.
 */

/** Health and care services: the providers pbrl. §§ 2-5 and 2-5 b count. */
export const HEALTH_AND_CARE: ReadonlySet<ServiceKind> = new Set<ServiceKind>([
  'gp',
  'home-nursing',
  'physiotherapy',
  'occupational-therapy',
  'mental-health-substance',
  'specialist',
  'pharmacist',
  'health-station',
  'practical-assistance',
  'personal-assistance',
  'respite-care',
  'short-term-stay',
  'long-term-care',
  'day-care',
  'dental-care',
]);

/** Other welfare services (velferdstjenester): NAV, education, child welfare, housing. */
export const OTHER_WELFARE: ReadonlySet<ServiceKind> = new Set<ServiceKind>([
  'nav',
  'school',
  'kindergarten',
  'ppt',
  'child-welfare',
  'housing',
]);

/**
 * Services outside health care, whose staff helsepersonelloven § 25 does not cover, so sharing with
 * them needs the person's explicit consent (school, PP-tjenesten, child welfare by the rundskriv;
 * NAV, kindergarten and housing by the same reasoning, an inference; see the consent rule set).
 */
export const NEEDS_EXPLICIT_CONSENT: readonly ServiceKind[] = ['school', 'kindergarten', 'ppt', 'child-welfare', 'nav', 'housing'];

/** A service the list does not name: what it is is not known. */
export function isUnnamed(s: ServiceKind): boolean {
  return s === 'other';
}

/** Relatives are not service providers: they never count as a provider. */
export function isProvider(s: ServiceKind): boolean {
  return s !== 'relative';
}

/** The municipal services, by their team-member kind (the care services and the municipal health services). */
const MUNICIPAL: ReadonlySet<ServiceKind> = new Set<ServiceKind>([
  'gp',
  'home-nursing',
  'physiotherapy',
  'occupational-therapy',
  'mental-health-substance',
  'health-station',
  'practical-assistance',
  'personal-assistance',
  'respite-care',
  'short-term-stay',
  'long-term-care',
  'day-care',
]);

/**
 * The level a health or care service sits at when the host has not said: the GP and the municipal
 * services are municipal. Dental care is the county's (fylkeskommunen), a level the model does not have.
 */
export function defaultLevel(s: ServiceKind): 'municipal' | 'specialist' | undefined {
  if (s === 'specialist') return 'specialist';
  return MUNICIPAL.has(s) ? 'municipal' : undefined;
}

/** The team-member service that delivers a municipal service; `other` names no kind. */
export function serviceKindOf(t: MunicipalServiceType): ServiceKind | undefined {
  return t === 'other' ? undefined : t;
}
