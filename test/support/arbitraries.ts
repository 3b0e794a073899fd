import fc from 'fast-check';
import type { Condition, RuleSetFile } from '../../src/policy/index.js';
import type { FactDefinition } from '../../src/index.js';
import { defineFact } from '../../src/index.js';

/*
 * Generators for random rules and facts, shared by the logic-law and differential tests.
 * Facts come in as plain values (`evaluateFacts`), so the fact definitions never derive anything.
 */

const label = { nb: 'testfaktum', nn: 'testfaktum', en: 'test fact' };

/** Fact names by type. */
export const NUM = ['n0', 'n1', 'n2'] as const;
export const STR = ['s0', 's1'] as const;
export const BOOL = ['b0', 'b1', 'b2', 'b3'] as const;
export const LIST = ['l0', 'l1'] as const;
export const OBJ = ['o0'] as const;
export const DATE = ['d0'] as const;
export const CODES = ['c0'] as const;

function def(name: string, type: FactDefinition['type']): FactDefinition<undefined> {
  return defineFact({ name, type, label, description: label, derive: () => undefined });
}

/** The test facts, to pass as `extraFacts`. */
export const TEST_FACTS: FactDefinition<any>[] = [
  ...NUM.map((n) => def(n, 'number')),
  ...STR.map((n) => def(n, 'string')),
  ...BOOL.map((n) => def(n, 'boolean')),
  ...LIST.map((n) => def(n, 'list')),
  ...OBJ.map((n) => def(n, 'object')),
  ...DATE.map((n) => def(n, 'date')),
  ...CODES.map((n) => def(n, 'list')),
];

const smallInt = fc.integer({ min: -3, max: 6 });
const word = fc.constantFrom('a', 'b', 'c', 'K77', 'T90');
const date = fc.constantFrom('2025-01-01', '2025-06-30', '2026-01-01', '2026-05-20', '2026-06-01');

/** A complete assignment of every test fact. */
export const completeFacts = fc.record({
  n0: smallInt,
  n1: smallInt,
  n2: smallInt,
  s0: word,
  s1: word,
  b0: fc.boolean(),
  b1: fc.boolean(),
  b2: fc.boolean(),
  b3: fc.boolean(),
  l0: fc.array(fc.oneof(word, smallInt), { maxLength: 4 }),
  l1: fc.array(word, { maxLength: 4 }),
  o0: fc.record({ x: smallInt, y: fc.record({ z: word }) }),
  d0: date,
  c0: fc.array(
    fc.record({ system: fc.constantFrom('ICPC-2', 'ICD-10'), code: fc.constantFrom('K77', 'T90', 'I50', 'I500', 'F32', 'P76', 'A01') }),
    { maxLength: 3 },
  ),
});

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    fact: fc.constantFrom(...NUM),
    operator: fc.constantFrom('equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'),
    value: smallInt,
  }),
  fc.record({
    fact: fc.constantFrom(...NUM, ...STR),
    operator: fc.constantFrom('in', 'notIn'),
    value: fc.array(fc.oneof(word, smallInt), { maxLength: 3 }),
  }),
  fc.record({ fact: fc.constantFrom(...STR), operator: fc.constantFrom('equal', 'notEqual'), value: word }),
  fc.record({ fact: fc.constantFrom(...BOOL), operator: fc.constantFrom('equal', 'notEqual'), value: fc.boolean() }),
  fc.record({ fact: fc.constantFrom(...LIST), operator: fc.constantFrom('contains', 'doesNotContain'), value: fc.oneof(word, smallInt) }),
  fc.record({
    fact: fc.constantFrom(...LIST),
    operator: fc.constantFrom('hasAtLeast', 'hasAtMost'),
    value: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({
    fact: fc.constant('o0'),
    operator: fc.constantFrom('equal', 'greaterThan', 'lessThanInclusive'),
    value: smallInt,
    path: fc.constant('$.x'),
  }),
  fc.record({ fact: fc.constant('o0'), operator: fc.constantFrom('equal', 'notEqual'), value: word, path: fc.constant('$.y.z') }),
  fc.record({
    fact: fc.constant('d0'),
    operator: fc.constantFrom('dateBefore', 'dateOnOrBefore', 'dateAfter', 'dateOnOrAfter'),
    value: date,
  }),
  fc.record({ fact: fc.constant('d0'), operator: fc.constant('withinLastDays'), value: fc.integer({ min: 0, max: 400 }) }),
  fc.record({
    fact: fc.constant('c0'),
    operator: fc.constantFrom('inCodeList', 'notInCodeList'),
    value: fc.constantFrom('chronic-conditions', 'mental-health-substance'),
  }),
  fc.record({
    fact: fc.constantFrom(...NUM),
    operator: fc.constantFrom('equal', 'lessThan', 'greaterThanInclusive'),
    value: fc.record({ fact: fc.constantFrom(...NUM) }),
  }),
) as fc.Arbitrary<Condition>;

/** A random condition tree over the test facts: all/any/not nesting up to depth 4. */
export const condition: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

/*
 * For the differential test: json-rules-engine's own operators only, and facts as a host may send
 * them. Each fact may be missing, of its type, or of another type (a number as text, null, a list, a
 * boolean, an object); `o0` may lack the key a path asks for, or be a number a path cannot enter;
 * a fact compared with another fact may find it missing.
 */

/** Values of the wrong type for any fact, none of which makes an operator throw. */
const wrongType = fc.constantFrom<unknown>(null, true, false, 'abc', '2', '-1', '2abc', '', [], [2], ['a'], [1, 2], {}, { x: 1 });

/** One fact's value: of its own type (twice as likely) or of another. Missing is left to {@link partialFacts}. */
const valueOr = (own: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: own, weight: 2 }, { arbitrary: wrongType, weight: 1 });

