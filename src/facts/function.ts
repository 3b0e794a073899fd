import * as z from 'zod';
import type { IplosScore } from '../model/person.js';
import { hasFunctionCode } from './diagnoses.js';
import { anyOf } from './kleene.js';
import type { FactContext } from './types.js';
import { defineBuiltinFact } from './types.js';
import { toDayNumber } from '../util/dates.js';

/*
 * IPLOS: 1 = no need … 5 = full need, 9 = not relevant. Score 9 is never compared, and the sensory
 * variables (syn, hørsel) have their own anchors, so they do not count as "needs assistance".
 */
const SENSORY = new Set(['syn', 'hørsel', 'horsel', 'vision', 'hearing']);

const NO_SCORES: ReadonlyMap<string, IplosScore> = new Map();

/** The latest IPLOS score per variable on or before `asOf`, ignoring 9. */
function latestIplos(ctx: FactContext): ReadonlyMap<string, IplosScore> | undefined {
  const scores = ctx.person.iplos;
  if (scores === undefined) return undefined;
  if (scores.length === 0) return NO_SCORES;
  const latest = new Map<string, IplosScore>();
  for (const s of scores) {
    const d = toDayNumber(s.date);
    if (d === undefined || d > ctx.asOfDay || s.score === 9) continue;
    const prev = latest.get(s.variable);
    if (!prev || (toDayNumber(prev.date) ?? 0) < d) latest.set(s.variable, s);
  }
  return latest;
}

/** Highest current IPLOS assistance score (1–5), ignoring 9 and the sensory variables. 0 when none are scored. */
export const iplosMax = /* @__PURE__ */ defineBuiltinFact({
  name: 'iplosMax',
  type: 'number',
  label: { nb: 'høyeste IPLOS-skår', nn: 'høgaste IPLOS-skår', en: 'highest IPLOS score' },
  description: {
    nb: 'Høyeste gjeldende IPLOS-skår (1–5) på tvers av variablene. Skår 9 (ikke relevant) og sansevariablene syn og hørsel teller ikke.',
    nn: 'Høgaste gjeldande IPLOS-skår (1–5) på tvers av variablane. Skår 9 (ikkje relevant) og sansevariablane syn og høyrsel tel ikkje.',
    en: 'Highest current IPLOS score (1–5) across variables. Score 9 (not relevant) and the sensory variables vision and hearing do not count.',
  },
  source: { document: 'Helsedirektoratet, IPLOS: vurdere bistandsbehov (skårmetodikk)', section: 'Skår 1–5 og 9' },
  evidence: 'found',
  derive: (ctx) => {
    const latest = latestIplos(ctx);
    if (latest === undefined) return undefined;
    let max = 0;
    for (const [v, s] of latest) if (!SENSORY.has(v.toLowerCase())) max = Math.max(max, s.score);
    return max;
  },
});

/**
 * Functional limitation: an ICPC-2 "xx28" code, or an IPLOS assistance score of 3 or more.
 * Kleene "or": true if either source says so, unknown if neither is known true and one is unknown.
 */
export const functionalLimitation = /* @__PURE__ */ defineBuiltinFact({
  name: 'functionalLimitation',
  type: 'boolean',
  label: { nb: 'redusert funksjon', nn: 'redusert funksjon', en: 'functional limitation' },
  description: {
    nb: 'Sann ved en ICPC-2-kode for redusert funksjon (xx28) eller en IPLOS-skår på 3 eller mer (middels eller større bistandsbehov).',
    nn: 'Sann ved ein ICPC-2-kode for redusert funksjon (xx28) eller ein IPLOS-skår på 3 eller meir (middels eller større bistandsbehov).',
    en: 'True with an ICPC-2 limited-function code (xx28) or an IPLOS score of 3 or more (medium or greater need of assistance).',
  },
  codeLists: ['functional-limitation'],
  source: {
    document:
      'WONCA ICPC-2e 4.4 (the xx28 rubrics: limited function/disability); Helsedirektoratet, IPLOS: vurdere bistandsbehov (skårmetodikk)',
    section:
      'xx28 rubrics; IPLOS score 3 = medium need of assistance; reading either as NG56 1.2.1 "difficult to manage day-to-day activities" is inferred',
    url: 'https://helsedirektoratet.no/iplos-registeret/iplos-sporsmal-og-svar/vurdere-bistandsbehov-skarmetodikk',
  },
  evidence: 'inferred',
  derive: (ctx) => {
    const code = hasFunctionCode(ctx);
    const latest = latestIplos(ctx);
    let iplos: boolean | undefined;
    if (latest !== undefined) {
      iplos = false;
      for (const [v, s] of latest) if (!SENSORY.has(v.toLowerCase()) && s.score >= 3) iplos = true;
    }
    return anyOf([code, iplos]);
  },
});

/** Baseline PSFS: the earliest measurement on or before `asOf`. */
export const psfsBaseline = /* @__PURE__ */ defineBuiltinFact({
  name: 'psfsBaseline',
  type: 'object',
  label: { nb: 'PSFS ved oppstart', nn: 'PSFS ved oppstart', en: 'baseline PSFS' },
  description: {
    nb: 'Den første PSFS-målingen (dato, retning og aktiviteter). Ukjent uten målinger; null når listen er tom.',
    nn: 'Den første PSFS-målinga (dato, retning og aktivitetar). Ukjend utan målingar; null når lista er tom.',
    en: 'The first PSFS measurement (date, direction and activities). Unknown without measurements; null when the list is empty.',
  },
  params: z.undefined().optional(),
  derive: (ctx) => {
    const ms = ctx.person.functionMeasures;
    if (ms === undefined) return undefined;
    const upTo = ms.filter((m) => (toDayNumber(m.date) ?? Infinity) <= ctx.asOfDay);
    if (upTo.length === 0) return null;
    return upTo.reduce((a, b) => ((toDayNumber(b.date) ?? 0) < (toDayNumber(a.date) ?? 0) ? b : a));
  },
});
