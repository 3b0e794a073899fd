import type { CompiledRuleSet } from '../../engine/compile.js';
import type { Lang, LocalizedText } from '../../model/lang.js';
import type { CdsService } from './discovery.js';
import { DISCHARGE_PREFETCH } from './dischargeRequest.js';

/*
 * The discovery entry of the `encounter-discharge` service, for hospital EPJs: at discharge, the
 * risk score of readmission (parts of LACE and HOSPITAL, the identification rule set's score) and,
 * when it is high, a proposal to report the need for a coordinator to the coordinating unit.
 */

const TEXTS = {
  title: {
    nb: 'Oppfølgingsteam: risiko ved utskrivning',
    nn: 'Oppfølgingsteam: risiko ved utskriving',
    en: 'Follow-up team: risk at discharge',
  },
  description: {
    nb: 'Ved utskrivning fra sykehus: risikoskår for reinnleggelse (deler av LACE og HOSPITAL) og, når den er høy, forslag om å melde behov for koordinator og individuell plan til koordinerende enhet.',
    nn: 'Ved utskriving frå sjukehus: risikoskår for reinnlegging (delar av LACE og HOSPITAL) og, når han er høg, forslag om å melde behov for koordinator og individuell plan til koordinerande eining.',
    en: 'At hospital discharge: the readmission risk score (parts of LACE and HOSPITAL) and, when it is high, a proposal to report the need for a coordinator and an individual plan to the coordinating unit.',
  },
  usage: {
    nb: 'For sykehusets EPJ. Krever prefetch med pasient, diagnoser (ICD-10/ICPC-2) og kontakter, med utskrivningsdato (period.end) på oppholdet som avsluttes.',
    nn: 'For EPJ-en til sjukehuset. Krev prefetch med pasient, diagnosar (ICD-10/ICPC-2) og kontaktar, med utskrivingsdato (period.end) på opphaldet som blir avslutta.',
    en: "For the hospital's EPJ. Needs prefetch with the patient, diagnoses (ICD-10/ICPC-2) and encounters, with the discharge date (period.end) on the stay that ends.",
  },
} as const satisfies Record<string, LocalizedText>;

/** The `encounter-discharge` service description. */
export function encounterDischargeService(options: {
  readonly id: string;
  readonly lang: Lang;
  readonly ruleSet: CompiledRuleSet;
}): CdsService {
  const { lang, ruleSet } = options;
  return {
    hook: 'encounter-discharge',
    title: TEXTS.title[lang],
    id: options.id,
    description: `${TEXTS.description[lang]} ${ruleSet.file.title[lang]} ${ruleSet.version}.`,
    prefetch: Object.fromEntries(Object.entries(DISCHARGE_PREFETCH).map(([k, v]) => [k, v.query])),
    usageRequirements: TEXTS.usage[lang],
    extension: { oppfolgingsteam: { ruleSets: [{ id: ruleSet.id, version: ruleSet.version, contentHash: ruleSet.contentHash }] } },
  };
}
