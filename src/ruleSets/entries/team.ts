/**
 * `oppfolgingsteam/rule-sets/team`: the bundled `team` rule set alone, with only the facts and
 * code lists it reads, for a bundle that needs this one rule set (`loadBundledRuleSet` brings them all).
 * Made by scripts/generate-rule-set-entries.ts; a test checks that it is up to date.
 *
 * @packageDocumentation
 */
import file from '../../../rules/team.json';
import functionalLimitationList from '../../../rules/code-lists/functional-limitation.json';
import mentalHealthSubstanceList from '../../../rules/code-lists/mental-health-substance.json';
import { targetGroupConfirmed } from '../../facts/assessment.js';
import { isChild } from '../../facts/demographics.js';
import { mentalHealthOrSubstance } from '../../facts/diagnoses.js';
import { functionalLimitation } from '../../facts/function.js';
import { regularMedications } from '../../facts/medications.js';
import { coordinatedNeed } from '../../facts/needs.js';
import { wantsTeam } from '../../facts/preferences.js';
import { navInvolved, schoolOrKindergarten } from '../../facts/social.js';
import {
  coordinatorHasMandate,
  coordinatorWishAsked,
  hasCoordinator,
  hasGp,
  hasTeam,
  oneRecordedCoordinator,
  providersNotInTeam,
  teamMembers,
  teamProviders,
} from '../../facts/team.js';
import { singleRuleSetLoader } from '../single.js';
import type { RuleSetLoader } from '../single.js';

/**
 * Compiles the bundled `team` rule set: the rule set `loadBundledRuleSet('team', options)` gives,
 * with the same options. Compile once, at start-up, and reuse the result for every evaluation.
 */
export const loadRuleSet: RuleSetLoader = /* @__PURE__ */ singleRuleSetLoader({
  file,
  facts: [
    targetGroupConfirmed,
    isChild,
    mentalHealthOrSubstance,
    functionalLimitation,
    regularMedications,
    coordinatedNeed,
    wantsTeam,
    navInvolved,
    schoolOrKindergarten,
    coordinatorHasMandate,
    coordinatorWishAsked,
    hasCoordinator,
    hasGp,
    hasTeam,
    oneRecordedCoordinator,
    providersNotInTeam,
    teamMembers,
    teamProviders,
  ],
  codeLists: [functionalLimitationList, mentalHealthSubstanceList],
});
