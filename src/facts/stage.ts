import type { PathwayStage } from '../model/person.js';
import { defineBuiltinFact } from './types.js';
import type { FactContext } from './types.js';

/*
 * Which stages of the framework's pathway are under way for the person. A GP system evaluates every
 * rule set when a chart opens; the rules of a stage (consent to a team, the team's composition, the
 * plan, its evaluation) must neither fire nor ask for data for a person for whom nothing of that stage
 * has started. A stage is under way when the host says so (`pathwayStage`, the pathway machine's own
 * state ids) or when the record shows it: the process's own records (a team, a plan, a coordinator,
 * a recorded consent, an assessment or mapped needs) and the wishes the person has stated. Nothing
 * here is unknown: an absent record is a stage not (yet) under way, as for the records themselves.
 */

/** The stages rules can ask for, in pathway order. */
export const STAGES = ['assessment', 'team', 'coordinator', 'individual-plan', 'plan', 'consent'] as const;
/** A stage a rule can ask for. */
export type Stage = (typeof STAGES)[number];

/** The stages each host-recorded pathway stage puts under way (the later states include the earlier work). */
const FROM_PATHWAY: Readonly<Record<PathwayStage, readonly Stage[]>> = {
  candidate: [],
  checkedOut: [],
  offer: [],
  declined: [],
  referral: [],
  assessment: ['assessment'],
  teamDecision: ['assessment'],
  otherFollowUp: ['assessment'],
  teamEstablishment: ['assessment', 'team', 'consent'],
  planning: ['assessment', 'team', 'plan', 'consent'],
  planActive: ['assessment', 'team', 'plan', 'consent'],
  evaluation: ['assessment', 'team', 'plan', 'consent'],
  closed: [],
};

/** The stages under way for the person on `asOf`, in {@link STAGES} order. */
export function stagesOf(ctx: FactContext): Stage[] {
  const p = ctx.person;
  const on = new Set<Stage>(p.pathwayStage === undefined ? [] : FROM_PATHWAY[p.pathwayStage]);
  const team = p.team !== undefined && p.team.status !== 'closed';
  const plan = p.individualPlan !== undefined && p.individualPlan.status !== 'closed';
  if (p.assessment !== undefined || p.serviceNeeds !== undefined) on.add('assessment');
  if (team) on.add('team');
  if (p.coordinator !== undefined || p.preferences?.wantsCoordinator === true) on.add('coordinator');
  if ((plan && p.individualPlan?.kind === 'individual-plan') || p.preferences?.wantsIndividualPlan === true) on.add('individual-plan');
  if (plan) on.add('plan');
  // Consent is needed for a team, an individual plan and a coordinator; a recorded consent (in force
  // or withdrawn) shows that sharing on consent has started.
  if (on.has('team') || on.has('coordinator') || on.has('individual-plan') || (p.consents !== undefined && p.consents.length > 0))
    on.add('consent');
  return STAGES.filter((s) => on.has(s));
}

/** The stages of the pathway under way, for stage-bound rules (`contains`). */
export const stagesUnderWay = /* @__PURE__ */ defineBuiltinFact({
  name: 'stagesUnderWay',
  type: 'list',
  label: { nb: 'steg i forløpet som er i gang', nn: 'steg i forløpet som er i gang', en: 'pathway stages under way' },
  description: {
    nb: 'Stegene i forløpet som er i gang: assessment (kartlegging eller kartlagte behov), team (et team som ikke er avsluttet), coordinator (koordinator registrert eller ønsket), individual-plan (individuell plan laget eller ønsket), plan (en plan som ikke er avsluttet) og consent (team, koordinator eller individuell plan, eller et registrert samtykke). Et steg er i gang når journalen viser det eller vertssystemet oppgir det i pathwayStage. Aldri ukjent: det som ikke er registrert, er ikke i gang.',
    nn: 'Stega i forløpet som er i gang: assessment (kartlegging eller kartlagde behov), team (eit team som ikkje er avslutta), coordinator (koordinator registrert eller ønskt), individual-plan (individuell plan laga eller ønskt), plan (ein plan som ikkje er avslutta) og consent (team, koordinator eller individuell plan, eller eit registrert samtykke). Eit steg er i gang når journalen viser det eller vertssystemet oppgir det i pathwayStage. Aldri ukjend: det som ikkje er registrert, er ikkje i gang.',
    en: 'The pathway stages under way: assessment (an assessment or mapped needs), team (a team not closed), coordinator (a coordinator recorded or wanted), individual-plan (an individual plan made or wanted), plan (a plan not closed) and consent (a team, coordinator or individual plan, or a recorded consent). A stage is under way when the record shows it or the host says so in pathwayStage. Never unknown: what is not recorded is not under way.',
  },
  derive: stagesOf,
});
