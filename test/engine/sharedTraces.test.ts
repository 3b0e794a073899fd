import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/policy/index.js';
import type { RuleTrace } from '../../src/index.js';
import { compileRuleSet, evaluate, evaluateFacts, loadBundledRuleSet } from '../../src/index.js';
import { TEST_FACTS, completeFacts, condition, ruleSetOf } from '../support/arbitraries.js';
import { right } from '../support/helpers.js';

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
  fc.constantFrom(
    undefined,
    true,
    false,
    0,
    -0,
    1,
    2,
    3,
    28,
    29,
    30,
    31,
    32,
    60,
    61,
    64,
    1000,
    65_533,
    65_535,
    2 ** 31,
    -1,
    0.5,
    '1',
    '0',
    'true',
    '',
    '[1]',
    '["a"]',
  ),
  fc.array(fc.constantFrom(1, '1', 'a', true, 0), { maxLength: 3 }),
  fc.integer({ min: -5, max: 70 }),
);

const facts = fc.oneof(
  completeFacts.map((f) => f as Record<string, unknown>),
  fc.record({ n0: tricky, n1: tricky, n2: tricky, s0: tricky, b0: tricky, b1: tricky, l0: tricky }, { requiredKeys: [] }) as fc.Arbitrary<
    Record<string, unknown>
  >,
);

const compile = (conds: Condition[]) => right(compileRuleSet(ruleSetOf(conds), { extraFacts: TEST_FACTS }));

/** Two fact sets that a sloppy key would confuse decide on one warm rule set as on fresh ones, in either order. */
function warmEqualsFresh(rule: Condition, a: Record<string, unknown>, b: Record<string, unknown>): void {
  for (const order of [
    [a, b],
    [b, a],
  ]) {
    const rs = compile([rule]);
    for (const trace of ['full', 'redacted'] as const) {
      for (const f of order) {
        const fresh = JSON.stringify(right(evaluateFacts(compile([rule]), f, { asOf: AS_OF, trace })));
        expect(JSON.stringify(right(evaluateFacts(rs, f, { asOf: AS_OF, trace })))).toBe(fresh);
      }
    }
  }
}

