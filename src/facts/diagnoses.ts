import type { Diagnosis } from '../model/person.js';
import type { CodeListEntry } from '../model/ruleSet.js';
import type { CodeList } from './codeList.js';
import { activeOn } from './active.js';
import { memoOf } from './context.js';
import type { FactContext } from './types.js';
import { defineBuiltinFact } from './types.js';

/*
 * Facts over diagnoses. A diagnosis counts when it is active on `asOf`: not flagged inactive, onset
 * on or before `asOf` (or unknown), and no abatement before `asOf`. An absent `active` flag counts as
 * active, because GP records rarely close an ICPC-2 code.
 */

function computeActive(ctx: FactContext): Diagnosis[] | undefined {
  return ctx.person.diagnoses?.filter((d) => d.active !== false && activeOn(ctx.asOfDay, d.onset, d.abatement));
}

/** The diagnoses active on `asOf`; several facts read them, so they are filtered once per evaluation. */
function active(ctx: FactContext): Diagnosis[] | undefined {
  const memo = memoOf(ctx);
  if (memo === undefined) return computeActive(ctx);
  if (memo.active === undefined) memo.active = computeActive(ctx) ?? null;
  return memo.active ?? undefined;
}

function list(ctx: FactContext, id: string): CodeList {
  const l = ctx.codeLists.get(id);
  // Compilation checks `codeLists` of every used fact, so a missing list here is a programming error.
  if (!l) throw new Error(`code list ${id} not loaded`);
  return l;
}

const NO_ENTRIES: readonly CodeListEntry[] = Object.freeze([]);

/** Every entry of list `id` that an active diagnosis matches, in diagnosis order; once per evaluation. */
function matches(ctx: FactContext, ds: readonly Diagnosis[], id: string): readonly CodeListEntry[] {
  if (ds.length === 0) return NO_ENTRIES;
  const memo = memoOf(ctx);
  const l = list(ctx, id);
  let found = memo?.matches?.get(l);
  if (found !== undefined) return found;
  let out: CodeListEntry[] | undefined;
  for (const d of ds) {
    const es = l.matchAll(d.system, d.code);
    if (es.length > 0) (out ??= []).push(...es);
  }
  found = out ?? NO_ENTRIES;
  if (memo !== undefined) (memo.matches ??= new Map()).set(l, found);
  return found;
}

function groupsIn(ctx: FactContext, ids: readonly string[]): Set<string> | undefined {
  const ds = active(ctx);
  if (ds === undefined) return undefined;
  const groups = new Set<string>();
  if (ds.length === 0) return groups;
  for (const id of ids) for (const e of matches(ctx, ds, id)) groups.add(e.group ?? e.code);
  return groups;
}

function anyIn(ctx: FactContext, id: string): boolean | undefined {
  const ds = active(ctx);
  if (ds === undefined) return undefined;
  return matches(ctx, ds, id).length > 0;
}

const NG56_111 = {
  document: 'NICE NG56 Multimorbidity: clinical assessment and management (2016)',
  section: '1.1.1 (multimorbidity: 2 or more long-term health conditions)',
  url: 'https://www.nice.org.uk/guidance/ng56/chapter/Recommendations',
} as const;

/**
 * The lists whose groups count as long-term conditions (NICE NG56 1.1.1: physical and mental health
 * conditions, ongoing conditions such as learning disability, alcohol and substance misuse). Dementia,
 * intellectual disability and autism/ADHD count here, but are not "mental illness or substance use".
 */
const LTC_LISTS = ['chronic-conditions', 'mental-health-substance', 'dementia', 'intellectual-disability', 'autism-adhd'] as const;

/** The active diagnoses as `{system, code}`, for the `inCodeList` operator. */
export const activeDiagnoses = /* @__PURE__ */ defineBuiltinFact({
  name: 'activeDiagnoses',
  type: 'list',
  label: { nb: 'aktive diagnoser', nn: 'aktive diagnosar', en: 'active diagnoses' },
  description: {
    nb: 'Diagnoser (ICPC-2 og ICD-10) som er aktive på vurderingsdatoen.',
    nn: 'Diagnosar (ICPC-2 og ICD-10) som er aktive på vurderingsdatoen.',
    en: 'Diagnoses (ICPC-2 and ICD-10) active on the evaluation date.',
  },
  derive: (ctx) => active(ctx)?.map((d) => ({ system: d.system, code: d.code })),
});

