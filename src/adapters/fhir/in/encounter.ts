import * as z from 'zod';
import type { Encounter, EncounterType } from '../../../model/person.js';
import { Encounter as EncounterSchema, EncounterType as EncounterTypeSchema } from '../../../model/person.js';
import { HL7, LIB } from '../model/systems.js';
import type { ReadContext } from './context.js';
import type { Entry } from './entries.js';
import { CodeableConceptIn, CodingIn, fhirDate, PeriodIn, QuantityIn } from './shapes.js';

/*
 * Encounter → an encounter of the person model. The kind comes from `type` when it carries the
 * library's encounter-type code; otherwise from `class` (v3 ActCode): EMER is an emergency visit, and
 * IMP/ACUTE/NONAC an admission whose emergency or elective nature is read from `priority` (v3
 * ActPriority) or `hospitalization.admitSource` ("emd"). An ambulatory contact (AMB) is ambiguous
 * between a GP consultation and an outpatient visit, so it needs the type code; it is reported, never
 * guessed. Planned, cancelled and entered-in-error encounters are left out.
 */

const READ = ['status', 'class', 'type', 'priority', 'period', 'length', 'subject', 'hospitalization'];

const EncounterIn = z.looseObject({
  status: z.string().optional(),
  class: CodingIn.optional(),
  type: z.array(CodeableConceptIn).optional(),
  priority: CodeableConceptIn.optional(),
  period: PeriodIn.optional(),
  length: QuantityIn.optional(),
  hospitalization: z.looseObject({ admitSource: CodeableConceptIn.optional() }).optional(),
});

const EXCLUDED = new Set(['planned', 'cancelled', 'entered-in-error']);
const INPATIENT = new Set(['IMP', 'ACUTE', 'NONAC']);
const EMERGENCY_PRIORITY = new Set(['EM', 'UR', 'S', 'A', 'CR']);
const ELECTIVE_PRIORITY = new Set(['EL', 'R', 'PRN', 'RR']);

function kindOf(e: z.infer<typeof EncounterIn>, entry: Entry, ctx: ReadContext): EncounterType | undefined {
  for (const t of e.type ?? []) {
    const c = t.coding?.find((x) => x.system === LIB.encounterType);
    const k = EncounterTypeSchema.safeParse(c?.code);
    if (k.success) return k.data;
  }
  const cls = e.class?.system === HL7.actCode || e.class?.system === undefined ? e.class?.code : undefined;
  if (cls === 'EMER') return 'emergency-visit';
  if (cls !== undefined && INPATIENT.has(cls)) {
    const prio = e.priority?.coding?.find((x) => x.system === HL7.actPriority)?.code;
    const emd = e.hospitalization?.admitSource?.coding?.some((x) => x.code === 'emd');
    if ((prio !== undefined && EMERGENCY_PRIORITY.has(prio)) || emd) return 'emergency-admission';
    if (prio !== undefined && ELECTIVE_PRIORITY.has(prio)) return 'elective-admission';
    ctx.reporter.report('fhir_value', [...entry.segs, 'priority'], {
      expected: `${HL7.actPriority} EM/EL, hospitalization.admitSource emd`,
    });
    return undefined;
  }
  ctx.reporter.report('fhir_value', [...entry.segs, e.class ? 'class' : 'type'], {
    expected: [`type ${LIB.encounterType}`, 'class EMER/IMP/ACUTE/NONAC'],
  });
  return undefined;
}

/** An encounter from an Encounter resource, or undefined when it cannot be used (reported). */
export function readEncounter(entry: Entry, ctx: ReadContext): Encounter | undefined {
  if (!ctx.elements(entry, READ) || !ctx.isAboutPatient(entry, 'subject')) return undefined;
  const parsed = EncounterIn.safeParse(entry.resource);
  if (!parsed.success) {
    ctx.reporter.report('invalid_shape', entry.segs);
    return undefined;
  }
  const e = parsed.data;
  if (e.status !== undefined && EXCLUDED.has(e.status)) {
    ctx.reporter.report('fhir_excluded', entry.segs, { status: e.status });
    return undefined;
  }
  const type = kindOf(e, entry, ctx);
  if (!type) return undefined;
  const date = fhirDate(e.period?.start);
  if (!date) {
    ctx.reporter.report(e.period?.start === undefined ? 'missing' : 'fhir_value', [...entry.segs, 'period', 'start'], {
      expected: 'YYYY-MM-DD',
    });
    return undefined;
  }
  const out: Record<string, unknown> = { type, date };
  if (e.period?.end !== undefined) {
    const end = fhirDate(e.period.end);
    if (end) out['endDate'] = end;
    else ctx.reporter.report('fhir_value', [...entry.segs, 'period', 'end'], { expected: 'YYYY-MM-DD' });
  }
  if (e.length !== undefined) {
    const l = e.length;
    const days = l.code === 'd' || l.unit === 'd' || l.unit === 'days' || l.unit === 'døgn';
    if (days && Number.isInteger(l.value) && (l.value ?? -1) >= 0) out['lengthOfStayDays'] = l.value;
    else ctx.reporter.report('fhir_value', [...entry.segs, 'length'], { expected: 'UCUM d' });
  }
  const ok = EncounterSchema.safeParse(out);
  if (!ok.success) {
    ctx.reporter.report('date_order', [...entry.segs, 'period', 'end']);
    return undefined;
  }
  return ok.data;
}
