import { describe, expect, it } from 'vitest';
import { LIMITS, compileRuleSet, evaluate } from '../../src/index.js';
import { parseJsonText } from '../../src/policy/index.js';
import type { Condition } from '../../src/policy/index.js';
import { TEST_FACTS, ruleSetOf } from '../support/arbitraries.js';
import { left, readJson, right } from '../support/helpers.js';

/** The identification rule set as plain JSON, cloned so tests can break it. */
const base = () => structuredClone(readJson('rules/identification.json')) as any;
const issues = (file: unknown, lang: 'nb' | 'nn' | 'en' = 'nb') => left(compileRuleSet(file, { lang })).issues;

describe('rule-file validation', () => {
  it('the bundled rule set compiles', () => {
    const rs = right(compileRuleSet(base()));
    expect(rs.id).toBe('identification');
    expect(rs.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('unknown operator: names the path and the allowed operators', () => {
    const f = base();
    f.rules[2].conditions.all[0].operator = 'atLeast';
    const [i] = issues(f);
    expect(i).toMatchObject({ code: 'unknown_operator', path: 'rules[2].conditions.all[0].operator' });
    expect(i!.message).toContain('greaterThanInclusive');
  });

  it('unknown fact', () => {
    const f = base();
    f.rules[2].conditions.all[0].fact = 'physicalAndMentl';
    expect(issues(f, 'en')).toMatchObject([
      { code: 'unknown_fact', path: 'rules[2].conditions.all[0].fact', message: expect.stringContaining('physicalAndMentl') },
    ]);
  });

  it('missing nb text is reported as a missing text', () => {
    const f = base();
    delete f.rules[0].text.nb;
    const [i] = issues(f);
    expect(i).toMatchObject({ code: 'missing_text', path: 'rules[0].text' });
    expect(i!.message).toContain('nb');
  });

  it('bad JSON is reported with line and column, without echoing the text', () => {
    const text = '{\n  "id": "x",\n  "version": 1.0.0\n}';
    const e = left(parseJsonText(text));
    expect(e.issues[0]).toMatchObject({ code: 'json_syntax', detail: { line: 3, column: 17 } });
    expect(e.issues[0]!.message).toContain('linje 3');
    expect(left(parseJsonText('{"a": ')).issues[0]!.code).toBe('json_syntax');
  });

  it('unknown code list, parameter, named condition; duplicate ids', () => {
    const f = base();
    f.rules.push({ ...f.rules[1], id: 'ID-MULTIMORBIDITY' });
    f.conditions.unplannedCare.any[0].value = { param: 'noSuchParam' };
    f.conditions.multimorbidity = { condition: 'noSuchCondition' };
    f.rules[1].conditions = { all: [{ fact: 'activeDiagnoses', operator: 'inCodeList', value: 'no-such-list' }] };
    const codes = issues(f)
      .map((i) => i.code)
      .sort();
    expect(codes).toEqual(expect.arrayContaining(['duplicate_id', 'unknown_parameter', 'unknown_condition', 'unknown_code_list']));
  });

  it('operator and value must fit: a number operator with a string value, a date operator with a bad date', () => {
    const t = { extraFacts: TEST_FACTS };
    expect(left(compileRuleSet(ruleSetOf([{ all: [{ fact: 'n0', operator: 'lessThan', value: 'ten' }] }]), t)).issues[0]).toMatchObject({
      code: 'operator_value',
    });
    expect(
      left(compileRuleSet(ruleSetOf([{ all: [{ fact: 'd0', operator: 'dateBefore', value: '2026-02-30' }] }]), t)).issues[0],
    ).toMatchObject({ code: 'operator_value' });
    expect(left(compileRuleSet(ruleSetOf([{ all: [{ fact: 'b0', operator: 'greaterThan', value: 1 }] }]), t)).issues[0]).toMatchObject({
      code: 'operator_fact_type',
    });
  });

  it('fact params are checked', () => {
    const f = base();
    f.conditions.unplannedCare.any[0].params = { months: 0 };
    expect(issues(f)).toMatchObject([{ code: 'fact_params', path: 'conditions.unplannedCare.any[0].params' }]);
  });

  it('only the safe path subset is accepted; JSONPath scripts never run', () => {
    for (const path of ['$..x', '$[?(@.x)]', '$.constructor', '$.__proto__.polluted', 'x.y', '$.a[(@.length-1)]']) {
      const file = ruleSetOf([{ all: [{ fact: 'o0', operator: 'equal', value: 1, path }] }]);
      expect(left(compileRuleSet(file, { extraFacts: TEST_FACTS })).issues[0]!.code, path).toBe('unsafe_path');
    }
  });

  it('nesting depth is bounded', () => {
    let c: Condition = { fact: 'b0', operator: 'equal', value: true };
    for (let i = 0; i < LIMITS.conditionDepth + 2; i++) c = { not: c };
    expect(left(compileRuleSet(ruleSetOf([c]), { extraFacts: TEST_FACTS })).issues.map((i) => i.code)).toContain('too_deep');
  });

  it('a named condition that refers to itself is a cycle, not a hang', () => {
    const file = ruleSetOf([{ condition: 'loop' }], { conditions: { loop: { any: [{ condition: 'loop' }] } } });
    expect(left(compileRuleSet(file, { extraFacts: TEST_FACTS })).issues.map((i) => i.code)).toContain('condition_cycle');
  });

  it('a leaf at the root of a rule or a named condition is rejected, as json-rules-engine would, and the message says how to fix it', () => {
    const f = base();
    f.rules[0].conditions = { fact: 'age', operator: 'greaterThan', value: 1 };
    f.conditions.multimorbidity = { fact: 'longTermConditions', operator: 'greaterThanInclusive', value: 2 };
    f.rules[1].severity = 'urgent';
    const found = issues(f);
    expect(found.map((i) => [i.code, i.path]).sort()).toEqual([
      ['invalid_value', 'rules[1].severity'],
      ['leaf_root', 'conditions.multimorbidity'],
      ['leaf_root', 'rules[0].conditions'],
    ]);
    // The schema's vaguer "matches none of the allowed shapes" is replaced, not repeated.
    expect(found.some((i) => i.code === 'invalid_shape')).toBe(false);
    const say = (lang: 'nb' | 'nn' | 'en') => issues(f, lang).find((i) => i.path === 'rules[0].conditions')!.message;
    expect(say('nb')).toBe(
      '«rules[0].conditions» er én enkelt betingelse (fact, operator, value) rett på roten. Roten må være all, any, not eller condition, fordi json-rules-engine ikke godtar noe annet der. Pakk den inn: {"all": [ … ]}.',
    );
    expect(say('nn')).toBe(
      '«rules[0].conditions» er eitt enkelt vilkår (fact, operator, value) rett på rota. Rota må vere all, any, not eller condition, fordi json-rules-engine ikkje godtek noko anna der. Pakk det inn: {"all": [ … ]}.',
    );
    expect(say('en')).toBe(
      '«rules[0].conditions» is a single condition (fact, operator, value) at the root. The root must be all, any, not or condition, because json-rules-engine accepts nothing else there. Wrap it: {"all": [ … ]}.',
    );
    // Wrapped in all, the same leaf compiles.
    const g = base();
    g.rules[0].conditions = { all: [{ fact: 'age', operator: 'greaterThan', value: 1 }] };
    right(compileRuleSet(g));
  });

  it('a root that is neither a leaf nor all/any/not/condition is still a shape error', () => {
    const f = base();
    f.rules[0].conditions = { every: [] };
    f.conditions.multimorbidity = [{ fact: 'longTermConditions', operator: 'greaterThanInclusive', value: 2 }];
    expect(issues(f).map((i) => [i.code, i.path])).toEqual([
      ['invalid_shape', 'conditions.multimorbidity'],
      ['invalid_shape', 'rules[0].conditions'],
    ]);
  });

  it('a rule set with errors is never partly loaded: the result is Left with every issue', () => {
    const f = base();
    f.rules[2].conditions.all[0].operator = 'nope';
    f.rules[4].conditions.all[0].fact = 'nope';
    const e = left(compileRuleSet(f));
    expect(e._tag).toBe('InvalidRuleSet');
    expect(e.ruleSetId).toBe('identification');
    expect(e.issues).toHaveLength(2);
  });

  it('parameter overrides change thresholds and the content hash; unknown overrides are errors', () => {
    const a = right(compileRuleSet(base()));
    const b = right(compileRuleSet(base(), { parameters: { medicationReviewThreshold: 20 } }));
    expect(b.contentHash).not.toBe(a.contentHash);
    expect(right(compileRuleSet(base())).contentHash).toBe(a.contentHash);
    const person = {
      birthDate: '1950-01-01',
      medications: Array.from({ length: 16 }, (_, i) => ({ atc: `C0${i % 10}AA0${(i % 8) + 1}`, regimen: 'regular' })),
    };
    const out = (rs: typeof a) =>
      right(evaluate(rs, person, { asOf: '2026-06-01' })).outcomes.find((o) => o.ruleId === 'ID-MEDICATION-REVIEW')!.outcome;
    expect(out(a)).toBe(true);
    expect(out(b)).toBe(false);
    expect(left(compileRuleSet(base(), { parameters: { noSuch: 1 } })).issues[0]).toMatchObject({ code: 'unknown_parameter' });
  });

  it('messages exist in nb, nn and en', () => {
    const f = base();
    f.rules[2].conditions.all[0].operator = 'nope';
    const [nb, nn, en] = (['nb', 'nn', 'en'] as const).map((l) => issues(f, l)[0]!.message);
    expect(new Set([nb, nn, en]).size).toBe(3);
    expect(nn).toContain('ikkje');
    expect(en).toContain('does not exist');
  });
});
