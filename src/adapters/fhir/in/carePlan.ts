import * as z from 'zod';
import type { Plan, WhatMatters } from '../../../model/person.js';
import { Plan as PlanSchema, ServiceKind } from '../../../model/person.js';
import { EXT, LIB } from '../model/systems.js';
import type { ReadContext } from './context.js';
import type { Entry } from './entries.js';
import { GOAL_READ, isWhatMatters, readPlanGoal, readWhatMatters } from './goal.js';
import {
  CodeableConceptIn,
  codingsIn,
  extBooleanValue,
  extStringValue,
  extValues,
  fhirDate,
  PeriodIn,
  ReferenceIn,
  seenCodes,
} from './shapes.js';

/*
 * CarePlan → the follow-up plan or individual plan: kind (the library's plan-kind category), status,
 * period, goals (the Goals it refers to), measures (inline activities: description, goal, performer
 * by service kind) and checkpoints (activities that refer to a Task: due date and whether done).
 * The Goals and Tasks it uses are returned, so they are not read a second time.
 */

const READ = ['status', 'intent', 'category', 'title', 'subject', 'period', 'goal', 'activity', 'careTeam'];
const TASK_READ = ['status', 'intent', 'code', 'description', 'for', 'restriction', 'executionPeriod', 'basedOn', 'authoredOn'];

const CarePlanIn = z.looseObject({
  status: z.string().optional(),
  category: z.array(CodeableConceptIn).optional(),
  period: PeriodIn.optional(),
  goal: z.array(ReferenceIn).optional(),
  activity: z
    .array(
      z.looseObject({
        extension: z.unknown().optional(),
        reference: ReferenceIn.optional(),
        detail: z
          .looseObject({
            description: z.string().optional(),
            goal: z.array(ReferenceIn).optional(),
            performer: z.array(ReferenceIn).optional(),
          })
          .optional(),
      }),
    )
    .optional(),
});

const TaskIn = z.looseObject({
  status: z.string().optional(),
  restriction: z.looseObject({ period: PeriodIn.optional() }).optional(),
  executionPeriod: PeriodIn.optional(),
});

const STATUS: Record<string, Plan['status']> = {
  draft: 'draft',
  active: 'active',
  'on-hold': 'active',
  completed: 'closed',
  revoked: 'closed',
};

/** What a CarePlan gives, and the resources it consumed. */
export interface CarePlanResult {
  readonly plan: Plan;
  /** Goals of the plan in the what-matters category: the person's own words, not plan goals. */
  readonly whatMatters: readonly WhatMatters[];
  readonly consumed: ReadonlySet<Record<string, unknown>>;
}

