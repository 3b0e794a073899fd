import * as z from 'zod';
import type { Encounter, EncounterType } from '../model/person.js';
import { addMonths, toDayNumber } from '../util/dates.js';
import type { EncounterTable } from './context.js';
import { memoOf } from './context.js';
import type { FactContext } from './types.js';
import { defineBuiltinFact } from './types.js';

/** Window parameter shared by the count facts: the last `months` months up to and including `asOf`. */
const Window = z.strictObject({ months: z.number().int().min(1).max(120) });

/** `asOf − months` as a day number, memoised: every person in a population shares the same few bounds. */
let boundsAsOf = '';
let bounds: number[] = [];
function lowerBound(ctx: FactContext, months: number): number {
  if (ctx.asOf !== boundsAsOf) {
    boundsAsOf = ctx.asOf;
    bounds = [];
  }
  let b = bounds[months];
  if (b === undefined) {
    b = toDayNumber(addMonths(ctx.asOf, -months)) ?? ctx.asOfDay;
    bounds[months] = b;
  }
  return b;
}

/** Encounter kinds in table order; a kind's bit in a mask is `1 << index`. */
const ENCOUNTER_KINDS: readonly EncounterType[] = [
  'gp-consultation',
  'emergency-visit',
  'emergency-admission',
  'elective-admission',
  'outpatient-visit',
];
const kindBits = (types: readonly EncounterType[]): number => types.reduce((m, t) => m | (1 << ENCOUNTER_KINDS.indexOf(t)), 0);

function lengthOfStay(e: Encounter): number | undefined {
  if (e.lengthOfStayDays !== undefined) return e.lengthOfStayDays;
  if (e.endDate === undefined) return undefined;
  const a = toDayNumber(e.date);
  const b = toDayNumber(e.endDate);
  return a === undefined || b === undefined ? undefined : b - a;
}

const NO_ENCOUNTERS: EncounterTable = { days: [], kinds: [], stays: [] };

function buildTable(encounters: readonly Encounter[]): EncounterTable {
  const n = encounters.length;
  if (n === 0) return NO_ENCOUNTERS;
  // Plain arrays: a person has a handful of encounters, and typed arrays cost more to allocate than to read.
  const days: number[] = new Array(n);
  const kinds: number[] = new Array(n);
  const stays: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = encounters[i]!;
    days[i] = toDayNumber(e.date) ?? Number.NaN;
    kinds[i] = ENCOUNTER_KINDS.indexOf(e.type);
    stays[i] = lengthOfStay(e) ?? Number.NaN;
  }
  return { days, kinds, stays };
}

/** The encounters as columns (day, kind, stay), once per evaluation; `undefined` when they are unknown. */
function table(ctx: FactContext): EncounterTable | undefined {
  const encounters = ctx.person.encounters;
  if (encounters === undefined) return undefined;
  const memo = memoOf(ctx);
  if (memo === undefined) return buildTable(encounters);
  return (memo.encounters ??= buildTable(encounters)) ?? undefined;
}

/** Encounters of the kinds in `mask` dated in (asOf − months, asOf]. */
function countIn(ctx: FactContext, months: number, mask: number): number | undefined {
  const t = table(ctx);
  if (t === undefined) return undefined;
  const lo = lowerBound(ctx, months);
  const hi = ctx.asOfDay;
  let n = 0;
  for (let i = 0; i < t.days.length; i++) {
    const d = t.days[i]!;
    // A NaN day (never from a validated person) fails both comparisons, as `undefined` did.
    if (((mask >> t.kinds[i]!) & 1) === 1 && d > lo && d <= hi) n++;
  }
  return n;
}

const ADMISSIONS = kindBits(['emergency-admission', 'elective-admission']);
const EMERGENCY_ADMISSION = kindBits(['emergency-admission']);
const EMERGENCY_VISIT = kindBits(['emergency-visit']);
const GP_CONSULTATION = kindBits(['gp-consultation']);

/** Hospital admissions (emergency and elective) in the window. The HOSPITAL score counts all admissions. */
export const admissions = /* @__PURE__ */ defineBuiltinFact({
  name: 'admissions',
  type: 'number',
  label: { nb: 'antall sykehusinnleggelser', nn: 'talet på sjukehusinnleggingar', en: 'number of hospital admissions' },
  description: {
    nb: 'Antall sykehusinnleggelser (akutte og planlagte) de siste `months` månedene fram til vurderingsdatoen.',
    nn: 'Talet på sjukehusinnleggingar (akutte og planlagde) dei siste `months` månadene fram til vurderingsdatoen.',
    en: 'Number of hospital admissions (emergency and elective) in the last `months` months up to the evaluation date.',
  },
  params: Window,
  source: { document: 'Donzé et al. 2013, HOSPITAL score', section: 'Number of hospital admissions during the previous 12 months' },
  evidence: 'found',
  derive: (ctx, p) => countIn(ctx, p.months, ADMISSIONS),
});

