import { bundledRuleSetIds, evaluateAll, loadBundledRuleSet } from '../src/index.js';
import { generateCohort } from '../src/population/index.js';
import { toCards } from '../src/adapters/cdsHooks/index.js';
import type { CompiledRuleSet } from '../src/index.js';
import { AS_OF } from './common.js';

/*
 * Alert burden at a chart opening: what a GP system shows when it evaluates every bundled rule set
 * on a person and turns each decision into CDS Hooks cards with the default card options. Counted on
 * the synthetic cohort's persons with no follow-up team (in practice every synthetic person: the
 * generator writes no team, plan, coordinator or consents). Not timed: it counts what a clinician
 * would have to read.
 */

/** The counts over the cohort. */
export interface Burden {
  readonly persons: number;
  /** Cards per chart opening, on average. */
  readonly cardsPerChart: number;
  /** Cards with indicator warning or critical per chart opening, on average. */
  readonly urgentPerChart: number;
  /** Share of chart openings with no card at all. */
  readonly quietShare: number;
  /** The most cards one chart opening showed. */
  readonly maxCards: number;
  /** Cards per chart by kind (prompt, data-needed, score) and rule, most frequent first. */
  readonly byRule: readonly { readonly kind: string; readonly id: string; readonly indicator: string; readonly perChart: number }[];
}

/** Counts the cards of `size` synthetic persons (seed 1) with no team, every bundled rule set, default card options. */
export function alertBurden(size: number): Burden {
  const ruleSets: CompiledRuleSet[] = bundledRuleSetIds().map((id) => {
    const r = loadBundledRuleSet(id);
    if (r._tag === 'Left') throw new Error(`rule set ${id} invalid`);
    return r.right;
  });
  let persons = 0;
  let cards = 0;
  let urgent = 0;
  let quiet = 0;
  let maxCards = 0;
  const byRule = new Map<string, { kind: string; id: string; indicator: string; count: number }>();
  let i = 0;
  for (const person of generateCohort({ seed: 1, size, asOf: AS_OF })) {
    i++;
    if (person.team !== undefined) continue;
    const decisions = evaluateAll(ruleSets, person, { asOf: AS_OF, lang: 'nb' });
    if (decisions._tag === 'Left') throw new Error(`synthetic person ${i} invalid`);
    let shown = 0;
    decisions.right.forEach((d, k) => {
      const made = toCards(d, ruleSets[k]!, { hookInstance: 'bench', patient: `Patient/${i}` });
      if (made._tag === 'Left') throw new Error(made.left.issues[0]!.message);
      for (const c of made.right) {
        shown++;
        if (c.indicator !== 'info') urgent++;
        const o = c.extension?.['oppfolgingsteam'] as { kind: string; ruleId?: string; ruleSetId: string };
        const key = `${o.kind}|${o.ruleId ?? o.ruleSetId}|${c.indicator}`;
        const e = byRule.get(key) ?? { kind: o.kind, id: o.ruleId ?? o.ruleSetId, indicator: c.indicator, count: 0 };
        e.count++;
        byRule.set(key, e);
      }
    });
    persons++;
    cards += shown;
    if (shown === 0) quiet++;
    maxCards = Math.max(maxCards, shown);
  }
  return {
    persons,
    cardsPerChart: cards / persons,
    urgentPerChart: urgent / persons,
    quietShare: quiet / persons,
    maxCards,
    byRule: [...byRule.values()]
      .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1))
      .map(({ count, ...e }) => ({ ...e, perChart: count / persons })),
  };
}
