import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS, compileRuleSet, evaluateFacts, parsePerson } from '../../src/index.js';
import { compileCodeLists, parseVectorFile } from '../../src/policy/index.js';
import type { Condition } from '../../src/policy/index.js';
import { TEST_FACTS, ruleSetOf } from '../support/arbitraries.js';
import { ROOT, left, readJson, right, ruleSet } from '../support/helpers.js';
import { nest } from './hostile.js';

/*
 * Every size limit is enforced at its boundary with a clear, located error (issue 8): the limit
 * itself is accepted, one more is refused with `too_big`, `too_deep` or `key_too_long` at the right
 * path. A last test keeps SECURITY.md's table of limits in step with LIMITS.
 */
const AS_OF = '2026-06-01';
const codes = (e: { issues: readonly { code: string }[] }) => e.issues.map((i) => i.code);
const personIssues = (p: unknown) => {
  const r = parsePerson(p);
  return r._tag === 'Left' ? r.left.issues : [];
};
const t = { nb: 't', nn: 't', en: 't' };

describe('size limits', () => {
  it.each([
    ['diagnoses', LIMITS.diagnoses, () => ({ system: 'ICPC-2', code: 'K77' })],
    ['encounters', LIMITS.encounters, () => ({ type: 'gp-consultation', date: '2026-01-01' })],
    ['medications', LIMITS.medications, () => ({ atc: 'C07AB02', regimen: 'regular' })],
    ['municipalServices', LIMITS.listItems, () => ({ type: 'home-nursing' })],
  ] as [string, number, () => unknown][])('person list %s: %i items pass, one more is too_big', (field, max, item) => {
    right(parsePerson({ [field]: Array.from({ length: max }, item) }));
    expect(personIssues({ [field]: Array.from({ length: max + 1 }, item) })).toMatchObject([{ code: 'too_big', path: field }]);
  });

  it('free text: textLength characters pass, one more is too_big', () => {
    right(parsePerson({ whatMatters: [{ text: 'x'.repeat(LIMITS.textLength), date: AS_OF }] }));
    expect(personIssues({ whatMatters: [{ text: 'x'.repeat(LIMITS.textLength + 1), date: AS_OF }] })).toMatchObject([
      { code: 'too_big', path: 'whatMatters[0].text' },
    ]);
  });

  it('condition depth: conditionDepth levels compile, one more is too_deep', () => {
    const chain = (nots: number): Condition => {
      let c: Condition = { fact: 'b0', operator: 'equal', value: true };
      for (let i = 0; i < nots; i++) c = { not: c };
      return c;
    };
    // The root `not` is level 1 and the leaf is one level below the innermost `not`.
    right(compileRuleSet(ruleSetOf([chain(LIMITS.conditionDepth - 1)]), { extraFacts: TEST_FACTS }));
    expect(codes(left(compileRuleSet(ruleSetOf([chain(LIMITS.conditionDepth)]), { extraFacts: TEST_FACTS })))).toContain('too_deep');
  });

  it('conditions per rule set: conditionsPerRuleSet leaves compile, one more is too_big', () => {
    const leaf: Condition = { fact: 'b0', operator: 'equal', value: true };
    const rules = (n: number) => {
      const out: Condition[] = [];
      for (let left = n; left > 0; left -= 500) out.push({ all: Array.from({ length: Math.min(500, left) }, () => leaf) });
      return out;
    };
    right(compileRuleSet(ruleSetOf(rules(LIMITS.conditionsPerRuleSet)), { extraFacts: TEST_FACTS }));
    expect(codes(left(compileRuleSet(ruleSetOf(rules(LIMITS.conditionsPerRuleSet + 1)), { extraFacts: TEST_FACTS })))).toEqual(['too_big']);
  });

  it('rules per rule set: rulesPerRuleSet rules compile, one more is too_big', () => {
    const many = (n: number) => ruleSetOf(Array.from({ length: n }, () => ({ all: [{ fact: 'b0', operator: 'equal', value: true }] })));
    right(compileRuleSet(many(LIMITS.rulesPerRuleSet), { extraFacts: TEST_FACTS }));
    expect(left(compileRuleSet(many(LIMITS.rulesPerRuleSet + 1), { extraFacts: TEST_FACTS })).issues).toMatchObject([
      { code: 'too_big', path: 'rules' },
    ]);
  });

  it('input depth: inputDepth nested arrays and objects pass the pre-check, one more is too_deep at its path', () => {
    // The person object is the first level.
    expect(codes({ issues: personIssues({ x: nest(LIMITS.inputDepth - 1, 'array') }) })).toEqual(['unknown_key']);
    const deep = personIssues({ x: nest(LIMITS.inputDepth, 'array') });
    expect(deep).toMatchObject([{ code: 'too_deep', path: `x${'[0]'.repeat(LIMITS.inputDepth - 1)}` }]);
  });

  it('input values: inputValues values pass, one more is too_big at the root', () => {
    const rs = ruleSet('identification');
    // The facts object and the array are two values.
    right(evaluateFacts(rs, { age: new Array(LIMITS.inputValues - 2).fill(0) }, { asOf: AS_OF, trace: 'none' }));
    expect(left(evaluateFacts(rs, { age: new Array(LIMITS.inputValues - 1).fill(0) }, { asOf: AS_OF })).issues).toMatchObject([
      { code: 'too_big' },
    ]);
  });

  it('string length in a rule file: stringLength characters pass, one more is too_big at its path', () => {
    right(
      compileRuleSet(
        { ...ruleSetOf([{ all: [{ fact: 'b0', operator: 'equal', value: true }] }]), title: { ...t, nb: 'x'.repeat(LIMITS.stringLength) } },
        { extraFacts: TEST_FACTS },
      ),
    );
    const e = left(
      compileRuleSet(
        {
          ...ruleSetOf([{ all: [{ fact: 'b0', operator: 'equal', value: true }] }]),
          title: { ...t, nb: 'x'.repeat(LIMITS.stringLength + 1) },
        },
        { extraFacts: TEST_FACTS },
      ),
    );
    expect(e.issues).toMatchObject([{ code: 'too_big', path: 'title.nb', detail: { maximum: LIMITS.stringLength } }]);
  });

  it('key length: keyLength characters pass, one more is key_too_long at the parent, without the key', () => {
    expect(personIssues({ ['k'.repeat(LIMITS.keyLength)]: 1 })).toMatchObject([{ code: 'unknown_key' }]);
    const long = 'k'.repeat(LIMITS.keyLength + 1);
    const issues = personIssues({ social: { [long]: 1 } });
    expect(issues).toMatchObject([{ code: 'key_too_long', path: 'social' }]);
    expect(JSON.stringify(issues)).not.toContain(long);
  });

  it('vectors per file: vectorsPerFile vectors parse, one more is too_big', () => {
    const file = (n: number) => ({
      ruleSet: 'identification',
      vectors: Array.from({ length: n }, (_, i) => ({ name: `v${i}`, asOf: AS_OF, facts: {}, expect: {} })),
    });
    right(parseVectorFile(file(LIMITS.vectorsPerFile)));
    expect(left(parseVectorFile(file(LIMITS.vectorsPerFile + 1))).issues).toMatchObject([{ code: 'too_big', path: 'vectors' }]);
  });

  it('code-list entries and index keys: the limits pass, one more is too_big', () => {
    const base = readJson('rules/code-lists/chronic-conditions.json') as Record<string, unknown>;
    const entries = (n: number) => ({
      ...base,
      entries: Array.from({ length: n }, (_, i) => ({ system: 'ICD-10', code: `A${String(i % 100).padStart(2, '0')}` })),
    });
    right(compileCodeLists([entries(LIMITS.codeListEntries)]));
    expect(left(compileCodeLists([entries(LIMITS.codeListEntries + 1)])).issues).toMatchObject([
      { code: 'too_big', path: 'codeLists[0].entries' },
    ]);
    // A00-Z99 expands to 26 × 100 keys; so many of them, plus single codes, reach exactly the limit.
    const wide = Math.floor(LIMITS.codeListIndexKeys / 2600);
    const ranges = (extra: number) => ({
      ...base,
      entries: [
        ...Array.from({ length: wide }, () => ({ system: 'ICD-10', code: 'A00-Z99' })),
        ...Array.from({ length: LIMITS.codeListIndexKeys - wide * 2600 + extra }, () => ({ system: 'ICD-10', code: 'K77' })),
      ],
    });
    right(compileCodeLists([ranges(0)]));
    expect(left(compileCodeLists([ranges(1)])).issues).toMatchObject([{ code: 'too_big', path: 'codeLists[0].entries' }]);
  });

  it('issues per error: at most `issues`, then one too_many_issues', () => {
    const e = left(parsePerson({ encounters: Array.from({ length: LIMITS.issues * 3 }, () => ({ type: 'x', date: 'y' })) }));
    expect(e.issues).toHaveLength(LIMITS.issues + 1);
    expect(e.issues.at(-1)).toMatchObject({ code: 'too_many_issues', detail: { maximum: LIMITS.issues } });
    expect(
      left(parsePerson({ encounters: Array.from({ length: LIMITS.issues / 2 }, () => ({ type: 'x', date: '2026-01-01' })) })).issues,
    ).toHaveLength(LIMITS.issues / 2);
  });

  it("the concepts page's safety section shows every limit's value", () => {
    const readme = readFileSync(`${ROOT}docs/concepts.md`, 'utf8');
    const section = readme
      .slice(readme.indexOf('## Safety and limits'), readme.indexOf('\n## ', readme.indexOf('## Safety and limits') + 5))
      .replace(/(\d),(?=\d{3}\b)/g, '$1');
    for (const [key, value] of Object.entries(LIMITS))
      expect(section, `README security section lacks ${key} = ${value}`).toMatch(new RegExp(`\\b${value}\\b`));
  });

  it('SECURITY.md documents every limit with its value', () => {
    const doc = readFileSync(`${ROOT}SECURITY.md`, 'utf8')
      .split('\n')
      .map((l) => l.replace(/(\d)[ ,_ ](?=\d{3}\b)/g, '$1'));
    for (const [key, value] of Object.entries(LIMITS)) {
      const line = doc.find((l) => l.startsWith('|') && l.includes(`\`${key}\``));
      expect(line, `SECURITY.md has no line for LIMITS.${key}`).toBeDefined();
      expect(line, `SECURITY.md gives another value for LIMITS.${key}`).toMatch(new RegExp(`\\b${value}\\b`));
    }
  });
});