/** Emergency (unplanned) admissions in the window. */
export const emergencyAdmissions = /* @__PURE__ */ defineBuiltinFact({
  name: 'emergencyAdmissions',
  type: 'number',
  label: { nb: 'antall akutte innleggelser', nn: 'talet på akutte innleggingar', en: 'number of emergency admissions' },
  description: {
    nb: 'Antall akutte (øyeblikkelig hjelp) innleggelser de siste `months` månedene.',
    nn: 'Talet på akutte (augeblikkeleg hjelp) innleggingar dei siste `months` månadene.',
    en: 'Number of emergency (unplanned) admissions in the last `months` months.',
  },
  params: Window,
  derive: (ctx, p) => countIn(ctx, p.months, EMERGENCY_ADMISSION),
});

/** Emergency-department visits in the window (LACE's "E" counts visits in the previous 6 months). */
export const emergencyVisits = /* @__PURE__ */ defineBuiltinFact({
  name: 'emergencyVisits',
  type: 'number',
  label: { nb: 'antall legevakt- og akuttmottaksbesøk', nn: 'talet på legevakt- og akuttmottaksbesøk', en: 'number of emergency visits' },
  description: {
    nb: 'Antall besøk på legevakt eller akuttmottak uten innleggelse de siste `months` månedene.',
    nn: 'Talet på besøk på legevakt eller akuttmottak utan innlegging dei siste `months` månadene.',
    en: 'Number of emergency-department or out-of-hours visits without admission in the last `months` months.',
  },
  params: Window,
  // LACE counts visits to a hospital emergency department; a Norwegian record's emergency visits are
  // mostly legevakt (municipal out-of-hours service), which is not one, so using them for "E" is inferred.
  source: {
    document: 'van Walraven et al. 2010, LACE index (CMAJ 182:551)',
    section: 'E: emergency department visits in the previous 6 months; counting legevakt visits as such is inferred',
    url: 'https://www.cmaj.ca/content/182/6/551',
  },
  evidence: 'inferred',
  derive: (ctx, p) => countIn(ctx, p.months, EMERGENCY_VISIT),
});

/** GP consultations in the window. */
export const gpConsultations = /* @__PURE__ */ defineBuiltinFact({
  name: 'gpConsultations',
  type: 'number',
  label: { nb: 'antall fastlegekonsultasjoner', nn: 'talet på fastlegekonsultasjonar', en: 'number of GP consultations' },
  description: {
    nb: 'Antall konsultasjoner hos fastlegen de siste `months` månedene.',
    nn: 'Talet på konsultasjonar hos fastlegen dei siste `months` månadene.',
    en: 'Number of GP consultations in the last `months` months.',
  },
  params: Window,
  derive: (ctx, p) => countIn(ctx, p.months, GP_CONSULTATION),
});

/** The index of the most recent admission in the window; -1 when there was none. */
function lastAdmission(t: EncounterTable, ctx: FactContext, months: number): number {
  const lo = lowerBound(ctx, months);
  let best = -1;
  let bestDay = -Infinity;
  for (let i = 0; i < t.days.length; i++) {
    const d = t.days[i]!;
    if (((ADMISSIONS >> t.kinds[i]!) & 1) === 1 && d > lo && d <= ctx.asOfDay && d > bestDay) {
      best = i;
      bestDay = d;
    }
  }
  return best;
}

/**
 * Folds the lengths of stay of admissions that started in the window, starting from 0. Unknown
 * when the encounters are unknown or an admission in the window lacks its length of stay.
 */
function foldStays(ctx: FactContext, months: number, combine: (acc: number, los: number) => number): number | undefined {
  const t = table(ctx);
  if (t === undefined) return undefined;
  const lo = lowerBound(ctx, months);
  let acc = 0;
  for (let i = 0; i < t.days.length; i++) {
    const d = t.days[i]!;
    if (((ADMISSIONS >> t.kinds[i]!) & 1) === 0 || !(d > lo && d <= ctx.asOfDay)) continue;
    const los = t.stays[i]!;
    if (Number.isNaN(los)) return undefined;
    acc = combine(acc, los);
  }
  return acc;
}

