import * as z from 'zod';
import { ageOn } from '../util/dates.js';
import { memoOf } from './context.js';
import type { FactContext } from './types.js';
import { defineBuiltinFact } from './types.js';

/**
 * Age in whole years on `asOf`, or `undefined` when it cannot be told: no birth date, a partial one
 * (`YYYY-MM`, `YYYY`) whose possible days give different ages, or one after `asOf`. Never negative.
 * Several facts read it, so once per evaluation.
 */
export function ageInYears(ctx: FactContext): number | undefined {
  const memo = memoOf(ctx);
  if (memo?.age !== undefined) return memo.age ?? undefined;
  const b = ctx.person.birthDate;
  const age = b === undefined ? undefined : ageOn(b, ctx.asOf);
  if (memo !== undefined) memo.age = age ?? null;
  return age;
}

/** Age in whole years on `asOf` (the birthday counts). Unknown without a birth date that tells it, and never negative. */
export const age = /* @__PURE__ */ defineBuiltinFact({
  name: 'age',
  type: 'number',
  label: { nb: 'alder', nn: 'alder', en: 'age' },
  description: {
    nb: 'Alder i hele år på vurderingsdatoen, regnet fra fødselsdato. Ukjent når fødselsdatoen mangler, bare gir år eller måned og alderen avhenger av dagen, eller ligger etter vurderingsdatoen.',
    nn: 'Alder i heile år på vurderingsdatoen, rekna frå fødselsdato. Ukjend når fødselsdatoen manglar, berre gir år eller månad og alderen avheng av dagen, eller ligg etter vurderingsdatoen.',
    en: 'Age in whole years on the evaluation date, from the birth date. Unknown when the birth date is missing, gives only a year or month and the age depends on the day, or lies after the evaluation date.',
  },
  derive: ageInYears,
});

/** True under 18, the age that routes to the children's coordinating unit and bounds the barnekoordinator right. */
export const isChild = /* @__PURE__ */ defineBuiltinFact({
  name: 'isChild',
  type: 'boolean',
  label: { nb: 'barn (under 18 år)', nn: 'barn (under 18 år)', en: 'child (under 18)' },
  description: {
    nb: 'Sann når personen er under 18 år på vurderingsdatoen.',
    nn: 'Sann når personen er under 18 år på vurderingsdatoen.',
    en: 'True when the person is under 18 on the evaluation date.',
  },
  source: {
    document: 'Vergemålsloven § 2 (mindreårig er den som ikke har fylt 18 år)',
    section: '§ 2 første ledd',
    url: 'https://lovdata.no/lov/2010-03-26-9/§2',
  },
  evidence: 'found',
  derive: (ctx) => {
    const a = ageInYears(ctx);
    return a === undefined ? undefined : a < 18;
  },
});

/** Recorded sex. */
export const sex = /* @__PURE__ */ defineBuiltinFact({
  name: 'sex',
  type: 'string',
  label: { nb: 'kjønn', nn: 'kjønn', en: 'sex' },
  description: { nb: 'Registrert kjønn.', nn: 'Registrert kjønn.', en: 'Recorded sex.' },
  derive: ({ person }) => person.sex,
});

/** Municipality number (kommunenummer). */
export const municipality = /* @__PURE__ */ defineBuiltinFact({
  name: 'municipality',
  type: 'string',
  label: { nb: 'kommunenummer', nn: 'kommunenummer', en: 'municipality number' },
  description: { nb: 'Kommunenummer (4 sifre).', nn: 'Kommunenummer (4 siffer).', en: 'Municipality number (4 digits).' },
  derive: ({ person }) => person.municipality,
});

/** The evaluation date itself, so rules can compare dates against it (`value: {"fact": "asOf"}`). */
export const asOf = /* @__PURE__ */ defineBuiltinFact({
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
