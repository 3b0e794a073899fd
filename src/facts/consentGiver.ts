import type { Consent, Person } from '../model/person.js';
import { agesOn, toDayNumber } from '../util/dates.js';
import type { Maybe } from './kleene.js';

/*
 * Who may consent for the person (pasient- og brukerrettighetsloven kap. 4):
 * - from 16 the person (the health-legal age of majority, pbrl. § 4-3 første ledd bokstav b);
 *   consent competence is the starting point, and a lack of it must be decided and written down, so
 *   only a recorded lack (`capacity.consentCompetence: false`) lets someone else consent;
 * - from 12 to 15 the young person alone for health care the parents are not to be told about
 *   (§ 4-3 første ledd bokstav c, with § 3-4 andre og tredje ledd). Whether that case applies is in
 *   the consent record (`parentsNotToBeInformed`); until it is, the young person's own consent is
 *   neither valid nor "the wrong giver" but unknown, so no prompt sends the clinician to the parents;
 * - under 16 the parents or others with parental responsibility (§ 4-4; whether one parent suffices
 *   is flagged separately, never blocked), or child welfare when it has taken over the care (§ 4-5),
 *   which the record must show (`social.childWelfareCareTakeover`);
 * - without consent competence, whoever may consent on the person's behalf: a representative, and for
 *   16–17-year-olds also the parents or child welfare (rundskriv § 2-5: consent for an IP is then
 *   obtained from the person entitled to consent on their behalf).
 * An unknown age (no birth date, or one after `asOf`), or a representative for a child, gives
 * unknown, never a guess. A partial birth date that straddles a birthday stands for two ages: the
 * answer is known when both ages give it (a parent's consent at 16 or 17 is not valid either way),
 * and unknown when they differ.
 */

/** The statutory age of health-legal majority (pbrl. § 4-3 første ledd bokstav b). */
export const HEALTH_MAJORITY_AGE = 16;
/** The age from which a young person may consent alone to care the parents are not to be told about (pbrl. § 4-3 første ledd bokstav c). */
export const OWN_CONSENT_AGE = 12;
/** The age of majority (vergemål), at which parents no longer consent for a person who lacks competence. */
export const MAJORITY_AGE = 18;

/** Child welfare may consent only when it has taken over the care (pbrl. § 4-5); unknown when the record does not say. */
function childWelfareHasCare(person: Person): Maybe {
  return person.social?.childWelfareCareTakeover;
}

/** Whether the giver of consent `c` is the right person to consent for `person` on `asOf`. */
export function acceptableGiver(person: Person, asOf: string, c: Pick<Consent, 'givenBy' | 'parentsNotToBeInformed'>): Maybe {
  const ages = person.birthDate === undefined ? undefined : agesOn(person.birthDate, asOf);
  if (ages === undefined) return c.givenBy === 'person' && person.capacity?.consentCompetence === false ? false : undefined;
  const answers = ages.map((age) => giverAtAge(person, age, c));
  return answers.every((a) => a === answers[0]) ? answers[0] : undefined;
}

/** {@link acceptableGiver} for a person of `age`. */
function giverAtAge(person: Person, age: number, c: Pick<Consent, 'givenBy' | 'parentsNotToBeInformed'>): Maybe {
  const givenBy = c.givenBy;
  const competent = person.capacity?.consentCompetence;
  if (age < HEALTH_MAJORITY_AGE) {
    if (givenBy === 'parent') return true;
    if (givenBy === 'child-welfare') return childWelfareHasCare(person);
    if (givenBy === 'person') {
      if (age < OWN_CONSENT_AGE || competent === false) return false;
      // 12–15: valid alone when the parents are not to be told (§ 4-3 c); unknown until recorded.
      return c.parentsNotToBeInformed;
    }
    // A representative may hold parental responsibility (e.g. an appointed guardian); the record does not say.
    return undefined;
  }
  if (competent === false) {
    if (givenBy === 'person') return false;
    if (givenBy === 'representative') return true;
    if (age >= MAJORITY_AGE) return false;
    return givenBy === 'parent' ? true : childWelfareHasCare(person);
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
