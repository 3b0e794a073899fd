import type { Lang, LocalizedText } from '../../../model/lang.js';
import type { ServiceKind } from '../../../model/person.js';
import type { Coding } from './datatypes.js';
import { LIB } from './systems.js';

/*
 * The codes of the library's own code systems, each with its display in bokmål, nynorsk and
 * English. Both FHIR adapters and the CDS Hooks cards use them, so they live in the model.
 */

const SERVICE_KIND: Record<ServiceKind, LocalizedText> = {
  gp: { nb: 'Fastlege', nn: 'Fastlege', en: 'Regular GP' },
  'home-nursing': { nb: 'Hjemmesykepleie', nn: 'Heimesjukepleie', en: 'Home nursing' },
  physiotherapy: { nb: 'Fysioterapi', nn: 'Fysioterapi', en: 'Physiotherapy' },
  'occupational-therapy': { nb: 'Ergoterapi', nn: 'Ergoterapi', en: 'Occupational therapy' },
  'mental-health-substance': { nb: 'Psykisk helse og rus', nn: 'Psykisk helse og rus', en: 'Mental health and substance use' },
  specialist: { nb: 'Spesialisthelsetjenesten', nn: 'Spesialisthelsetenesta', en: 'Specialist health service' },
  pharmacist: { nb: 'Farmasøyt', nn: 'Farmasøyt', en: 'Pharmacist' },
  'health-station': { nb: 'Helsestasjon', nn: 'Helsestasjon', en: 'Child health centre' },
  'practical-assistance': { nb: 'Praktisk bistand', nn: 'Praktisk bistand', en: 'Practical assistance' },
  'personal-assistance': {
    nb: 'Brukerstyrt personlig assistanse (BPA)',
    nn: 'Brukarstyrt personleg assistanse (BPA)',
    en: 'User-controlled personal assistance (BPA)',
  },
  'respite-care': { nb: 'Avlastning', nn: 'Avlasting', en: 'Respite care' },
  'short-term-stay': { nb: 'Korttidsopphold', nn: 'Korttidsopphald', en: 'Short-term stay' },
  'long-term-care': { nb: 'Langtidsopphold', nn: 'Langtidsopphald', en: 'Long-term stay' },
  'day-care': { nb: 'Dagtilbud', nn: 'Dagtilbod', en: 'Day care' },
  'dental-care': { nb: 'Tannhelsetjeneste', nn: 'Tannhelseteneste', en: 'Dental care' },
  nav: { nb: 'NAV', nn: 'NAV', en: 'NAV (labour and welfare)' },
  school: { nb: 'Skole', nn: 'Skule', en: 'School' },
  kindergarten: { nb: 'Barnehage', nn: 'Barnehage', en: 'Kindergarten' },
  ppt: { nb: 'PP-tjenesten', nn: 'PP-tenesta', en: 'Educational-psychological service' },
  'child-welfare': { nb: 'Barnevern', nn: 'Barnevern', en: 'Child welfare' },
  housing: { nb: 'Boligtjeneste', nn: 'Bustadteneste', en: 'Housing service' },
  relative: { nb: 'Pårørende', nn: 'Pårørande', en: 'Next of kin' },
  other: { nb: 'Annen tjeneste', nn: 'Anna teneste', en: 'Other service' },
};

