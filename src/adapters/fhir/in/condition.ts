import * as z from 'zod';
import type { Diagnosis } from '../../../model/person.js';
import { Diagnosis as DiagnosisSchema } from '../../../model/person.js';
import { HL7, ICD10_SYSTEMS, ICPC2_SYSTEMS } from '../model/systems.js';
import type { ReadContext } from './context.js';
import type { Entry } from './entries.js';
import { CodeableConceptIn, codingsIn, fhirDate, PeriodIn, seenCodes } from './shapes.js';
import { SNOMED_SYSTEM } from './snomedMap.js';

/*
 * Condition → a diagnosis. ICPC-2 and ICD-10 are accepted under both their Volven OIDs and HL7's
 * URLs. A Condition that is refuted or entered in error is left out (and reported); one without a
 * code in either system is reported and not used.
 */

const READ = [
  'code',
  'subject',
  'clinicalStatus',
  'verificationStatus',
  'onsetDateTime',
  'onsetPeriod',
  'abatementDateTime',
  'abatementPeriod',
];

const ConditionIn = z.looseObject({
  code: CodeableConceptIn.optional(),
  clinicalStatus: CodeableConceptIn.optional(),
  verificationStatus: CodeableConceptIn.optional(),
  onsetDateTime: z.string().optional(),
  onsetPeriod: PeriodIn.optional(),
  abatementDateTime: z.string().optional(),
  abatementPeriod: PeriodIn.optional(),
});

const ACTIVE = new Set(['active', 'recurrence', 'relapse']);
const INACTIVE = new Set(['inactive', 'remission', 'resolved']);

/** A diagnosis from a Condition, or undefined when it cannot be used (the reason is reported). */
export function readCondition(entry: Entry, ctx: ReadContext): Diagnosis | undefined {
  if (!ctx.elements(entry, READ) || !ctx.isAboutPatient(entry, 'subject')) return undefined;
  const parsed = ConditionIn.safeParse(entry.resource);
  if (!parsed.success) {
    ctx.reporter.report('invalid_shape', entry.segs);
    return undefined;
  }
  const c = parsed.data;
  const ver = c.verificationStatus?.coding?.find((x) => x.system === HL7.conditionVerification)?.code;
  if (ver === 'refuted' || ver === 'entered-in-error') {
    ctx.reporter.report('fhir_excluded', entry.segs, { status: ver });
    return undefined;
  }
  const icpc = codingsIn(c.code, ICPC2_SYSTEMS)[0];
  const icd = codingsIn(c.code, ICD10_SYSTEMS)[0];
  const pick = icpc
    ? { system: 'ICPC-2' as const, code: icpc.code! }
    : icd
      ? { system: 'ICD-10' as const, code: icd.code! }
      : snomed(c.code, ctx);
  if (!pick) {
    ctx.reporter.report('fhir_code', [...entry.segs, 'code'], { expected: ['ICPC-2', 'ICD-10'], seen: seenCodes(c.code) });
    return undefined;
  }
  const d: Record<string, unknown> = { system: pick.system, code: pick.code.trim().toUpperCase() };
  const onsetRaw = c.onsetDateTime ?? c.onsetPeriod?.start;
  if (onsetRaw !== undefined) {
    const v = fhirDate(onsetRaw);
    if (v) d['onset'] = v;
    else ctx.reporter.report('fhir_value', [...entry.segs, c.onsetDateTime ? 'onsetDateTime' : 'onsetPeriod'], { expected: 'YYYY-MM-DD' });
  }
  const abateRaw = c.abatementDateTime ?? c.abatementPeriod?.end ?? c.abatementPeriod?.start;
  if (abateRaw !== undefined) {
    const v = fhirDate(abateRaw);
    if (v) d['abatement'] = v;
    else
      ctx.reporter.report('fhir_value', [...entry.segs, c.abatementDateTime ? 'abatementDateTime' : 'abatementPeriod'], {
        expected: 'YYYY-MM-DD',
      });
  }
  const clin = c.clinicalStatus?.coding?.find((x) => x.system === HL7.conditionClinical)?.code;
  if (clin !== undefined) {
    if (ACTIVE.has(clin)) d['active'] = true;
    else if (INACTIVE.has(clin)) d['active'] = false;
    else ctx.reporter.report('fhir_value', [...entry.segs, 'clinicalStatus'], { expected: [...ACTIVE, ...INACTIVE] });
  }
  const ok = DiagnosisSchema.safeParse(d);
  if (!ok.success) {
    // Either the code is in a known system but not in its format (e.g. an ICPC-2 process code), or
    // the abatement is before the onset.
    if (ok.error.issues.some((i) => i.path[0] === 'code'))
      ctx.reporter.report(pick.system === 'ICPC-2' ? 'icpc2_code' : 'icd10_code', [...entry.segs, 'code']);
    else ctx.reporter.report('date_order', [...entry.segs, c.abatementDateTime ? 'abatementDateTime' : 'abatementPeriod']);
    return undefined;
  }
  return ok.data;
}

/** A SNOMED CT code through the host's map, when one was given; an unmapped one is counted, never named. */
function snomed(code: CodeableConceptIn | undefined, ctx: ReadContext): { system: 'ICPC-2' | 'ICD-10'; code: string } | undefined {
  if (!ctx.snomedMap) return undefined;
  const sct = codingsIn(code, [SNOMED_SYSTEM])[0];
  if (!sct) return undefined;
  const mapped = ctx.snomedMap.lookup(sct.code!);
  if (!mapped) ctx.unmappedSnomed++;
  return mapped;
}
