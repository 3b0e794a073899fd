import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Condition, LeafCondition } from '../../src/policy/index.js';
import type { Decision, FactTrace, Truth } from '../../src/index.js';
import { compileRuleSet, defineFact, evaluate, evaluateFacts } from '../../src/index.js';
import { OPERATOR_NAMES } from '../../src/policy/index.js';
import { safePathResolver, toJsonRulesEngineRules } from '../../src/adapters/jsonRulesEngine.js';
import { stratify } from '../../src/population/index.js';
import type { FactDefinition } from '../../src/index.js';
import { right } from '../support/helpers.js';

/*
 * Known answers for every operator, written by hand: json-rules-engine's ten from its documented
 * semantics (7.3: `===`/`!==`, `indexOf`, an array check before `contains`, `parseFloat` before the
 * numeric comparisons), ours from the README's operator section. Each row gives the fact's value
 * (or none: the fact is missing), the compared value, our answer, and for json-rules-engine's
 * operators what json-rules-engine itself decides on the same input (run with
 * `allowUndefinedFacts`, so a missing fact reaches its operator as `undefined`).
 *
 * The relation between the two columns is the product decision (brief, point 2): where our answer
 * is true or false, json-rules-engine's is the same; where a fact or a compared fact is missing, ours
 * is unknown, whatever json-rules-engine makes of `undefined` (false for most operators, true for
 * `notEqual` and `notIn`). Every row runs on every evaluation path: untraced (`trace: 'none'`, the
 * closures population screening uses), traced in full and redacted, each twice (the second call
 * reads the shared trace table), and the trace and "data needed" must name exactly what is missing.
 */

const AS_OF = '2026-06-01';
const MISSING = Symbol('missing');
type Value = unknown;

const label = { nb: 'test', nn: 'test', en: 'test' };
const def = (name: string, type: FactDefinition['type']) => defineFact({ name, type, label, description: label, derive: () => undefined });
/** Facts by type: x, y numbers; s, t strings; l, m lists; o, p objects; d, e dates; c codes. */
const FACTS = [
  def('x', 'number'),
  def('y', 'number'),
  def('s', 'string'),
  def('t', 'string'),
  def('l', 'list'),
  def('m', 'list'),
  def('o', 'object'),
  def('p', 'object'),
  def('d', 'date'),
  def('e', 'date'),
  def('c', 'list'),
];

interface Row {
  /** The leaf, without its `value` when `compared` is given. */
  readonly leaf: Omit<LeafCondition, 'value'> & { value?: unknown };
  /** The fact's value, or MISSING. */
  readonly fact: Value;
  /** For a fact-to-fact comparison: the compared fact's value, or MISSING. */
  readonly compared?: Value;
  readonly ours: Truth;
  /** What json-rules-engine decides (its own operators only), or that it throws. */
  readonly jre?: boolean | 'throws';
  /** Why our known answer differs from json-rules-engine's: the only rows where it may. */
  readonly divergence?: string;
  /** The facts named missing when a path is not there (otherwise those given as MISSING). */
  readonly absent?: readonly string[];
}

/** A row where our answer is not json-rules-engine's, and why. */
const diverges = (r: Row, divergence: string): Row => ({ ...r, divergence });
/** The row, where a path that is not there makes the named facts unknown. */
const absent = (r: Row, ...names: string[]): Row => ({ ...r, absent: names });

const row = (
  operator: string,
  fact: string,
  value: unknown,
  factValue: Value,
  ours: Truth,
  jre?: boolean | 'throws',
  path?: string,
): Row => ({
  leaf: { fact, operator, value, ...(path === undefined ? {} : { path }) },
  fact: factValue,
  ours,
  ...(jre === undefined ? {} : { jre }),
});
/** A fact-to-fact row: `fact` compared with fact `other` (path `otherPath`). */
const vs = (
  operator: string,
  fact: string,
  other: string,
  factValue: Value,
  compared: Value,
  ours: Truth,
  jre?: boolean | 'throws',
  otherPath?: string,
): Row => ({
  leaf: { fact, operator, value: { fact: other, ...(otherPath === undefined ? {} : { path: otherPath }) } },
  fact: factValue,
  compared,
  ours,
  ...(jre === undefined ? {} : { jre }),
});