/** Number of distinct long-term condition groups (NICE NG56's multimorbidity counts conditions, not codes). */
export const longTermConditions = /* @__PURE__ */ defineBuiltinFact({
  name: 'longTermConditions',
  type: 'number',
  label: { nb: 'antall langvarige tilstander', nn: 'talet på langvarige tilstandar', en: 'number of long-term conditions' },
  description: {
    nb: 'Antall ulike grupper av langvarige somatiske og psykiske tilstander, rus, demens, utviklingshemming, autisme og ADHD blant aktive diagnoser (kodelistene chronic-conditions, mental-health-substance, dementia, intellectual-disability og autism-adhd).',
    nn: 'Talet på ulike grupper av langvarige somatiske og psykiske tilstandar, rus, demens, utviklingshemming, autisme og ADHD blant aktive diagnosar (kodelistene chronic-conditions, mental-health-substance, dementia, intellectual-disability og autism-adhd).',
    en: 'Number of distinct groups of long-term physical and mental conditions, substance use, dementia, intellectual disability, autism and ADHD among active diagnoses (code lists chronic-conditions, mental-health-substance, dementia, intellectual-disability and autism-adhd).',
  },
  codeLists: LTC_LISTS,
  source: NG56_111,
  evidence: 'found',
  derive: (ctx) => groupsIn(ctx, LTC_LISTS)?.size,
});

/** The long-term condition groups themselves, for explanations and sub-group rules. */
export const longTermConditionGroups = /* @__PURE__ */ defineBuiltinFact({
  name: 'longTermConditionGroups',
  type: 'list',
  label: { nb: 'grupper av langvarige tilstander', nn: 'grupper av langvarige tilstandar', en: 'long-term condition groups' },
  description: {
    nb: 'Navnene på gruppene som teller i «antall langvarige tilstander», sortert.',
    nn: 'Namna på gruppene som tel i «talet på langvarige tilstandar», sorterte.',
    en: 'The names of the groups counted in "number of long-term conditions", sorted.',
  },
  codeLists: LTC_LISTS,
  derive: (ctx) => {
    const g = groupsIn(ctx, LTC_LISTS);
    return g === undefined ? undefined : [...g].sort();
  },
});

/** Any active mental-health or substance-use diagnosis (not dementia, intellectual disability or autism/ADHD). */
export const mentalHealthOrSubstance = /* @__PURE__ */ defineBuiltinFact({
  name: 'mentalHealthOrSubstance',
  type: 'boolean',
  label: { nb: 'psykisk lidelse eller rusproblem', nn: 'psykisk liding eller rusproblem', en: 'mental health or substance use condition' },
  description: {
    nb: 'Sann når en aktiv diagnose står i kodelisten mental-health-substance (psykiske lidelser og rus; ikke demens, utviklingshemming, autisme eller ADHD).',
    nn: 'Sann når ein aktiv diagnose står i kodelista mental-health-substance (psykiske lidingar og rus; ikkje demens, utviklingshemming, autisme eller ADHD).',
    en: 'True when an active diagnosis is in the mental-health-substance code list (mental health conditions and substance use; not dementia, intellectual disability, autism or ADHD).',
  },
  codeLists: ['mental-health-substance'],
  derive: (ctx) => anyIn(ctx, 'mental-health-substance'),
});

/** Both a physical long-term condition and a mental-health or substance-use condition (NICE NG56 trigger). */
export const physicalAndMental = /* @__PURE__ */ defineBuiltinFact({
  name: 'physicalAndMental',
  type: 'boolean',
  label: { nb: 'både somatisk og psykisk tilstand', nn: 'både somatisk og psykisk tilstand', en: 'both physical and mental conditions' },
  description: {
    nb: 'Sann når personen har minst én langvarig somatisk tilstand og minst én psykisk lidelse eller rusdiagnose.',
    nn: 'Sann når personen har minst éin langvarig somatisk tilstand og minst éin psykisk liding eller rusdiagnose.',
    en: 'True when the person has at least one long-term physical condition and at least one mental-health or substance-use diagnosis.',
  },
  codeLists: ['chronic-conditions', 'mental-health-substance'],
  source: { ...NG56_111, section: '1.2.1 (both long-term physical and mental health conditions)' },
  evidence: 'found',
  derive: (ctx) => {
    const physical = anyIn(ctx, 'chronic-conditions');
    const mental = anyIn(ctx, 'mental-health-substance');
    return physical === undefined || mental === undefined ? undefined : physical && mental;
  },
});

