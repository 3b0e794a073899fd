import * as z from 'zod';
import { LIMITS } from '../model/limits.js';
import { Consent, Coordinator, IsoDate, Plan, PsfsMeasure, ServiceNeed, TeamMember, WhatMatters } from '../model/person.js';

/*
 * The pathway's context: everything the machine remembers between visits. It is plain JSON (no
 * classes, no functions, no Dates) so it persists as is, validates with zod on restore, and a later
 * move to XState v6 `machineVersions` stays mechanical (anchors §7). Dates are ISO days that came in
 * as `asOf`; nothing here reads the clock.
 */

const Text = z.string().min(1).max(LIMITS.textLength);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.listItems);
const Days = z.number().int().min(0).max(3650);

/** How a person came to be flagged (tidlig identifisering: two approaches, low threshold). */
export const FlagChannel = z.enum(['risk-screening', 'staff', 'self', 'relative']);
/** A flagging channel. */
export type FlagChannel = z.infer<typeof FlagChannel>;

/** A new event that allows flagging a person again before the re-flag period has passed. */
export const NewTrigger = z.strictObject({
  kind: z.enum(['emergency-admission', 'admission', 'new-diagnosis', 'functional-decline', 'other']),
  date: IsoDate,
});
/** A new trigger. */
export type NewTrigger = z.infer<typeof NewTrigger>;

/** Why a pathway was closed: goals met, consent withdrawn, moved, died, or no longer a coordinated need. */
export const CloseReason = z.enum(['goals-met', 'consent-withdrawn', 'moved', 'died', 'no-longer-needs-coordinated-services']);
/** A closure reason. */
export type CloseReason = z.infer<typeof CloseReason>;

/** Transitions (overganger) that make a team recompose (R42, R43). */
export const TransitionKind = z.enum(['discharge', 'move-within-municipality', 'school-start', 'turns-18', 'provider-change', 'other']);
/** A kind of transition. */
export type TransitionKind = z.infer<typeof TransitionKind>;

/**
 * Local periods, in days. No published source for the framework gives time limits, so
 * each of these is a parameter a municipality sets; the defaults are placeholders with a rationale,
 * not official figures.
 */
export const PathwayConfig = z.strictObject({
  /** A person who declined is not flagged again before this many days, unless a new trigger appears (R4; period inferred). */
  reflagPeriodDays: Days,
  /** How long each step may wait on someone before `whatIsDue` calls it overdue. */
  waitDays: z.strictObject({
    review: Days,
    offer: Days,
    referral: Days,
    assessment: Days,
    teamDecision: Days,
    teamEstablishment: Days,
    planning: Days,
    evaluation: Days,
  }),
});
/** The pathway's local periods. */
export type PathwayConfig = z.infer<typeof PathwayConfig>;

/** What a host may override at start; anything left out takes the default. */
export const PathwayConfigInput = z.strictObject({
  reflagPeriodDays: Days.optional(),
  waitDays: PathwayConfig.shape.waitDays.partial().optional(),
});
/** Partial configuration. */
export type PathwayConfigInput = z.infer<typeof PathwayConfigInput>;

/**
 * Default periods. Half a year before a declined person is flagged again by routine screening; two
 * weeks for steps that are one decision (review, offer answer, referral answer, team decision,
 * evaluation outcome); four to six weeks for steps that are work (assessment, establishment, plan).
 * None of these is found in a source: set them locally.
 */
export const DEFAULT_PATHWAY_CONFIG: PathwayConfig = {
  reflagPeriodDays: 180,
  waitDays: { review: 14, offer: 14, referral: 14, assessment: 42, teamDecision: 14, teamEstablishment: 28, planning: 28, evaluation: 14 },
};

/** Merges a host's partial configuration over the defaults. */
export function resolveConfig(input: PathwayConfigInput | undefined): PathwayConfig {
  return {
    reflagPeriodDays: input?.reflagPeriodDays ?? DEFAULT_PATHWAY_CONFIG.reflagPeriodDays,
    waitDays: { ...DEFAULT_PATHWAY_CONFIG.waitDays, ...(input?.waitDays ?? {}) },
  };
}

/** One flagging of the person, with its channel. */
export const FlagRecord = z.strictObject({
  channel: FlagChannel,
  date: IsoDate,
  reason: Text.optional(),
  trigger: NewTrigger.optional(),
});
/** A flag record. */
export type FlagRecord = z.infer<typeof FlagRecord>;