/** json-rules-engine's operators. */
const JRE_ROWS: Row[] = [
  row('equal', 'x', 3, 3, true, true),
  row('equal', 'x', 3, 4, false, false),
  row('equal', 'x', 3, '3', false, false), // strict: no conversion
  row('equal', 'x', 3, null, false, false),
  row('equal', 'x', 3, MISSING, 'unknown', false),
  row('equal', 's', 'a', 'a', true, true),
  row('equal', 's', 'a', ['a'], false, false),
  row('notEqual', 'x', 3, 4, true, true),
  row('notEqual', 'x', 3, 3, false, false),
  row('notEqual', 'x', 3, '3', true, true),
  row('notEqual', 'x', 3, MISSING, 'unknown', true), // undefined !== 3: json-rules-engine says true
  row('in', 's', ['a', 'b'], 'a', true, true),
  row('in', 's', ['a', 'b'], 'c', false, false),
  row('in', 'x', ['1', 2], 1, false, false), // strict membership
  row('in', 'x', ['1', 2], 2, true, true),
  row('in', 's', ['a'], null, false, false),
  row('in', 's', ['a'], MISSING, 'unknown', false),
  row('notIn', 's', ['a', 'b'], 'c', true, true),
  row('notIn', 's', ['a', 'b'], 'a', false, false),
  row('notIn', 's', ['a'], { a: 1 }, true, true),
  row('notIn', 's', ['a'], MISSING, 'unknown', true),
  row('contains', 'l', 'a', ['a', 'b'], true, true),
  row('contains', 'l', 'a', ['b'], false, false),
  row('contains', 'l', 'a', [], false, false),
  row('contains', 'l', 1, ['1'], false, false),
  row('contains', 'l', 'a', 'abc', false, false), // not a list: its array check fails
  row('contains', 'l', 'a', null, false, false),
  row('contains', 'l', 'a', MISSING, 'unknown', false),
  row('doesNotContain', 'l', 'a', ['b'], true, true),
  row('doesNotContain', 'l', 'a', [], true, true),
  row('doesNotContain', 'l', 'a', ['a'], false, false),
  row('doesNotContain', 'l', 'a', 'bcd', false, false), // not a list: false, not true
  row('doesNotContain', 'l', 'a', { a: 1 }, false, false),
  row('doesNotContain', 'l', 'a', MISSING, 'unknown', false),
  row('lessThan', 'x', 3, 2, true, true),
  row('lessThan', 'x', 3, 3, false, false),
  row('lessThan', 'x', 3, 4, false, false),
  row('lessThan', 'x', 3, -1.5, true, true),
  row('lessThan', 'x', 3, '2', true, true), // parseFloat passes, then '2' < 3 converts
  row('lessThan', 'x', 3, [2], true, true), // parseFloat([2]) is 2, [2] < 3 converts
  row('lessThan', 'x', 3, '2abc', false, false), // parseFloat passes, but '2abc' < 3 is NaN < 3
  row('lessThan', 'x', 3, 'abc', false, false),
  row('lessThan', 'x', 3, null, false, false), // parseFloat(null) is NaN (though null < 3 would be true)
  row('lessThan', 'x', 3, true, false, false),
  row('lessThan', 'x', 3, {}, false, false),
  row('lessThan', 'x', 3, MISSING, 'unknown', false),
  row('lessThanInclusive', 'x', 3, 3, true, true),
  row('lessThanInclusive', 'x', 3, 2, true, true),
  row('lessThanInclusive', 'x', 3, 4, false, false),
  row('lessThanInclusive', 'x', 3, '3', true, true),
  row('lessThanInclusive', 'x', 3, false, false, false),
  row('lessThanInclusive', 'x', 3, MISSING, 'unknown', false),
  row('greaterThan', 'x', 3, 4, true, true),
  row('greaterThan', 'x', 3, 3, false, false),
  row('greaterThan', 'x', 3, 2, false, false),
  row('greaterThan', 'x', 3, '4', true, true),
  row('greaterThan', 'x', -1, null, false, false), // null > -1 would be true; parseFloat says no
  row('greaterThan', 'x', 3, [4, 5], false, false), // parseFloat([4,5]) is 4, but '4,5' > 3 is NaN > 3
  row('greaterThan', 'x', 3, MISSING, 'unknown', false),
  row('greaterThanInclusive', 'x', 3, 3, true, true),
  row('greaterThanInclusive', 'x', 3, 4, true, true),
  row('greaterThanInclusive', 'x', 3, 2, false, false),
  row('greaterThanInclusive', 'x', 3, '3', true, true),
  row('greaterThanInclusive', 'x', 0, false, false, false),
  row('greaterThanInclusive', 'x', 3, MISSING, 'unknown', false),
];