/** Active substance-use diagnosis (the `substance-use` group of mental-health-substance). */
export const substanceUse = /* @__PURE__ */ defineBuiltinFact({
  name: 'substanceUse',
  type: 'boolean',
  label: { nb: 'rusdiagnose', nn: 'rusdiagnose', en: 'substance-use diagnosis' },
  description: {
    nb: 'Sann når en aktiv diagnose er i gruppen substance-use i kodelisten mental-health-substance.',
    nn: 'Sann når ein aktiv diagnose er i gruppa substance-use i kodelista mental-health-substance.',
    en: 'True when an active diagnosis is in the substance-use group of the mental-health-substance code list.',
  },
  codeLists: ['mental-health-substance'],
  derive: (ctx) => groupsIn(ctx, ['mental-health-substance'])?.has('substance-use'),
});

const CHARLSON_LISTS = ['charlson', 'charlson-icpc2'] as const;

/** Charlson groups that a more severe group replaces (Charlson 1987; Quan 2005 coding hierarchy). */
const CHARLSON_HIERARCHY: readonly (readonly [severe: string, mild: string])[] = [
  ['diabetes-complicated', 'diabetes'],
  ['severe-liver', 'mild-liver'],
  ['metastatic', 'tumour'],
];

/** Charlson comorbidity index with the original 1987 weights, from the `charlson` code lists. */
export const charlsonIndex = /* @__PURE__ */ defineBuiltinFact({
  name: 'charlsonIndex',
  type: 'number',
  label: { nb: 'Charlson komorbiditetsindeks', nn: 'Charlson komorbiditetsindeks', en: 'Charlson comorbidity index' },
  description: {
    nb: 'Charlson-indeks med de opprinnelige vektene (1, 2, 3 og 6) fra kodelistene charlson (ICD-10) og charlson-icpc2. Hver gruppe teller én gang; alvorlig form erstatter mild form.',
    nn: 'Charlson-indeks med dei opphavlege vektene (1, 2, 3 og 6) frå kodelistene charlson (ICD-10) og charlson-icpc2. Kvar gruppe tel éin gong; alvorleg form erstattar mild form.',
    en: 'Charlson index with the original weights (1, 2, 3 and 6) from the charlson (ICD-10) and charlson-icpc2 code lists. Each group counts once; a severe form replaces the mild one.',
  },
  codeLists: CHARLSON_LISTS,
  source: {
    document:
      'Charlson et al. 1987 (weights); ICD-10 coding per the Danish registry version (Thygesen et al. 2011); ICPC-2 mapping by this library',
    section: 'Table of conditions and weights; the ICPC-2 mapping (code list charlson-icpc2) is inferred',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3678712/',
  },
  evidence: 'inferred',
  derive: (ctx) => {
    const ds = active(ctx);
    if (ds === undefined) return undefined;
    const icd = matches(ctx, ds, 'charlson');
    const icpc = matches(ctx, ds, 'charlson-icpc2');
    if (icd.length === 0 && icpc.length === 0) return 0;
    const weights = new Map<string, number>();
    for (const es of [icd, icpc])
      for (const e of es) {
        const g = e.group ?? e.code;
        weights.set(g, Math.max(weights.get(g) ?? 0, e.weight ?? 1));
      }
    for (const [severe, mild] of CHARLSON_HIERARCHY) if (weights.has(severe)) weights.delete(mild);
    let sum = 0;
    for (const w of weights.values()) sum += w;
    return sum;
  },
});

