import type { Score } from '../engine/decision.js';
import type { Lang, LocalizedText } from '../model/lang.js';

/*
 * The words for a score and its tier, shared by every output that shows a tier (cards, the CLI,
 * the population report, FHIR): a tier that the missing data could still change is called
 * preliminary wherever it is shown, never "low risk" alone.
 */

const TIER: Readonly<Record<Score['tier'], LocalizedText>> = {
  low: { nb: 'lav', nn: 'låg', en: 'low' },
  moderate: { nb: 'moderat', nn: 'moderat', en: 'moderate' },
  high: { nb: 'høy', nn: 'høg', en: 'high' },
};

/** "low", "moderate" or "high" in the language. */
export function tierName(tier: Score['tier'], lang: Lang): string {
  return TIER[tier][lang];
}

/** "1 point", "2 points"; Norwegian "poeng" has one form. */
export function pointsText(points: number, lang: Lang): string {
  if (lang === 'en') return `${points} ${points === 1 ? 'point' : 'points'}`;
  return `${points} poeng`;
}

/** True when the missing data could put the person in another tier than the one shown. */
export function tierUncertain(score: Pick<Score, 'tier' | 'tierIfComplete'>): boolean {
  return score.tier !== score.tierIfComplete;
}

/**
 * The score in one line, e.g. "Risikoskår 2 poeng: lav risiko", or, when the missing data could
 * change the tier, "Risikoskår 2 poeng: foreløpig lav risiko, kan bli høy med data som mangler".
 */
export function scoreSummaryText(score: Pick<Score, 'points' | 'tier' | 'tierIfComplete'>, lang: Lang): string {
  const points = pointsText(score.points, lang);
  const tier = tierName(score.tier, lang);
  if (!tierUncertain(score)) {
    return {
      nb: `Risikoskår ${points}: ${tier} risiko`,
      nn: `Risikoskår ${points}: ${tier} risiko`,
      en: `Risk score ${points}: ${tier} risk`,
    }[lang];
  }
  const could = tierName(score.tierIfComplete, lang);
  return {
    nb: `Risikoskår ${points}: foreløpig ${tier} risiko, kan bli ${could} med data som mangler`,
    nn: `Risikoskår ${points}: førebels ${tier} risiko, kan bli ${could} med data som manglar`,
    en: `Risk score ${points}: ${tier} risk for now, could be ${could} with the missing data`,
  }[lang];
}

/** The sentence on what the missing data could add, or undefined when nothing is missing that counts. */
export function scoreMissingText(score: Pick<Score, 'points' | 'maxPoints' | 'tier' | 'tierIfComplete'>, lang: Lang): string | undefined {
  if (score.maxPoints <= score.points && !tierUncertain(score)) return undefined;
  const max = pointsText(score.maxPoints, lang);
  const could = tierName(score.tierIfComplete, lang);
  return {
    nb: `Med opplysningene som mangler, kan skåren bli opptil ${max} (${could} risiko).`,
    nn: `Med opplysningane som manglar, kan skåren bli opptil ${max} (${could} risiko).`,
    en: `With the missing information the score could reach ${max} (${could} risk).`,
  }[lang];
}
