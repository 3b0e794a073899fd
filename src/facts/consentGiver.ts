import type { Consent, Person } from '../model/person.js';
import { toDayNumber, yearsBetween } from '../util/dates.js';
import type { Maybe } from './kleene.js';

/*
 * Who may consent for the person (pasient- og brukerrettighetsloven kap. 4):
 * - from 16 the person (the health-legal age of majority, pbrl. § 4-3); consent competence is the
 *   starting point, and a lack of it must be decided and written down, so only a recorded lack
 *   (`capacity.consentCompetence: false`) lets someone else consent;
 * - under 16 the parents or others with parental responsibility (§ 4-4), or child welfare when it has
 *   taken over care (§ 4-5);
 * - without consent competence, whoever may consent on the person's behalf: a representative, and for
 *   16–17-year-olds also the parents or child welfare (rundskriv § 2-5: consent for an IP is then
 *   obtained from the person entitled to consent on their behalf).
 * An unknown age, or a representative for a child, gives unknown, never a guess.
 */

/** The statutory age of health-legal majority (pbrl. § 4-3 første ledd bokstav b). */
export const HEALTH_MAJORITY_AGE = 16;
/** The age of majority (vergemål), at which parents no longer consent for a person who lacks competence. */
export const MAJORITY_AGE = 18;

/** Whether `givenBy` is the right person to consent for `person` on `asOf`. */
export function acceptableGiver(person: Person, asOf: string, givenBy: Consent['givenBy']): Maybe {
  const competent = person.capacity?.consentCompetence;
  if (person.birthDate === undefined) return givenBy === 'person' && competent === false ? false : undefined;
  const age = yearsBetween(person.birthDate, asOf);
  if (age < HEALTH_MAJORITY_AGE) {
    if (givenBy === 'parent' || givenBy === 'child-welfare') return true;
    if (givenBy === 'person') return false;
    // A representative may hold parental responsibility (e.g. an appointed guardian); the record does not say.
    return undefined;
  }
  if (competent === false) {
    if (givenBy === 'person') return false;
    if (givenBy === 'representative') return true;
    return age < MAJORITY_AGE;
  }
  // Competence not recorded: the law presumes it from 16, and a lack of it must be decided and
  // written down (pbrl. § 4-3 tredje ledd), so only the person's own consent counts.
  return givenBy === 'person';
}

/** A consent in force on `asOf`: given on or before it and not withdrawn by then. */
export function inForce(c: Consent, asOfDay: number): boolean {
  if ((toDayNumber(c.date) ?? Infinity) > asOfDay) return false;
  return c.withdrawnDate === undefined || (toDayNumber(c.withdrawnDate) ?? Infinity) > asOfDay;
}
