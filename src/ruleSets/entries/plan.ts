/**
 * `oppfolgingsteam/rule-sets/plan`: the bundled `plan` rule set alone, with only the facts and
 * code lists it reads, for a bundle that needs this one rule set (`loadBundledRuleSet` brings them all).
 * Made by scripts/generate-rule-set-entries.ts; a test checks that it is up to date.
 *
 * @packageDocumentation
 */
import file from '../../../rules/plan.json';
import {
  hasPlan,
  languageNeedsAddressed,
  measuresWithoutGoalOrOwner,
  personGoals,
  planCheckpoints,
  planGoals,
  planMissingContent,
  unlinkedOtherPlans,
} from '../../facts/plan.js';
import { interpreterNeeded } from '../../facts/social.js';
import { singleRuleSetLoader } from '../single.js';
import type { RuleSetLoader } from '../single.js';

/**
 * Compiles the bundled `plan` rule set: the rule set `loadBundledRuleSet('plan', options)` gives,
 * with the same options. Compile once, at start-up, and reuse the result for every evaluation.
 */
export const loadRuleSet: RuleSetLoader = /* @__PURE__ */ singleRuleSetLoader({
  file,
  facts: [
    hasPlan,
    languageNeedsAddressed,
    measuresWithoutGoalOrOwner,
    personGoals,
    planCheckpoints,
    planGoals,
    planMissingContent,
    unlinkedOtherPlans,
    interpreterNeeded,
  ],
  codeLists: [],
});
