/**
 * `oppfolgingsteam/rule-sets/rights`: the bundled `rights` rule set alone, with only the facts and
 * code lists it reads, for a bundle that needs this one rule set (`loadBundledRuleSet` brings them all).
 * Made by scripts/generate-rule-set-entries.ts; a test checks that it is up to date.
 *
 * @packageDocumentation
 */
import file from '../../../rules/rights.json';
import pediatricComplexConditionsList from '../../../rules/code-lists/pediatric-complex-conditions.json';
import { complexNeeds } from '../../facts/assessment.js';
import { age, isChild } from '../../facts/demographics.js';
import { longTermCoordinatedCare, longTermNeed, municipalAndSpecialistNeeds, needsOtherWelfareServices } from '../../facts/needs.js';
import { wantsCoordinator, wantsIndividualPlan, wantsTeam } from '../../facts/preferences.js';
import { referralRecordIncomplete, referralsToCoordinatingUnit, refusedRequests, seriousChildCondition } from '../../facts/rights.js';
import { stagesUnderWay } from '../../facts/stage.js';
import { hasCoordinator } from '../../facts/team.js';
import { singleRuleSetLoader } from '../single.js';
import type { RuleSetLoader } from '../single.js';

/**
 * Compiles the bundled `rights` rule set: the rule set `loadBundledRuleSet('rights', options)` gives,
 * with the same options. Compile once, at start-up, and reuse the result for every evaluation.
 */
export const loadRuleSet: RuleSetLoader = /* @__PURE__ */ singleRuleSetLoader({
  file,
  facts: [
    complexNeeds,
    age,
    isChild,
    longTermCoordinatedCare,
    longTermNeed,
    municipalAndSpecialistNeeds,
    needsOtherWelfareServices,
    wantsCoordinator,
    wantsIndividualPlan,
    wantsTeam,
    referralRecordIncomplete,
    referralsToCoordinatingUnit,
    refusedRequests,
    seriousChildCondition,
    stagesUnderWay,
    hasCoordinator,
  ],
  codeLists: [pediatricComplexConditionsList],
});