describe('shared traces', () => {
  it('a warm rule set decides exactly as a freshly compiled one, in every trace mode', () => {
    fc.assert(
      fc.property(
        fc.array(condition, { minLength: 1, maxLength: 4 }),
        fc.array(facts, { minLength: 2, maxLength: 30 }),
        (conds, people) => {
          const warm = compile(conds);
          for (const mode of ['full', 'redacted'] as const) {
            for (const f of people) {
              const a = JSON.stringify(right(evaluateFacts(warm, f, { asOf: AS_OF, trace: mode })));
              const b = JSON.stringify(right(evaluateFacts(compile(conds), f, { asOf: AS_OF, trace: mode })));
              expect(a).toBe(b);
            }
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('keeps shown fact values apart that JSON would not confuse but a sloppy key would', () => {
    const rs = compile([
      {
        any: [
          { fact: 'n0', operator: 'equal', value: 1 },
          { fact: 'b0', operator: 'equal', value: true },
        ],
      },
    ]);
    const shown = (f: Record<string, unknown>) => {
      const t = right(evaluateFacts(rs, f, { asOf: AS_OF })).trace![0]!.conditions as unknown as { children: { factValue?: unknown }[] };
      return t.children.map((c) => c.factValue);
    };
    expect(shown({ n0: 1, b0: false })).toEqual([1, false]);
    expect(shown({ n0: '1', b0: 0 })).toEqual(['1', 0]);
    expect(shown({ n0: 1, b0: false })).toEqual([1, false]);
    expect(shown({ n0: true, b0: 1 })).toEqual([true, 1]);
  });

  it('shares a list of the library’s own facts by content, keeping its own frozen copy', () => {
    const team = right(loadBundledRuleSet('team'));
    const members = [{ service: 'gp' }, { service: 'home-nursing' }];
    const person = { birthDate: '1950-01-01', team: { members } };
    const ruleOf = (d: { trace?: readonly RuleTrace[] }) => d.trace!.find((t) => t.ruleId === 'TEAM-GP-MEMBER')!;
    const first = ruleOf(right(evaluate(team, person, { asOf: AS_OF })));
    const again = ruleOf(right(evaluate(team, structuredClone(person), { asOf: AS_OF })));
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(JSON.stringify(first)).toContain('home-nursing');
  });

  it('keeps no string or list of a host’s own facts past the call: those traces are built each time', () => {
    const rs = compile([
      { all: [{ fact: 's0', operator: 'equal', value: 'a' }] },
      { all: [{ fact: 'l1', operator: 'contains', value: 'a' }] },
      { all: [{ fact: 'n0', operator: 'equal', value: 1 }] },
    ]);
    const run = (f: Record<string, unknown>) => right(evaluateFacts(rs, f, { asOf: AS_OF })).trace!;
    const a = run({ s0: 'Kari Nordmann', l1: ['a', 'Kari'], n0: 1 });
    const b = run({ s0: 'Kari Nordmann', l1: ['a', 'Kari'], n0: 1 });
    expect(b[0]).not.toBe(a[0]);
    expect(b[1]).not.toBe(a[1]);
    expect(b[2]).toBe(a[2]); // a number says nothing on its own: shared
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('keeps lists that print alike apart', () => {
    const codes = right(loadBundledRuleSet('team'));
    const service = (members: { service: string }[]) =>
      JSON.stringify(right(evaluate(codes, { team: { members } }, { asOf: AS_OF })).trace);
    const a = service([{ service: 'gp' }, { service: 'nav' }]);
    const b = service([{ service: 'nav' }, { service: 'gp' }]);
    expect(a).toContain('["gp","nav"]');
    expect(b).toContain('["nav","gp"]');
    expect(service([{ service: 'gp' }, { service: 'nav' }])).toBe(a);
  });

  it('does not reuse a trace across evaluation dates when an operator reads the date', () => {
    // withinLastDays compares the fact with asOf, so equal fact values do not mean equal outcomes.
    // municipality is one of the library's own facts, whose strings are otherwise shared by value;
    // evaluateFacts lets a test vector give it any string, and an explicit asOf fact likewise.
    const rs = right(
      compileRuleSet(
        ruleSetOf([
          { fact: 'municipality', operator: 'withinLastDays', value: 30 },
          { fact: 'asOf', operator: 'withinLastDays', value: 30 },
        ]),
      ),
    );
    const facts = { municipality: '2026-05-20', asOf: '2026-05-20' };
    for (const trace of ['full', 'redacted', 'none'] as const) {
      const early = right(evaluateFacts(rs, facts, { asOf: '2026-06-01', trace }));
      const late = right(evaluateFacts(rs, facts, { asOf: '2026-12-01', trace }));
      expect(early.outcomes.map((o) => o.outcome)).toEqual([true, true]);
      expect(late.outcomes.map((o) => o.outcome)).toEqual([false, false]);
      const again = right(evaluateFacts(rs, facts, { asOf: '2026-06-01', trace }));
      expect(JSON.stringify(again)).toBe(JSON.stringify(early));
    }
  });

  it('keeps apart values at the edge of a packed key: 29 in the last of six facts is not a carry', () => {
    // Six facts get 5 bits each (codes 0-31: unknown, false, true, then counts); a count of 29 has
    // no code of its own there, or it would carry into the fact before it.
    const rule: Condition = {
      all: [
        { fact: 'n0', operator: 'equal', value: 0 },
        { fact: 'n1', operator: 'equal', value: 0 },
        { fact: 'n2', operator: 'equal', value: 0 },
        { fact: 'b0', operator: 'equal', value: 0 },
        { fact: 'b1', operator: 'equal', value: 0 },
        { fact: 'b2', operator: 'equal', value: 29 },
      ],
    };
    const carried = { n0: 0, n1: 0, n2: 0, b0: 0, b1: 0, b2: 29 };
    const next = { n0: 0, n1: 0, n2: 0, b0: 0, b1: 1 };
    warmEqualsFresh(rule, carried, next);
  });

  it('keeps apart values at the edge of the table key of a rule over two counts: 28 is not a carry', () => {
    // Two counts give 32 × 32 combinations, looked up in the rule set's trace table; the highest
    // code (28) must not equal the next count up with an unknown after it.
    const rule: Condition = {
      all: [
        { fact: 'n0', operator: 'greaterThanInclusive', value: 0 },
        { fact: 'n1', operator: 'greaterThanInclusive', value: 28 },
      ],
    };
    const edge = { n0: 0, n1: 28 };
    const next = { n0: 1 };
    warmEqualsFresh(rule, edge, next);
  });
});
