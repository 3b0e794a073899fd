import type { CompiledRuleSet, ParsedPerson } from '../src/index.js';
import type { FactRegistry } from '../src/policy/index.js';
import { factContext } from '../src/facts/context.js';

/*
 * The identification rules written by hand, with the same three-valued logic, for the benchmark's
 * baseline (c). Facts come from the same fact functions the engine uses (so the comparison measures
 * the engine, not two ways of counting admissions), or from precomputed values. The benchmark checks
 * that it agrees with the engine on every person before timing it.
 */

const F = 0;
const T = 1;
const U = 2;
type Tri = 0 | 1 | 2;

const and = (...xs: Tri[]): Tri => {
  let acc: Tri = T;
  for (const x of xs) {
    if (x === F) return F;
    if (x === U) acc = U;
  }
  return acc;
};
const or = (...xs: Tri[]): Tri => {
  let acc: Tri = F;
  for (const x of xs) {
    if (x === T) return T;
    if (x === U) acc = U;
  }
  return acc;
};
const ge = (x: unknown, n: number): Tri => (x === undefined ? U : (x as number) >= n ? T : F);
const gt = (x: unknown, n: number): Tri => (x === undefined ? U : (x as number) > n ? T : F);
const le = (x: unknown, n: number): Tri => (x === undefined ? U : (x as number) <= n ? T : F);
const eq = (x: unknown, v: unknown): Tri => (x === undefined ? U : x === v ? T : F);

/** The facts the identification rules read. */
export interface IdFacts {
  ltc: unknown;
  pam: unknown;
  emAdm12: unknown;
  emVis6: unknown;
  meds: unknown;
  frail: unknown;
  falls: unknown;
  fl: unknown;
  services: unknown;
  isChild: unknown;
  ccc: unknown;
  social: unknown;
  age: unknown;
  mhs: unknown;
  adm12: unknown;
  charlson: unknown;
  los: unknown;
  requested: unknown;
  id: unknown;
  dementia: unknown;
}

/** What the hand-written function returns. */
export interface HandResult {
  readonly outcomes: Record<string, Tri>;
  readonly points: number;
  readonly maxPoints: number;
  readonly tier: 'low' | 'moderate' | 'high';
}

const SCORING: readonly [string, string, number][] = [
  ['RS-ADMISSIONS-2-5', 'admissions', 2],
  ['RS-ADMISSIONS-6-PLUS', 'admissions', 5],
  ['RS-EMERGENCY-VISITS-1', 'emergency-visits', 1],
  ['RS-EMERGENCY-VISITS-2', 'emergency-visits', 2],
  ['RS-EMERGENCY-VISITS-3', 'emergency-visits', 3],
  ['RS-EMERGENCY-VISITS-4-PLUS', 'emergency-visits', 4],
  ['RS-CHARLSON-1', 'charlson', 1],
  ['RS-CHARLSON-2', 'charlson', 2],
  ['RS-CHARLSON-3', 'charlson', 3],
  ['RS-CHARLSON-4-PLUS', 'charlson', 5],
  ['RS-ACUTE-ADMISSION', 'acuity', 3],
  ['RS-LENGTH-OF-STAY-1', 'length-of-stay', 1],
  ['RS-LENGTH-OF-STAY-2', 'length-of-stay', 2],
  ['RS-LENGTH-OF-STAY-3', 'length-of-stay', 3],
  ['RS-LENGTH-OF-STAY-4-6', 'length-of-stay', 4],
  ['RS-LENGTH-OF-STAY-7-13', 'length-of-stay', 5],
  ['RS-LENGTH-OF-STAY-14-PLUS', 'length-of-stay', 7],
];

