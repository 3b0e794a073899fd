import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/policy/index.js';
import type { Truth } from '../../src/index.js';
import { compileRuleSet, evaluateFacts } from '../../src/index.js';
import { F, T, U, allOf, and3, anyOf, atLeastDistinct, knownMembers, not, not3, or3 } from '../../src/facts/kleene.js';
import type { Maybe, Tri } from '../../src/facts/kleene.js';
import { TEST_FACTS, condition, ruleSetOf } from '../support/arbitraries.js';
import { right } from '../support/helpers.js';

/*
 * Kleene's three-valued logic, checked through the public API: a missing fact makes a condition
 * unknown, and unknown propagates through all/any/not. The laws hold for unknown too.
 */
const AS_OF = '2026-06-01';
const BOOLS = ['b0', 'b1', 'b2', 'b3'] as const;

/** Boolean facts where each may be true, false or missing (unknown). */
const partialBools = fc.record({ b0: fc.boolean(), b1: fc.boolean(), b2: fc.boolean(), b3: fc.boolean() }, { requiredKeys: [] });

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

/*
 * The one implementation (src/facts/kleene.ts), by its truth tables: the engine's integer form and
 * the derived facts' `boolean | undefined` form. Rows and columns are true, false, unknown.
 */
describe('Kleene truth tables', () => {
  const TRI: Tri[] = [T, F, U];
  const MAYBE: Maybe[] = [true, false, undefined];
  const AND = [
    [T, F, U],
    [F, F, F],
    [U, F, U],
  ];
  const OR = [
    [T, T, T],
    [T, F, U],
    [T, U, U],
  ];
  const NOT = [F, T, U];
  const asMaybe = (t: number): Maybe => (t === U ? undefined : t === T);

  it('and3, or3, not3', () => {
    for (let i = 0; i < 3; i++) {
      expect(not3(TRI[i]!), `not ${i}`).toBe(NOT[i]);
      for (let j = 0; j < 3; j++) {
        expect(and3(TRI[i]!, TRI[j]!), `${i} and ${j}`).toBe(AND[i]![j]);
        expect(or3(TRI[i]!, TRI[j]!), `${i} or ${j}`).toBe(OR[i]![j]);
      }
    }
  });

  it('allOf, anyOf, not over two values are the same tables', () => {
    for (let i = 0; i < 3; i++) {
      expect(not(MAYBE[i]), `not ${i}`).toBe(asMaybe(NOT[i]!));
      for (let j = 0; j < 3; j++) {
        expect(allOf([MAYBE[i], MAYBE[j]]), `${i} and ${j}`).toBe(asMaybe(AND[i]![j]!));
        expect(anyOf([MAYBE[i], MAYBE[j]]), `${i} or ${j}`).toBe(asMaybe(OR[i]![j]!));
      }
    }
  });

  it('allOf and anyOf of no values are true and false; an absorbing value wins wherever it stands', () => {
    expect(allOf([])).toBe(true);
    expect(anyOf([])).toBe(false);
    expect(allOf([undefined, true, false, undefined])).toBe(false);
    expect(anyOf([undefined, false, true, undefined])).toBe(true);
    expect(allOf([true, undefined, true])).toBeUndefined();
    expect(anyOf([false, undefined, false])).toBeUndefined();
    // Folding the three-valued lists gives what folding the binary operators gives (property).
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Maybe>(true, false, undefined), { maxLength: 6 }), (vs) => {
        const tri = vs.map((v): Tri => (v === undefined ? U : v ? T : F));
        expect(allOf(vs)).toBe(asMaybe(tri.reduce<Tri>((a, b) => and3(a, b), T)));
        expect(anyOf(vs)).toBe(asMaybe(tri.reduce<Tri>((a, b) => or3(a, b), F)));
      }),
    );
  });

  it('atLeastDistinct counts distinct keys: sure, possible, or unknown', () => {
    const item = (key: string, holds: Maybe) => ({ key, holds });
    expect(atLeastDistinct(2, [item('a', true), item('a', true)])).toBe(false); // one distinct key
    expect(atLeastDistinct(2, [item('a', true), item('b', true)])).toBe(true);
    expect(atLeastDistinct(2, [item('a', true), item('b', undefined)])).toBeUndefined();
    expect(atLeastDistinct(2, [item('a', true), item('b', false)])).toBe(false);
    expect(atLeastDistinct(2, [item('a', undefined), item('a', true)])).toBe(false); // 'a' twice is still one
    expect(atLeastDistinct(1, [])).toBe(false);
    expect(atLeastDistinct(0, [])).toBe(true);
  });

  it('knownMembers: the sure members when there are any, [] when all are out, otherwise unknown', () => {
    const m = (value: string, member: Maybe) => ({ value, member });
    expect(knownMembers([m('a', true), m('b', undefined), m('a', true)])).toEqual(['a']);
    expect(knownMembers([m('a', false), m('b', false)])).toEqual([]);
    expect(knownMembers([m('a', false), m('b', undefined)])).toBeUndefined();
    expect(knownMembers([])).toEqual([]);
  });
});

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
        const facts = {
          ...(values[i]!.b0 === undefined ? {} : { b0: values[i]!.b0 }),
          ...(values[j]!.b0 === undefined ? {} : { b1: values[j]!.b0 }),
        };
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
    fc.assert(
      same(
        { not: { not: { all: [atom('b0'), { any: [atom('b1'), atom('b2')] }] } } },
        { all: [atom('b0'), { any: [atom('b1'), atom('b2')] }] },
      ),
    );
  });

  it('commutativity and monotonicity in information: filling in an unknown never flips a known outcome', () => {
    fc.assert(
      fc.property(condition, partialBools, fc.constantFrom(...BOOLS), fc.boolean(), (c, facts, name, value) => {
        const top: Condition = 'fact' in c ? { all: [c] } : c;
        const complete = {
          n0: 1,
          n1: 2,
          n2: 3,
          s0: 'a',
          s1: 'b',
          l0: [],
          l1: ['a'],
          o0: { x: 1, y: { z: 'a' } },
          d0: '2026-01-01',
          c0: [],
        };
        const before = outcomes([top], { ...complete, ...facts });
        const after = outcomes([top], { ...complete, ...facts, [name]: facts[name as keyof typeof facts] ?? value });
        if (before[0] !== 'unknown') expect(after[0]).toBe(before[0]);
      }),
      { numRuns: 200 },
    );
  });
});
