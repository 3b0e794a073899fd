import { assign, setup } from 'xstate';
import { addDaysInRange, toDayNumber } from '../util/dates.js';
import type { PathwayContext } from './context.js';
import { advanceCheckpoints, nextOpenCheckpoint, withCoordinator, withMember, withPlan, withoutMember } from './context.js';
import type { PathwayEvent, PathwayRole } from './events.js';
import type { GuardEnv } from './guards.js';

/*
 * The care pathway as an XState v5 statechart. It is driven only through the pure `transition` and
 * `initialTransition` functions: no actors, no timers (`after`), no side effects. Due dates live in
 * the context and `whatIsDue` reads them; the host wakes the pathway by sending events.
 *
 * Shape (see the README diagram, generated from this definition):
 * - `open` holds every state in which the pathway is still running. Consents can be recorded and the
 *   pathway closed (moved, died, consent withdrawn, no longer in need) from any of them.
 * - `open.followUp` is the team phase. Members can be added and removed and the coordinator replaced
 *   from any of its states: the team may be recomposed at any time.
 * - `closed` is final.
 *
 * Bump MACHINE_VERSION whenever a state is added, removed or renamed, or the context changes shape,
 * and add a migration in migrations.ts.
 */

/** The machine's id, stored in every envelope. */
export const MACHINE_ID = 'carePathway';
/** The machine's version, stored in every envelope. */
export const MACHINE_VERSION = 2;

/** What comes with every event besides its payload: when, who, and the guard environment. */
export interface EventMeta {
  readonly asOf: string;
  readonly role: PathwayRole;
  readonly env: GuardEnv;
}

/** The machine's events: a host event plus its meta. */
export type MachineEvent = PathwayEvent & { readonly meta: EventMeta };

type Of<T extends PathwayEvent['type']> = Extract<MachineEvent, { type: T }>;
/** Narrows an event whose type the transition already fixed. */
const as = <T extends PathwayEvent['type']>(e: MachineEvent, _t: T): Of<T> => e as Of<T>;
const asOf = (e: MachineEvent): string => e.meta.asOf;

/** The context after an evaluation ends with an outcome. */
function endEvaluation(ctx: PathwayContext, outcome: 'continue' | 'revise' | 'transition' | 'close', date: string): PathwayContext {
  if (!ctx.evaluating) return ctx;
  const ev = ctx.evaluating;
  const entry =
    ev.checkpoint === undefined
      ? { started: ev.started, outcome, date }
      : { checkpoint: ev.checkpoint, started: ev.started, outcome, date };
  // `assign` merges, so a field is cleared by setting it to undefined; the API drops undefined keys.
  return { ...ctx, evaluating: undefined, evaluations: [...ctx.evaluations, entry] };
}