/** The identification rules by hand, on fact values. Parameters are the rule set's defaults. */
export function identificationByHand(f: IdFacts): HandResult {
  const multimorbidity = ge(f.ltc, 2);
  const frailty = or(eq(f.frail, true), ge(f.falls, 1));
  const unplanned = or(ge(f.emAdm12, 2), ge(f.emVis6, 3));
  const requested = eq(f.requested, true);
  const anyTrigger = or(
    requested,
    eq(f.pam, true),
    unplanned,
    ge(f.meds, 10),
    eq(f.frail, true),
    ge(f.falls, 1),
    eq(f.fl, true),
    ge(f.services, 2),
  );
  const o: Record<string, Tri> = {
    'ID-TARGET-GROUP': or(
      and(multimorbidity, anyTrigger),
      requested,
      and(ge(f.ltc, 1), eq(f.fl, true), ge(f.services, 2)),
      and(ge(f.ccc, 1), or(unplanned, ge(f.adm12, 2))),
      and(eq(f.mhs, true), unplanned),
    ),
    'ID-MULTIMORBIDITY': multimorbidity,
    'ID-TRIGGER-PHYSICAL-MENTAL': eq(f.pam, true),
    'ID-TRIGGER-UNPLANNED-CARE': unplanned,
    'ID-TRIGGER-POLYPHARMACY': ge(f.meds, 10),
    'ID-TRIGGER-FRAILTY': frailty,
    'ID-TRIGGER-FUNCTION': eq(f.fl, true),
    'ID-TRIGGER-MULTIPLE-SERVICES': ge(f.services, 2),
    'ID-TRIGGER-REQUESTED': requested,
    'ID-MEDICATION-REVIEW': ge(f.meds, 15),
    'ID-CHILD-COMPLEX': and(eq(f.isChild, true), or(ge(f.ccc, 2), and(ge(f.ccc, 1), eq(f.fl, true)))),
    'ID-SOCIAL-PRIORITY': and(eq(f.social, true), ge(f.ltc, 1)),
    'ID-SUBGROUP-CHILDREN': and(eq(f.isChild, true), or(ge(f.ccc, 1), ge(f.ltc, 2), eq(f.id, true), eq(f.fl, true))),
    'ID-SUBGROUP-MENTAL-SUBSTANCE': and(ge(f.age, 18), eq(f.mhs, true)),
    'ID-SUBGROUP-FRAIL-ELDERLY': and(ge(f.age, 65), or(eq(f.frail, true), ge(f.falls, 1), eq(f.fl, true), eq(f.dementia, true))),
    'ID-SUBGROUP-CHRONIC': and(ge(f.age, 18), or(multimorbidity, and(ge(f.ltc, 1), or(eq(f.fl, true), ge(f.services, 2))))),
    'RS-ADMISSIONS-2-5': and(ge(f.adm12, 2), le(f.adm12, 5)),
    'RS-ADMISSIONS-6-PLUS': gt(f.adm12, 5),
    'RS-EMERGENCY-VISITS-1': eq(f.emVis6, 1),
    'RS-EMERGENCY-VISITS-2': eq(f.emVis6, 2),
    'RS-EMERGENCY-VISITS-3': eq(f.emVis6, 3),
    'RS-EMERGENCY-VISITS-4-PLUS': ge(f.emVis6, 4),
    'RS-CHARLSON-1': eq(f.charlson, 1),
    'RS-CHARLSON-2': eq(f.charlson, 2),
    'RS-CHARLSON-3': eq(f.charlson, 3),
    'RS-CHARLSON-4-PLUS': ge(f.charlson, 4),
    'RS-ACUTE-ADMISSION': ge(f.emAdm12, 1),
    'RS-LENGTH-OF-STAY-1': eq(f.los, 1),
    'RS-LENGTH-OF-STAY-2': eq(f.los, 2),
    'RS-LENGTH-OF-STAY-3': eq(f.los, 3),
    'RS-LENGTH-OF-STAY-4-6': and(ge(f.los, 4), le(f.los, 6)),
    'RS-LENGTH-OF-STAY-7-13': and(ge(f.los, 7), le(f.los, 13)),
    'RS-LENGTH-OF-STAY-14-PLUS': ge(f.los, 14),
  };
  let points = 0;
  const fired = new Set<string>();
  const unknownMax = new Map<string, number>();
  for (const [id, comp, p] of SCORING) {
    const v = o[id];
    if (v === T) {
      points += p;
      fired.add(comp);
    } else if (v === U) unknownMax.set(comp, Math.max(unknownMax.get(comp) ?? 0, p));
  }
  let maxPoints = points;
  for (const [c, p] of unknownMax) if (!fired.has(c)) maxPoints += p;
  return { outcomes: o, points, maxPoints, tier: points >= 10 ? 'high' : points >= 5 ? 'moderate' : 'low' };
}

/** Derives the facts from a person with the library's own fact functions. */
export function factsFromPerson(
  person: ParsedPerson,
  asOf: string,
  asOfDay: number,
  facts: FactRegistry,
  ruleSet: CompiledRuleSet,
): IdFacts {
  const ctx = factContext(person, asOf, asOfDay, ruleSet.codeLists);
  const d = (name: string, params?: unknown) => facts.get(name)!.derive(ctx, params);
  const m12 = { months: 12 };
  return {
    ltc: d('longTermConditions'),
    pam: d('physicalAndMental'),
    emAdm12: d('emergencyAdmissions', m12),
    emVis6: d('emergencyVisits', { months: 6 }),
    meds: d('regularMedications'),
    frail: d('frail'),
    falls: d('falls'),
    fl: d('functionalLimitation'),
    services: d('municipalServices'),
    isChild: d('isChild'),
    ccc: d('childComplexConditionGroups'),
    social: d('socialProblems'),
    age: d('age'),
    mhs: d('mentalHealthOrSubstance'),
    adm12: d('admissions', m12),
    charlson: d('charlsonIndex'),
    los: d('longestAdmissionStay', m12),
    requested: d('followUpRequested'),
    id: d('intellectualDisability'),
    dementia: d('dementia'),
  };
}

/** The same facts keyed as the engine and json-rules-engine read them (each fact has one window in this rule set). */
export function factsByName(f: IdFacts): Record<string, unknown> {
  return {
    longTermConditions: f.ltc,
    physicalAndMental: f.pam,
    emergencyAdmissions: f.emAdm12,
    emergencyVisits: f.emVis6,
    regularMedications: f.meds,
    frail: f.frail,
    falls: f.falls,
    functionalLimitation: f.fl,
    municipalServices: f.services,
    isChild: f.isChild,
    childComplexConditionGroups: f.ccc,
    socialProblems: f.social,
    age: f.age,
    mentalHealthOrSubstance: f.mhs,
    admissions: f.adm12,
    charlsonIndex: f.charlson,
    longestAdmissionStay: f.los,
    followUpRequested: f.requested,
    intellectualDisability: f.id,
    dementia: f.dementia,
  };
}
