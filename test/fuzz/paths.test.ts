import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, evaluateFacts } from '../../src/index.js';
import { safePathResolver } from '../../src/adapters/jsonRulesEngine.js';
import { TEST_FACTS, ruleSetOf } from '../support/arbitraries.js';
import { protoSnapshot, expectProtosUnchanged } from './guard.js';
import { PROTO_KEYS, withOwnKeys } from './hostile.js';

/*
 * `path` in a rule is limited to `$.key.key[0]` (issue 8, point 2): json-rules-engine's JSONPath
 * library has had code-execution CVEs, so no other JSONPath is ever evaluated. Random path strings,
 * from plain noise to near-misses built from valid pieces and prototype keys: whatever the compiler
 * accepts must be in the documented grammar, must be walkable by the safe resolver, and must only
 * ever read own properties, never a prototype.
 */

/** The documented grammar, written independently of src/engine/path.ts. */
const GRAMMAR = /^\$(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[[0-9]{1,6}\])+$/;

/** Reference walk: own properties and array indices only. */
function reference(value: unknown, path: string): unknown {
  const steps = [...path.matchAll(/\.([A-Za-z_][A-Za-z0-9_-]*)|\[([0-9]+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
  let cur = value;
  for (const s of steps) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (typeof s === 'number' ? !Array.isArray(cur) : !Object.hasOwn(cur, s)) return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

const segment = fc.oneof(
  fc.constantFrom(...PROTO_KEYS).map((k) => `.${k}`),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,6}$/).map((k) => `.${k}`),
  fc.integer({ min: 0, max: 3 }).map((i) => `[${i}]`),
  fc.constantFrom('..', '.*', '[*]', '[?(@.a)]', '[(@.length-1)]', '[-1]', "['a']", '.a b', '.1a', '[1234567]', '', '$', '@'),
);

const path: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => `$${s.join('')}`) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom('$', '.', '[', ']', '0', '1', 'a', '_', '-', '@', '?', '(', ')', '*', "'"),
      maxLength: 20,
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/** Objects to walk: own keys that look like prototype keys, null prototypes, arrays. */
const target: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant({}),
  fc.constant([]),
  fc.constant(
    withOwnKeys([
      ['__proto__', { polluted: 1 }],
      ['constructor', { prototype: { x: 1 } }],
      ['a', [{ b: 1 }]],
    ]),
  ),
  fc.constant(Object.assign(Object.create(null) as object, { a: { b: [5] } })),
);

describe('rule paths: only the safe subset, never a prototype', () => {
  it('a path the compiler accepts is in the grammar, holds no prototype key, and reads what the reference walk reads', () => {
    const seen = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(path, target, (p, value) => {
        const before = protoSnapshot();
        const compiled = compileRuleSet(ruleSetOf([{ all: [{ fact: 'o0', operator: 'equal', value: 1, path: p }] }]), {
          extraFacts: TEST_FACTS,
        });
        const accepted = compiled._tag === 'Right';
        seen[accepted ? 'accepted' : 'refused']++;
        if (!accepted)
          expect(compiled.left.issues.map((i) => i.code)).toEqual(expect.arrayContaining(p.length > 256 ? [] : ['unsafe_path']));
        if (accepted) {
          expect(p).toMatch(GRAMMAR);
          for (const k of ['__proto__', 'constructor', 'prototype']) expect(p.split(/[.[\]]/)).not.toContain(k);
        }
        const got = safePathResolver(value, p);
        expect(got).toBe(accepted ? reference(value, p) : undefined);
        if (got !== undefined) {
          expect(typeof got).not.toBe('function');
          expect([Object.prototype, Array.prototype, Function.prototype]).not.toContain(got);
        }
        if (accepted) {
          // The evaluator reads the same value: equal to itself when present, unknown when absent.
          const rs = compiled.right;
          const fact = value;
          const d = evaluateFacts(rs, { o0: fact } as Record<string, unknown>, { asOf: '2026-06-01', trace: 'none' });
          if (d._tag === 'Right') expect(d.right.outcomes[0]!.outcome).toBe(got === undefined ? 'unknown' : got === 1);
        }
        expectProtosUnchanged(before);
      }),
      { numRuns: 300 },
    );
    // The generator must exercise both sides, or the property says nothing.
    expect(seen.accepted).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(20);
  });

  it('paths through inherited members resolve to nothing, even when the key is in the grammar', () => {
    for (const p of ['$.toString', '$.valueOf', '$.hasOwnProperty', '$.a.length', '$.isPrototypeOf', '$.__defineGetter__'])
      expect(safePathResolver({ a: 'text' }, p), p).toBeUndefined();
    expect(safePathResolver({ a: [7] }, '$.a[0]')).toBe(7);
  });
});
