import * as z from 'zod';
import type { Goal, WhatMatters } from '../../../model/person.js';
import { EXT, HL7, LIB } from '../model/systems.js';
import type { ReadContext } from './context.js';
import type { Entry } from './entries.js';
import { CodeableConceptIn, codingsIn, extStringValue, fhirDate, IdentifierIn, ReferenceIn } from './shapes.js';

/*
 * Goal → a goal in the plan, or a "what matters to you" statement (the library's goal category
 * `what-matters`, expressed by the person). The goal's id in the plan is its identifier in the
 * library's plan-item system, else its resource id.
 */

/** The Goal elements the readers use; others are reported. */
export const GOAL_READ = [
  'lifecycleStatus',
  'achievementStatus',
  'category',
  'description',
  'subject',
  'startDate',
  'expressedBy',
  'statusDate',
];

const GoalIn = z.looseObject({
  identifier: z.array(IdentifierIn).optional(),
  id: z.string().optional(),
  achievementStatus: CodeableConceptIn.optional(),
  category: z.array(CodeableConceptIn).optional(),
  description: CodeableConceptIn.optional(),
  startDate: z.string().optional(),
  statusDate: z.string().optional(),
  expressedBy: ReferenceIn.optional(),
});

const MET = new Set(['achieved', 'sustaining']);
const NOT_MET = new Set(['not-achieved', 'no-progress', 'worsening']);
const OPEN = new Set(['in-progress', 'improving', 'no-change', 'not-attainable']);

/** True when a Goal is in the library's what-matters category. */
export function isWhatMatters(resource: Record<string, unknown>): boolean {
  const cats = z.array(CodeableConceptIn).safeParse(resource['category']);
  return cats.success && cats.data.some((c) => codingsIn(c, [LIB.goalCategory]).some((x) => x.code === 'what-matters'));
}

function text(g: z.infer<typeof GoalIn>): string | undefined {
  return g.description?.text ?? g.description?.coding?.find((c) => c.display)?.display;
}

/** Reads a Goal that a CarePlan refers to, as a plan goal. `fallbackId` is used when it has no id. */
export function readPlanGoal(
  resource: Record<string, unknown>,
  segs: readonly (string | number)[],
  ctx: ReadContext,
  fallbackId: string,
): Goal | undefined {
  const parsed = GoalIn.safeParse(resource);
  if (!parsed.success) {
    ctx.reporter.report('invalid_shape', segs);
    return undefined;
  }
  const g = parsed.data;
  const t = text(g);
  if (!t) {
    ctx.reporter.report('missing', [...segs, 'description', 'text']);
    return undefined;
  }
  const id = g.identifier?.find((x) => x.system === LIB.planItem)?.value ?? g.id ?? fallbackId;
  const out: Record<string, unknown> = { id, text: t };
  const parent = extStringValue(resource, EXT.parentGoal);
  if (parent !== undefined) out['parentId'] = parent;
  const by = g.expressedBy;
  if (by) {
    const ref = by.reference ?? '';
    const type = by.type ?? /(^|\/)([A-Za-z]+)\/[^/]+$/.exec(ref)?.[2];
    if (type === 'Patient' || ctx.patient.keys.has(ref)) out['expressedBy'] = 'person';
    else if (type === 'RelatedPerson') out['expressedBy'] = 'relative';
    else if (type === 'CareTeam' || type === 'Practitioner' || type === 'PractitionerRole') out['expressedBy'] = 'team';
  }
  const ach = g.achievementStatus?.coding?.find((c) => c.system === HL7.goalAchievement)?.code;
  if (ach !== undefined) {
    if (MET.has(ach)) out['status'] = 'met';
    else if (NOT_MET.has(ach)) out['status'] = 'not-met';
    else if (OPEN.has(ach)) out['status'] = 'open';
  }
  return out as Goal;
}

/** Reads a stand-alone what-matters Goal. */
export function readWhatMatters(entry: Entry, ctx: ReadContext): WhatMatters | undefined {
  if (!ctx.elements(entry, GOAL_READ) || !ctx.isAboutPatient(entry, 'subject')) return undefined;
  const parsed = GoalIn.safeParse(entry.resource);
  if (!parsed.success) {
    ctx.reporter.report('invalid_shape', entry.segs);
    return undefined;
  }
  const t = text(parsed.data);
  const date = fhirDate(parsed.data.startDate ?? parsed.data.statusDate);
  if (!t || !date) {
    ctx.reporter.report('missing', [...entry.segs, t ? 'startDate' : 'description']);
    return undefined;
  }
  return { text: t, date };
}