/** An active dementia diagnosis (code list dementia). */
export const dementia = /* @__PURE__ */ defineBuiltinFact({
  name: 'dementia',
  type: 'boolean',
  label: { nb: 'demens', nn: 'demens', en: 'dementia' },
  description: {
    nb: 'Sann når en aktiv diagnose står i kodelisten dementia.',
    nn: 'Sann når ein aktiv diagnose står i kodelista dementia.',
    en: 'True when an active diagnosis is in the dementia code list.',
  },
  codeLists: ['dementia'],
  derive: (ctx) => anyIn(ctx, 'dementia'),
});

/** An active intellectual-disability diagnosis (code list intellectual-disability). */
export const intellectualDisability = /* @__PURE__ */ defineBuiltinFact({
  name: 'intellectualDisability',
  type: 'boolean',
  label: { nb: 'utviklingshemming', nn: 'utviklingshemming', en: 'intellectual disability' },
  description: {
    nb: 'Sann når en aktiv diagnose står i kodelisten intellectual-disability.',
    nn: 'Sann når ein aktiv diagnose står i kodelista intellectual-disability.',
    en: 'True when an active diagnosis is in the intellectual-disability code list.',
  },
  codeLists: ['intellectual-disability'],
  derive: (ctx) => anyIn(ctx, 'intellectual-disability'),
});

/** An active autism or ADHD diagnosis (code list autism-adhd). */
export const autismOrAdhd = /* @__PURE__ */ defineBuiltinFact({
  name: 'autismOrAdhd',
  type: 'boolean',
  label: { nb: 'autisme eller ADHD', nn: 'autisme eller ADHD', en: 'autism or ADHD' },
  description: {
    nb: 'Sann når en aktiv diagnose står i kodelisten autism-adhd.',
    nn: 'Sann når ein aktiv diagnose står i kodelista autism-adhd.',
    en: 'True when an active diagnosis is in the autism-adhd code list.',
  },
  codeLists: ['autism-adhd'],
  derive: (ctx) => anyIn(ctx, 'autism-adhd'),
});

/** ICPC-2 social-problem codes (Z chapter) among active diagnoses. */
export const socialProblems = /* @__PURE__ */ defineBuiltinFact({
  name: 'socialProblems',
  type: 'boolean',
  label: { nb: 'sosiale problemer (ICPC-2 Z)', nn: 'sosiale problem (ICPC-2 Z)', en: 'social problems (ICPC-2 Z)' },
  description: {
    nb: 'Sann når en aktiv diagnose står i kodelisten social-problems.',
    nn: 'Sann når ein aktiv diagnose står i kodelista social-problems.',
    en: 'True when an active diagnosis is in the social-problems code list.',
  },
  codeLists: ['social-problems'],
  derive: (ctx) => anyIn(ctx, 'social-problems'),
});

/** Number of body-system groups of paediatric complex chronic conditions (Feudtner CCC v2). */
export const childComplexConditionGroups = /* @__PURE__ */ defineBuiltinFact({
  name: 'childComplexConditionGroups',
  type: 'number',
  label: {
    nb: 'antall organsystemer med alvorlig kronisk tilstand (barn)',
    nn: 'talet på organsystem med alvorleg kronisk tilstand (barn)',
    en: 'number of body systems with a complex chronic condition (child)',
  },
  description: {
    nb: 'Antall ulike grupper i kodelisten pediatric-complex-conditions blant aktive diagnoser.',
    nn: 'Talet på ulike grupper i kodelista pediatric-complex-conditions blant aktive diagnosar.',
    en: 'Number of distinct groups of the pediatric-complex-conditions code list among active diagnoses.',
  },
  codeLists: ['pediatric-complex-conditions'],
  source: {
    document: 'Feudtner et al. 2014, Pediatric Complex Chronic Conditions v2 (BMC Pediatrics 14:199)',
    section: 'Categories (the codes of each category are a selection made for this library: see the code list)',
    url: 'https://bmcpediatr.biomedcentral.com/articles/10.1186/1471-2431-14-199',
  },
  evidence: 'found',
  derive: (ctx) => groupsIn(ctx, ['pediatric-complex-conditions'])?.size,
});

/** A functional-limitation code (ICPC-2 "xx28") among active diagnoses. */
export function hasFunctionCode(ctx: FactContext): boolean | undefined {
  return anyIn(ctx, 'functional-limitation');
}
