import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition, Truth } from '../src/index.js';
import { compileRuleSet, evaluateFacts } from '../src/index.js';
import { TEST_FACTS, condition, ruleSetOf } from './arbitraries.js';
import { right } from './helpers.js';

/*
 * Kleene's three-valued logic, checked through the public API: a missing fact makes a condition
 * unknown, and unknown propagates through all/any/not. The laws hold for unknown too.
 */
const AS_OF = '2026-06-01';
const BOOLS = ['b0', 'b1', 'b2', 'b3'] as const;

/** Boolean facts where each may be true, false or missing (unknown). */
const partialBools = fc.record(
  { b0: fc.boolean(), b1: fc.boolean(), b2: fc.boolean(), b3: fc.boolean() },
  { requiredKeys: [] },
);

const atom = (name: string): Condition => ({ fact: name, operator: 'equal', value: true });
const boolTree: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...BOOLS).map(atom),
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

function outcomes(conds: Condition[], facts: Record<string, unknown>): Truth[] {
  const rs = right(compileRuleSet(ruleSetOf(conds), { extraFacts: TEST_FACTS }));
  const fast = right(evaluateFacts(rs, facts, { asOf: AS_OF, trace: 'none' })).outcomes.map((o) => o.outcome);
  const traced = right(evaluateFacts(rs, facts, { asOf: AS_OF, trace: 'full' })).outcomes.map((o) => o.outcome);
  // The short-circuiting path and the traced path must agree on every rule.
  expect(traced).toEqual(fast);
  return fast;
}

function same(a: Condition, b: Condition) {
  return fc.property(partialBools, (facts) => {
    const [x, y] = outcomes([a, b], facts);
    expect(x).toBe(y);
  });
}

describe('three-valued semantics', () => {
  it('truth tables of and, or, not with unknown', () => {
    const values: Record<string, unknown>[] = [{ b0: true }, { b0: false }, {}];
    const names: Truth[] = [true, false, 'unknown'];
    const and: Truth[][] = [
      [true, false, 'unknown'],
      [false, false, false],
      ['unknown', false, 'unknown'],
    ];
    const or: Truth[][] = [
      [true, true, true],
      [true, false, 'unknown'],
      [true, 'unknown', 'unknown'],
    ];
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        const facts = { ...(values[i]!.b0 === undefined ? {} : { b0: values[i]!.b0 }), ...(values[j]!.b0 === undefined ? {} : { b1: values[j]!.b0 }) };
        const [a, o] = outcomes([{ all: [atom('b0'), atom('b1')] }, { any: [atom('b0'), atom('b1')] }], facts);
        expect(a, `${String(names[i])} AND ${String(names[j])}`).toBe(and[i]![j]);
        expect(o, `${String(names[i])} OR ${String(names[j])}`).toBe(or[i]![j]);
      }
    expect(outcomes([{ not: atom('b0') }], {})).toEqual(['unknown']);
    expect(outcomes([{ not: atom('b0') }], { b0: true })).toEqual([false]);
  });

  it('a missing fact is unknown, never false', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BOOLS), (name) => {
        expect(outcomes([{ all: [atom(name)] }], {})).toEqual(['unknown']);
      }),
    );
  });

  it('De Morgan: not(a and b) = (not a) or (not b), and dually', () => {
    fc.assert(
      fc.property(boolTree, boolTree, partialBools, (a, b, facts) => {
        const [l1, r1, l2, r2] = outcomes(
          [{ not: { all: [a, b] } }, { any: [{ not: a }, { not: b }] }, { not: { any: [a, b] } }, { all: [{ not: a }, { not: b }] }],
          facts,
        );
        expect(l1).toBe(r1);
        expect(l2).toBe(r2);
      }),
      { numRuns: 200 },
    );
  });

  it('identity: a and true = a, a or false = a', () => {
    fc.assert(
      fc.property(boolTree, partialBools, (a, facts) => {
        const t: Condition = { all: [{ fact: 'n0', operator: 'equal', value: 1 }] };
        const [x, withTrue, withFalse] = outcomes([{ all: [a] }, { all: [a, t] }, { any: [a, { not: t }] }], { ...facts, n0: 1 });
        expect(withTrue).toBe(x);
        expect(withFalse).toBe(x);
      }),
      { numRuns: 200 },
    );
  });

  it('absorption: a and (a or b) = a, a or (a and b) = a', () => {
    fc.assert(
      fc.property(boolTree, boolTree, partialBools, (a, b, facts) => {
        const [x, abs1, abs2] = outcomes([{ all: [a] }, { all: [a, { any: [a, b] }] }, { any: [a, { all: [a, b] }] }], facts);
        expect(abs1).toBe(x);
        expect(abs2).toBe(x);
      }),
      { numRuns: 200 },
    );
  });

  it('double negation: not(not a) = a, with unknown', () => {
    fc.assert(same({ not: { not: { all: [atom('b0'), { any: [atom('b1'), atom('b2')] }] } } }, { all: [atom('b0'), { any: [atom('b1'), atom('b2')] }] }));
  });

  it('commutativity and monotonicity in information: filling in an unknown never flips a known outcome', () => {
    fc.assert(
      fc.property(condition, partialBools, fc.constantFrom(...BOOLS), fc.boolean(), (c, facts, name, value) => {
        const top: Condition = 'fact' in c ? { all: [c] } : c;
        const complete = { n0: 1, n1: 2, n2: 3, s0: 'a', s1: 'b', l0: [], l1: ['a'], o0: { x: 1, y: { z: 'a' } }, d0: '2026-01-01', c0: [] };
        const before = outcomes([top], { ...complete, ...facts });
        const after = outcomes([top], { ...complete, ...facts, [name]: facts[name as keyof typeof facts] ?? value });
        if (before[0] !== 'unknown') expect(after[0]).toBe(before[0]);
      }),
      { numRuns: 200 },
    );
  });
});
