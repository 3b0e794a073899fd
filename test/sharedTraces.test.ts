import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../src/index.js';
import { compileRuleSet, evaluateFacts } from '../src/index.js';
import { TEST_FACTS, completeFacts, condition, ruleSetOf } from './arbitraries.js';
import { right } from './helpers.js';

/*
 * Traces are shared between decisions when the facts a rule reads have the same values (looked up
 * by a packed key of small values, by primitive values, or by the content of short lists). Sharing
 * must be invisible: a rule set that has evaluated thousands of persons gives the same decision,
 * byte for byte, as one compiled a moment ago, and it is not fooled by values that look alike
 * (1 and "1", 0 and false, a list and its JSON text, -0 and 0).
 */

const AS_OF = '2026-06-01';

/** Fact values drawn to collide if keys were sloppy: small and large numbers, look-alike strings, lists. */
const tricky = fc.oneof(
  fc.constantFrom(undefined, true, false, 0, -0, 1, 2, 3, 28, 29, 30, 31, 32, 60, 61, 64, 1000, 65_533, 65_535, 2 ** 31, -1, 0.5, '1', '0', 'true', '', '[1]', '["a"]'),
  fc.array(fc.constantFrom(1, '1', 'a', true, 0), { maxLength: 3 }),
  fc.integer({ min: -5, max: 70 }),
);

const facts = fc.oneof(
  completeFacts.map((f) => f as Record<string, unknown>),
  fc.record({ n0: tricky, n1: tricky, n2: tricky, s0: tricky, b0: tricky, b1: tricky, l0: tricky }, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>,
);

const compile = (conds: Condition[]) => right(compileRuleSet(ruleSetOf(conds), { extraFacts: TEST_FACTS }));

describe('shared traces', () => {
  it('a warm rule set decides exactly as a freshly compiled one, in every trace mode', () => {
    fc.assert(
      fc.property(fc.array(condition, { minLength: 1, maxLength: 4 }), fc.array(facts, { minLength: 2, maxLength: 30 }), (conds, people) => {
        const warm = compile(conds);
        for (const mode of ['full', 'redacted'] as const) {
          for (const f of people) {
            const a = JSON.stringify(right(evaluateFacts(warm, f, { asOf: AS_OF, trace: mode })));
            const b = JSON.stringify(right(evaluateFacts(compile(conds), f, { asOf: AS_OF, trace: mode })));
            expect(a).toBe(b);
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('keeps shown fact values apart that JSON would not confuse but a sloppy key would', () => {
    const rs = compile([{ any: [{ fact: 'n0', operator: 'equal', value: 1 }, { fact: 'b0', operator: 'equal', value: true }] }]);
    const shown = (f: Record<string, unknown>) => {
      const t = right(evaluateFacts(rs, f, { asOf: AS_OF })).trace![0]!.conditions as unknown as { children: { factValue?: unknown }[] };
      return t.children.map((c) => c.factValue);
    };
    expect(shown({ n0: 1, b0: false })).toEqual([1, false]);
    expect(shown({ n0: '1', b0: 0 })).toEqual(['1', 0]);
    expect(shown({ n0: 1, b0: false })).toEqual([1, false]);
    expect(shown({ n0: true, b0: 1 })).toEqual([true, 1]);
  });

  it('shares a list fact by content and keeps its own frozen copy', () => {
    const rs = compile([{ all: [{ fact: 'l1', operator: 'contains', value: 'a' }] }]);
    const list = ['a', 'b'];
    const first = right(evaluateFacts(rs, { l1: list }, { asOf: AS_OF })).trace![0]!;
    list.push('c');
    const leaf = (first.conditions as unknown as { children: { factValue: unknown }[] }).children[0]!;
    expect(leaf.factValue).toEqual(['a', 'b']);
    expect(Object.isFrozen(leaf.factValue)).toBe(true);
    const again = right(evaluateFacts(rs, { l1: ['a', 'b'] }, { asOf: AS_OF })).trace![0]!;
    expect(again).toBe(first);
    // Lists that print alike joined with commas are still different lists.
    const numbers = compile([{ all: [{ fact: 'l0', operator: 'hasAtLeast', value: 1 }] }]);
    const values = (l: unknown[]) => ((right(evaluateFacts(numbers, { l0: l }, { asOf: AS_OF })).trace![0]!.conditions as unknown as { children: { factValue: unknown }[] }).children[0]!.factValue);
    expect(values([1, 2])).toEqual([1, 2]);
    expect(values(['1', 2])).toEqual(['1', 2]);
    expect(values(['1,2'])).toEqual(['1,2']);
    expect(values([true])).toEqual([true]);
    expect(values(['true'])).toEqual(['true']);
  });
});