/** The care pathway machine. */
export const pathwayMachine = setup({
  types: {
    context: {} as PathwayContext,
    events: {} as MachineEvent,
    input: {} as PathwayContext,
  },
  guards: {
    reflagAllowed: ({ context, event }) => {
      const e = as(event, 'FLAG');
      const d = context.declined;
      if (!d) return true;
      const day = toDayNumber(e.meta.asOf)!;
      if (day >= toDayNumber(d.reflagNotBefore)!) return true;
      // A new trigger counts only if it happened after the decline and is already known.
      const t = e.trigger ? toDayNumber(e.trigger.date)! : undefined;
      if (t !== undefined && t > toDayNumber(d.date)! && t <= day) return true;
      e.meta.env.refuse({ kind: 'reflag-period', notBefore: d.reflagNotBefore });
      return false;
    },
    teamCriteriaMet: ({ context, event }) => event.meta.env.rules('teamCriteria', context),
    teamMayBeEstablished: ({ context, event }) => event.meta.env.rules('establishTeam', context),
    memberCovered: ({ context, event }) => event.meta.env.rules('memberConsent', withMember(context, as(event, 'ADD_MEMBER').member)),
    coordinatorRecorded: ({ context, event }) =>
      event.meta.env.rules('coordinator', withCoordinator(context, as(event, 'APPOINT_COORDINATOR').coordinator)),
    planHasCheckpoint: ({ context, event }) => {
      const e = event as Of<'ACTIVATE_PLAN'> | Of<'REVISE'>;
      return e.meta.env.rules('planCheckpoint', withPlan(context, e.plan));
    },
    closeAllowedHere: ({ event }) => {
      const e = as(event, 'CLOSE');
      if (e.reason !== 'goals-met') return true;
      e.meta.env.refuse({ kind: 'goals-met-needs-evaluation' });
      return false;
    },
  },
  actions: {
    markSince: assign({ since: ({ context, event }) => ('meta' in event ? asOf(event) : context.since) }),
    flag: assign(({ context, event }) => {
      const e = as(event, 'FLAG');
      // A new flag starts a new round: the earlier review and answer no longer hold.
      return {
        review: undefined,
        wantsTeam: undefined,
        flags: [
          ...context.flags,
          { channel: e.channel, date: asOf(e), ...(e.reason ? { reason: e.reason } : {}), ...(e.trigger ? { trigger: e.trigger } : {}) },
        ],
      };
    }),
    reviewRelevant: assign(({ event }) => {
      const e = as(event, 'REVIEW_RELEVANT');
      return { review: { relevant: true, date: asOf(e), ...(e.note ? { reason: e.note } : {}) } };
    }),
    checkOut: assign(({ event }) => {
      const e = as(event, 'REVIEW_NOT_RELEVANT');
      return { review: { relevant: false, date: asOf(e), reason: e.reason }, checkedOut: { date: asOf(e), reason: e.reason } };
    }),
    acceptOffer: assign(({ event }) => {
      const e = as(event, 'ACCEPT_OFFER');
      return { wantsTeam: true, referral: { unit: e.unit, sentDate: asOf(e) } };
    }),
    decline: assign(({ context, event }) => {
      const e = as(event, 'DECLINE_OFFER');
      const date = asOf(e);
      return {
        wantsTeam: false,
        declined: {
          date,
          reflagNotBefore: addDaysInRange(date, context.config.reflagPeriodDays),
          ...(e.reason ? { reason: e.reason } : {}),
        },
      };
    }),
    acknowledgeReferral: assign(({ context, event }) =>
      context.referral ? { referral: { ...context.referral, acknowledgedDate: asOf(event) } } : {},
    ),
    completeAssessment: assign(({ event }) => {
      const e = as(event, 'COMPLETE_ASSESSMENT');
      return {
        assessment: {
          whatMatters: e.whatMatters,
          serviceNeeds: e.serviceNeeds,
          ...(e.baseline ? { baseline: e.baseline } : {}),
          ...(e.targetGroupConfirmed !== undefined ? { targetGroupConfirmed: e.targetGroupConfirmed } : {}),
          completedDate: asOf(e),
        },
      };
    }),
    decideTeam: assign(({ event }) => ({ teamDecision: { decision: 'team' as const, date: asOf(event) } })),
    decideOther: assign(({ event }) => ({
      teamDecision: { decision: 'other-follow-up' as const, date: asOf(event), reason: as(event, 'DECIDE_OTHER_FOLLOW_UP').reason },
    })),
    recordConsent: assign(({ context, event }) => ({ consents: [...context.consents, as(event, 'RECORD_CONSENT').consent] })),
    addMember: assign(({ context, event }) => withMember(context, as(event, 'ADD_MEMBER').member)),
    removeMember: assign(({ context, event }) => {
      const e = as(event, 'REMOVE_MEMBER');
      return withoutMember(context, e.service, e.name);
    }),
    appointCoordinator: assign(({ context, event }) => withCoordinator(context, as(event, 'APPOINT_COORDINATOR').coordinator)),
    establishTeam: assign(({ context, event }) => ({ teamEstablished: context.teamEstablished ?? asOf(event) })),
    activatePlan: assign(({ context, event }) => withPlan(context, as(event, 'ACTIVATE_PLAN').plan)),
    startEvaluation: assign(({ context, event }) => {
      const e = as(event, 'START_EVALUATION');
      const checkpoint = e.checkpoint ?? nextOpenCheckpoint(context.plan);
      return { evaluating: checkpoint === undefined ? { started: asOf(e) } : { checkpoint, started: asOf(e) } };
    }),
    continuePlan: assign(({ context, event }) => {
      const e = as(event, 'CONTINUE');
      const ended = endEvaluation(context, 'continue', asOf(e));
      let plan = advanceCheckpoints(context.plan, context.evaluating?.checkpoint, e.nextCheckpoint);
      if (plan && e.goals) {
        const status = new Map(e.goals.map((g) => [g.id, g.status]));
        plan = { ...plan, goals: (plan.goals ?? []).map((g) => (status.has(g.id) ? { ...g, status: status.get(g.id)! } : g)) };
      }
      return plan ? { ...ended, plan } : ended;
    }),
    revisePlan: assign(({ context, event }) => {
      const e = as(event, 'REVISE');
      const ended = endEvaluation(context, 'revise', asOf(e));
      return withPlan(ended, advanceCheckpoints(e.plan, context.evaluating?.checkpoint, undefined)!);
    }),
    transition: assign(({ context, event }) => {
      const e = as(event, 'TRANSITION');
      const ended = endEvaluation(context, 'transition', asOf(e));
      const plan = advanceCheckpoints(context.plan, context.evaluating?.checkpoint, undefined);
      return {
        ...ended,
        ...(plan ? { plan } : {}),
        transitions: [...context.transitions, { kind: e.kind, date: asOf(e), ...(e.note ? { note: e.note } : {}) }],
      };
    }),
    close: assign(({ context, event }) => {
      const e = as(event, 'CLOSE');
      const date = asOf(e);
      const ended = endEvaluation(context, 'close', date);
      // A withdrawn team consent ends information sharing now (R44): mark the pathway's consents.
      const consents =
        e.reason === 'consent-withdrawn'
          ? ended.consents.map((c) => (c.scope === 'team' && c.withdrawnDate === undefined ? { ...c, withdrawnDate: date } : c))
          : ended.consents;
      return { ...ended, consents, closed: { reason: e.reason, date, ...(e.note ? { note: e.note } : {}) } };
    }),
  },
}).createMachine({
  id: MACHINE_ID,
  context: ({ input }) => input,
  initial: 'open',
  states: {
    open: {
      description: 'The pathway is running',
      initial: 'candidate',
      on: {
        RECORD_CONSENT: { actions: 'recordConsent' },
        CLOSE: { target: 'closed', guard: 'closeAllowedHere', actions: 'close' },
      },
      states: {
        candidate: {
          description: 'Flagged by risk screening, staff, the person or a relative; waits for the GP or staff review',
          entry: 'markSince',
          on: {
            REVIEW_RELEVANT: { target: 'offer', actions: 'reviewRelevant' },
            REVIEW_NOT_RELEVANT: { target: 'checkedOut', actions: 'checkOut' },
          },
        },
        checkedOut: {
          description: 'Not relevant after review, with a reason',
          entry: 'markSince',
          on: { FLAG: { target: 'candidate', actions: 'flag' } },
        },
        offer: {
          description: 'Invited to a consultation and offered a team; waits for the answer',
          entry: 'markSince',
          on: {
            ACCEPT_OFFER: { target: 'referral', actions: 'acceptOffer' },
            DECLINE_OFFER: { target: 'declined', actions: 'decline' },
          },
        },
        declined: {
          description: 'Does not want a team; not flagged again before the re-flag period unless a new trigger appears',
          entry: 'markSince',
          on: { FLAG: { target: 'candidate', guard: 'reflagAllowed', actions: 'flag' } },
        },
        referral: {
          description: 'Referred to the coordinating unit; waits for its answer',
          entry: 'markSince',
          on: { START_ASSESSMENT: { target: 'assessment', actions: 'acknowledgeReferral' } },
        },
        assessment: {
          description: 'What matters, baseline function, needs across providers',
          entry: 'markSince',
          on: { COMPLETE_ASSESSMENT: { target: 'teamDecision', actions: 'completeAssessment' } },
        },
        teamDecision: {
          description: 'Team criteria checked by the rules; otherwise other follow-up',
          entry: 'markSince',
          on: {
            DECIDE_TEAM: { target: 'followUp', guard: 'teamCriteriaMet', actions: 'decideTeam' },
            DECIDE_OTHER_FOLLOW_UP: { target: 'otherFollowUp', actions: 'decideOther' },
          },
        },
        otherFollowUp: {
          description: 'Coordinator, individual plan or ordinary services instead of a team',
          entry: 'markSince',
          on: { REASSESS: { target: 'assessment' } },
        },
        followUp: {
          description: 'The team phase: the team can be recomposed at any time',
          initial: 'teamEstablishment',
          on: {
            ADD_MEMBER: { guard: 'memberCovered', actions: 'addMember' },
            REMOVE_MEMBER: { actions: 'removeMember' },
            APPOINT_COORDINATOR: { guard: 'coordinatorRecorded', actions: 'appointCoordinator' },
          },
          states: {
            teamEstablishment: {
              description: 'Consent recorded, coordinator appointed and recorded, members',
              entry: 'markSince',
              on: {
                APPOINT_COORDINATOR: { actions: 'appointCoordinator' },
                ESTABLISH_TEAM: { target: 'planning', guard: 'teamMayBeEstablished', actions: 'establishTeam' },
              },
            },
            planning: {
              description: 'The team drafts the plan with the person',
              entry: 'markSince',
              on: { ACTIVATE_PLAN: { target: 'planActive', guard: 'planHasCheckpoint', actions: 'activatePlan' } },
            },
            planActive: {
              description: 'Goals, measures and dated checkpoints',
              entry: 'markSince',
              on: { START_EVALUATION: { target: 'evaluation', actions: 'startEvaluation' } },
            },
            evaluation: {
              description: 'Evaluation at a checkpoint: continue, revise, transition or close',
              entry: 'markSince',
              on: {
                CONTINUE: { target: 'planActive', actions: 'continuePlan' },
                REVISE: { target: 'planActive', guard: 'planHasCheckpoint', actions: 'revisePlan' },
                TRANSITION: { target: 'teamEstablishment', actions: 'transition' },
                CLOSE: { target: `#${MACHINE_ID}.closed`, actions: 'close' },
              },
            },
          },
        },
      },
    },
    closed: {
      description: 'Closed with a reason: goals met, consent withdrawn, moved, died, or no longer in need of coordinated services',
      type: 'final',
      entry: 'markSince',
    },
  },
});

/** The machine's type. */
export type PathwayMachine = typeof pathwayMachine;
