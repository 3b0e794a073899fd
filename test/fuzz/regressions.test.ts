import { describe, expect, it } from 'vitest';
import { OPERATORS, compileCodeLists, parseVectorFile, runVectors } from '../../src/policy/index.js';
import {
  compileRuleSet,
  evaluate,
  evaluateFacts,
  explainDecision,
  explainRule,
  loadBundledRuleSet,
  localizeIssue,
  parsePerson,
  validateNationalId,
} from '../../src/index.js';
import { safePathResolver, toJsonRulesEngineRules } from '../../src/adapters/jsonRulesEngine.js';
import type { EvaluateOptions, RuleTrace } from '../../src/index.js';
import { TEST_FACTS, ruleSetOf } from '../support/arbitraries.js';
import { left, readJson, right, ruleSet } from '../support/helpers.js';
import { expectSafeCall } from './guard.js';
import { nest, withOwnKeys } from './hostile.js';

/*
 * Bugs the fuzzer found in the core, one test each, so that they stay fixed. Each test failed
 * (threw, hung or leaked a prototype) before its fix.
 */
const AS_OF = '2026-06-01';
const codesOf = (e: { issues: readonly { code: string }[] }) => e.issues.map((i) => i.code);

describe('fuzz regressions: rule files, vectors, operators, options and explanations', () => {
  it('deeply nested rule files and test vectors return too_deep instead of overflowing the stack inside zod', () => {
    let not: unknown = { fact: 'age', operator: 'equal', value: 1 };
    for (let i = 0; i < 10_000; i++) not = { not };
    expect(codesOf(left(compileRuleSet(ruleSetOf([not as never]))))).toEqual(['too_deep']);
    const deepValue = ruleSetOf([{ all: [{ fact: 'age', operator: 'equal', value: nest(10_000, 'array') as never }] }]);
    expect(codesOf(left(compileRuleSet(deepValue)))).toEqual(['too_deep']);
    const deepVectors = { ruleSet: 'x', vectors: [{ name: 'v', asOf: AS_OF, facts: { a: nest(10_000, 'mixed') }, expect: {} }] };
    expect(codesOf(left(parseVectorFile(deepVectors)))).toEqual(['too_deep']);
  });

  it('evaluate with null options returns InvalidOptions instead of throwing', () => {
    expect(left(evaluate(ruleSet('identification'), {}, null as unknown as EvaluateOptions))._tag).toBe('InvalidOptions');
  });

  it('a named-condition reference never resolves to a property of Object.prototype', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
      const e = left(compileRuleSet(ruleSetOf([{ all: [{ condition: name }] }]), { extraFacts: TEST_FACTS }));
      expect(e.issues[0], name).toMatchObject({ code: 'unknown_condition', path: 'rules[0].conditions.all[0].condition' });
    }
  });

  it('a score tier naming `constructor` as its parameter is an unknown parameter, not Object', () => {
    const file = ruleSetOf([{ all: [{ fact: 'b0', operator: 'equal', value: true }] }], {
      scoring: { tiers: [{ tier: 'high', minPoints: { param: 'constructor' } }] },
    });
    expect(left(compileRuleSet(file, { extraFacts: TEST_FACTS })).issues[0]).toMatchObject({ code: 'unknown_parameter' });
  });

  it('numeric operators compare false, not throw, on JSON whose conversion throws ({"toString": 0})', () => {
    const hostile = withOwnKeys([['toString', 0]]);
    const rs = right(
      compileRuleSet(
        ruleSetOf([
          { all: [{ fact: 'n0', operator: 'lessThan', value: 3 }] },
          { all: [{ fact: 'n0', operator: 'greaterThan', value: { fact: 'n1' } }] },
        ]),
        { extraFacts: TEST_FACTS },
      ),
    );
    const d = right(evaluateFacts(rs, { n0: hostile, n1: 1 }, { asOf: AS_OF }));
    expect(d.outcomes.map((o) => o.outcome)).toEqual([false, false]);
    const d2 = right(evaluateFacts(rs, { n0: 2, n1: hostile }, { asOf: AS_OF }));
    expect(d2.outcomes.map((o) => o.outcome)).toEqual([true, false]);
  });

  it('`in` against another fact that is not a list is false, not a TypeError; code-list operators refuse a fact as the list', () => {
    const rs = right(
      compileRuleSet(
        ruleSetOf([
          { all: [{ fact: 'n0', operator: 'in', value: { fact: 'n1' } }] },
          { all: [{ fact: 'l0', operator: 'hasAtLeast', value: { fact: 'o0' } }] },
        ]),
        { extraFacts: TEST_FACTS },
      ),
    );
    expect(
      right(
        evaluateFacts(
          rs,
          {
            n0: 1,
            n1: 5,
            l0: [1],
            o0: withOwnKeys([
              ['valueOf', 0],
              ['toString', 0],
            ]),
          },
          { asOf: AS_OF },
        ),
      ).outcomes.map((o) => o.outcome),
    ).toEqual([false, false]);
    const byFact = ruleSetOf([{ all: [{ fact: 'c0', operator: 'inCodeList', value: { fact: 's0' } }] }]);
    expect(left(compileRuleSet(byFact, { extraFacts: TEST_FACTS })).issues[0]).toMatchObject({
      code: 'operator_value',
      path: 'rules[0].conditions.all[0].value',
    });
  });

  it('every operator is total on hostile operands', () => {
    const odd = [
      undefined,
      null,
      Number.NaN,
      -0,
      1n,
      Symbol('s'),
      withOwnKeys([['toString', 0]]),
      Object.create(null),
      [withOwnKeys([['valueOf', 0]])],
      '2026-02-30',
      new Date(0),
    ];
    for (const op of OPERATORS.values())
      for (const a of odd) for (const b of odd) expect(typeof op.evaluate(a, b, { asOfDay: 20_000 }), op.name).toBe('boolean');
  });

  it('loadBundledRuleSet with an id that is not a string returns InvalidRuleSet (a null-prototype object threw, nested arrays overflowed)', () => {
    for (const id of [Object.create(null), nest(10_000, 'array'), 42, Symbol('x'), ['identification']])
      expect(codesOf(left(loadBundledRuleSet(id as string)))).toEqual(['invalid_value']);
  });

  it('validateNationalId of a number is undefined (RegExp#test coerced it, then spreading the number threw)', () => {
    expect(validateNationalId(2835110039 as unknown as string)).toBeUndefined();
    expect(validateNationalId(12345678901 as unknown as string)).toBeUndefined();
  });

  it('compileCodeLists refuses a non-array and a sparse array of length 2³²−1 (which was walked index by index)', () => {
    expect(codesOf(left(compileCodeLists({} as unknown as unknown[])))).toEqual(['invalid_type']);
    expect(codesOf(left(compileCodeLists(new Array(2 ** 32 - 1))))).toEqual(['too_big']);
  });

  it('a code list whose ranges expand to millions of index keys is refused before it is built', () => {
    const list = readJson('rules/code-lists/chronic-conditions.json') as { entries: unknown[] };
    const wide = { ...list, entries: Array.from({ length: 100 }, () => ({ system: 'ICD-10', code: 'A00-Z99' })) };
    expect(left(compileCodeLists([wide])).issues[0]).toMatchObject({ code: 'too_big', path: 'codeLists[0].entries' });
  });

  it("runVectors does not coerce an event's `finding` param that is an object", () => {
    const file = ruleSetOf([{ all: [{ fact: 'b0', operator: 'equal', value: true }] }]);
    file.rules[0]!.event = { type: 'finding', params: { finding: withOwnKeys([['toString', 0]]) as never } };
    const rs = right(compileRuleSet(file, { extraFacts: TEST_FACTS }));
    const vectors = right(
      parseVectorFile({
        ruleSet: 'test',
        vectors: [{ name: 'v', asOf: AS_OF, facts: { b0: true }, expect: { fired: ['R-0'], findings: ['finding'] } }],
      }),
    );
    expect(runVectors(rs, vectors, { extraFacts: TEST_FACTS })[0]!.passed).toBe(true);
  });

  it('host options are validated: malformed shared conditions and parameter overrides are typed errors, not TypeErrors', () => {
    const rs = readJson('rules/identification.json');
    expect(left(compileRuleSet(rs, { sharedConditions: { x: { all: 5 } } as never })).issues[0]!.path).toMatch(/^sharedConditions\.x/);
    expect(left(compileRuleSet(rs, { parameters: { medicationReviewThreshold: { evil: 1 } } as never })).issues[0]!.path).toBe(
      'parameters.medicationReviewThreshold',
    );
    expect(codesOf(left(compileRuleSet(rs, { parameters: [] as never })))).toEqual(['invalid_type']);
    expect(codesOf(left(compileRuleSet(rs, null as never)))).toEqual(['invalid_type']);
  });

  it('an unknown language falls back to bokmål instead of throwing', () => {
    expect(left(parsePerson({ birthDate: 5 }, 'de' as 'nb')).issues[0]!.message).toContain('har feil type');
    expect(left(compileRuleSet({}, { lang: '__proto__' as 'nb' })).issues.length).toBeGreaterThan(0);
  });

  it("the json-rules-engine bridge reads only the rule set's own parameters and resolves them only at `value`, as our compiler does", () => {
    const file = ruleSetOf(
      [
        {
          all: [
            { fact: 'l0', operator: 'equal', value: [{ param: 'constructor' }, { param: 'limit' }] as never },
            { fact: 'n0', operator: 'lessThan', value: { param: 'limit' } },
          ],
        },
      ],
      {
        parameters: { limit: { value: 3, description: { nb: 'g', nn: 'g', en: 'l' }, evidence: 'inferred' } },
      },
    );
    const rs = right(compileRuleSet(file, { extraFacts: TEST_FACTS }));
    const leaves = (toJsonRulesEngineRules(rs).rules[0]!.conditions as { all: { value: unknown }[] }).all;
    expect(leaves[0]!.value).toEqual([{ param: 'constructor' }, { param: 'limit' }]);
    expect(leaves[1]!.value).toBe(3);
  });

  it('explanations of damaged stored decisions never throw', () => {
    const rs = ruleSet('identification');
    const damaged: unknown[] = [
      null,
      5,
      { trace: 'x' },
      { trace: [null, 5, { conditions: { kind: 'all', children: 'x' } }] },
      { lang: 'xx', trace: [{ ruleId: {}, outcome: true, conditions: nest(10_000, 'object') }] },
    ];
    for (const d of damaged) expectSafeCall(() => explainDecision(d as never, { ruleSet: rs }));
    const leaf = {
      kind: 'fact',
      fact: withOwnKeys([['toString', 0]]),
      path: Object.create(null),
      operator: 5,
      value: nest(10_000, 'object'),
      factValue: [1n, nest(1000, 'array')],
      outcome: true,
    };
    expect(
      explainRule({ ruleId: 'R', outcome: true, conditions: leaf } as unknown as RuleTrace, { lang: 'en', ruleSet: rs }).because,
    ).toHaveLength(1);
  });

  it('localizeIssue returns a damaged stored issue unchanged', () => {
    const bad = {
      path: 'x',
      segments: [withOwnKeys([['toString', 0]])],
      code: 'invalid_type',
      message: 'm',
      detail: { expected: withOwnKeys([['toString', 0]]) },
    };
    expect(localizeIssue(bad as never, 'en')).toBe(bad);
    const badDetail = {
      path: 'x',
      segments: ['x'],
      code: 'invalid_type',
      message: 'm',
      detail: { expected: withOwnKeys([['toString', 0]]) },
    };
    expect(localizeIssue(badDetail as never, 'en').message).toContain('«x»');
  });

  it('errors stay bounded: 10,000 broken encounters give 100 issues and a summary, not 20,000', () => {
    const e = left(parsePerson({ encounters: Array.from({ length: 10_000 }, () => ({})) }));
    expect(e.issues).toHaveLength(101);
    expect(e.issues[100]).toMatchObject({ code: 'too_many_issues', path: '' });
  });

  it('evaluateFacts refuses values JSON cannot hold, so every decision serialises', () => {
    const rs = ruleSet('identification');
    for (const v of [1n, () => 1, Symbol('s'), Number.NaN, Number.POSITIVE_INFINITY, new Date(0), new Map()])
      expect(left(evaluateFacts(rs, { age: [v] }, { asOf: AS_OF })).issues[0]).toMatchObject({
        code: 'invalid_type',
        path: 'facts.age[0]',
      });
  });

  it('safePathResolver with a path that is not a string resolves nothing', () => {
    expect(safePathResolver({ a: 1 }, Object.create(null) as string)).toBeUndefined();
    expect(safePathResolver({ a: 1 }, ['$.a'] as unknown as string)).toBeUndefined();
  });
});
