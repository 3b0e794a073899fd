import * as z from 'zod';
import type { Medication } from '../../../model/person.js';
import { Medication as MedicationSchema } from '../../../model/person.js';
import { ATC_SYSTEM } from '../model/systems.js';
import type { ReadContext } from './context.js';
import type { Entry } from './entries.js';
import { CodeableConceptIn, codingsIn, fhirDate, PeriodIn, ReferenceIn, seenCodes } from './shapes.js';

/*
 * MedicationStatement → a medication line with its ATC code. The medication is read from
 * `medicationCodeableConcept` or from the Medication it references (in the bundle or contained).
 * Whether it is taken regularly or as needed comes from `dosage.asNeeded[x]`; without a dosage that
 * cannot be known, so the line is reported rather than counted as regular. A stopped or completed
 * statement without an end date is left out, because it would otherwise count as in use.
 */

const READ = ['status', 'medicationCodeableConcept', 'medicationReference', 'subject', 'effectiveDateTime', 'effectivePeriod', 'dosage'];

const MedicationStatementIn = z.looseObject({
  status: z.string().optional(),
  medicationCodeableConcept: CodeableConceptIn.optional(),
  medicationReference: ReferenceIn.optional(),
  effectiveDateTime: z.string().optional(),
  effectivePeriod: PeriodIn.optional(),
  dosage: z
    .array(z.looseObject({ asNeededBoolean: z.boolean().optional(), asNeededCodeableConcept: CodeableConceptIn.optional() }))
    .optional(),
});

const EXCLUDED = new Set(['entered-in-error', 'not-taken']);

/** A medication line from a MedicationStatement, or undefined when it cannot be used (reported). */
export function readMedicationStatement(entry: Entry, ctx: ReadContext): Medication | undefined {
  if (!ctx.elements(entry, READ) || !ctx.isAboutPatient(entry, 'subject')) return undefined;
  const parsed = MedicationStatementIn.safeParse(entry.resource);
  if (!parsed.success) {
    ctx.reporter.report('invalid_shape', entry.segs);
    return undefined;
  }
  const m = parsed.data;
  if (m.status !== undefined && EXCLUDED.has(m.status)) {
    ctx.reporter.report('fhir_excluded', entry.segs, { status: m.status });
    return undefined;
  }
  let concept = m.medicationCodeableConcept;
  let conceptSegs: (string | number)[] = [...entry.segs, 'medicationCodeableConcept'];
  if (!concept && m.medicationReference) {
    const med = ctx.resolver.resolve(m.medicationReference.reference, entry);
    if (!med) {
      ctx.reporter.report('fhir_reference', [...entry.segs, 'medicationReference']);
      return undefined;
    }
    const code = CodeableConceptIn.safeParse(med['code']);
    concept = code.success ? code.data : undefined;
    conceptSegs = [...entry.segs, 'medicationReference'];
  }
  const atc = codingsIn(concept, [ATC_SYSTEM])[0];
  if (!atc) {
    ctx.reporter.report('fhir_code', conceptSegs, { expected: ['ATC'], seen: seenCodes(concept) });
    return undefined;
  }
  const dosage = m.dosage ?? [];
  if (dosage.length === 0) {
    ctx.reporter.report('missing', [...entry.segs, 'dosage']);
    return undefined;
  }
  const asNeeded = dosage.some((d) => d.asNeededBoolean === true || d.asNeededCodeableConcept !== undefined);
  const out: Record<string, unknown> = { atc: atc.code!.trim().toUpperCase(), regimen: asNeeded ? 'as-needed' : 'regular' };
  const startRaw = m.effectivePeriod?.start ?? m.effectiveDateTime;
  if (startRaw !== undefined) {
    const s = fhirDate(startRaw);
    if (s) out['start'] = s;
    else
      ctx.reporter.report('fhir_value', [...entry.segs, m.effectivePeriod?.start ? 'effectivePeriod' : 'effectiveDateTime'], {
        expected: 'YYYY-MM-DD',
      });
  }
  if (m.effectivePeriod?.end !== undefined) {
    const e = fhirDate(m.effectivePeriod.end);
    if (e) out['end'] = e;
    else ctx.reporter.report('fhir_value', [...entry.segs, 'effectivePeriod', 'end'], { expected: 'YYYY-MM-DD' });
  }
  if ((m.status === 'stopped' || m.status === 'completed') && out['end'] === undefined) {
    ctx.reporter.report('fhir_value', [...entry.segs, 'effectivePeriod', 'end'], { expected: 'effectivePeriod.end' });
    return undefined;
  }
  const ok = MedicationSchema.safeParse(out);
  if (!ok.success) {
    if (ok.error.issues.some((i) => i.path[0] === 'atc')) ctx.reporter.report('fhir_value', conceptSegs, { expected: 'ATC' });
    else ctx.reporter.report('date_order', [...entry.segs, 'effectivePeriod', 'end']);
    return undefined;
  }
  return ok.data;
}
