import * as z from 'zod';
import { LIMITS } from '../model/limits.js';
import {
  Consent,
  Coordinator,
  Goal,
  IsoDate,
  Plan,
  PsfsMeasure,
  ServiceKind,
  ServiceNeed,
  TeamMember,
  WhatMatters,
} from '../model/person.js';
import { CloseReason, FlagChannel, NewTrigger, PathwayConfigInput, TransitionKind } from './context.js';

/*
 * The events a host sends, validated with zod at the edge. Each event is a strict object with a
 * literal `type`, so a misspelt field is an error rather than silently ignored. The time and the
 * sender's role are not part of the event: they come in the options of `sendEvent` and go to the
 * history with it.
 */

const Text = z.string().min(1).max(LIMITS.textLength);

/** Who sends an event, and who an item in `whatIsDue` waits on. */
export const PathwayRole = z.enum(['gp', 'staff', 'coordinating-unit', 'coordinator', 'team', 'person', 'relative', 'risk-screening']);
/** A role. */
export type PathwayRole = z.infer<typeof PathwayRole>;

/** What a host gives to start a pathway: how the person was flagged, and optional local periods. */
export const StartInput = z.strictObject({
  channel: FlagChannel,
  reason: Text.optional(),
  config: PathwayConfigInput.optional(),
});
/** Start input. */
export type StartInput = z.infer<typeof StartInput>;
/** What `startPathway` takes, as a host writes it (defaults not yet applied): a wrong channel does not compile. */
export type StartPathwayInput = z.input<typeof StartInput>;

/** A plan as sent by a host: a plan with at least one goal (R31; checkpoints are checked by the `plan` rules). */
export const PlanInput = Plan.extend({ goals: z.array(Goal).min(1).max(LIMITS.listItems) });

const ev = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });

/** Flag a person again after a decline or a check-out. A `trigger` after the decline lifts the re-flag period. */
export const FlagEvent = ev('FLAG', { channel: FlagChannel, reason: Text.optional(), trigger: NewTrigger.optional() });
/** The GP or staff reviewed the candidate and found the follow-up relevant: invite the person. */
export const ReviewRelevantEvent = ev('REVIEW_RELEVANT', { note: Text.optional() });
/** The GP or staff reviewed the candidate and found it not relevant: check the person out, with a reason. */
export const ReviewNotRelevantEvent = ev('REVIEW_NOT_RELEVANT', { reason: Text });
/** The person wants a team: the referral goes to the coordinating unit (children's or adults'). */
export const AcceptOfferEvent = ev('ACCEPT_OFFER', { unit: z.enum(['children', 'adults']) });
/** The person does not want a team. They keep their right to a coordinator and an individual plan. */
export const DeclineOfferEvent = ev('DECLINE_OFFER', { reason: Text.optional() });
/** The coordinating unit answers the referral and starts the assessment. */
export const StartAssessmentEvent = ev('START_ASSESSMENT', {});
/** What matters to the person, in the Person model's shape (`Person.whatMatters`): at least one `{ text, date }`. */
export const WhatMattersList = z.array(WhatMatters).min(1).max(LIMITS.listItems);

