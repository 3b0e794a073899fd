import type * as E from '../../../util/either.js';
import type { InvalidFhirOutputError } from '../errors.js';
import { fromPerson } from './checked.js';
import { libCoding } from '../model/codings.js';
import type { Reference } from '../model/datatypes.js';
import { fhirSafe } from '../model/strings.js';
import type { CarePlan, FhirOutputResource, Goal, TransactionBundle } from '../model/resources.js';
import { extBoolean, extCode, extString, withExtensions } from '../model/extensions.js';
import { EXT, HL7, LIB } from '../model/systems.js';
import type { Lang } from '../../../model/lang.js';
import type { PersonInput } from '../../../model/person.js';
import { fill } from '../../../util/template.js';
import type { FhirOutputOptions } from './common.js';
import { patientRef, urnFor } from './common.js';
import { buildEvaluationTasks } from './task.js';
import { FHIR_TEXTS } from './texts.js';

/*
 * The follow-up plan → a transaction Bundle: the CarePlan, its Goals (the person's "what matters"
 * statements, expressedBy the Patient, and the plan's goals), its measures as inline activities, and
 * one Task per checkpoint referenced as an activity. Resources refer to each other by `urn:uuid:`
 * full URLs, as FHIR transactions do; the server assigns the real ids.
 */

/** Options for {@link toFollowUpPlan}. */
export interface FollowUpPlanOptions extends FhirOutputOptions {
  /** The follow-up team's CareTeam, as a reference. */
  readonly careTeam?: string;
}

type PlanGoal = NonNullable<NonNullable<PersonInput['individualPlan']>['goals']>[number];

const STATUS = { draft: 'draft', active: 'active', closed: 'completed' } as const;

function expressedBy(g: PlanGoal, subject: Reference, careTeam: string | undefined, lang: Lang): Reference | undefined {
  if (g.expressedBy === 'person') return subject;
  if (g.expressedBy === 'relative') return { type: 'RelatedPerson', display: FHIR_TEXTS.relative[lang] };
  if (g.expressedBy === 'team')
    return careTeam
      ? { reference: careTeam }
      : { type: 'CareTeam', display: libCoding(LIB.careTeamCategory, 'follow-up-team', lang).display! };
  return undefined;
}

function planGoal(g: PlanGoal, urn: string, subject: Reference, planDraft: boolean, careTeam: string | undefined, lang: Lang): Goal {
  const goal: Goal = {
    resourceType: 'Goal',
    identifier: [
      { system: LIB.planItem, value: g.id },
      { system: HL7.uri, value: urn },
    ],
    lifecycleStatus: planDraft ? 'proposed' : g.status === 'met' ? 'completed' : 'active',
    category: [{ coding: [libCoding(LIB.goalCategory, 'plan-goal', lang)] }],
    description: { text: g.text },
    subject,
  };
  const ach = g.status === 'met' ? 'achieved' : g.status === 'not-met' ? 'not-achieved' : g.status === 'open' ? 'in-progress' : undefined;
  if (ach) goal.achievementStatus = { coding: [{ system: HL7.goalAchievement, code: ach }] };
  const by = expressedBy(g, subject, careTeam, lang);
  if (by) goal.expressedBy = by;
  return withExtensions(goal, extString(EXT.parentGoal, g.parentId));
}