/** The pathway context (see the file comment). */
export const PathwayContext = z.strictObject({
  config: PathwayConfig,
  /** The day the current state was entered; `whatIsDue` counts waiting time from it. */
  since: IsoDate,
  /** Every flagging, oldest first. */
  flags: list(FlagRecord).min(1),
  review: z.strictObject({ relevant: z.boolean(), date: IsoDate, reason: Text.optional() }).optional(),
  declined: z.strictObject({ date: IsoDate, reflagNotBefore: IsoDate, reason: Text.optional() }).optional(),
  /** The person's answer to the offer of a team; absent until asked. */
  wantsTeam: z.boolean().optional(),
  referral: z.strictObject({ unit: z.enum(['children', 'adults']), sentDate: IsoDate, acknowledgedDate: IsoDate.optional() }).optional(),
  assessment: z
    .strictObject({
      /**
       * `[{ text, date }]` as in `Person.whatMatters`. A pathway stored before that shape holds one
       * string here; it is kept as stored so the history still replays to it.
       */
      whatMatters: z.union([list(WhatMatters).min(1), Text]),
      serviceNeeds: list(ServiceNeed).min(1),
      baseline: PsfsMeasure.optional(),
      targetGroupConfirmed: z.boolean().optional(),
      completedDate: IsoDate,
    })
    .optional(),
  teamDecision: z.strictObject({ decision: z.enum(['team', 'other-follow-up']), date: IsoDate, reason: Text.optional() }).optional(),
  /** Consents recorded in the pathway (the host's own record of consents is added when rules run). */
  consents: list(Consent),
  coordinator: Coordinator.optional(),
  members: list(TeamMember),
  teamEstablished: IsoDate.optional(),
  plan: Plan.optional(),
  /** The evaluation in progress: the checkpoint it belongs to. */
  evaluating: z.strictObject({ checkpoint: IsoDate.optional(), started: IsoDate }).optional(),
  evaluations: list(
    z.strictObject({
      checkpoint: IsoDate.optional(),
      started: IsoDate,
      outcome: z.enum(['continue', 'revise', 'transition', 'close']),
      date: IsoDate,
    }),
  ),
  transitions: list(z.strictObject({ kind: TransitionKind, date: IsoDate, note: Text.optional() })),
  checkedOut: z.strictObject({ date: IsoDate, reason: Text }).optional(),
  closed: z.strictObject({ reason: CloseReason, date: IsoDate, note: Text.optional() }).optional(),
});
/** The pathway context. */
export type PathwayContext = z.infer<typeof PathwayContext>;

/** The context of a new pathway: flagged once, nothing else known. */
export function initialContext(flag: FlagRecord, config: PathwayConfig): PathwayContext {
  return { config, since: flag.date, flags: [flag], consents: [], members: [], evaluations: [], transitions: [] };
}

const sameMember = (a: TeamMember, b: TeamMember) => a.service === b.service && a.name === b.name;

/** The context with a member added (a member already present is not added twice). */
export function withMember(ctx: PathwayContext, member: TeamMember): PathwayContext {
  return ctx.members.some((m) => sameMember(m, member)) ? ctx : { ...ctx, members: [...ctx.members, member] };
}

/** The context without the members of a service (and of a name, when given). */
export function withoutMember(ctx: PathwayContext, service: TeamMember['service'], name?: string): PathwayContext {
  return { ...ctx, members: ctx.members.filter((m) => !(m.service === service && (name === undefined || m.name === name))) };
}

/** The context with a new coordinator; the team has exactly one at a time (R25). */
export function withCoordinator(ctx: PathwayContext, coordinator: Coordinator): PathwayContext {
  return { ...ctx, coordinator };
}

/** The context with a plan set as the active plan. */
export function withPlan(ctx: PathwayContext, plan: Plan): PathwayContext {
  return { ...ctx, plan: { ...plan, status: 'active' } };
}

/** The plan with one checkpoint marked done and, optionally, a next checkpoint added. */
export function advanceCheckpoints(plan: Plan | undefined, done: string | undefined, next: string | undefined): Plan | undefined {
  if (plan === undefined) return plan;
  const cps = (plan.checkpoints ?? []).map((c) => (done !== undefined && c.date === done ? { ...c, done: true } : c));
  if (next !== undefined && !cps.some((c) => c.date === next)) cps.push({ date: next });
  cps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ...plan, checkpoints: cps };
}

/** The earliest checkpoint not yet evaluated. */
export function nextOpenCheckpoint(plan: Plan | undefined): string | undefined {
  return (plan?.checkpoints ?? [])
    .filter((c) => c.done !== true)
    .map((c) => c.date)
    .sort()[0];
}
