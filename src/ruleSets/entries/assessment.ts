/**
 * `oppfolgingsteam/rule-sets/assessment`: the bundled `assessment` rule set alone, with only the facts and
 * code lists it reads, for a bundle that needs this one rule set (`loadBundledRuleSet` brings them all).
 * Made by scripts/generate-rule-set-entries.ts; a test checks that it is up to date.
 *
 * @packageDocumentation
 */
import file from '../../../rules/assessment.json';
import {
  abilityToTakePart,
  assessmentCompleted,
  baselineAlternativeRecorded,
  cognitiveImpairment,
  coordinationComplexity,
  functionAndResourcesDocumented,
  hasAssessment,
  psfsBaselineActivities,
  psfsMeasurements,
  whatMattersRecorded,
} from '../../facts/assessment.js';
import { age } from '../../facts/demographics.js';
import { coordinatedNeed } from '../../facts/needs.js';
import { planGoals } from '../../facts/plan.js';
import { singleRuleSetLoader } from '../single.js';
import type { RuleSetLoader } from '../single.js';

/**
 * Compiles the bundled `assessment` rule set: the rule set `loadBundledRuleSet('assessment', options)` gives,
 * with the same options. Compile once, at start-up, and reuse the result for every evaluation.
 */
export const loadRuleSet: RuleSetLoader = /* @__PURE__ */ singleRuleSetLoader({
  file,
  facts: [
    abilityToTakePart,
    assessmentCompleted,
    baselineAlternativeRecorded,
    cognitiveImpairment,
    coordinationComplexity,
    functionAndResourcesDocumented,
    hasAssessment,
    psfsBaselineActivities,
    psfsMeasurements,
    whatMattersRecorded,
    age,
    coordinatedNeed,
    planGoals,
  ],
  codeLists: [],
});
