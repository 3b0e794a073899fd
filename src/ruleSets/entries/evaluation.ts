/**
 * `oppfolgingsteam/rule-sets/evaluation`: the bundled `evaluation` rule set alone, with only the facts and
 * code lists it reads, for a bundle that needs this one rule set (`loadBundledRuleSet` brings them all).
 * Made by scripts/generate-rule-set-entries.ts; a test checks that it is up to date.
 *
 * @packageDocumentation
 */
import file from '../../../rules/evaluation.json';
import {
  allGoalsMet,
  checkpointsDue,
  goalsNotMet,
  psfsComparable,
  psfsDeterioration,
  psfsFollowUps,
  psfsImprovement,
} from '../../facts/evaluation.js';
import { hasPlan } from '../../facts/plan.js';
import { hasTeam } from '../../facts/team.js';
import { singleRuleSetLoader } from '../single.js';
import type { RuleSetLoader } from '../single.js';

/**
 * Compiles the bundled `evaluation` rule set: the rule set `loadBundledRuleSet('evaluation', options)` gives,
 * with the same options. Compile once, at start-up, and reuse the result for every evaluation.
 */
export const loadRuleSet: RuleSetLoader = /* @__PURE__ */ singleRuleSetLoader({
  file,
  facts: [allGoalsMet, checkpointsDue, goalsNotMet, psfsComparable, psfsDeterioration, psfsFollowUps, psfsImprovement, hasPlan, hasTeam],
  codeLists: [],
});