/** Hospital bed days of admissions that started in the window. */
export const bedDays = /* @__PURE__ */ defineBuiltinFact({
  name: 'bedDays',
  type: 'number',
  label: { nb: 'liggedøgn', nn: 'liggjedøgn', en: 'bed days' },
  description: {
    nb: 'Sum liggedøgn for innleggelser som startet de siste `months` månedene. Ukjent hvis en innleggelse mangler liggetid.',
    nn: 'Sum liggjedøgn for innleggingar som starta dei siste `months` månadene. Ukjend viss ei innlegging manglar liggjetid.',
    en: 'Sum of bed days of admissions that started in the last `months` months. Unknown if an admission lacks its length of stay.',
  },
  params: Window,
  derive: (ctx, p) => foldStays(ctx, p.months, (sum, los) => sum + los),
});

/** Length of stay of the most recent admission in the window; 0 when there was none (LACE's "L" of no stay). */
export const lastAdmissionLengthOfStay = /* @__PURE__ */ defineBuiltinFact({
  name: 'lastAdmissionLengthOfStay',
  type: 'number',
  label: {
    nb: 'liggetid ved siste innleggelse (døgn)',
    nn: 'liggjetid ved siste innlegging (døgn)',
    en: 'length of stay of the last admission (days)',
  },
  description: {
    nb: 'Liggetid i døgn for den siste innleggelsen de siste `months` månedene; 0 uten innleggelse.',
    nn: 'Liggjetid i døgn for den siste innlegginga dei siste `months` månadene; 0 utan innlegging.',
    en: 'Length of stay in days of the most recent admission in the last `months` months; 0 without an admission.',
  },
  params: Window,
  source: { document: 'van Walraven et al. 2010, LACE index (CMAJ)', section: 'L: length of stay' },
  evidence: 'found',
  derive: (ctx, p) => {
    const t = table(ctx);
    if (t === undefined) return undefined;
    const last = lastAdmission(t, ctx, p.months);
    if (last < 0) return 0;
    const los = t.stays[last]!;
    return Number.isNaN(los) ? undefined : los;
  },
});

/** Whether the most recent admission in the window was an emergency admission (LACE's "A"). */
export const lastAdmissionEmergency = /* @__PURE__ */ defineBuiltinFact({
  name: 'lastAdmissionEmergency',
  type: 'boolean',
  label: { nb: 'siste innleggelse var akutt', nn: 'siste innlegging var akutt', en: 'the last admission was an emergency' },
  description: {
    nb: 'Sann når den siste innleggelsen de siste `months` månedene var akutt; usann uten innleggelse.',
    nn: 'Sann når den siste innlegginga dei siste `months` månadene var akutt; usann utan innlegging.',
    en: 'True when the most recent admission in the last `months` months was an emergency; false without one.',
  },
  params: Window,
  source: { document: 'van Walraven et al. 2010, LACE index (CMAJ)', section: 'A: acuity of the admission' },
  evidence: 'found',
  derive: (ctx, p) => {
    const t = table(ctx);
    if (t === undefined) return undefined;
    const last = lastAdmission(t, ctx, p.months);
    return last >= 0 && ((EMERGENCY_ADMISSION >> t.kinds[last]!) & 1) === 1;
  },
});

/**
 * The longest length of stay among admissions that started in the window; 0 without an admission.
 * Unknown when an admission in the window lacks its length of stay. Unlike the most recent stay, it
 * can only grow when an admission is added, so a score built on it never drops when care use rises.
 */
export const longestAdmissionStay = /* @__PURE__ */ defineBuiltinFact({
  name: 'longestAdmissionStay',
  type: 'number',
  label: { nb: 'lengste liggetid (døgn)', nn: 'lengste liggjetid (døgn)', en: 'longest length of stay (days)' },
  description: {
    nb: 'Lengste liggetid i døgn blant innleggelser de siste `months` månedene; 0 uten innleggelse. Ukjent hvis en innleggelse mangler liggetid.',
    nn: 'Lengste liggjetid i døgn blant innleggingar dei siste `months` månadene; 0 utan innlegging. Ukjend viss ei innlegging manglar liggjetid.',
    en: 'Longest length of stay in days among admissions in the last `months` months; 0 without an admission. Unknown if an admission lacks its length of stay.',
  },
  params: Window,
  source: { document: 'van Walraven et al. 2010, LACE index (CMAJ)', section: 'L: length of stay' },
  evidence: 'inferred',
  derive: (ctx, p) => foldStays(ctx, p.months, Math.max),
});