/** The assessment is complete: what matters, the needs across providers, a baseline function measure. */
export const CompleteAssessmentEvent = ev('COMPLETE_ASSESSMENT', {
  /** What the person said matters, `[{ text, date }]` as in `Person.whatMatters`. */
  whatMatters: WhatMattersList,
  serviceNeeds: z.array(ServiceNeed).min(1).max(LIMITS.listItems),
  baseline: PsfsMeasure.optional(),
  /** The assessor's judgement that the person is in the target group (store og sammensatte behov). */
  targetGroupConfirmed: z.boolean().optional(),
});
/** Decide on a team. Allowed only when the `team` rules find the criteria met. */
export const DecideTeamEvent = ev('DECIDE_TEAM', {});
/** Decide on other follow-up than a team (coordinator, individual plan, ordinary services). */
export const DecideOtherFollowUpEvent = ev('DECIDE_OTHER_FOLLOW_UP', { reason: Text });
/** Assess again a person who got other follow-up. */
export const ReassessEvent = ev('REASSESS', {});
/** Record a consent (team, individual plan, coordinator or information sharing). */
export const RecordConsentEvent = ev('RECORD_CONSENT', { consent: Consent });
/** Appoint the coordinator (replaces the previous one: one coordinator at a time). */
export const AppointCoordinatorEvent = ev('APPOINT_COORDINATOR', { coordinator: Coordinator });
/** Add a team member. Members from school, kindergarten, PPT, child welfare or NAV need explicit consent. */
export const AddMemberEvent = ev('ADD_MEMBER', { member: TeamMember });
/** Remove a team member (by service, and by name when given). */
export const RemoveMemberEvent = ev('REMOVE_MEMBER', { service: ServiceKind, name: Text.optional() });
/** Establish the team. Allowed only with a valid team consent, a recorded coordinator and covered members. */
export const EstablishTeamEvent = ev('ESTABLISH_TEAM', {});
/** Activate the follow-up plan. Allowed only when the `plan` rules find a dated checkpoint. */
export const ActivatePlanEvent = ev('ACTIVATE_PLAN', { plan: PlanInput });
/** Start the evaluation at a checkpoint (default: the earliest open checkpoint). */
export const StartEvaluationEvent = ev('START_EVALUATION', { checkpoint: IsoDate.optional() });
/** The evaluation found the plan working: continue to a next checkpoint, optionally updating goal status. */
export const ContinueEvent = ev('CONTINUE', {
  nextCheckpoint: IsoDate,
  goals: z
    .array(z.strictObject({ id: z.string().min(1).max(64), status: z.enum(['open', 'met', 'not-met']) }))
    .max(LIMITS.listItems)
    .optional(),
});
/** The evaluation revised the plan (goals, measures, checkpoints). */
export const ReviseEvent = ev('REVISE', { plan: PlanInput });
/** A transition (overgang): the team is recomposed before the plan goes on. */
export const TransitionEvent = ev('TRANSITION', { kind: TransitionKind, note: Text.optional() });
/** Close the pathway with a reason. `goals-met` only after an evaluation. */
export const CloseEvent = ev('CLOSE', { reason: CloseReason, note: Text.optional() });

/** Every event a host can send. */
export const PathwayEvent = z.discriminatedUnion('type', [
  FlagEvent,
  ReviewRelevantEvent,
  ReviewNotRelevantEvent,
  AcceptOfferEvent,
  DeclineOfferEvent,
  StartAssessmentEvent,
  CompleteAssessmentEvent,
  DecideTeamEvent,
  DecideOtherFollowUpEvent,
  ReassessEvent,
  RecordConsentEvent,
  AppointCoordinatorEvent,
  AddMemberEvent,
  RemoveMemberEvent,
  EstablishTeamEvent,
  ActivatePlanEvent,
  StartEvaluationEvent,
  ContinueEvent,
  ReviseEvent,
  TransitionEvent,
  CloseEvent,
]);
/** A validated event. */
export type PathwayEvent = z.infer<typeof PathwayEvent>;
/** An event as a host writes it, before validation. */
export type PathwayEventInput = z.input<typeof PathwayEvent>;
/** The event type names. */
export type PathwayEventType = PathwayEvent['type'];

/**
 * `COMPLETE_ASSESSMENT` as a stored history may hold it. Pathways stored before `whatMatters` took
 * the Person model's shape hold one string there; their histories must still restore and replay to
 * the context stored with them, so the stored form is read as it is (`pathwayPerson` reads the
 * string as one item dated on the assessment). New events take the list only.
 */
export const StoredCompleteAssessmentEvent = CompleteAssessmentEvent.extend({ whatMatters: z.union([WhatMattersList, Text]) });

/** Every event type, in the order of the pathway. */
export const PATHWAY_EVENT_TYPES: readonly PathwayEventType[] = PathwayEvent.options.map((o) => o.shape.type.value);