/** Every test fact json-rules-engine's operators read, each possibly missing or wrongly typed. */
export const partialFacts: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    n0: valueOr(smallInt),
    n1: valueOr(smallInt),
    n2: valueOr(smallInt),
    s0: valueOr(word),
    s1: valueOr(word),
    b0: valueOr(fc.boolean()),
    b1: valueOr(fc.boolean()),
    l0: valueOr(fc.array(fc.oneof(word, smallInt), { maxLength: 4 })),
    l1: valueOr(fc.array(word, { maxLength: 4 })),
    o0: fc.oneof(
      fc.record({ x: valueOr(smallInt), y: fc.record({ z: valueOr(word) }, { requiredKeys: [] }) }, { requiredKeys: [] }),
      smallInt,
      fc.constant(null),
    ),
  },
  { requiredKeys: [] },
);

/** Paths into `o0`: present in a complete `o0`, or never there. */
const objPath = fc.constantFrom('$.x', '$.y.z', '$.q', '$.x.q', '$.y');

const numOps = fc.constantFrom('equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive');
const jreLeaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ fact: fc.constantFrom(...NUM), operator: numOps, value: smallInt }),
  fc.record({
    fact: fc.constantFrom(...NUM, ...STR, ...BOOL),
    operator: fc.constantFrom('in', 'notIn'),
    value: fc.array(fc.oneof(word, smallInt, fc.boolean()), { maxLength: 3 }),
  }),
  fc.record({ fact: fc.constantFrom(...STR), operator: fc.constantFrom('equal', 'notEqual'), value: word }),
  fc.record({ fact: fc.constantFrom('b0', 'b1'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.boolean() }),
  fc.record({ fact: fc.constantFrom(...LIST), operator: fc.constantFrom('contains', 'doesNotContain'), value: fc.oneof(word, smallInt) }),
  fc.record({ fact: fc.constant('o0'), operator: numOps, value: smallInt, path: objPath }),
  fc.record({ fact: fc.constant('o0'), operator: fc.constantFrom('equal', 'notEqual'), value: word, path: objPath }),
  fc.record({ fact: fc.constantFrom(...NUM), operator: numOps, value: fc.record({ fact: fc.constantFrom(...NUM) }) }),
  fc.record({ fact: fc.constantFrom(...NUM), operator: numOps, value: fc.record({ fact: fc.constant('o0'), path: objPath }) }),
  fc.record({
    fact: fc.constantFrom(...LIST),
    operator: fc.constantFrom('contains', 'doesNotContain'),
    value: fc.record({ fact: fc.constantFrom(...STR, ...NUM) }),
  }),
  // `in` and `notIn` against another fact are not generated: where that fact is not a list,
  // json-rules-engine throws or searches a string, and we answer false. test/engine/operators.test.ts
  // states those cases row by row.
) as fc.Arbitrary<Condition>;

/** A random condition over json-rules-engine's own operators: all/any/not nesting up to depth 4. */
export const jreCondition: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    jreLeaf,
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

/** Wraps conditions into a minimal valid rule-set file. */
export function ruleSetOf(conditions: readonly Condition[], extra: Partial<RuleSetFile> = {}): RuleSetFile {
  const t = { nb: 't', nn: 't', en: 't' };
  return {
    id: 'test',
    version: '1.0.0',
    validFrom: '2000-01-01',
    title: t,
    rules: conditions.map((c, i) => ({
      id: `R-${i}`,
      title: t,
      text: t,
      source: { document: 'test', section: 'test' },
      evidence: 'inferred' as const,
      severity: 'info' as const,
      conditions: 'fact' in c ? { all: [c] } : c,
      event: { type: 'finding' },
    })),
    ...extra,
  };
}