/** Displays of every code in the library's own code systems, by system and code. */
export const CODE_DISPLAYS: Readonly<Record<string, Readonly<Record<string, LocalizedText>>>> = {
  [LIB.careTeamRole]: {
    coordinator: { nb: 'Koordinator', nn: 'Koordinator', en: 'Coordinator' },
    'child-coordinator': { nb: 'Barnekoordinator', nn: 'Barnekoordinator', en: 'Child coordinator' },
    gp: { nb: 'Fastlege', nn: 'Fastlege', en: 'Regular GP' },
    person: { nb: 'Personen selv', nn: 'Personen sjølv', en: 'The person' },
    member: { nb: 'Teammedlem', nn: 'Teammedlem', en: 'Team member' },
  },
  [LIB.serviceKind]: SERVICE_KIND,
  [LIB.serviceLevel]: {
    municipal: { nb: 'Kommunal', nn: 'Kommunal', en: 'Municipal' },
    specialist: { nb: 'Spesialisthelsetjenesten', nn: 'Spesialisthelsetenesta', en: 'Specialist health service' },
    state: { nb: 'Statlig', nn: 'Statleg', en: 'State' },
    private: { nb: 'Privat', nn: 'Privat', en: 'Private' },
  },
  [LIB.encounterType]: {
    'gp-consultation': { nb: 'Fastlegekonsultasjon', nn: 'Fastlegekonsultasjon', en: 'GP consultation' },
    'emergency-visit': { nb: 'Legevakt- eller akuttbesøk', nn: 'Legevakt- eller akuttbesøk', en: 'Emergency visit' },
    'emergency-admission': { nb: 'Akutt innleggelse', nn: 'Akutt innlegging', en: 'Emergency admission' },
    'elective-admission': { nb: 'Planlagt innleggelse', nn: 'Planlagd innlegging', en: 'Elective admission' },
    'outpatient-visit': { nb: 'Poliklinisk besøk', nn: 'Poliklinisk besøk', en: 'Outpatient visit' },
  },
  [LIB.functionMeasure]: {
    PSFS: {
      nb: 'Pasientspesifikk funksjonsskala (PSFS)',
      nn: 'Pasientspesifikk funksjonsskala (PSFS)',
      en: 'Patient-Specific Functional Scale (PSFS)',
    },
    activity: { nb: 'Aktivitet', nn: 'Aktivitet', en: 'Activity' },
    direction: { nb: 'Skalaretning', nn: 'Skalaretning', en: 'Scale direction' },
    'higher-is-better': { nb: 'Høyere er bedre', nn: 'Høgare er betre', en: 'Higher is better' },
    'lower-is-better': { nb: 'Lavere er bedre', nn: 'Lågare er betre', en: 'Lower is better' },
    proxy: { nb: 'Besvart av en annen', nn: 'Svara av ein annan', en: 'Answered by a proxy' },
  },
  [LIB.taskCode]: {
    'assess-follow-up-team': {
      nb: 'Vurder behov for oppfølgingsteam',
      nn: 'Vurder behov for oppfølgingsteam',
      en: 'Assess the need for a follow-up team',
    },
    'evaluate-plan': { nb: 'Evaluer oppfølgingsplanen', nn: 'Evaluer oppfølgingsplanen', en: 'Evaluate the follow-up plan' },
    'follow-up-prompt': { nb: 'Følg opp beslutningsstøtte', nn: 'Følg opp avgjerdsstøtte', en: 'Follow up a decision-support prompt' },
  },
  [LIB.goalCategory]: {
    'what-matters': { nb: 'Hva er viktig for deg?', nn: 'Kva er viktig for deg?', en: 'What matters to you?' },
    'plan-goal': { nb: 'Mål i planen', nn: 'Mål i planen', en: 'Plan goal' },
  },
  [LIB.planKind]: {
    'follow-up-plan': { nb: 'Oppfølgingsplan', nn: 'Oppfølgingsplan', en: 'Follow-up plan' },
    'individual-plan': { nb: 'Individuell plan', nn: 'Individuell plan', en: 'Individual plan' },
  },
  [LIB.consentScope]: {
    team: { nb: 'Samtykke til oppfølgingsteam', nn: 'Samtykke til oppfølgingsteam', en: 'Consent to a follow-up team' },
    'individual-plan': { nb: 'Samtykke til individuell plan', nn: 'Samtykke til individuell plan', en: 'Consent to an individual plan' },
    coordinator: { nb: 'Samtykke til koordinator', nn: 'Samtykke til koordinator', en: 'Consent to a coordinator' },
    'information-sharing': {
      nb: 'Samtykke til å dele opplysninger',
      nn: 'Samtykke til å dele opplysningar',
      en: 'Consent to share information',
    },
  },
  [LIB.careTeamCategory]: {
    'follow-up-team': { nb: 'Oppfølgingsteam', nn: 'Oppfølgingsteam', en: 'Follow-up team' },
  },
};

/** A Coding in one of the library's systems, with its display in `lang`. Unknown codes get no display. */
export function libCoding(system: string, code: string, lang: Lang): Coding {
  const display = CODE_DISPLAYS[system]?.[code]?.[lang];
  return display ? { system, code, display } : { system, code };
}

/** True when `code` is defined in the library system `system`. */
export function isLibCode(system: string, code: string): boolean {
  return Object.prototype.hasOwnProperty.call(CODE_DISPLAYS[system] ?? {}, code);
}
