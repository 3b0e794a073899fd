/**
 * `oppfolgingsteam/rule-sets/identification`: the bundled `identification` rule set alone, with only the facts and
 * code lists it reads, for a bundle that needs this one rule set (`loadBundledRuleSet` brings them all).
 * Made by scripts/generate-rule-set-entries.ts; a test checks that it is up to date.
 *
 * @packageDocumentation
 */
import file from '../../../rules/identification.json';
import autismAdhdList from '../../../rules/code-lists/autism-adhd.json';
import charlsonList from '../../../rules/code-lists/charlson.json';
import charlsonIcpc2List from '../../../rules/code-lists/charlson-icpc2.json';
import chronicConditionsList from '../../../rules/code-lists/chronic-conditions.json';
import dementiaList from '../../../rules/code-lists/dementia.json';
import functionalLimitationList from '../../../rules/code-lists/functional-limitation.json';
import intellectualDisabilityList from '../../../rules/code-lists/intellectual-disability.json';
import mentalHealthSubstanceList from '../../../rules/code-lists/mental-health-substance.json';
import pediatricComplexConditionsList from '../../../rules/code-lists/pediatric-complex-conditions.json';
import socialProblemsList from '../../../rules/code-lists/social-problems.json';
import { age, isChild } from '../../facts/demographics.js';
import {
  charlsonIndex,
  childComplexConditionGroups,
  dementia,
  intellectualDisability,
  longTermConditions,
  mentalHealthOrSubstance,
  physicalAndMental,
  socialProblems,
} from '../../facts/diagnoses.js';
import { admissions, emergencyAdmissions, emergencyVisits, longestAdmissionStay } from '../../facts/encounters.js';
import { falls, frail } from '../../facts/frailty.js';
import { functionalLimitation } from '../../facts/function.js';
import { regularMedications } from '../../facts/medications.js';
import { followUpRequested } from '../../facts/preferences.js';
import { municipalServices } from '../../facts/social.js';
import { singleRuleSetLoader } from '../single.js';
import type { RuleSetLoader } from '../single.js';

/**
 * Compiles the bundled `identification` rule set: the rule set `loadBundledRuleSet('identification', options)` gives,
 * with the same options. Compile once, at start-up, and reuse the result for every evaluation.
 */
export const loadRuleSet: RuleSetLoader = /* @__PURE__ */ singleRuleSetLoader({
  file,
  facts: [
    age,
    isChild,
    charlsonIndex,
    childComplexConditionGroups,
    dementia,
    intellectualDisability,
    longTermConditions,
    mentalHealthOrSubstance,
    physicalAndMental,
    socialProblems,
    admissions,
    emergencyAdmissions,
    emergencyVisits,
    longestAdmissionStay,
    falls,
    frail,
    functionalLimitation,
    regularMedications,
    followUpRequested,
    municipalServices,
  ],
  codeLists: [
    autismAdhdList,
    charlsonList,
    charlsonIcpc2List,
    chronicConditionsList,
    dementiaList,
    functionalLimitationList,
    intellectualDisabilityList,
    mentalHealthSubstanceList,
    pediatricComplexConditionsList,
    socialProblemsList,
  ],
});
