import * as z from 'zod';
import type { IplosScore, PsfsMeasure } from '../../../model/person.js';
import { IplosScore as IplosSchema, PsfsMeasure as PsfsSchema } from '../../../model/person.js';
import { LIB } from '../model/systems.js';
import type { ReadContext } from './context.js';
import type { Entry } from './entries.js';
import { CodeableConceptIn, codingsIn, fhirDate, PeriodIn, QuantityIn, seenCodes } from './shapes.js';

/*
 * Observation → an IPLOS score or a PSFS measurement. Neither has a published FHIR coding in Norway,
 * so both use the library's code systems (see the README):
 *   IPLOS: code = {system: iplos-variable, code: the variable's name}, valueInteger 1–5 or 9.
 *   PSFS:  code = {system: function-measure, code: PSFS}; one component per activity
 *          (code function-measure#activity, code.text = the activity, valueInteger or valueQuantity
 *          0–10), a `direction` component (valueCodeableConcept higher-is-better / lower-is-better)
 *          and an optional `proxy` component (valueBoolean).
 * The direction is required: PSFS versions in Norway run in opposite directions and it is never
 * guessed. Preliminary, cancelled and entered-in-error observations are left out.
 */

const READ = ['status', 'code', 'subject', 'effectiveDateTime', 'effectivePeriod', 'valueInteger', 'valueQuantity', 'component'];

const ComponentIn = z.looseObject({
  code: CodeableConceptIn,
  valueInteger: z.number().optional(),
  valueQuantity: QuantityIn.optional(),
  valueCodeableConcept: CodeableConceptIn.optional(),
  valueBoolean: z.boolean().optional(),
});

const ObservationIn = z.looseObject({
  status: z.string().optional(),
  code: CodeableConceptIn.optional(),
  effectiveDateTime: z.string().optional(),
  effectivePeriod: PeriodIn.optional(),
  valueInteger: z.number().optional(),
  valueQuantity: QuantityIn.optional(),
  component: z.array(ComponentIn).optional(),
});

const INCLUDED = new Set(['final', 'amended', 'corrected']);

/** What an Observation gives: an IPLOS score, a PSFS measurement, or nothing (reported). */
export type ObservationResult = { kind: 'iplos'; value: IplosScore } | { kind: 'psfs'; value: PsfsMeasure } | undefined;

const num = (c: { valueInteger?: number | undefined; valueQuantity?: { value?: number | undefined } | undefined }): number | undefined =>
  c.valueInteger ?? c.valueQuantity?.value;

/** Reads an Observation. */
export function readObservation(entry: Entry, ctx: ReadContext): ObservationResult {
  if (!ctx.elements(entry, READ) || !ctx.isAboutPatient(entry, 'subject')) return undefined;
  const parsed = ObservationIn.safeParse(entry.resource);
  if (!parsed.success) {
    ctx.reporter.report('invalid_shape', entry.segs);
    return undefined;
  }
  const o = parsed.data;
  const iplos = codingsIn(o.code, [LIB.iplosVariable])[0];
  const psfs = codingsIn(o.code, [LIB.functionMeasure]).find((c) => c.code === 'PSFS');
  if (!iplos && !psfs) {
    ctx.reporter.report('fhir_code', [...entry.segs, 'code'], { expected: ['IPLOS', 'PSFS'], seen: seenCodes(o.code) });
    return undefined;
  }
  if (o.status === undefined || !INCLUDED.has(o.status)) {
    ctx.reporter.report('fhir_excluded', entry.segs, { status: o.status ?? '' });
    return undefined;
  }
  const dateRaw = o.effectiveDateTime ?? o.effectivePeriod?.start;
  const date = fhirDate(dateRaw);
  if (!date) {
    ctx.reporter.report(dateRaw === undefined ? 'missing' : 'fhir_value', [...entry.segs, 'effectiveDateTime'], { expected: 'YYYY-MM-DD' });
    return undefined;
  }
  if (iplos) {
    const r = IplosSchema.safeParse({ variable: iplos.code, score: num(o), date });
    if (!r.success) {
      ctx.reporter.report('fhir_value', [...entry.segs, o.valueQuantity ? 'valueQuantity' : 'valueInteger'], { expected: '1–5, 9' });
      return undefined;
    }
    return { kind: 'iplos', value: r.data };
  }
  const activities: { activity: string; score: number | undefined }[] = [];
  let direction: string | undefined;
  let proxy: boolean | undefined;
  for (const [i, c] of (o.component ?? []).entries()) {
    const code = codingsIn(c.code, [LIB.functionMeasure])[0]?.code;
    if (code === 'activity') activities.push({ activity: c.code.text ?? '', score: num(c) });
    else if (code === 'direction') direction = codingsIn(c.valueCodeableConcept, [LIB.functionMeasure])[0]?.code;
    else if (code === 'proxy') proxy = c.valueBoolean;
    else
      ctx.reporter.report('fhir_code', [...entry.segs, 'component', i, 'code'], {
        expected: ['activity', 'direction', 'proxy'],
        seen: seenCodes(c.code),
      });
  }
  if (direction !== 'higher-is-better' && direction !== 'lower-is-better') {
    ctx.reporter.report('missing', [...entry.segs, 'component', 'direction']);
    return undefined;
  }
  const r = PsfsSchema.safeParse({ instrument: 'PSFS', date, direction, activities, ...(proxy !== undefined ? { proxy } : {}) });
  if (!r.success) {
    ctx.reporter.report('fhir_value', [...entry.segs, 'component'], { expected: 'activity: code.text, value 0–10' });
    return undefined;
  }
  return { kind: 'psfs', value: r.data };
}
