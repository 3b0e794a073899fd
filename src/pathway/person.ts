import type { Person, PersonInput } from '../model/person.js';
import type { PathwayContext } from './context.js';

/*
 * The Person the pathway's rules see: the host's record of the person, with what the pathway itself
 * has recorded laid over it. Consents are added to the host's (a consent in the journal counts too);
 * once the pathway has decided on a team, the team, the coordinator and the plan are the pathway's
 * own, so a team member the host still lists elsewhere cannot slip past the consent rules.
 * The pathway's assessment (what matters, service needs, baseline, target group confirmed at the
 * review) is laid over the host's `assessment`, so the team criteria see what the pathway recorded.
 */

/** Builds the person to evaluate from a validated host record and a (proposed) pathway context. */
export function pathwayPerson(host: Person, ctx: PathwayContext): PersonInput {
  const out: PersonInput = { ...host, consents: [...(host.consents ?? []), ...ctx.consents] };
  if (ctx.wantsTeam !== undefined) out.preferences = { ...(host.preferences ?? {}), wantsTeam: ctx.wantsTeam };
  if (ctx.assessment) {
    const a = ctx.assessment;
    out.serviceNeeds = a.serviceNeeds;
    // A pathway stored before `whatMatters` took the list shape holds one string, said on the assessment day.
    const said = typeof a.whatMatters === 'string' ? [{ text: a.whatMatters, date: a.completedDate }] : a.whatMatters;
    out.whatMatters = [...(host.whatMatters ?? []), ...said];
    if (a.baseline) out.functionMeasures = [...(host.functionMeasures ?? []), a.baseline];
    out.assessment = {
      ...(host.assessment ?? {}),
      status: 'completed',
      date: a.completedDate,
      whatMattersAsked: true,
      ...(a.targetGroupConfirmed !== undefined ? { targetGroupConfirmed: a.targetGroupConfirmed } : {}),
    };
  }
  if (ctx.teamDecision?.decision === 'team') {
    out.team = ctx.teamEstablished === undefined ? { members: ctx.members } : { established: ctx.teamEstablished, members: ctx.members };
    if (ctx.coordinator) out.coordinator = ctx.coordinator;
    else delete out.coordinator;
    if (ctx.plan) out.individualPlan = ctx.plan;
    else delete out.individualPlan;
  }
  return out;
}