/** Ours. `withinLastDays` counts `asOf` (2026-06-01) as the first of its days. */
const OUR_ROWS: Row[] = [
  row('inCodeList', 'c', 'chronic-conditions', [{ system: 'ICPC-2', code: 'K77' }], true),
  row(
    'inCodeList',
    'c',
    'chronic-conditions',
    [
      { system: 'ICPC-2', code: 'A01' },
      { system: 'ICPC-2', code: 'T90' },
    ],
    true,
  ),
  row('inCodeList', 'c', 'chronic-conditions', { system: 'ICPC-2', code: 'K77' }, true), // one coding
  row('inCodeList', 'c', 'chronic-conditions', [{ system: 'ICPC-2', code: 'A01' }], false),
  row('inCodeList', 'c', 'chronic-conditions', [{ system: 'ICD-10', code: 'K77' }], false), // K77 is not an ICD-10 heart failure code
  row('inCodeList', 'c', 'chronic-conditions', [], false),
  row('inCodeList', 'c', 'chronic-conditions', [{ code: 'K77' }], false), // no system
  row('inCodeList', 'c', 'chronic-conditions', ['K77'], false), // not codings
  row('inCodeList', 'c', 'chronic-conditions', 'K77', false),
  row('inCodeList', 'c', 'chronic-conditions', null, false),
  row('inCodeList', 'c', 'chronic-conditions', MISSING, 'unknown'),
  row('notInCodeList', 'c', 'chronic-conditions', [{ system: 'ICPC-2', code: 'A01' }], true),
  row('notInCodeList', 'c', 'chronic-conditions', [], true),
  row('notInCodeList', 'c', 'chronic-conditions', [{ system: 'ICPC-2', code: 'K77' }], false),
  row('notInCodeList', 'c', 'chronic-conditions', 'K77', true), // the negation of inCodeList for any value present
  row('notInCodeList', 'c', 'chronic-conditions', MISSING, 'unknown'),
  row('dateBefore', 'd', '2026-01-01', '2025-12-31', true),
  row('dateBefore', 'd', '2026-01-01', '2026-01-01', false),
  row('dateBefore', 'd', '2026-01-01', '2026-01-02', false),
  row('dateBefore', 'd', '2026-03-01', '2024-02-29', true),
  row('dateBefore', 'd', '2026-01-01', 'not a date', false),
  row('dateBefore', 'd', '2026-01-01', '2025-02-29', false), // no such day
  row('dateBefore', 'd', '2026-01-01', 20251231, false), // a number is not a date
  row('dateBefore', 'd', '2026-01-01', MISSING, 'unknown'),
  row('dateOnOrBefore', 'd', '2026-01-01', '2025-12-31', true),
  row('dateOnOrBefore', 'd', '2026-01-01', '2026-01-01', true),
  row('dateOnOrBefore', 'd', '2026-01-01', '2026-01-02', false),
  row('dateOnOrBefore', 'd', '2026-01-01', null, false),
  row('dateOnOrBefore', 'd', '2026-01-01', MISSING, 'unknown'),
  row('dateAfter', 'd', '2026-01-01', '2026-01-02', true),
  row('dateAfter', 'd', '2026-01-01', '2026-01-01', false),
  row('dateAfter', 'd', '2026-01-01', '2025-12-31', false),
  row('dateAfter', 'd', '2026-01-01', '2026-13-01', false),
  row('dateAfter', 'd', '2026-01-01', MISSING, 'unknown'),
  row('dateOnOrAfter', 'd', '2026-01-01', '2026-01-02', true),
  row('dateOnOrAfter', 'd', '2026-01-01', '2026-01-01', true),
  row('dateOnOrAfter', 'd', '2026-01-01', '2025-12-31', false),
  row('dateOnOrAfter', 'd', '2026-01-01', ['2026-01-02'], false),
  row('dateOnOrAfter', 'd', '2026-01-01', MISSING, 'unknown'),
  row('withinLastDays', 'd', 30, '2026-06-01', true), // asOf itself
  row('withinLastDays', 'd', 30, '2026-05-03', true), // the 30th day
  row('withinLastDays', 'd', 30, '2026-05-02', false), // the 31st day back
  row('withinLastDays', 'd', 30, '2026-06-02', false), // after asOf
  row('withinLastDays', 'd', 1, '2026-06-01', true),
  row('withinLastDays', 'd', 1, '2026-05-31', false),
  row('withinLastDays', 'd', 0, '2026-06-01', false), // an empty window
  row('withinLastDays', 'd', 366, '2025-06-01', true), // 2026-06-01 minus 365 days, inside 366
  row('withinLastDays', 'd', 365, '2025-06-01', false),
  row('withinLastDays', 'd', 30, 'yesterday', false),
  row('withinLastDays', 'd', 30, MISSING, 'unknown'),
  row('hasAtLeast', 'l', 2, [1, 2], true),
  row('hasAtLeast', 'l', 2, [1, 2, 3], true),
  row('hasAtLeast', 'l', 2, [1], false),
  row('hasAtLeast', 'l', 0, [], true),
  row('hasAtLeast', 'l', 1, [], false),
  row('hasAtLeast', 'l', 2, 'ab', false), // a string is not a list
  row('hasAtLeast', 'l', 1, { length: 5 }, false),
  row('hasAtLeast', 'l', 2, MISSING, 'unknown'),
  row('hasAtMost', 'l', 2, [1, 2], true),
  row('hasAtMost', 'l', 2, [1], true),
  row('hasAtMost', 'l', 2, [], true),
  row('hasAtMost', 'l', 2, [1, 2, 3], false),
  row('hasAtMost', 'l', 0, [], true),
  row('hasAtMost', 'l', 0, [1], false),
  row('hasAtMost', 'l', 5, 'abc', false),
  row('hasAtMost', 'l', 2, null, false),
  row('hasAtMost', 'l', 2, MISSING, 'unknown'),
];

