/**
 * `oppfolgingsteam/rule-sets/consent`: the bundled `consent` rule set alone, with only the facts and
 * code lists it reads, for a bundle that needs this one rule set (`loadBundledRuleSet` brings them all).
 * Made by scripts/generate-rule-set-entries.ts; a test checks that it is up to date.
 *
 * @packageDocumentation
 */
import file from '../../../rules/consent.json';
import {
  childNotHeard,
  consentOnBehalf,
  consentRecordGaps,
  consentsFromWrongGiver,
  daysUntil16,
  lackOfConsentCompetenceRecorded,
  membersWithoutExplicitConsent,
  oneParentConsents,
  parentConsent,
  sharingObjection,
  validConsent,
  withdrawnConsents,
  youngPersonAloneUnclear,
} from '../../facts/consent.js';
import { age } from '../../facts/demographics.js';
import { planKind } from '../../facts/plan.js';
import { stagesUnderWay } from '../../facts/stage.js';
import { hasCoordinator, hasTeam } from '../../facts/team.js';
import { singleRuleSetLoader } from '../single.js';
import type { RuleSetLoader } from '../single.js';

/**
 * Compiles the bundled `consent` rule set: the rule set `loadBundledRuleSet('consent', options)` gives,
 * with the same options. Compile once, at start-up, and reuse the result for every evaluation.
 */
export const loadRuleSet: RuleSetLoader = /* @__PURE__ */ singleRuleSetLoader({
  file,
  facts: [
    childNotHeard,
    consentOnBehalf,
    consentRecordGaps,
    consentsFromWrongGiver,
    daysUntil16,
    lackOfConsentCompetenceRecorded,
    membersWithoutExplicitConsent,
    oneParentConsents,
    parentConsent,
    sharingObjection,
    validConsent,
    withdrawnConsents,
    youngPersonAloneUnclear,
    age,
    planKind,
    stagesUnderWay,
    hasCoordinator,
    hasTeam,
  ],
  codeLists: [],
});
