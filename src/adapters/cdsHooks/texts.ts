import type { LocalizedText } from '../../model/lang.js';

/**
 * Every text on a card, in bokmål, nynorsk and English. `{x}` are placeholders filled per card. Rule
 * titles and texts come from the rule files; these are the texts around them.
 */
export const CDS_TEXTS = {
  why: { nb: 'Hvorfor', nn: 'Kvifor', en: 'Why' },
  source: { nb: 'Kilde', nn: 'Kjelde', en: 'Source' },
  evidenceFound: { nb: 'funnet i kilden', nn: 'funne i kjelda', en: 'found in the source' },
  evidenceInferred: {
    nb: 'utledet fra kilden, ikke direkte angitt',
    nn: 'utleidd frå kjelda, ikkje direkte oppgitt',
    en: 'inferred from the source, not stated directly',
  },
  footer: {
    nb: 'Beslutningsstøtte: vurderingen er din. Regel {ruleId} i {ruleSet} {version}.',
    nn: 'Avgjerdsstøtte: vurderinga er di. Regel {ruleId} i {ruleSet} {version}.',
    en: 'Decision support: the judgement is yours. Rule {ruleId} in {ruleSet} {version}.',
  },
  scoreFooter: {
    nb: 'Beslutningsstøtte: vurderingen er din. Poengsum etter {ruleSet} {version}.',
    nn: 'Avgjerdsstøtte: vurderinga er di. Poengsum etter {ruleSet} {version}.',
    en: 'Decision support: the judgement is yours. Score from {ruleSet} {version}.',
  },
  dataNeededSummary: { nb: 'Mangler data: {title}', nn: 'Manglar data: {title}', en: 'Data needed: {title}' },
  dataNeededDetail: {
    nb: 'Regelen «{title}» kan ikke vurderes fordi det mangler opplysninger om: {facts}.',
    nn: 'Regelen «{title}» kan ikkje vurderast fordi det manglar opplysningar om: {facts}.',
    en: 'The rule "{title}" cannot be assessed because information is missing on: {facts}.',
  },
  scoreCutOff: { nb: 'Høy risiko fra {cutOff} poeng.', nn: 'Høg risiko frå {cutOff} poeng.', en: 'High risk from {cutOff} points.' },
  scorePoints: { nb: 'Poeng', nn: 'Poeng', en: 'Points' },
  suggestAssessTask: {
    nb: 'Opprett oppgave: vurder oppfølgingsteam',
    nn: 'Opprett oppgåve: vurder oppfølgingsteam',
    en: 'Create a task: assess the need for a follow-up team',
  },
  suggestAssessTaskAction: {
    nb: 'Oppretter en oppgave om å vurdere behovet for oppfølgingsteam sammen med personen.',
    nn: 'Opprettar ei oppgåve om å vurdere behovet for oppfølgingsteam saman med personen.',
    en: 'Creates a task to assess the need for a follow-up team together with the person.',
  },
  suggestCareTeam: { nb: 'Foreslå oppfølgingsteam', nn: 'Føreslå oppfølgingsteam', en: 'Propose a follow-up team' },
  suggestCareTeamAction: {
    nb: 'Oppretter et foreslått oppfølgingsteam med fastlegen og en koordinator som skal oppnevnes.',
    nn: 'Opprettar eit føreslått oppfølgingsteam med fastlegen og ein koordinator som skal oppnemnast.',
    en: 'Creates a proposed follow-up team with the GP and a coordinator to be appointed.',
  },
  suggestGoal: { nb: 'Start «Hva er viktig for deg?»', nn: 'Start «Kva er viktig for deg?»', en: 'Start "What matters to you?"' },
  suggestGoalAction: {
    nb: 'Oppretter et utkast til mål som fylles ut sammen med personen.',
    nn: 'Opprettar eit utkast til mål som blir fylt ut saman med personen.',
    en: 'Creates a draft goal to fill in together with the person.',
  },
  goalDraft: {
    nb: 'Hva er viktig for deg? (fylles ut sammen med personen)',
    nn: 'Kva er viktig for deg? (blir fylt ut saman med personen)',
    en: 'What matters to you? (to be filled in with the person)',
  },
  suggestFollowUpTask: { nb: 'Opprett oppgave: følg opp', nn: 'Opprett oppgåve: følg opp', en: 'Create a task: follow up' },
  suggestFollowUpTaskAction: {
    nb: 'Oppretter en oppgave om å følge opp «{title}».',
    nn: 'Opprettar ei oppgåve om å følgje opp «{title}».',
    en: 'Creates a task to follow up "{title}".',
  },
  followUpTask: { nb: 'Følg opp: {title}', nn: 'Følg opp: {title}', en: 'Follow up: {title}' },
  coordinatorToAppoint: { nb: 'Koordinator skal oppnevnes', nn: 'Koordinator skal oppnemnast', en: 'Coordinator to be appointed' },
  serviceTitle: {
    nb: 'Oppfølgingsteam: identifisering og oppfølging',
    nn: 'Oppfølgingsteam: identifisering og oppfølging',
    en: 'Follow-up team: identification and follow-up',
  },
  serviceDescription: {
    nb: 'Beslutningsstøtte etter Helsedirektoratets rammeverk for strukturert tverrfaglig oppfølgingsteam.',
    nn: 'Avgjerdsstøtte etter Helsedirektoratet sitt rammeverk for strukturert tverrfagleg oppfølgingsteam.',
    en: "Decision support following Helsedirektoratet's framework for structured interdisciplinary follow-up teams.",
  },
  serviceRuleSets: {
    nb: 'Regelsett: {ruleSets}.',
    nn: 'Regelsett: {ruleSets}.',
    en: 'Rule sets: {ruleSets}.',
  },
  serviceUsage: {
    nb: 'Krever prefetch med pasient, diagnoser (ICPC-2/ICD-10), kontakter og legemidler (ATC). Norske kodeverk etter HL7 Norge no-basis.',
    nn: 'Krev prefetch med pasient, diagnosar (ICPC-2/ICD-10), kontaktar og legemiddel (ATC). Norske kodeverk etter HL7 Noreg no-basis.',
    en: 'Needs prefetch with the patient, diagnoses (ICPC-2/ICD-10), encounters and medications (ATC). Norwegian code systems per HL7 Norway no-basis.',
  },
} as const satisfies Record<string, LocalizedText>;