/** Fact-to-fact comparisons and paths: a missing compared fact, or a path that is not there, is unknown. */
const COMPARED_ROWS: Row[] = [
  vs('lessThan', 'x', 'y', 2, 3, true, true),
  vs('lessThan', 'x', 'y', 3, 3, false, false),
  vs('lessThan', 'x', 'y', 2, MISSING, 'unknown', false),
  vs('lessThan', 'x', 'y', MISSING, 3, 'unknown', false),
  vs('lessThan', 'x', 'y', MISSING, MISSING, 'unknown', false),
  vs('lessThan', 'x', 'y', 2, '3', true, true), // the compared value is converted, as json-rules-engine does
  vs('lessThan', 'x', 'y', 2, null, false, false), // 2 < null is 2 < 0
  vs('lessThan', 'x', 'y', -1, null, true, true), // -1 < null is -1 < 0
  vs('greaterThanInclusive', 'x', 'y', 3, 3, true, true),
  vs('greaterThanInclusive', 'x', 'y', 3, MISSING, 'unknown', false),
  vs('greaterThan', 'x', 'y', 3, MISSING, 'unknown', false),
  vs('lessThanInclusive', 'x', 'y', 3, MISSING, 'unknown', false),
  vs('equal', 's', 't', 'a', 'a', true, true),
  vs('equal', 's', 't', 'a', 'b', false, false),
  vs('equal', 's', 't', 'a', MISSING, 'unknown', false),
  vs('equal', 's', 't', MISSING, MISSING, 'unknown', true), // undefined === undefined: json-rules-engine says true
  vs('notEqual', 's', 't', 'a', MISSING, 'unknown', true),
  vs('contains', 'l', 's', ['a'], 'a', true, true),
  vs('contains', 'l', 's', ['a'], MISSING, 'unknown', false),
  vs('doesNotContain', 'l', 's', ['a'], MISSING, 'unknown', true),
  vs('in', 's', 'l', 'a', ['a', 'b'], true, true),
  vs('notIn', 's', 'l', 'c', ['a'], true, true),
  vs('in', 's', 'l', 'a', MISSING, 'unknown', 'throws'), // undefined.indexOf
  // `in` and `notIn` compare with a list. Against another fact that is not one, json-rules-engine
  // calls its `indexOf`: a string's finds substrings, anything else throws out of `Engine.run`.
  diverges(vs('in', 's', 'l', 'a', 'abc', false, true), 'a substring is not a member'),
  diverges(vs('notIn', 's', 'l', 'z', 'abc', false, true), 'a string is not a list'),
  vs('in', 's', 'l', 'a', 5, false, 'throws'),
  vs('notIn', 's', 'l', 'a', null, false, 'throws'),
  vs('notIn', 's', 'l', 'a', { a: 1 }, false, 'throws'),
  vs('dateBefore', 'd', 'e', '2026-01-01', '2026-01-02', true),
  vs('dateBefore', 'd', 'e', '2026-01-02', '2026-01-01', false),
  vs('dateBefore', 'd', 'e', '2026-01-01', MISSING, 'unknown'),
  vs('dateAfter', 'd', 'e', '2026-01-02', MISSING, 'unknown'),
  vs('dateOnOrBefore', 'd', 'e', '2026-01-01', 'soon', false), // the compared value is not a date
  vs('hasAtLeast', 'l', 'x', [1, 2], 2, true),
  vs('hasAtLeast', 'l', 'x', [1, 2], MISSING, 'unknown'),
  vs('hasAtMost', 'l', 'x', [1, 2], '2', false), // a count must be a number
  vs('withinLastDays', 'd', 'x', '2026-05-31', 2, true),
  vs('withinLastDays', 'd', 'x', '2026-05-31', MISSING, 'unknown'),
  vs('lessThan', 'x', 'o', 2, { n: 3 }, true, true, '$.n'),
  absent(vs('lessThan', 'x', 'o', 2, { m: 3 }, 'unknown', false, '$.n'), 'o'), // the compared path is not there
  row('lessThan', 'o', 3, { n: 2 }, true, true, '$.n'),
  row('lessThan', 'o', 3, { n: { k: 2 } }, true, true, '$.n.k'),
  absent(row('lessThan', 'o', 3, { m: 2 }, 'unknown', false, '$.n'), 'o'), // absent path
  row('lessThan', 'o', 3, { n: null }, false, false, '$.n'), // present, null
  absent(row('lessThan', 'o', 3, { n: [2] }, 'unknown', false, '$.n.k'), 'o'), // a list has no keys
  row('equal', 'o', 'a', { n: ['a', 'b'] }, true, true, '$.n[0]'),
  absent(row('equal', 'o', 'a', { n: ['a'] }, 'unknown', false, '$.n[1]'), 'o'), // past the end
  absent(row('equal', 'o', 'a', { n: { 0: 'a' } }, 'unknown', false, '$.n[0]'), 'o'), // an index into an object
  row('notEqual', 'o', 'a', { n: 'b' }, true, true, '$.n'),
  absent(row('notEqual', 'o', 'a', {}, 'unknown', true, '$.n'), 'o'),
  absent(row('greaterThan', 'o', 3, 7, 'unknown', true, '$.n'), 'o'), // a path into a number: json-rules-engine compares the number itself
  row('contains', 'o', 'a', { n: ['a'] }, true, true, '$.n'),
  row('doesNotContain', 'o', 'a', { n: 'abc' }, false, false, '$.n'),
];

