import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledRuleSetIds, evaluate, evaluateAll } from '../../../src/index.js';
import type { Decision } from '../../../src/index.js';
import { cdsResponse, toCards, toCardsForAll } from '../../../src/adapters/cdsHooks/index.js';
import type { CardOptions } from '../../../src/adapters/cdsHooks/index.js';
import { examplePerson, left, right, ruleSet } from '../../support/helpers.js';

/*
 * Cards for every decision of a chart opening in one call: `evaluateAll`'s decisions and the rule
 * sets, matched by each decision's rule-set name, never by position. The cards are those `toCards`
 * gives for each decision, most urgent first across rule sets.
 */

const AS_OF = '2026-11-23';
const HOOK = '5d2b1c3e-7f4a-4b8c-9d0e-1f2a3b4c5d6e';
const RULE_SETS = bundledRuleSetIds().map(ruleSet);
const URGENCY = { critical: 0, warning: 1, info: 2 } as const;
const opts = (name: string): CardOptions => ({ hookInstance: HOOK, patient: `Patient/${name}`, dataNeeded: 'all', score: 'always' });

describe('toCardsForAll', () => {
  for (const name of ['klara', 'morten', 'kasper', 'nora']) {
    it(`${name}: the cards of every decision, most urgent first, and a valid CDS Hooks response`, () => {
      const decisions = right(evaluateAll(RULE_SETS, examplePerson(name), { asOf: AS_OF }));
      const all = right(toCardsForAll(decisions, RULE_SETS, opts(name)));
      const each = decisions.flatMap((d, i) => right(toCards(d, RULE_SETS[i]!, opts(name))));
      expect(all).toHaveLength(each.length);
      expect(new Set(all.map((c) => c.uuid))).toEqual(new Set(each.map((c) => c.uuid)));
      // Most urgent first; within one urgency, the order of the decisions and of toCards.
      expect(all).toEqual([...each].sort((a, b) => URGENCY[a.indicator] - URGENCY[b.indicator]));
      expect(right(cdsResponse(all)).cards).toHaveLength(all.length);
    });
  }

  it('matches by rule-set name, not position: the rule sets in any order give the same cards (property)', () => {
    const decisions = right(evaluateAll(RULE_SETS, examplePerson('klara'), { asOf: AS_OF }));
    const expected = right(toCardsForAll(decisions, RULE_SETS, opts('klara')));
    fc.assert(
      fc.property(fc.shuffledSubarray(RULE_SETS, { minLength: RULE_SETS.length }), (shuffled) => {
        expect(right(toCardsForAll(decisions, shuffled, opts('klara')))).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  });

  it('a decision whose rule set is not given is a typed error at its index, in the requested language', () => {
    const decisions: Decision[] = [
      right(evaluate(RULE_SETS[0]!, examplePerson('klara'), { asOf: AS_OF })),
      right(evaluate(RULE_SETS[1]!, examplePerson('klara'), { asOf: AS_OF })),
    ];
    for (const lang of ['nb', 'nn', 'en'] as const) {
      const e = left(toCardsForAll(decisions, [RULE_SETS[0]!], { ...opts('klara'), lang }));
      expect(e).toMatchObject({ _tag: 'InvalidCdsHooks', message: 'cards', issues: [{ code: 'cds_no_rule_set', path: 'decisions[1]' }] });
      if (lang === 'en') expect(e.issues[0]!.message).toContain('is not among the rule sets given');
    }
  });

  it('bad options are an error even with no decisions; not-arrays name the argument', () => {
    expect(left(toCardsForAll([], RULE_SETS, { hookInstance: '', patient: 'Patient/p' })).issues[0]).toMatchObject({
      code: 'missing',
      path: 'hookInstance',
    });
    expect(left(toCardsForAll(null as never, RULE_SETS, opts('x'))).issues[0]).toMatchObject({ code: 'invalid_type', path: 'decisions' });
    expect(left(toCardsForAll([], {} as never, opts('x'))).issues[0]).toMatchObject({ code: 'invalid_type', path: 'ruleSets' });
    expect(right(toCardsForAll([], RULE_SETS, opts('x')))).toEqual([]);
  });

  it('a damaged decision is an error with its index in the path', () => {
    const d = right(evaluate(RULE_SETS[0]!, examplePerson('klara'), { asOf: AS_OF }));
    const damaged = { ...d, prompts: 'x' } as unknown as Decision;
    const e = left(toCardsForAll([d, damaged], RULE_SETS, opts('klara')));
    expect(e.issues[0]!.path.startsWith('decisions[1]')).toBe(true);
  });
});
