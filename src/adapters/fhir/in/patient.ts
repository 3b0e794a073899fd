import * as z from 'zod';
import { validateNationalId } from '../../../model/nationalId.js';
import type { PersonInput } from '../../../model/person.js';
import { DNR_SYSTEM, FNR_SYSTEM, MUNICIPALITY_EXTENSION, MUNICIPALITY_SYSTEM } from '../model/systems.js';
import type { ReadContext } from './context.js';
import type { Entry } from './entries.js';
import { birthDateInRange, DATE_RANGE, isBirthDate } from '../../../util/dates.js';
import { CodingIn, IdentifierIn, ReferenceIn } from './shapes.js';

/*
 * Patient (HL7 Norway no-basis) → the person's identity fields: fødselsnummer or D-nummer, birth
 * date, sex, kommunenummer (the no-basis municipality extension on `address.district`) and whether a
 * regular GP is registered. Names, contact details and other personal data are not read.
 */

const READ = ['identifier', 'birthDate', 'gender', 'address', 'generalPractitioner'];

const PatientIn = z.looseObject({
  identifier: z.array(IdentifierIn).optional(),
  birthDate: z.string().optional(),
  gender: z.string().optional(),
  address: z
    .array(
      z.looseObject({
        _district: z
          .looseObject({ extension: z.array(z.looseObject({ url: z.string().optional(), valueCoding: CodingIn.optional() })).optional() })
          .optional(),
      }),
    )
    .optional(),
  generalPractitioner: z.array(ReferenceIn).optional(),
});

const SEX: Record<string, NonNullable<PersonInput['sex']>> = { female: 'female', male: 'male', other: 'other', unknown: 'unknown' };

/** The person fields a Patient gives. Invalid national ids are errors; other problems are reported. */
export function readPatient(entry: Entry, ctx: ReadContext): Partial<PersonInput> {
  const out: Partial<PersonInput> = {};
  if (!ctx.elements(entry, READ)) return out;
  const parsed = PatientIn.safeParse(entry.resource);
  if (!parsed.success) {
    ctx.reporter.report('invalid_shape', entry.segs);
    return out;
  }
  const p = parsed.data;
  const id = entry.resource['id'];
  if (typeof id === 'string') out.id = `Patient/${id}`;

  // Fødselsnummer is preferred over D-nummer; every other identifier system is reported.
  const ids = (p.identifier ?? []).map((x, i) => ({ x, i }));
  for (const system of [FNR_SYSTEM, DNR_SYSTEM]) {
    const hit = ids.find(({ x }) => x.system === system && typeof x.value === 'string');
    if (hit && out.nationalId === undefined) {
      if (validateNationalId(hit.x.value!) === undefined) ctx.reporter.error('national_id', [...entry.segs, 'identifier', hit.i, 'value']);
      else out.nationalId = hit.x.value!;
    }
  }
  for (const { x, i } of ids)
    if (x.system !== FNR_SYSTEM && x.system !== DNR_SYSTEM) ctx.reporter.report('fhir_element', [...entry.segs, 'identifier', i]);

  // FHIR's `date` may give only the year and month, or the year: the person model reads it for what
  // it says. A value that is no date at all leaves the age unknown, so it is a gap the host must see.
  if (p.birthDate !== undefined) {
    if (isBirthDate(p.birthDate) && birthDateInRange(p.birthDate)) out.birthDate = p.birthDate;
    else if (isBirthDate(p.birthDate))
      ctx.reporter.gap('fhir_value', [...entry.segs, 'birthDate'], { expected: [`${DATE_RANGE.min} – ${DATE_RANGE.max}`], affects: 'age' });
    else ctx.reporter.gap('fhir_value', [...entry.segs, 'birthDate'], { expected: ['YYYY-MM-DD', 'YYYY-MM', 'YYYY'], affects: 'age' });
  }
  if (p.gender !== undefined) {
    const s = SEX[p.gender];
    if (s) out.sex = s;
    else ctx.reporter.report('fhir_value', [...entry.segs, 'gender'], { expected: Object.keys(SEX) });
  }
  (p.address ?? []).forEach((a, i) => {
    for (const ext of a._district?.extension ?? []) {
      if (ext.url !== MUNICIPALITY_EXTENSION) continue;
      const c = ext.valueCoding;
      if (c?.system === MUNICIPALITY_SYSTEM && typeof c.code === 'string' && /^\d{4}$/.test(c.code)) out.municipality ??= c.code;
      else ctx.reporter.report('fhir_value', [...entry.segs, 'address', i, '_district'], { expected: `${MUNICIPALITY_SYSTEM} NNNN` });
    }
  });
  if ((p.generalPractitioner ?? []).length > 0) out.hasGp = true;
  return out;
}
