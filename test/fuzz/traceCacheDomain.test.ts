import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, evaluateFacts, loadBundledRuleSet } from '../../src/index.js';
import type { ConditionTrace, RuleTrace } from '../../src/index.js';
import { ruleSetOf } from '../support/arbitraries.js';
import { right } from '../support/helpers.js';

/*
 * Traces are kept between calls (and shared by every later decision with the same fact values) only
 * for values inside the fact's domain that carry no content of their own. `evaluateFacts` takes a
 * built-in fact's value straight from the host, so `sex` may be "Ola Nordmann 13118012345 har HIV"
 * there: such a value must never be kept in the process-wide trace cache. Values a host gives are
 * shared only when they are unknown, booleans, counts up to 28 or the empty list.
 */

const AS_OF = '2026-06-01';
const LEAK = 'Ola Nordmann 13118012345 har HIV';

// Built-in facts of every kind: strings (sex, teamStatus), lists (teamMembers), counts (falls), booleans (frail).
const rs = right(
  compileRuleSet(
    ruleSetOf([
      { all: [{ fact: 'sex', operator: 'equal', value: 'female' }] },
      { all: [{ fact: 'teamStatus', operator: 'in', value: ['established', 'planned'] }] },
      { all: [{ fact: 'teamMembers', operator: 'contains', value: 'gp' }] },
      {
        all: [
          { fact: 'falls', operator: 'greaterThan', value: 1 },
          { fact: 'sex', operator: 'notEqual', value: 'male' },
        ],
      },
      { all: [{ fact: 'frail', operator: 'equal', value: true }] },
    ]),
  ),
);

/** Every fact value a trace shows. */
function shown(t: ConditionTrace): unknown[] {
  if (t.kind === 'fact') return [t.factValue, ...(t.valueFact !== undefined ? [t.value] : [])];
  if (t.kind === 'all' || t.kind === 'any') return t.children.flatMap(shown);
  return shown((t as { child: ConditionTrace }).child);
}

const contentFree = (v: unknown): boolean =>
  v === undefined ||
  typeof v === 'boolean' ||
  (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 28 && !Object.is(v, -0)) ||
  (Array.isArray(v) && v.length === 0);

const traces = (facts: Record<string, unknown>, trace: 'full' | 'redacted' = 'full'): readonly RuleTrace[] =>
  right(evaluateFacts(rs, facts, { asOf: AS_OF, trace })).trace!;

describe('the process-wide trace cache keeps only values inside a fact’s domain', () => {
  it("a host's text in a built-in string fact (the issue's example) is not kept: its trace is built for the call", () => {
    const a = traces({ sex: LEAK, teamStatus: LEAK, teamMembers: [LEAK] });
    const b = traces({ sex: LEAK, teamStatus: LEAK, teamMembers: [LEAK] });
    for (const i of [0, 1, 2]) {
      expect(b[i]).not.toBe(a[i]);
      expect(Object.isFrozen(b[i])).toBe(false);
    }
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(a)).toContain(LEAK);
  });

  it('values without content are still shared', () => {
    const a = traces({ falls: 2, frail: true, teamMembers: [] });
    const b = traces({ falls: 2, frail: true, teamMembers: [] });
    expect(b[4]).toBe(a[4]);
    expect(b[2]).toBe(a[2]);
  });

  it('a trace kept from one call and seen by the next shows only values without content', () => {
    const value = fc.oneof(
      fc.constantFrom(undefined, true, false, 0, 1, 28, 29, 1000, 13118012345, -1, 'female', 'male', '0301', LEAK, '', 'gp'),
      fc.array(fc.constantFrom('gp', 'cardio', LEAK, 1, true), { maxLength: 3 }),
    );
    const facts = fc.record({ sex: value, teamStatus: value, teamMembers: value, falls: value, frail: value }, { requiredKeys: [] });
    fc.assert(
      fc.property(facts, fc.constantFrom('full' as const, 'redacted' as const), (f, mode) => {
        const a = traces(f, mode);
        const b = traces(structuredClone(f), mode);
        b.forEach((t, i) => {
          if (t === a[i]) for (const v of shown(t.conditions)) expect(contentFree(v), `kept ${JSON.stringify(v)}`).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the bundled rule sets decide the same on plain values, warm or fresh', () => {
    const team = right(loadBundledRuleSet('team'));
    const f = { teamMembers: ['gp', LEAK], teamStatus: LEAK, coordinatorKind: LEAK };
    const first = JSON.stringify(right(evaluateFacts(team, f, { asOf: AS_OF })));
    expect(JSON.stringify(right(evaluateFacts(team, f, { asOf: AS_OF })))).toBe(first);
    expect(JSON.stringify(right(evaluateFacts(right(loadBundledRuleSet('team')), f, { asOf: AS_OF })))).toBe(first);
  });
});
