import type { MunicipalServiceType, ServiceKind } from '../model/person.js';

/*
 * Which services are health and care services (helse- og omsorgstjenester) and which are other
 * welfare services. The rights to an individual plan and a coordinator in the patient and user rights
 * act concern health and care services; the barnekoordinator right needs other welfare services too;
 * and helsepersonelloven § 25 covers cooperation in health care only.
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
]);

/** Other welfare services (velferdstjenester): NAV, education, child welfare, housing. */
export const OTHER_WELFARE: ReadonlySet<ServiceKind> = new Set<ServiceKind>(['nav', 'school', 'kindergarten', 'ppt', 'child-welfare', 'housing']);

/**
 * Services outside health care, whose staff helsepersonelloven § 25 does not cover, so sharing with
 * them needs the person's explicit consent (school, PP-tjenesten, child welfare by the rundskriv;
 * NAV, kindergarten and housing by the same reasoning, see the consent rule set).
 */
export const NEEDS_EXPLICIT_CONSENT: readonly ServiceKind[] = ['school', 'kindergarten', 'ppt', 'child-welfare', 'nav', 'housing'];

/** Relatives are not service providers: they never count as a provider. */
export function isProvider(s: ServiceKind): boolean {
  return s !== 'relative';
}

/** The level a health service sits at when the host has not said: the GP and the listed services are municipal. */
export function defaultLevel(s: ServiceKind): 'municipal' | 'specialist' | undefined {
  if (s === 'specialist') return 'specialist';
  if (s === 'gp' || s === 'home-nursing' || s === 'physiotherapy' || s === 'occupational-therapy' || s === 'mental-health-substance' || s === 'health-station')
    return 'municipal';
  return undefined;
}

/** The team-member service that delivers a municipal service, where there is one. */
export function serviceKindOf(t: MunicipalServiceType): ServiceKind | undefined {
  switch (t) {
    case 'home-nursing':
    case 'physiotherapy':
    case 'occupational-therapy':
    case 'mental-health-substance':
    case 'health-station':
      return t;
    default:
      // Practical assistance, respite care, day care and stays have no team-member kind of their own.
      return undefined;
  }
}