/** Reads a CarePlan; undefined when it is not a follow-up or individual plan (reported). */
export function readCarePlan(entry: Entry, ctx: ReadContext): CarePlanResult | undefined {
  if (!ctx.elements(entry, READ) || !ctx.isAboutPatient(entry, 'subject')) return undefined;
  const parsed = CarePlanIn.safeParse(entry.resource);
  if (!parsed.success) {
    ctx.reporter.report('invalid_shape', entry.segs);
    return undefined;
  }
  const p = parsed.data;
  const kind = (p.category ?? []).flatMap((c) => codingsIn(c, [LIB.planKind]))[0]?.code;
  if (kind !== 'follow-up-plan' && kind !== 'individual-plan') {
    ctx.reporter.report('fhir_code', [...entry.segs, 'category'], {
      expected: [LIB.planKind],
      seen: (p.category ?? []).flatMap(seenCodes),
    });
    return undefined;
  }
  if (p.status === 'entered-in-error') {
    ctx.reporter.report('fhir_excluded', entry.segs, { status: p.status });
    return undefined;
  }
  const consumed = new Set<Record<string, unknown>>();
  const plan: Record<string, unknown> = { kind };
  const status = p.status !== undefined ? STATUS[p.status] : undefined;
  if (status) plan['status'] = status;
  const start = fhirDate(p.period?.start);
  const end = fhirDate(p.period?.end);
  if (start) plan['startDate'] = start;
  if (end) plan['endDate'] = end;
  const r = entry.resource;
  const owner = PlanSchema.shape.owner.safeParse(extStringValue(r, EXT.planOwner));
  if (owner.success && owner.data) plan['owner'] = owner.data;
  const participants = extValues(r, EXT.planParticipant)
    .map((v) => ServiceKind.safeParse(v))
    .filter((x) => x.success)
    .map((x) => x.data!);
  if (participants.length > 0) plan['participants'] = participants;
  for (const [key, url] of [
    ['contributions', EXT.contributions],
    ['cooperationWithOtherAgencies', EXT.cooperationWithOtherAgencies],
    ['languageNeedsAddressed', EXT.languageNeedsAddressed],
  ] as const) {
    const v = extBooleanValue(r, url);
    if (v !== undefined) plan[key] = v;
  }

  const goals: Record<string, unknown>[] = [];
  const whatMatters: WhatMatters[] = [];
  const goalIdByRef = new Map<string, string>();
  (p.goal ?? []).forEach((ref, i) => {
    const segs = [...entry.segs, 'goal', i];
    const target = ctx.resolver.resolve(ref.reference, entry);
    if (!target || target['resourceType'] !== 'Goal') {
      ctx.reporter.report('fhir_reference', segs);
      return;
    }
    consumed.add(target);
    const goalEntry: Entry = { resource: target as Entry['resource'], segs, fullUrl: undefined };
    if (isWhatMatters(target)) {
      const w = readWhatMatters(goalEntry, ctx);
      if (w) whatMatters.push(w);
      return;
    }
    if (!ctx.elements(goalEntry, GOAL_READ)) return;
    const g = readPlanGoal(target, segs, ctx, `goal-${i + 1}`);
    if (!g) return;
    goals.push(g);
    if (ref.reference) goalIdByRef.set(ref.reference, g.id);
  });
  if (goals.length > 0) plan['goals'] = goals;

  const measures: Record<string, unknown>[] = [];
  const checkpoints: Record<string, unknown>[] = [];
  (p.activity ?? []).forEach((a, i) => {
    const segs = [...entry.segs, 'activity', i];
    if (a.reference) {
      const task = ctx.resolver.resolve(a.reference.reference, entry);
      if (!task || task['resourceType'] !== 'Task') {
        ctx.reporter.report('fhir_reference', [...segs, 'reference']);
        return;
      }
      consumed.add(task);
      const t = TaskIn.safeParse(task);
      ctx.elements({ resource: task as Entry['resource'], segs: [...segs, 'reference'], fullUrl: undefined }, TASK_READ);
      const due = t.success ? fhirDate(t.data.restriction?.period?.end ?? t.data.executionPeriod?.end) : undefined;
      if (!due) {
        ctx.reporter.report('missing', [...segs, 'reference', 'restriction', 'period', 'end']);
        return;
      }
      checkpoints.push({ date: due, ...(t.success && t.data.status === 'completed' ? { done: true } : {}) });
      return;
    }
    const d = a.detail;
    if (!d?.description) {
      ctx.reporter.report('missing', [...segs, 'detail', 'description']);
      return;
    }
    const m: Record<string, unknown> = { id: extStringValue(a, EXT.measureId) ?? `measure-${i + 1}`, text: d.description };
    const extent = extStringValue(a, EXT.extent);
    if (extent !== undefined) m['extent'] = extent;
    const how = extStringValue(a, EXT.howCarriedOut);
    if (how !== undefined) m['howCarriedOut'] = how;
    const goalRef = d.goal?.[0]?.reference;
    const goalId = goalRef !== undefined ? goalIdByRef.get(goalRef) : undefined;
    if (goalId) m['goalId'] = goalId;
    const owner = ServiceKind.safeParse(d.performer?.find((x) => x.identifier?.system === LIB.serviceKind)?.identifier?.value);
    if (owner.success) m['owner'] = owner.data;
    measures.push(m);
  });
  if (measures.length > 0) plan['measures'] = measures;
  if (checkpoints.length > 0) plan['checkpoints'] = checkpoints;
  return { plan: plan as Plan, whatMatters, consumed };
}
