import { z } from 'zod';
import type { Encounter, EncounterType } from '../model/person.js';
import { addMonths, toDayNumber } from '../util/dates.js';
import type { FactContext } from './types.js';
import { defineFact } from './types.js';

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

function countIn(ctx: FactContext, months: number, types: readonly EncounterType[]): number | undefined {
  const encounters = ctx.person.encounters;
  if (encounters === undefined) return undefined;
  const lo = lowerBound(ctx, months);
  let n = 0;
  for (const e of encounters) {
    if (!types.includes(e.type)) continue;
    const d = toDayNumber(e.date);
    if (d !== undefined && d > lo && d <= ctx.asOfDay) n++;
  }
  return n;
}

const ADMISSIONS: readonly EncounterType[] = ['emergency-admission', 'elective-admission'];

/** Hospital admissions (emergency and elective) in the window. The HOSPITAL score counts all admissions. */
export const admissions = defineFact({
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
export const emergencyAdmissions = defineFact({
  name: 'emergencyAdmissions',
  type: 'number',
  label: { nb: 'antall akutte innleggelser', nn: 'talet på akutte innleggingar', en: 'number of emergency admissions' },
  description: {
    nb: 'Antall akutte (øyeblikkelig hjelp) innleggelser de siste `months` månedene.',
    nn: 'Talet på akutte (augeblikkeleg hjelp) innleggingar dei siste `months` månadene.',
    en: 'Number of emergency (unplanned) admissions in the last `months` months.',
  },
  params: Window,
  derive: (ctx, p) => countIn(ctx, p.months, ['emergency-admission']),
});

/** Emergency-department visits in the window (LACE's "E" counts visits in the previous 6 months). */
export const emergencyVisits = defineFact({
  name: 'emergencyVisits',
  type: 'number',
  label: { nb: 'antall legevakt- og akuttmottaksbesøk', nn: 'talet på legevakt- og akuttmottaksbesøk', en: 'number of emergency visits' },
  description: {
    nb: 'Antall besøk på legevakt eller akuttmottak uten innleggelse de siste `months` månedene.',
    nn: 'Talet på besøk på legevakt eller akuttmottak utan innlegging dei siste `months` månadene.',
    en: 'Number of emergency-department or out-of-hours visits without admission in the last `months` months.',
  },
  params: Window,
  source: { document: 'van Walraven et al. 2010, LACE index (CMAJ)', section: 'E: emergency department visits in the previous 6 months' },
  evidence: 'found',
  derive: (ctx, p) => countIn(ctx, p.months, ['emergency-visit']),
});

/** GP consultations in the window. */
export const gpConsultations = defineFact({
  name: 'gpConsultations',
  type: 'number',
  label: { nb: 'antall fastlegekonsultasjoner', nn: 'talet på fastlegekonsultasjonar', en: 'number of GP consultations' },
  description: {
    nb: 'Antall konsultasjoner hos fastlegen de siste `months` månedene.',
    nn: 'Talet på konsultasjonar hos fastlegen dei siste `months` månadene.',
    en: 'Number of GP consultations in the last `months` months.',
  },
  params: Window,
  derive: (ctx, p) => countIn(ctx, p.months, ['gp-consultation']),
});

function lengthOfStay(e: Encounter): number | undefined {
  if (e.lengthOfStayDays !== undefined) return e.lengthOfStayDays;
  if (e.endDate === undefined) return undefined;
  const a = toDayNumber(e.date);
  const b = toDayNumber(e.endDate);
  return a === undefined || b === undefined ? undefined : b - a;
}

function lastAdmission(ctx: FactContext, months: number): Encounter | null | undefined {
  const encounters = ctx.person.encounters;
  if (encounters === undefined) return undefined;
  const lo = lowerBound(ctx, months);
  let best: Encounter | null = null;
  let bestDay = -Infinity;
  for (const e of encounters) {
    if (!ADMISSIONS.includes(e.type)) continue;
    const d = toDayNumber(e.date);
    if (d !== undefined && d > lo && d <= ctx.asOfDay && d > bestDay) {
      best = e;
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
  const encounters = ctx.person.encounters;
  if (encounters === undefined) return undefined;
  const lo = lowerBound(ctx, months);
  let acc = 0;
  for (const e of encounters) {
    if (!ADMISSIONS.includes(e.type)) continue;
    const d = toDayNumber(e.date);
    if (d === undefined || d <= lo || d > ctx.asOfDay) continue;
    const los = lengthOfStay(e);
    if (los === undefined) return undefined;
    acc = combine(acc, los);
  }
  return acc;
}

/** Hospital bed days of admissions that started in the window. */
export const bedDays = defineFact({
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
export const lastAdmissionLengthOfStay = defineFact({
  name: 'lastAdmissionLengthOfStay',
  type: 'number',
  label: { nb: 'liggetid ved siste innleggelse (døgn)', nn: 'liggjetid ved siste innlegging (døgn)', en: 'length of stay of the last admission (days)' },
  description: {
    nb: 'Liggetid i døgn for den siste innleggelsen de siste `months` månedene; 0 uten innleggelse.',
    nn: 'Liggjetid i døgn for den siste innlegginga dei siste `months` månadene; 0 utan innlegging.',
    en: 'Length of stay in days of the most recent admission in the last `months` months; 0 without an admission.',
  },
  params: Window,
  source: { document: 'van Walraven et al. 2010, LACE index (CMAJ)', section: 'L: length of stay' },
  evidence: 'found',
  derive: (ctx, p) => {
    const last = lastAdmission(ctx, p.months);
    if (last === undefined) return undefined;
    return last === null ? 0 : lengthOfStay(last);
  },
});

/** Whether the most recent admission in the window was an emergency admission (LACE's "A"). */
export const lastAdmissionEmergency = defineFact({
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
    const last = lastAdmission(ctx, p.months);
    if (last === undefined) return undefined;
    return last !== null && last.type === 'emergency-admission';
  },
});

/**
 * The longest length of stay among admissions that started in the window; 0 without an admission.
 * Unknown when an admission in the window lacks its length of stay. Unlike the most recent stay, it
 * can only grow when an admission is added, so a score built on it never drops when care use rises.
 */
export const longestAdmissionStay = defineFact({
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
