import type { CdsCoding } from './schema.js';
import { LIB } from '../fhir/model/systems.js';
import type { Lang, LocalizedText } from '../../model/lang.js';

/*
 * Why a clinician dismissed a card, as Codings with a display (CDS Hooks 2.0 cds-resp-4). The codes
 * are the library's; the display is in the card's language. Feedback with these codes can be counted
 * per rule and rule-set version to tune the rules (alert fatigue).
 */

/** Override reasons by code, with their display in three languages. */
export const OVERRIDE_REASONS = {
  'already-followed-up': {
    nb: 'Personen følges allerede opp på annen måte',
    nn: 'Personen blir allereie følgd opp på anna vis',
    en: 'The person is already followed up in another way',
  },
  'person-declines': { nb: 'Personen ønsker ikke dette', nn: 'Personen ønskjer ikkje dette', en: 'The person does not want this' },
  'not-relevant-now': { nb: 'Ikke aktuelt nå', nn: 'Ikkje aktuelt no', en: 'Not relevant now' },
  'data-incorrect': { nb: 'Opplysningene stemmer ikke', nn: 'Opplysningane stemmer ikkje', en: 'The information is incorrect' },
  'data-not-available': {
    nb: 'Opplysningene er ikke tilgjengelige',
    nn: 'Opplysningane er ikkje tilgjengelege',
    en: 'The information is not available',
  },
  'clinical-judgement': {
    nb: 'Klinisk vurdering tilsier noe annet',
    nn: 'Klinisk vurdering tilseier noko anna',
    en: 'Clinical judgement indicates otherwise',
  },
  other: { nb: 'Annen grunn', nn: 'Anna grunn', en: 'Other reason' },
} as const satisfies Record<string, LocalizedText>;

/** An override-reason code. */
export type OverrideReasonCode = keyof typeof OVERRIDE_REASONS;

/** Which reasons each kind of card offers. */
export const REASONS_BY_CARD: Readonly<Record<'prompt' | 'data-needed' | 'score', readonly OverrideReasonCode[]>> = {
  prompt: ['already-followed-up', 'person-declines', 'not-relevant-now', 'data-incorrect', 'clinical-judgement', 'other'],
  'data-needed': ['data-not-available', 'not-relevant-now', 'other'],
  score: ['data-incorrect', 'clinical-judgement', 'not-relevant-now', 'other'],
};

/** The override reasons for a kind of card, as Codings with a display in `lang`. */
export function overrideReasons(kind: keyof typeof REASONS_BY_CARD, lang: Lang): CdsCoding[] {
  return REASONS_BY_CARD[kind].map((code) => ({ system: LIB.overrideReason, code, display: OVERRIDE_REASONS[code][lang] }));
}
