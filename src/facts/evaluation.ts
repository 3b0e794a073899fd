import type { PsfsMeasure } from '../model/person.js';
import { toDayNumber } from '../util/dates.js';
import { psfsUpTo } from './assessment.js';
import { currentPlan } from './plan.js';
import type { FactContext } from './types.js';
import { defineBuiltinFact } from './types.js';

/*
 * Facts for evaluation (evaluering): checkpoints that are due, goal attainment, and PSFS change
 * against the baseline. PSFS change is only computed when the follow-up uses the same activities and
 * the same scale direction as the baseline; otherwise the two are not comparable (PSFS-S).
 */

const PSFS = {
  document: 'Sunnaas sykehus, RKR måleverktøydatabase: PSFS (Pasientspesifikk funksjonsskala)',
  section: 'Skåring; retningen på skalaen varierer mellom norske versjoner',
  url: 'https://www.sunnaas.no/fag-og-forskning/kompetansesentre-og-tjenester/regional-kompetansetjeneste-for-rehabilitering-rkr/Fagutvikling/maleverktoy/maleverktoydatabase/psfs-patient-specific-functional-scale/',
} as const;

/** Checkpoints dated on or before `asOf` that are not recorded as done. */
export const checkpointsDue = /* @__PURE__ */ defineBuiltinFact({
  name: 'checkpointsDue',
  type: 'number',
  label: {
    nb: 'sjekkpunkter som er nådd uten evaluering',
    nn: 'sjekkpunkt som er nådde utan evaluering',
    en: 'checkpoints reached without evaluation',
  },
  description: {
    nb: 'Antall sjekkpunkter i planen med dato på eller før vurderingsdatoen som ikke er registrert som gjennomført.',
    nn: 'Talet på sjekkpunkt i planen med dato på eller før vurderingsdatoen som ikkje er registrerte som gjennomførte.',
    en: 'Number of plan checkpoints dated on or before the evaluation date that are not recorded as done.',
  },
  derive: (ctx) =>
    (currentPlan(ctx)?.checkpoints ?? []).filter((c) => (toDayNumber(c.date) ?? Infinity) <= ctx.asOfDay && c.done !== true).length,
});

/** Goals recorded as not met. */
export const goalsNotMet = /* @__PURE__ */ defineBuiltinFact({
  name: 'goalsNotMet',
  type: 'number',
  label: { nb: 'mål som ikke er nådd', nn: 'mål som ikkje er nådde', en: 'goals not met' },
  description: {
    nb: 'Antall mål i planen som ved evaluering er registrert som ikke nådd.',
    nn: 'Talet på mål i planen som ved evaluering er registrerte som ikkje nådde.',
    en: 'Number of goals in the plan recorded as not met at evaluation.',
  },
  derive: (ctx) => (currentPlan(ctx)?.goals ?? []).filter((g) => g.status === 'not-met').length,
});

/** Every goal in the plan is recorded as met (and there is at least one). */
export const allGoalsMet = /* @__PURE__ */ defineBuiltinFact({
  name: 'allGoalsMet',
  type: 'boolean',
  label: { nb: 'alle mål er nådd', nn: 'alle mål er nådde', en: 'all goals are met' },
  description: {
    nb: 'Sann når planen har minst ett mål og alle mål er registrert som nådd.',
    nn: 'Sann når planen har minst eitt mål og alle måla er registrerte som nådde.',
    en: 'True when the plan has at least one goal and every goal is recorded as met.',
  },
  derive: (ctx) => {
    const goals = currentPlan(ctx)?.goals ?? [];
    return goals.length > 0 && goals.every((g) => g.status === 'met');
  },
});

function key(m: PsfsMeasure): string {
  return m.activities
    .map((a) => a.activity.trim().toLowerCase())
    .sort()
    .join('\u0000');
}

function baselineAndLatest(ctx: FactContext): [PsfsMeasure, PsfsMeasure] | undefined {
  const ms = psfsUpTo(ctx);
  if (ms === undefined || ms.length < 2) return undefined;
  return [ms[0]!, ms[ms.length - 1]!];
}

