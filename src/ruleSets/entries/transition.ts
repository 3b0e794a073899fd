/**
 * `oppfolgingsteam/rule-sets/transition`: the bundled `transition` rule set alone, with only the facts and
 * code lists it reads, for a bundle that needs this one rule set (`loadBundledRuleSet` brings them all).
 * Made by scripts/generate-rule-set-entries.ts; a test checks that it is up to date.
 *
 * @packageDocumentation
 */
import file from '../../../rules/transition.json';
import { age } from '../../facts/demographics.js';
import { allGoalsMet } from '../../facts/evaluation.js';
import { coordinatedNeed } from '../../facts/needs.js';
import { coordinatorKind, hasCoordinator, hasTeam, teamStatus } from '../../facts/team.js';
import {
  closureDocumented,
  daysUntil18,
  transitionTypes,
  transitionsSinceTeamStart,
  unreviewedTransitions,
} from '../../facts/transition.js';
import { singleRuleSetLoader } from '../single.js';
import type { RuleSetLoader } from '../single.js';

/**
 * Compiles the bundled `transition` rule set: the rule set `loadBundledRuleSet('transition', options)` gives,
 * with the same options. Compile once, at start-up, and reuse the result for every evaluation.
 */
export const loadRuleSet: RuleSetLoader = /* @__PURE__ */ singleRuleSetLoader({
  file,
  facts: [
    age,
    allGoalsMet,
    coordinatedNeed,
    coordinatorKind,
    hasCoordinator,
    hasTeam,
    teamStatus,
    closureDocumented,
    daysUntil18,
    transitionTypes,
    transitionsSinceTeamStart,
    unreviewedTransitions,
  ],
  codeLists: [],
});