const ALL_ROWS = [...JRE_ROWS, ...OUR_ROWS, ...COMPARED_ROWS];

function factsOf(r: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (r.fact !== MISSING) out[r.leaf.fact] = r.fact;
  const v = r.leaf.value;
  if (r.compared !== undefined && r.compared !== MISSING && typeof v === 'object' && v !== null && 'fact' in v)
    out[(v as { fact: string }).fact] = r.compared;
  return out;
}

/** The facts the row leaves missing, as the trace and "data needed" must name them. */
function missingOf(r: Row): string[] {
  if (r.absent !== undefined) return [...r.absent];
  const names: string[] = [];
  if (r.fact === MISSING) names.push(r.leaf.fact);
  const v = r.leaf.value;
  if (r.compared === MISSING) names.push((v as { fact: string }).fact);
  return names;
}

const fileOf = (r: Row) => ({
  id: 'operators',
  version: '1.0.0',
  validFrom: '2000-01-01',
  title: label,
  rules: [
    {
      id: 'R',
      title: label,
      text: label,
      source: { document: 'test', section: 'test' },
      evidence: 'inferred' as const,
      severity: 'info' as const,
      conditions: { all: [r.leaf as Condition] },
      event: { type: 'finding' },
    },
  ],
});

const describeRow = (r: Row) =>
  `${r.leaf.fact}${r.leaf.path ?? ''} ${r.leaf.operator} ${JSON.stringify(r.leaf.value)} with ${r.fact === MISSING ? 'no fact' : JSON.stringify(r.fact)}${r.compared === undefined ? '' : r.compared === MISSING ? ' and no compared fact' : ` and ${JSON.stringify(r.compared)}`}`;