/** PSFS follow-up measurements after the baseline. */
export const psfsFollowUps = /* @__PURE__ */ defineBuiltinFact({
  name: 'psfsFollowUps',
  type: 'number',
  label: { nb: 'PSFS-oppfølgingsmålinger', nn: 'PSFS-oppfølgingsmålingar', en: 'PSFS follow-up measurements' },
  description: {
    nb: 'Antall PSFS-målinger etter den første. Ukjent når listen over funksjonsmål ikke er sendt.',
    nn: 'Talet på PSFS-målingar etter den første. Ukjend når lista over funksjonsmål ikkje er send.',
    en: 'Number of PSFS measurements after the first. Unknown when the list of function measures is not sent.',
  },
  derive: (ctx) => {
    const n = psfsUpTo(ctx)?.length;
    return n === undefined ? undefined : Math.max(0, n - 1);
  },
});

/** The latest PSFS uses the same activities and the same direction as the baseline. */
export const psfsComparable = /* @__PURE__ */ defineBuiltinFact({
  name: 'psfsComparable',
  type: 'boolean',
  label: {
    nb: 'PSFS sammenlignbar med utgangspunktet',
    nn: 'PSFS samanliknbar med utgangspunktet',
    en: 'PSFS comparable with the baseline',
  },
  description: {
    nb: 'Sann når siste PSFS har de samme aktivitetene og samme retning på skalaen som den første. Ukjent med færre enn to målinger.',
    nn: 'Sann når siste PSFS har dei same aktivitetane og same retning på skalaen som den første. Ukjend med færre enn to målingar.',
    en: 'True when the latest PSFS has the same activities and the same scale direction as the first. Unknown with fewer than two measurements.',
  },
  source: PSFS,
  evidence: 'found',
  derive: (ctx) => {
    const pair = baselineAndLatest(ctx);
    if (pair === undefined) return undefined;
    const [a, b] = pair;
    return a.direction === b.direction && key(a) === key(b);
  },
});

function improvement(ctx: FactContext): number | undefined {
  const pair = baselineAndLatest(ctx);
  if (pair === undefined) return undefined;
  const [a, b] = pair;
  if (a.direction !== b.direction || key(a) !== key(b)) return undefined;
  const mean = (m: PsfsMeasure) => m.activities.reduce((s, x) => s + x.score, 0) / m.activities.length;
  const delta = a.direction === 'higher-is-better' ? mean(b) - mean(a) : mean(a) - mean(b);
  // Two decimals: the scores are whole or half points, and the explanation should not show float noise.
  return Math.round(delta * 100) / 100;
}

/** Change in the mean PSFS score from baseline to the latest measurement, positive = better. */
export const psfsImprovement = /* @__PURE__ */ defineBuiltinFact({
  name: 'psfsImprovement',
  type: 'number',
  label: { nb: 'bedring i PSFS (snitt)', nn: 'betring i PSFS (snitt)', en: 'PSFS improvement (mean)' },
  description: {
    nb: 'Endring i gjennomsnittlig PSFS-skår fra første til siste måling, regnet slik at positivt er bedre uansett retning på skalaen. Ukjent når målingene ikke er sammenlignbare.',
    nn: 'Endring i gjennomsnittleg PSFS-skår frå første til siste måling, rekna slik at positivt er betre uansett retning på skalaen. Ukjend når målingane ikkje er samanliknbare.',
    en: 'Change in the mean PSFS score from the first to the latest measurement, signed so that positive is better whatever the scale direction. Unknown when not comparable.',
  },
  source: PSFS,
  evidence: 'found',
  derive: improvement,
});

/** The same change with the sign turned: positive = worse. */
export const psfsDeterioration = /* @__PURE__ */ defineBuiltinFact({
  name: 'psfsDeterioration',
  type: 'number',
  label: { nb: 'forverring i PSFS (snitt)', nn: 'forverring i PSFS (snitt)', en: 'PSFS deterioration (mean)' },
  description: {
    nb: 'Samme endring som bedring i PSFS, med motsatt fortegn: positivt er verre.',
    nn: 'Same endring som betring i PSFS, med motsett forteikn: positivt er verre.',
    en: 'The same change as PSFS improvement with the sign turned: positive is worse.',
  },
  source: PSFS,
  evidence: 'found',
  derive: (ctx) => {
    const d = improvement(ctx);
    return d === undefined ? undefined : d === 0 ? 0 : -d;
  },
});
