import type * as E from '../../../util/either.js';
import type { InvalidFhirOutputError } from '../errors.js';
import { fromDecision } from './checked.js';
import type { CompiledRuleSet } from '../../../engine/compile.js';
import type { Decision } from '../../../engine/decision.js';
import type { Reference } from '../model/datatypes.js';
import { fhirSafe } from '../model/strings.js';
import type { RiskAssessment } from '../model/resources.js';
import { HL7, RULE_SET_SYSTEM } from '../model/systems.js';
import { pointsText, scoreSummaryText, tierName, tierUncertain } from '../../../explain/score.js';
import { fill } from '../../../util/template.js';
import type { FhirOutputOptions } from './common.js';
import { identifierFor, patientRef } from './common.js';
import { FHIR_TEXTS } from './texts.js';

/*
 * A decision's points-based score → RiskAssessment. `method` names the rule set (id and version) and
 * how it scores; `basis` lists what the score was computed from; the prediction carries the tier as
 * HL7's qualitative risk and a rationale listing each rule that gave points. When missing data could
 * change the tier, the assessment is `preliminary` and a note says what the tier could become.
 */

/** Options for {@link toRiskAssessment}. */
export interface RiskAssessmentOptions extends FhirOutputOptions {
  /** References to the resources the person was read from (`FhirPerson.basis`). The patient is always included. */
  readonly basis?: readonly string[];
}

function buildRiskAssessment(decision: Decision, ruleSet: CompiledRuleSet, options: RiskAssessmentOptions): RiskAssessment | undefined {
  const score = decision.score;
  if (!score) return undefined;
  if (decision.ruleSet.id !== ruleSet.id) throw new TypeError('the decision comes from another rule set');
  const lang = options.lang ?? 'nb';
  const subject = patientRef(options);
  const title = ruleSet.file.title[lang];
  const basis: Reference[] = [
    subject,
    ...[...new Set(options.basis ?? [])].filter((b) => b !== subject.reference).map((reference) => ({ reference })),
  ];
  const reasons =
    score.reasons.length > 0 ? score.reasons.map((r) => r.text.replace(/\.$/, '')).join('; ') : FHIR_TEXTS.riskNoReasons[lang];
  // The rationale opens with the same score line the cards show, "preliminary" included.
  const rationale = fill(FHIR_TEXTS.riskRationale[lang], {
    score: scoreSummaryText(score, lang),
    cutOff: score.highCutOff ?? '–',
    reasons,
  });
  const preliminary = tierUncertain(score);
  const tier = tierName(score.tier, lang);
  return fhirSafe({
    resourceType: 'RiskAssessment',
    identifier: [identifierFor(['RiskAssessment', ruleSet.id, ruleSet.version, subject.reference!, decision.asOf])],
    status: preliminary ? 'preliminary' : 'final',
    method: {
      coding: [{ system: RULE_SET_SYSTEM, version: ruleSet.version, code: ruleSet.id, display: title }],
      text: ruleSet.file.scoring?.description?.[lang] ?? title,
    },
    subject,
    occurrenceDateTime: decision.asOf,
    basis,
    prediction: [
      {
        outcome: { text: title },
        qualitativeRisk: {
          coding: [{ system: HL7.riskProbability, code: score.tier }],
          text: preliminary ? fill(FHIR_TEXTS.tierPreliminary[lang], { tier }) : tier,
        },
        rationale: `${rationale}.`,
      },
    ],
    ...(preliminary
      ? {
          note: [
            {
              text: fill(FHIR_TEXTS.riskPreliminary[lang], {
                tier: tierName(score.tierIfComplete, lang),
                maxPoints: pointsText(score.maxPoints, lang),
              }),
            },
          ],
        }
      : {}),
  } satisfies RiskAssessment);
}

/**
 * The RiskAssessment for a decision's score, or undefined when the rule set has no scoring section.
 * Never throws: options without `patient`, a decision of another rule set or a value that is not a decision is an `InvalidFhirOutput` error.
 */
export function toRiskAssessment(
  decision: Decision,
  ruleSet: CompiledRuleSet,
  options: RiskAssessmentOptions,
): E.Either<InvalidFhirOutputError, RiskAssessment | undefined> {
  return fromDecision(decision, ruleSet, options, buildRiskAssessment);
}
