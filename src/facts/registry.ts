import { age, asOf, isChild, municipality, sex } from './demographics.js';
import {
  activeDiagnoses,
  autismOrAdhd,
  charlsonIndex,
  childComplexConditionGroups,
  dementia,
  intellectualDisability,
  longTermConditionGroups,
  longTermConditions,
  mentalHealthOrSubstance,
  physicalAndMental,
  socialProblems,
  substanceUse,
} from './diagnoses.js';
import {
  admissions,
  bedDays,
  emergencyAdmissions,
  emergencyVisits,
  gpConsultations,
  lastAdmissionEmergency,
  lastAdmissionLengthOfStay,
  longestAdmissionStay,
} from './encounters.js';
import { functionalLimitation, iplosMax, psfsBaseline } from './function.js';
import { falls, frail, prisma7Score } from './frailty.js';
import { regularMedications } from './medications.js';
import {
  childWelfareInvolved,
  informalCarer,
  interpreterNeeded,
  livesAlone,
  municipalServiceHours,
  municipalServices,
  navInvolved,
  schoolOrKindergarten,
} from './social.js';
import { stagesUnderWay } from './stage.js';
import {
  abilityToTakePart,
  assessmentCompleted,
  baselineAlternativeRecorded,
  cognitiveImpairment,
  complexNeeds,
  coordinationComplexity,
  functionAndResourcesDocumented,
  hasAssessment,
  psfsBaselineActivities,
  psfsMeasurements,
  targetGroupConfirmed,
  whatMattersRecorded,
} from './assessment.js';
import {
  childNotHeard,
  consentCompetence,
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
} from './consent.js';
import {
  allGoalsMet,
  checkpointsDue,
  goalsNotMet,
  psfsComparable,
  psfsDeterioration,
  psfsFollowUps,
  psfsImprovement,
} from './evaluation.js';
import { coordinatedNeed, longTermCoordinatedCare, longTermNeed, municipalAndSpecialistNeeds, needsOtherWelfareServices } from './needs.js';
import {
  hasPlan,
  languageNeedsAddressed,
  measuresWithoutGoalOrOwner,
  personGoals,
  planCheckpoints,
  planGoals,
  planKind,
  planMissingContent,
  unlinkedOtherPlans,
} from './plan.js';
import { followUpRequested, wantsCoordinator, wantsIndividualPlan, wantsTeam } from './preferences.js';
import { referralRecordIncomplete, referralsToCoordinatingUnit, refusedRequests, seriousChildCondition } from './rights.js';
import {
  coordinatorHasMandate,
  coordinatorKind,
  coordinatorWishAsked,
  hasCoordinator,
  hasGp,
  hasTeam,
  oneRecordedCoordinator,
  providersNotInTeam,
  teamMembers,
  teamProviders,
  teamStatus,
} from './team.js';
import {
  closureDocumented,
  closureReason,
  daysUntil18,
  transitionTypes,
  transitionsSinceTeamStart,
  unreviewedTransitions,
} from './transition.js';
import type { FactDefinition } from './types.js';

/** A set of facts by name. */
export type FactRegistry = ReadonlyMap<string, FactDefinition<any>>;

/** Builds a registry from fact definitions; a duplicate name is a programming error. */
export function createFactRegistry(defs: readonly FactDefinition<any>[]): FactRegistry {
  const m = new Map<string, FactDefinition<any>>();
  for (const d of defs) {
    if (m.has(d.name)) throw new Error(`duplicate fact ${d.name}`);
    m.set(d.name, d);
  }
  return m;
}

/**
 * Every built-in derived fact, by module in a fixed order and by name within a module. Named one by
 * one, never through a module namespace, so that a bundle keeps only the facts it uses; a test checks
 * that every fact each module exports is listed.
 */
export function builtinFactDefinitions(): FactDefinition<any>[] {
  return [
    age,
    asOf,
    isChild,
    municipality,
    sex,
    admissions,
    bedDays,
    emergencyAdmissions,
    emergencyVisits,
    gpConsultations,
    lastAdmissionEmergency,
    lastAdmissionLengthOfStay,
    longestAdmissionStay,
    activeDiagnoses,
    autismOrAdhd,
    charlsonIndex,
    childComplexConditionGroups,
    dementia,
    intellectualDisability,
    longTermConditionGroups,
    longTermConditions,
    mentalHealthOrSubstance,
    physicalAndMental,
    socialProblems,
    substanceUse,
    regularMedications,
    functionalLimitation,
    iplosMax,
    psfsBaseline,
    falls,
    frail,
    prisma7Score,
    childWelfareInvolved,
    informalCarer,
    interpreterNeeded,
    livesAlone,
    municipalServiceHours,
    municipalServices,
    navInvolved,
    schoolOrKindergarten,
    // Framework facts: needs, assessment, consent, team, plan, evaluation, transitions, rights.
    coordinatedNeed,
    longTermCoordinatedCare,
    longTermNeed,
    municipalAndSpecialistNeeds,
    needsOtherWelfareServices,
    followUpRequested,
    wantsCoordinator,
    wantsIndividualPlan,
    wantsTeam,
    abilityToTakePart,
    assessmentCompleted,
    baselineAlternativeRecorded,
    cognitiveImpairment,
    complexNeeds,
    coordinationComplexity,
    functionAndResourcesDocumented,
    hasAssessment,
    psfsBaselineActivities,
    psfsMeasurements,
    targetGroupConfirmed,
    whatMattersRecorded,
    childNotHeard,
    consentCompetence,
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
    coordinatorHasMandate,
    coordinatorKind,
    coordinatorWishAsked,
    hasCoordinator,
    hasGp,
    hasTeam,
    oneRecordedCoordinator,
    providersNotInTeam,
    teamMembers,
    teamProviders,
    teamStatus,
    hasPlan,
    languageNeedsAddressed,
    measuresWithoutGoalOrOwner,
    personGoals,
    planCheckpoints,
    planGoals,
    planKind,
    planMissingContent,
    unlinkedOtherPlans,
    allGoalsMet,
    checkpointsDue,
    goalsNotMet,
    psfsComparable,
    psfsDeterioration,
    psfsFollowUps,
    psfsImprovement,
    closureDocumented,
    closureReason,
    daysUntil18,
    transitionTypes,
    transitionsSinceTeamStart,
    unreviewedTransitions,
    referralRecordIncomplete,
    referralsToCoordinatingUnit,
    refusedRequests,
    seriousChildCondition,
    stagesUnderWay,
  ];
}
