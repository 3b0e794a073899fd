import type { Lang } from '../model/lang.js';

/*
 * Words for the codes facts return and rules compare with: service kinds, consent scopes and givers,
 * stages, statuses, plan content, transitions. Explanations are read by clinicians and policy staff,
 * who should meet «NAV» and «hjemmesykepleie», never `nav` or `home-nursing`. A code with the same
 * spelling in several lists (team as a consent scope and as a stage) has one word that fits both.
 */

type Words = { readonly nb: string; readonly nn: string; readonly en: string };
const w = (nb: string, nn: string, en: string): Words => ({ nb, nn, en });

/** Every code a bundled fact or person field can yield, with its word in each language. */
export const CODE_WORDS: Readonly<Record<string, Words>> = {
  // Services and sectors.
  gp: w('fastlege', 'fastlege', 'GP'),
  'home-nursing': w('hjemmesykepleie', 'heimesjukepleie', 'home nursing'),
  physiotherapy: w('fysioterapi', 'fysioterapi', 'physiotherapy'),
  'occupational-therapy': w('ergoterapi', 'ergoterapi', 'occupational therapy'),
  'mental-health-substance': w('psykisk helse og rus', 'psykisk helse og rus', 'mental health and substance use'),
  specialist: w('spesialisthelsetjenesten', 'spesialisthelsetenesta', 'specialist health service'),
  pharmacist: w('farmasøyt', 'farmasøyt', 'pharmacist'),
  'health-station': w('helsestasjon', 'helsestasjon', 'health station'),
  'practical-assistance': w('praktisk bistand', 'praktisk bistand', 'practical assistance'),
  'personal-assistance': w('personlig assistanse', 'personleg assistanse', 'personal assistance'),
  'respite-care': w('avlastning', 'avlasting', 'respite care'),
  'short-term-stay': w('korttidsopphold', 'korttidsopphald', 'short-term stay'),
  'long-term-care': w('langtidsopphold', 'langtidsopphald', 'long-term care'),
  'day-care': w('dagtilbud', 'dagtilbod', 'day care'),
  'dental-care': w('tannhelsetjenesten', 'tannhelsetenesta', 'dental care'),
  nav: w('NAV', 'NAV', 'NAV'),
  school: w('skole', 'skule', 'school'),
  kindergarten: w('barnehage', 'barnehage', 'kindergarten'),
  ppt: w('PP-tjenesten', 'PP-tenesta', 'educational-psychological service (PPT)'),
  'child-welfare': w('barnevernet', 'barnevernet', 'child welfare'),
  housing: w('boligtjenesten', 'bustadtenesta', 'housing service'),
  relative: w('pårørende', 'pårørande', 'relative'),
  other: w('annet', 'anna', 'other'),
  municipality: w('kommunen', 'kommunen', 'the municipality'),
  municipal: w('kommunal', 'kommunal', 'municipal'),
  state: w('statlig', 'statleg', 'state'),
  private: w('privat', 'privat', 'private'),
  // Consent: scopes, givers, what a consent record leaves out.
  team: w('oppfølgingsteam', 'oppfølgingsteam', 'follow-up team'),
  'individual-plan': w('individuell plan', 'individuell plan', 'individual plan'),
  coordinator: w('koordinator', 'koordinator', 'coordinator'),
  'child-coordinator': w('barnekoordinator', 'barnekoordinator', 'child coordinator'),
  'information-sharing': w('deling av opplysninger', 'deling av opplysningar', 'information sharing'),
  person: w('personen selv', 'personen sjølv', 'the person'),
  parent: w('foreldre', 'foreldre', 'parent'),
  representative: w('representant', 'representant', 'representative'),
  services: w('hvilke tjenester', 'kva tenester', 'which services'),
  information: w('hvilke opplysninger', 'kva opplysningar', 'which information'),
  purpose: w('formål', 'formål', 'purpose'),
  withdrawable: w('at samtykket kan trekkes tilbake', 'at samtykket kan trekkjast tilbake', 'that it can be withdrawn'),
  // Stages of the pathway.
  assessment: w('kartlegging', 'kartlegging', 'assessment'),
  plan: w('oppfølgingsplan', 'oppfølgingsplan', 'follow-up plan'),
  consent: w('samtykke', 'samtykke', 'consent'),
  // Team, plan and goal status; coordinator and plan kinds.
  'being-established': w('under etablering', 'under etablering', 'being established'),
  active: w('aktiv', 'aktiv', 'active'),
  closed: w('avsluttet', 'avslutta', 'closed'),
  draft: w('utkast', 'utkast', 'draft'),
  none: w('ingen', 'ingen', 'none'),
  'follow-up-plan': w('oppfølgingsplan', 'oppfølgingsplan', 'follow-up plan'),
  open: w('åpent', 'ope', 'open'),
  met: w('nådd', 'nådd', 'met'),
  'not-met': w('ikke nådd', 'ikkje nådd', 'not met'),
  member: w('medlem', 'medlem', 'member'),
  'medical-coordination': w('medisinsk koordinering', 'medisinsk koordinering', 'medical coordination'),
  // What an individual plan must hold.
  'goals-resources-needs': w('mål, ressurser og behov', 'mål, ressursar og behov', 'goals, resources and needs'),
  participants: w('hvem som deltar', 'kven som deltek', 'who takes part'),
  'coordination-responsible': w(
    'hvem som har ansvar for koordineringen',
    'kven som har ansvar for koordineringa',
    'who is responsible for coordination',
  ),
  contributions: w('hva hver part bidrar med', 'kva kvar part bidreg med', 'what each party contributes'),
  'measures-extent-owner': w('tiltak, omfang og ansvarlig', 'tiltak, omfang og ansvarleg', 'measures, extent and owner'),
  'measures-how': w('hvordan tiltakene gjennomføres', 'korleis tiltaka blir gjennomførte', 'how the measures are carried out'),
  'period-and-revision': w('planperiode og revisjon', 'planperiode og revisjon', 'plan period and revision'),
  cooperation: w('samarbeid med andre', 'samarbeid med andre', 'cooperation with others'),
  // Closing a team; transitions.
  'goals-met': w('målene er nådd', 'måla er nådde', 'goals met'),
  'no-coordinated-need': w(
    'ikke lenger behov for koordinerte tjenester',
    'ikkje lenger behov for koordinerte tenester',
    'no longer a need for coordinated services',
  ),
  'consent-withdrawn': w('samtykket er trukket tilbake', 'samtykket er trekt tilbake', 'consent withdrawn'),
  moved: w('flyttet', 'flytta', 'moved'),
  died: w('død', 'død', 'died'),
  discharge: w('utskrivning', 'utskriving', 'discharge'),
  move: w('flytting', 'flytting', 'move'),
  'school-start': w('skolestart', 'skulestart', 'school start'),
  'new-provider': w('ny tjenesteyter', 'ny tenesteytar', 'new provider'),
  death: w('dødsfall', 'dødsfall', 'death'),
  // Coordinating units; requests.
  'municipal-coordinating-unit': w(
    'kommunens koordinerende enhet',
    'den koordinerande eininga i kommunen',
    "the municipality's coordinating unit",
  ),
  'specialist-coordinating-unit': w(
    'spesialisthelsetjenestens koordinerende enhet',
    'den koordinerande eininga i spesialisthelsetenesta',
    "the specialist health service's coordinating unit",
  ),
  pending: w('venter på svar', 'ventar på svar', 'pending'),
  granted: w('innvilget', 'innvilga', 'granted'),
  refused: w('avslått', 'avslått', 'refused'),
  // Levels: ability to take part, complexity, cognition.
  good: w('god', 'god', 'good'),
  reduced: w('redusert', 'redusert', 'reduced'),
  low: w('lav', 'låg', 'low'),
  moderate: w('moderat', 'moderat', 'moderate'),
  high: w('høy', 'høg', 'high'),
  mild: w('lett', 'lett', 'mild'),
  marked: w('markert', 'markert', 'marked'),
  // Encounters.
  'gp-consultation': w('legetime hos fastlegen', 'legetime hos fastlegen', 'GP consultation'),
  'emergency-visit': w('legevakt- eller akuttbesøk', 'legevakt- eller akuttbesøk', 'emergency visit'),
  'emergency-admission': w('akutt innleggelse', 'akutt innlegging', 'emergency admission'),
  'elective-admission': w('planlagt innleggelse', 'planlagd innlegging', 'elective admission'),
  'outpatient-visit': w('poliklinisk besøk', 'poliklinisk besøk', 'outpatient visit'),
  // States of the pathway.
  candidate: w('aktuell for oppfølging', 'aktuell for oppfølging', 'candidate'),
  checkedOut: w('avklart uten oppfølging', 'avklart utan oppfølging', 'checked out'),
  offer: w('tilbud gitt', 'tilbod gitt', 'offer made'),
  declined: w('takket nei', 'takka nei', 'declined'),
  referral: w('henvisning', 'tilvising', 'referral'),
  teamDecision: w('beslutning om team', 'avgjerd om team', 'team decision'),
  otherFollowUp: w('annen oppfølging', 'anna oppfølging', 'other follow-up'),
  teamEstablishment: w('etablering av team', 'etablering av team', 'team establishment'),
  planning: w('planlegging', 'planlegging', 'planning'),
  planActive: w('plan i bruk', 'plan i bruk', 'plan in use'),
  evaluation: w('evaluering', 'evaluering', 'evaluation'),
  // Medicines, assessments, demographics.
  regular: w('fast', 'fast', 'regular'),
  'as-needed': w('ved behov', 'ved behov', 'as needed'),
  iplos: w('IPLOS', 'IPLOS', 'IPLOS'),
  proxy: w('indirekte mål', 'indirekte mål', 'proxy'),
  observation: w('observasjon', 'observasjon', 'observation'),
  ongoing: w('pågår', 'pågår', 'ongoing'),
  completed: w('fullført', 'fullført', 'completed'),
  'higher-is-better': w('høyere er bedre', 'høgare er betre', 'higher is better'),
  'lower-is-better': w('lavere er bedre', 'lågare er betre', 'lower is better'),
  female: w('kvinne', 'kvinne', 'female'),
  male: w('mann', 'mann', 'male'),
  unknown: w('ukjent', 'ukjend', 'unknown'),
};

/** The word for a code in a language; a string that is no known code (a municipality number, a name) is shown as it is. */
export function codeWord(code: string, lang: Lang): string {
  return Object.hasOwn(CODE_WORDS, code) ? CODE_WORDS[code]![lang] : code;
}

/** Names of fact parameters as a sentence names them. */
const PARAM_NAMES: Readonly<Record<string, Words>> = {
  scope: w('for', 'for', 'for'),
  services: w('tjenester', 'tenester', 'services'),
};

/** A fact parameter's name in a language; an unknown one is shown as written. */
export function paramName(name: string, lang: Lang): string {
  return Object.hasOwn(PARAM_NAMES, name) ? PARAM_NAMES[name]![lang] : name;
}
