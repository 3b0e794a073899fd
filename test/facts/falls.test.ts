import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/policy/index.js';
import type { PersonInput, Truth } from '../../src/index.js';
import { compileRuleSet, evaluate, explainDecision, parsePerson } from '../../src/index.js';
import { ruleSetOf } from '../support/arbitraries.js';
import { right } from '../support/helpers.js';

/*
 * Falls in a window: dated falls are counted in (asOf − months, asOf], as encounters are; the
 * count-only form (`frailty.fallsLast12Months`) answers 12 months and nothing else; missing data is
 * unknown. The rule "at least one fall" is the frailty sub-group's marker (identification rule set).
 */
const AS_OF = '2026-06-01';
const atLeastOne = (months?: number): Condition => ({
  fact: 'falls',
  ...(months === undefined ? {} : { params: { months } }),
  operator: 'greaterThanInclusive',
  value: 1,
});

function outcome(person: PersonInput, months?: number, asOf = AS_OF): Truth {
  const rs = right(compileRuleSet(ruleSetOf([atLeastOne(months)])));
  const fast = right(evaluate(rs, person, { asOf, trace: 'none' })).outcomes[0]!.outcome;
  const traced = right(evaluate(rs, person, { asOf, trace: 'full' })).outcomes[0]!.outcome;
  expect(traced).toBe(fast);
  return fast;
}

describe('falls in a window', () => {
  const dated = { falls: [{ date: '2026-03-10' }, { date: '2025-09-01' }] };

  it('fires on a dated fall inside the window', () => {
    expect(outcome(dated, 6)).toBe(true);
    expect(outcome(dated, 12)).toBe(true);
    expect(outcome(dated)).toBe(true);
  });

  it('does not fire when every dated fall is outside the window, or the list is empty', () => {
    expect(outcome(dated, 2)).toBe(false);
    expect(outcome({ falls: [] }, 6)).toBe(false);
    expect(outcome({ falls: [] })).toBe(false);
  });

  it('a fall exactly `months` before asOf is outside; one on asOf is inside; one after asOf is not counted', () => {
    expect(outcome({ falls: [{ date: '2025-12-01' }] }, 6)).toBe(false);
    expect(outcome({ falls: [{ date: '2025-12-02' }] }, 6)).toBe(true);
    expect(outcome({ falls: [{ date: AS_OF }] }, 1)).toBe(true);
    expect(outcome({ falls: [{ date: '2026-06-02' }] }, 1)).toBe(false);
  });

  it('the count-only form answers 12 months (or no window) as before, and another window is unknown', () => {
    const counted = { frailty: { fallsLast12Months: 2 } };
    expect(outcome(counted)).toBe(true);
    expect(outcome(counted, 12)).toBe(true);
    expect(outcome(counted, 6)).toBe('unknown');
    expect(outcome(counted, 24)).toBe('unknown');
    expect(outcome({ frailty: { fallsLast12Months: 0 } })).toBe(false);
    expect(outcome({ frailty: { fallsLast12Months: 0 } }, 3)).toBe('unknown');
  });

  it('without any fall data every window is unknown', () => {
    for (const months of [undefined, 1, 6, 12, 120]) expect(outcome({}, months)).toBe('unknown');
  });

  it('with both forms, 12 months or more takes the higher count; a shorter window reads the dated falls', () => {
    const both = { falls: [{ date: '2024-01-01' }], frailty: { fallsLast12Months: 1 } };
    expect(outcome(both)).toBe(true);
    expect(outcome(both, 24)).toBe(true);
    expect(outcome(both, 6)).toBe(false);
  });

  it('a dated fall must be a real date', () => {
    expect(parsePerson({ falls: [{ date: '2026-02-30' }] })._tag).toBe('Left');
    expect(parsePerson({ falls: [{ date: '2026-02-03', where: 'home' }] })._tag).toBe('Left');
  });

  it('a window outside 1–120 months is refused when the rule set is compiled', () => {
    for (const months of [0, 121, 1.5]) expect(compileRuleSet(ruleSetOf([atLeastOne(months)]))._tag).toBe('Left');
  });

  it('an explanation names the window a condition gives, once', () => {
    const why = (months: number | undefined, lang: 'nb' | 'nn' | 'en') => {
      const rs = right(compileRuleSet(ruleSetOf([atLeastOne(months)])));
      const d = right(evaluate(rs, { falls: [{ date: '2026-03-10' }] }, { asOf: AS_OF, trace: 'full', lang }));
      return JSON.stringify(explainDecision(d, { lang, ruleSet: rs }));
    };
    expect(why(6, 'nb')).toContain('antall fall siste 6 måneder');
    expect(why(6, 'nn')).toContain('talet på fall siste 6 månader');
    expect(why(6, 'en')).toContain('number of falls in the last 6 months');
    expect(why(6, 'nb')).not.toContain('12');
    expect(why(undefined, 'nb')).toContain('fall siste 12 måneder');
  });
});
