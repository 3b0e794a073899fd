import type { LocalizedText } from '../../../model/lang.js';

/** Every text the FHIR output builders write, in bokmål, nynorsk and English. `{x}` are placeholders. */
export const FHIR_TEXTS = {
  tierLow: { nb: 'lav', nn: 'låg', en: 'low' },
  tierModerate: { nb: 'moderat', nn: 'moderat', en: 'moderate' },
  tierHigh: { nb: 'høy', nn: 'høg', en: 'high' },
  riskRationale: {
    nb: '{points} poeng gir {tier} risiko (høy fra {cutOff} poeng). Poeng fra: {reasons}',
    nn: '{points} poeng gir {tier} risiko (høg frå {cutOff} poeng). Poeng frå: {reasons}',
    en: '{points} points give {tier} risk (high from {cutOff} points). Points from: {reasons}',
  },
  riskNoReasons: { nb: 'ingen regler', nn: 'ingen reglar', en: 'no rules' },
  riskPreliminary: {
    nb: 'Det mangler data. Med alle opplysninger kunne risikoen vært {tier} ({maxPoints} poeng).',
    nn: 'Det manglar data. Med alle opplysningar kunne risikoen ha vore {tier} ({maxPoints} poeng).',
    en: 'Data is missing. With complete data the risk could be {tier} ({maxPoints} points).',
  },
  evaluateTask: {
    nb: 'Evaluer oppfølgingsplanen ved sjekkpunktet {date}: mål, tiltak og funksjon mot utgangspunktet.',
    nn: 'Evaluer oppfølgingsplanen ved sjekkpunktet {date}: mål, tiltak og funksjon mot utgangspunktet.',
    en: 'Evaluate the follow-up plan at the checkpoint on {date}: goals, measures and function against the baseline.',
  },
  extent: { nb: 'Omfang: {text}', nn: 'Omfang: {text}', en: 'Extent: {text}' },
  howCarriedOut: { nb: 'Gjennomføring: {text}', nn: 'Gjennomføring: {text}', en: 'How it is carried out: {text}' },
  relative: { nb: 'Pårørende', nn: 'Pårørande', en: 'Next of kin' },
  parent: { nb: 'Forelder', nn: 'Forelder', en: 'Parent' },
  representative: { nb: 'Representant', nn: 'Representant', en: 'Representative' },
  childWelfare: { nb: 'Barnevernstjenesten', nn: 'Barnevernstenesta', en: 'Child welfare service' },
  coordinatorToAppoint: { nb: 'Koordinator skal oppnevnes', nn: 'Koordinator skal oppnemnast', en: 'Coordinator to be appointed' },
} as const satisfies Record<string, LocalizedText>;
