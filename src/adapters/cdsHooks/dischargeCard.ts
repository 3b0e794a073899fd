import type { Decision } from '../../engine/decision.js';
import type { Lang, LocalizedText } from '../../model/lang.js';
import { escapeMarkdown } from '../../util/markdown.js';
import { fill } from '../../util/template.js';
import { nameBasedUuid } from '../../util/uuid.js';
import { summaryOf } from './cards.js';
import { overrideReasons } from './overrideReasons.js';
import type { CdsCard, CdsLink } from './schema.js';

/*
 * At a hospital discharge, a card that proposes notifying the coordinating unit (koordinerende enhet)
 * when the discharge-time risk score is high, or could be high with the data that is missing.
 *
 * What is found and what is inferred: health personnel shall report a patient's need for an
 * individual plan and a coordinator as soon as possible, in the specialist health service to its
 * coordinating unit (helsepersonelloven § 38 a; spesialisthelsetjenesteloven § 2-5 a), and the
 * report usually holds confidential information, so the consent rules apply and the report is
 * documented in the record (Helsedirektoratet's commentary on § 38 a). That a high readmission score
 * (LACE parts) is the moment to consider it is this library's inference: the score does not decide
 * the need, the clinician does. The card says so, and never tells anyone to share without consent.
 */

const TEXTS = {
  summary: {
    nb: 'Vurder å melde behov for koordinator og individuell plan til koordinerende enhet',
    nn: 'Vurder å melde behov for koordinator og individuell plan til koordinerande eining',
    en: 'Consider reporting the need for a coordinator and an individual plan to the coordinating unit',
  },
  high: {
    nb: 'Risikoskåren ved utskrivning er {points} poeng (høy fra {cutOff}).',
    nn: 'Risikoskåren ved utskriving er {points} poeng (høg frå {cutOff}).',
    en: 'The risk score at discharge is {points} points (high from {cutOff}).',
  },
  couldBeHigh: {
    nb: 'Risikoskåren ved utskrivning er {points} poeng, og kan bli høy (fra {cutOff}) med opplysningene som mangler.',
    nn: 'Risikoskåren ved utskriving er {points} poeng, og kan bli høg (frå {cutOff}) med opplysningane som manglar.',
    en: 'The risk score at discharge is {points} points, and could be high (from {cutOff}) with the information that is missing.',
  },
  body: {
    nb: 'Vurder om pasienten trenger langvarige og koordinerte tjenester. I så fall skal behovet for individuell plan og koordinator meldes snarest mulig til koordinerende enhet (helsepersonelloven § 38 a), og kommunen varsles etter de vanlige rutinene for utskrivning. Meldingen inneholder vanligvis taushetsbelagte opplysninger: samtykkereglene gjelder, og meldingen dokumenteres i journalen.',
    nn: 'Vurder om pasienten treng langvarige og koordinerte tenester. I så fall skal behovet for individuell plan og koordinator meldast snarast mogleg til koordinerande eining (helsepersonellova § 38 a), og kommunen blir varsla etter dei vanlege rutinane for utskriving. Meldinga inneheld vanlegvis opplysningar som er underlagde teieplikt: samtykkereglane gjeld, og meldinga blir dokumentert i journalen.',
    en: 'Consider whether the patient needs long-term and coordinated services. If so, the need for an individual plan and a coordinator is to be reported as soon as possible to the coordinating unit (Health Personnel Act § 38 a), and the municipality notified by the usual discharge routines. The report usually holds confidential information: the consent rules apply, and the report is documented in the record.',
  },
  inferred: {
    nb: 'Kilde: helsepersonelloven § 38 a og spesialisthelsetjenesteloven § 2-5 a (funnet). At en høy skår ved utskrivning er tidspunktet å vurdere det, er utledet av dette biblioteket; skåren avgjør ikke behovet.',
    nn: 'Kjelde: helsepersonellova § 38 a og spesialisthelsetenestelova § 2-5 a (funne). At ein høg skår ved utskriving er tidspunktet å vurdere det, er utleidd av dette biblioteket; skåren avgjer ikkje behovet.',
    en: 'Source: Health Personnel Act § 38 a and Specialist Health Services Act § 2-5 a (found). That a high score at discharge is the moment to consider it is inferred by this library; the score does not decide the need.',
  },
  footer: {
    nb: 'Beslutningsstøtte: vurderingen er din. Poengsum etter {ruleSet} {version}.',
    nn: 'Avgjerdsstøtte: vurderinga er di. Poengsum etter {ruleSet} {version}.',
    en: 'Decision support: the judgement is yours. Score from {ruleSet} {version}.',
  },
  sourceLabel: {
    nb: 'Helsedirektoratet, helsepersonelloven med kommentarer, § 38 a Melding om behov for individuell plan og koordinator',
    nn: 'Helsedirektoratet, helsepersonellova med kommentarar, § 38 a Melding om behov for individuell plan og koordinator',
    en: 'Helsedirektoratet, the Health Personnel Act with commentary, § 38 a Report of the need for an individual plan and a coordinator',
  },
  lawLabel: {
    nb: 'Lovdata: helsepersonelloven § 38 a',
    nn: 'Lovdata: helsepersonellova § 38 a',
    en: 'Lovdata: Health Personnel Act § 38 a',
  },
  specialistLawLabel: {
    nb: 'Lovdata: spesialisthelsetjenesteloven § 2-5 a',
    nn: 'Lovdata: spesialisthelsetenestelova § 2-5 a',
    en: 'Lovdata: Specialist Health Services Act § 2-5 a',
  },
} as const satisfies Record<string, LocalizedText>;

