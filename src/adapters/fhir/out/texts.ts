import type { LocalizedText } from '../../../model/lang.js';

/** Every text the FHIR output builders write, in bokmål, nynorsk and English. `{x}` are placeholders. */
export const FHIR_TEXTS = {
  riskRationale: {
    nb: '{score}. Høy risiko fra {cutOff} poeng. Poeng fra: {reasons}',
    nn: '{score}. Høg risiko frå {cutOff} poeng. Poeng frå: {reasons}',
    en: '{score}. High risk from {cutOff} points. Points from: {reasons}',
  },
  tierPreliminary: { nb: '{tier} (foreløpig)', nn: '{tier} (førebels)', en: '{tier} (preliminary)' },
  riskNoReasons: { nb: 'ingen regler', nn: 'ingen reglar', en: 'no rules' },
  riskPreliminary: {
    nb: 'Det mangler data. Med alle opplysninger kunne risikoen vært {tier} ({maxPoints}).',
    nn: 'Det manglar data. Med alle opplysningar kunne risikoen ha vore {tier} ({maxPoints}).',
    en: 'Data is missing. With complete data the risk could be {tier} ({maxPoints}).',
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
