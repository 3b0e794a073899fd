import { z } from 'zod';
import { yearsBetween } from '../util/dates.js';
import { memoOf } from './context.js';
import type { FactContext } from './types.js';
import { defineFact } from './types.js';

/** Age in whole years on `asOf`, or `undefined` without a birth date; several facts read it, so once per evaluation. */
export function ageInYears(ctx: FactContext): number | undefined {
  const memo = memoOf(ctx);
  if (memo?.age !== undefined) return memo.age ?? undefined;
  const b = ctx.person.birthDate;
  const age = b === undefined ? undefined : yearsBetween(b, ctx.asOf);
  if (memo !== undefined) memo.age = age ?? null;
  return age;
}

/** Age in whole years on `asOf` (the birthday counts). Unknown without a birth date. */
export const age = defineFact({
  name: 'age',
  type: 'number',
  label: { nb: 'alder', nn: 'alder', en: 'age' },
  description: {
    nb: 'Alder i hele år på vurderingsdatoen, regnet fra fødselsdato.',
    nn: 'Alder i heile år på vurderingsdatoen, rekna frå fødselsdato.',
    en: 'Age in whole years on the evaluation date, from the birth date.',
  },
  derive: ageInYears,
});

/** True under 18, the age that routes to the children's coordinating unit and bounds the barnekoordinator right. */
export const isChild = defineFact({
  name: 'isChild',
  type: 'boolean',
  label: { nb: 'barn (under 18 år)', nn: 'barn (under 18 år)', en: 'child (under 18)' },
  description: {
    nb: 'Sann når personen er under 18 år på vurderingsdatoen.',
    nn: 'Sann når personen er under 18 år på vurderingsdatoen.',
    en: 'True when the person is under 18 on the evaluation date.',
  },
  source: { document: 'Steinkjer kommune, Hvordan opprette et oppfølgingsteam? (EQS 7908)', section: 'Ruting til koordinerende enhet' },
  evidence: 'found',
  derive: (ctx) => {
    const a = ageInYears(ctx);
    return a === undefined ? undefined : a < 18;
  },
});

/** Recorded sex. */
export const sex = defineFact({
  name: 'sex',
  type: 'string',
  label: { nb: 'kjønn', nn: 'kjønn', en: 'sex' },
  description: { nb: 'Registrert kjønn.', nn: 'Registrert kjønn.', en: 'Recorded sex.' },
  derive: ({ person }) => person.sex,
});

/** Municipality number (kommunenummer). */
export const municipality = defineFact({
  name: 'municipality',
  type: 'string',
  label: { nb: 'kommunenummer', nn: 'kommunenummer', en: 'municipality number' },
  description: { nb: 'Kommunenummer (4 sifre).', nn: 'Kommunenummer (4 siffer).', en: 'Municipality number (4 digits).' },
  derive: ({ person }) => person.municipality,
});

/** The evaluation date itself, so rules can compare dates against it (`value: {"fact": "asOf"}`). */
export const asOf = defineFact({
  name: 'asOf',
  type: 'date',
  label: { nb: 'vurderingsdatoen', nn: 'vurderingsdatoen', en: 'the evaluation date' },
  description: {
    nb: 'Datoen vurderingen gjelder for. Biblioteket leser aldri klokka.',
    nn: 'Datoen vurderinga gjeld for. Biblioteket les aldri klokka.',
    en: 'The date the evaluation is for. The library never reads the clock.',
  },
  params: z.undefined().optional(),
  derive: (ctx) => ctx.asOf,
});