/** Canonical addresses of the sources the card cites. */
export const DISCHARGE_SOURCES = {
  commentary:
    'https://www.helsedirektoratet.no/rundskriv/helsepersonelloven-med-kommentarer/meldeplikt/-38-a.melding-om-behov-for-individuell-plan-og-koordinator',
  law: 'https://lovdata.no/lov/1999-07-02-64/§38a',
  specialistLaw: 'https://lovdata.no/lov/1999-07-02-61/§2-5a',
} as const;

/**
 * The "notify the coordinating unit" card for a discharge decision of a scored rule set, or undefined
 * when the score is neither high nor could be high with missing data.
 */
export function notifyCoordinatingUnitCard(
  decision: Decision,
  options: { readonly lang: Lang; readonly hookInstance: string; readonly patient: string; readonly ruleSetTitle: string },
): CdsCard | undefined {
  const s = decision.score;
  if (!s || (s.tier !== 'high' && s.tierIfComplete !== 'high')) return undefined;
  const { lang } = options;
  const cutOff = s.highCutOff ?? '–';
  const lead = fill((s.tier === 'high' ? TEXTS.high : TEXTS.couldBeHigh)[lang], { points: s.points, cutOff });
  const links: CdsLink[] = [
    { label: TEXTS.lawLabel[lang], url: DISCHARGE_SOURCES.law, type: 'absolute' },
    { label: TEXTS.specialistLawLabel[lang], url: DISCHARGE_SOURCES.specialistLaw, type: 'absolute' },
  ];
  return {
    uuid: nameBasedUuid([
      'oppfolgingsteam',
      'notify-coordinating-unit',
      decision.ruleSet.id,
      decision.ruleSet.version,
      options.patient,
      options.hookInstance,
    ]),
    summary: summaryOf(TEXTS.summary[lang]),
    detail: [
      escapeMarkdown(`${lead} ${TEXTS.body[lang]}`),
      escapeMarkdown(TEXTS.inferred[lang]),
      `*${escapeMarkdown(fill(TEXTS.footer[lang], { ruleSet: options.ruleSetTitle, version: decision.ruleSet.version }))}*`,
    ].join('\n\n'),
    indicator: s.tier === 'high' ? 'warning' : 'info',
    source: { label: TEXTS.sourceLabel[lang], url: DISCHARGE_SOURCES.commentary },
    links,
    overrideReasons: overrideReasons('prompt', lang),
  };
}