function leafOf(d: Decision): FactTrace {
  const c = d.trace![0]!.conditions;
  if (c.kind !== 'all') throw new Error('expected the all wrapper');
  const l = c.children[0]!;
  if (l.kind !== 'fact') throw new Error('expected a leaf');
  return l;
}

async function jreDecides(r: Row): Promise<boolean | 'throws'> {
  const rs = right(compileRuleSet(fileOf(r), { extraFacts: FACTS }));
  // json-rules-engine's own operators only: nothing of ours is registered on this engine.
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: safePathResolver });
  for (const rule of toJsonRulesEngineRules(rs).rules) engine.addRule(rule as never);
  try {
    const { results } = await engine.run(factsOf(r));
    return results.length === 1;
  } catch {
    return 'throws';
  }
}

describe('operators: known answers', () => {
  it('cover every operator, each with a missing fact', () => {
    const ops = new Set(ALL_ROWS.map((r) => r.leaf.operator));
    expect([...ops].sort()).toEqual([...OPERATOR_NAMES].sort());
    for (const op of OPERATOR_NAMES)
      expect(
        ALL_ROWS.some((r) => r.leaf.operator === op && r.fact === MISSING),
        op,
      ).toBe(true);
  });

  it.each(ALL_ROWS.map((r) => [describeRow(r), r] as const))('%s', (_name, r) => {
    const rs = right(compileRuleSet(fileOf(r), { extraFacts: FACTS }));
    const facts = factsOf(r);
    const missing = missingOf(r);
    for (let round = 0; round < 2; round++) {
      const none = right(evaluateFacts(rs, facts, { asOf: AS_OF, trace: 'none' }));
      expect(none.outcomes[0]!.outcome, 'untraced').toBe(r.ours);
      expect(none.dataNeeded.flatMap((n) => n.missing.map((m) => m.fact)).sort(), 'data needed, untraced').toEqual([...missing].sort());

      const full = right(evaluateFacts(rs, facts, { asOf: AS_OF, trace: 'full' }));
      expect(full.outcomes[0]!.outcome, 'traced').toBe(r.ours);
      const leaf = leafOf(full);
      expect(leaf.outcome).toBe(r.ours);
      if (missing.length === 0) expect(leaf, 'nothing missing').not.toHaveProperty('missing');
      else expect(leaf.missing, 'missing in the trace').toEqual(missing);
      expect(leaf.path).toBe(r.leaf.path);
      expect(leaf).not.toHaveProperty('params');
      if (r.compared === undefined) {
        // The rule's own constant, as written (a code list by its id).
        expect(leaf.value, 'the constant').toEqual(r.leaf.value);
        expect(leaf).not.toHaveProperty('valueFact');
      } else {
        const ref = r.leaf.value as { fact: string; path?: string };
        expect(leaf.valueFact).toBe(ref.fact);
        if (r.compared === MISSING || r.absent?.includes(ref.fact)) expect(leaf.value).toBeNull();
        else if (ref.path === undefined) expect(leaf.value, 'the compared fact').toEqual(r.compared);
      }
      expect(leaf.redacted, 'a full trace is not redacted').toBeUndefined();
      if (r.fact === MISSING) expect(leaf).not.toHaveProperty('factValue');
      else if (r.leaf.path === undefined) expect(leaf.factValue).toEqual(r.fact);
      expect(full.dataNeeded.flatMap((n) => n.missing.map((m) => m.fact)).sort(), 'data needed, traced').toEqual([...missing].sort());

      const redacted = right(evaluateFacts(rs, facts, { asOf: AS_OF, trace: 'redacted' }));
      expect(redacted.outcomes[0]!.outcome, 'redacted').toBe(r.ours);
      const rleaf = leafOf(redacted);
      expect(rleaf.redacted).toBe(true);
      expect(rleaf).not.toHaveProperty('factValue');
      expect(rleaf.missing ?? []).toEqual(missing);
      // A constant is rule text and stays; the compared fact is a fact value and goes.
      if (r.compared !== undefined) expect(rleaf.value, 'the compared fact is a fact value too').toBeNull();
      else expect(rleaf.value).toEqual(r.leaf.value);
    }
  });

  it.each(ALL_ROWS.filter((r) => r.jre !== undefined).map((r) => [describeRow(r), r] as const))(
    'json-rules-engine on %s',
    async (_name, r) => {
      const theirs = await jreDecides(r);
      expect(theirs).toBe(r.jre);
      // Where we know the answer, it is json-rules-engine's, but for the rows that say why not; where
      // json-rules-engine throws, we answer and never throw.
      if (r.ours !== 'unknown' && r.divergence === undefined && theirs !== 'throws') expect(theirs).toBe(r.ours);
    },
  );
});