function buildFollowUpPlan(person: PersonInput, options: FollowUpPlanOptions): TransactionBundle | undefined {
  const plan = person.individualPlan;
  const what = person.whatMatters ?? [];
  if (!plan && what.length === 0) return undefined;
  const lang = options.lang ?? 'nb';
  const subject = patientRef(options);
  const kind = plan?.kind ?? 'follow-up-plan';
  const planUrn = urnFor(['CarePlan', subject.reference!]);
  const entries: { fullUrl: string; resource: FhirOutputResource }[] = [];

  const goalUrn = new Map<string, string>();
  const goalRefs: Reference[] = [];
  what.forEach((w, i) => {
    const urn = urnFor(['Goal', subject.reference!, 'what-matters', w.date, w.text, String(i)]);
    entries.push({
      fullUrl: urn,
      resource: {
        resourceType: 'Goal',
        identifier: [{ system: HL7.uri, value: urn }],
        lifecycleStatus: 'active',
        category: [{ coding: [libCoding(LIB.goalCategory, 'what-matters', lang)] }],
        description: { text: w.text },
        subject,
        startDate: w.date,
        expressedBy: subject,
      },
    });
    goalRefs.push({ reference: urn });
  });
  (plan?.goals ?? []).forEach((g, i) => {
    const urn = urnFor(['Goal', subject.reference!, 'plan', g.id, String(i)]);
    if (!goalUrn.has(g.id)) goalUrn.set(g.id, urn);
    entries.push({ fullUrl: urn, resource: planGoal(g, urn, subject, plan?.status === 'draft', options.careTeam, lang) });
    goalRefs.push({ reference: urn });
  });

  const activity: NonNullable<CarePlan['activity']> = [];
  for (const m of plan?.measures ?? []) {
    const detail: NonNullable<(typeof activity)[number]['detail']> = { status: 'unknown', description: m.text };
    const g = m.goalId !== undefined ? goalUrn.get(m.goalId) : undefined;
    if (g) detail.goal = [{ reference: g }];
    if (m.owner)
      detail.performer = [
        { display: libCoding(LIB.serviceKind, m.owner, lang).display!, identifier: { system: LIB.serviceKind, value: m.owner } },
      ];
    const progress = [
      ...(m.extent ? [{ text: fill(FHIR_TEXTS.extent[lang], { text: m.extent }) }] : []),
      ...(m.howCarriedOut ? [{ text: fill(FHIR_TEXTS.howCarriedOut[lang], { text: m.howCarriedOut }) }] : []),
    ];
    const ext = [...extString(EXT.measureId, m.id), ...extString(EXT.extent, m.extent), ...extString(EXT.howCarriedOut, m.howCarriedOut)];
    activity.push({ ...(ext.length > 0 ? { extension: ext } : {}), ...(progress.length > 0 ? { progress } : {}), detail });
  }
  for (const task of buildEvaluationTasks(person, { ...options, carePlan: planUrn })) {
    const urn = task.identifier![0]!.value!;
    entries.push({ fullUrl: urn, resource: task });
    activity.push({ reference: { reference: urn } });
  }

  if (!plan) {
    // Only "what matters" is known: the Goals stand alone until a plan is made.
    return fhirSafe({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: entries.map((e) => ({ ...e, request: { method: 'POST' as const, url: e.resource.resourceType } })),
    });
  }
  const carePlan: CarePlan = {
    resourceType: 'CarePlan',
    identifier: [{ system: HL7.uri, value: planUrn }],
    status: plan.status ? STATUS[plan.status] : 'unknown',
    intent: 'plan',
    category: [{ coding: [libCoding(LIB.planKind, kind, lang)] }],
    title: libCoding(LIB.planKind, kind, lang).display!,
    subject,
  };
  if (plan.startDate || plan.endDate)
    carePlan.period = { ...(plan.startDate ? { start: plan.startDate } : {}), ...(plan.endDate ? { end: plan.endDate } : {}) };
  withExtensions(carePlan, [
    ...extCode(EXT.planOwner, plan.owner),
    ...(plan.participants ?? []).flatMap((p) => extCode(EXT.planParticipant, p)),
    ...extBoolean(EXT.contributions, plan.contributions),
    ...extBoolean(EXT.cooperationWithOtherAgencies, plan.cooperationWithOtherAgencies),
    ...extBoolean(EXT.languageNeedsAddressed, plan.languageNeedsAddressed),
  ]);
  if (options.careTeam) carePlan.careTeam = [{ reference: options.careTeam }];
  if (goalRefs.length > 0) carePlan.goal = goalRefs;
  if (activity.length > 0) carePlan.activity = activity;
  entries.unshift({ fullUrl: planUrn, resource: carePlan });

  return fhirSafe({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: entries.map((e) => ({ ...e, request: { method: 'POST' as const, url: e.resource.resourceType } })),
  } satisfies TransactionBundle);
}

/**
 * The person's plan as a transaction Bundle (CarePlan, Goals, Tasks). Without a plan, the Bundle holds
 * only the "what matters" Goals; undefined when there is neither.
 * Never throws: options without `patient`, a person that does not validate is an `InvalidFhirOutput` error.
 */
export function toFollowUpPlan(
  person: PersonInput,
  options: FollowUpPlanOptions,
): E.Either<InvalidFhirOutputError, TransactionBundle | undefined> {
  return fromPerson(person, options, buildFollowUpPlan);
}