/*
 * Population screening ranks with the untraced closures over facts derived from persons. A scored
 * rule set over `regularMedications` (unknown without a medication list) and `age` (unknown without
 * a birth date), each rule worth a different power of two, shows in the points which rules fired
 * and in the points still possible which were unknown.
 */
describe('operators: known answers on the population screening path', () => {
  const leaves: [LeafCondition, number][] = [
    [{ fact: 'regularMedications', operator: 'equal', value: 3 }, 1],
    [{ fact: 'regularMedications', operator: 'notEqual', value: 3 }, 2],
    [{ fact: 'regularMedications', operator: 'lessThan', value: 3 }, 4],
    [{ fact: 'regularMedications', operator: 'lessThanInclusive', value: 3 }, 8],
    [{ fact: 'regularMedications', operator: 'greaterThan', value: 3 }, 16],
    [{ fact: 'regularMedications', operator: 'greaterThanInclusive', value: 3 }, 32],
    [{ fact: 'regularMedications', operator: 'in', value: [3, 4] }, 64],
    [{ fact: 'regularMedications', operator: 'notIn', value: [3] }, 128],
    [{ fact: 'age', operator: 'greaterThan', value: { fact: 'regularMedications' } }, 256],
  ];
  const ruleSet = right(
    compileRuleSet({
      id: 'screen',
      version: '1.0.0',
      validFrom: '2000-01-01',
      title: label,
      scoring: {
        tiers: [
          { tier: 'high', minPoints: 1000 },
          { tier: 'moderate', minPoints: 500 },
          { tier: 'low', minPoints: 0 },
        ],
        description: label,
      },
      rules: leaves.map(([leaf, points], i) => ({
        id: `S-${i}`,
        title: label,
        text: label,
        source: { document: 'test', section: 'test' },
        evidence: 'inferred' as const,
        severity: 'info' as const,
        conditions: { all: [leaf] },
        event: { type: 'score', params: { points } },
      })),
    }),
  );
  const meds = (n: number) => Array.from({ length: n }, (_, i) => ({ atc: `C0${i}`, regimen: 'regular' as const }));
  // [person, points known to fire, points of the rules that are unknown]
  const cases: [string, Record<string, unknown>, number, number][] = [
    ['nothing recorded: every rule unknown, none fires', {}, 0, 511],
    ['no medicines, no birth date', { medications: [] }, 2 + 4 + 8 + 128, 256],
    ['three medicines, aged 66', { birthDate: '1960-01-01', medications: meds(3) }, 1 + 8 + 32 + 64 + 256, 0],
    ['four medicines, aged 2', { birthDate: '2024-01-01', medications: meds(4) }, 2 + 16 + 32 + 64 + 128, 0],
    ['two medicines, age unknown', { medications: meds(2) }, 2 + 4 + 8 + 128, 256],
    ['aged 66, medicines unknown', { birthDate: '1960-01-01' }, 0, 511],
  ];

  it.each(cases)('%s', (_name, person, points, unknown) => {
    const { entries } = right(stratify([person], { asOf: AS_OF, topPercent: 100, ruleSet }));
    expect([entries[0]!.points, entries[0]!.maxPoints - entries[0]!.points]).toEqual([points, unknown]);
    // The single-person decision, untraced and traced, agrees.
    for (const trace of ['none', 'full'] as const) {
      const d = right(evaluate(ruleSet, person, { asOf: AS_OF, trace }));
      expect([d.score!.points, d.score!.maxPoints - d.score!.points], trace).toEqual([points, unknown]);
    }
  });
});

describe('operators: what the trace shows', () => {
  it('the params and the path of a leaf as written, and the fact value after the path', () => {
    const windowed = defineFact({
      name: 'w',
      type: 'object',
      label,
      description: label,
      params: z.strictObject({ months: z.number() }),
      derive: () => undefined,
    });
    const file = fileOf({
      leaf: { fact: 'w', params: { months: 6 }, path: '$.n', operator: 'greaterThan', value: 1 },
      fact: MISSING,
      ours: 'unknown',
    });
    const rs = right(compileRuleSet(file, { extraFacts: [windowed] }));
    const d = right(evaluateFacts(rs, { 'w:{"months":6}': { n: 2 } }, { asOf: AS_OF, trace: 'full' }));
    const leaf = leafOf(d);
    expect(leaf).toMatchObject({
      fact: 'w',
      params: { months: 6 },
      path: '$.n',
      operator: 'greaterThan',
      value: 1,
      factValue: 2,
      outcome: true,
    });
    expect(Object.keys(leaf)).toEqual(['kind', 'fact', 'params', 'path', 'operator', 'value', 'factValue', 'outcome']);
  });
});
