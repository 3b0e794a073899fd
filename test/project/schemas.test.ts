import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CodeListFile, RuleSetFile, TestVectorFile } from '../../src/policy/index.js';
import { parsePerson } from '../../src/index.js';
import { PathwayEvent } from '../../src/pathway/index.js';
import { renderSchemas } from '../../scripts/schemas.js';
import { ROOT, readJson } from '../support/helpers.js';

/*
 * The published JSON Schemas are what policy staff's editors check rule files with, and what hosts
 * may validate a person or a pathway event with before calling us. They are generated from the zod
 * schemas (`npm run schemas`); that the committed files are the generated ones is a drift check and
 * says nothing about whether they are right. So a JSON Schema validator (ajv, draft 2020-12) checks
 * them on their own: every committed rule, vector and code-list file and every example person is
 * accepted, and hand-written documents with one known fault each are refused, by the schema and by
 * the library alike.
 */

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false, logger: false });
const validator = (file: string) => ajv.compile(JSON.parse(readFileSync(`${ROOT}schemas/${file}`, 'utf8')) as object);
const ruleSetSchema = validator('rule-set.schema.json');
const vectorSchema = validator('rule-tests.schema.json');
const codeListSchema = validator('code-list.schema.json');
const personSchema = validator('person.schema.json');
const eventSchema = validator('pathway-event.schema.json');

const jsonIn = (dir: string) => readdirSync(ROOT + dir).filter((f) => f.endsWith('.json'));

describe('JSON Schemas', () => {
  it('the committed schemas are the ones generated from the current zod schemas (drift check; run `npm run schemas`)', () => {
    for (const [file, text] of Object.entries(renderSchemas())) expect(readFileSync(`${ROOT}schemas/${file}`, 'utf8'), file).toBe(text);
  });

  it('every rule, code-list and vector file points to its schema', () => {
    const expectFor = (f: string) => (f.endsWith('.test.json') ? '../schemas/rule-tests.schema.json' : '../schemas/rule-set.schema.json');
    for (const f of jsonIn('rules')) {
      expect((JSON.parse(readFileSync(`${ROOT}rules/${f}`, 'utf8')) as { $schema?: string }).$schema, f).toBe(expectFor(f));
    }
    for (const f of readdirSync(ROOT + 'rules/code-lists')) {
      expect((JSON.parse(readFileSync(`${ROOT}rules/code-lists/${f}`, 'utf8')) as { $schema?: string }).$schema, f).toBe(
        '../../schemas/code-list.schema.json',
      );
    }
  });

  it('accepts every committed rule set, vector file, code list and example person', () => {
    for (const f of jsonIn('rules')) {
      const check = f.endsWith('.test.json') ? vectorSchema : ruleSetSchema;
      expect(check(readJson(`rules/${f}`)), `${f}: ${JSON.stringify(check.errors?.slice(0, 3))}`).toBe(true);
    }
    for (const f of jsonIn('rules/code-lists')) expect(codeListSchema(readJson(`rules/code-lists/${f}`)), f).toBe(true);
    for (const f of jsonIn('examples/persons'))
      expect(personSchema(readJson(`examples/persons/${f}`)), `${f}: ${JSON.stringify(personSchema.errors?.slice(0, 3))}`).toBe(true);
  });

  const text = { nb: 't', nn: 't', en: 't' };
  const rule = {
    id: 'R-1',
    title: text,
    text,
    source: { document: 'd', section: 's' },
    evidence: 'found',
    severity: 'info',
    conditions: { all: [{ fact: 'age', operator: 'greaterThan', value: 1 }] },
    event: { type: 'finding' },
  };
  const ruleSet = { id: 'sample', version: '1.0.0', validFrom: '2026-01-01', title: text, rules: [rule] };
  const without = <T extends Record<string, unknown>>(o: T, key: keyof T) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

  // [what is wrong, the document]: each is a rule set with exactly one fault.
  const badRuleSets: [string, unknown][] = [
    ['no rules', without(ruleSet, 'rules')],
    ['no version', without(ruleSet, 'version')],
    ['a version that is not semantic', { ...ruleSet, version: 'one' }],
    ['an id with capitals', { ...ruleSet, id: 'Sample' }],
    ['a rule without a source', { ...ruleSet, rules: [without(rule, 'source')] }],
    ['a rule without its English title', { ...ruleSet, rules: [{ ...rule, title: { nb: 't', nn: 't' } }] }],
    ['evidence that is neither found nor inferred', { ...ruleSet, rules: [{ ...rule, evidence: 'guessed' }] }],
    ['an unknown severity', { ...ruleSet, rules: [{ ...rule, severity: 'urgent' }] }],
    ['a key the format does not have', { ...ruleSet, owner: 'someone' }],
    [
      'a condition node with neither all, any, not, a fact nor a named condition',
      { ...ruleSet, rules: [{ ...rule, conditions: { all: [{ operator: 'equal', value: 1 }] } }] },
    ],
    ['conditions that are a list', { ...ruleSet, rules: [{ ...rule, conditions: [] }] }],
  ];

  it.each(badRuleSets)('refuses a rule set with %s, as the library does', (_what, doc) => {
    expect(ruleSetSchema(doc)).toBe(false);
    expect(RuleSetFile.safeParse(doc).success).toBe(false);
  });

  it('accepts the sample rule set the bad ones are made from, as the library does', () => {
    expect(ruleSetSchema(ruleSet)).toBe(true);
    expect(RuleSetFile.safeParse(ruleSet).success).toBe(true);
  });

  const badPersons: [string, unknown][] = [
    ['a birth date that is not a date', { birthDate: '1. mars 1951' }],
    ['a diagnosis without a system', { diagnoses: [{ code: 'K77' }] }],
    ['a medication regimen that does not exist', { medications: [{ atc: 'C09AA05', regimen: 'sometimes' }] }],
    ['an IPLOS score of 6', { iplos: [{ variable: 'adl', score: 6, date: '2026-01-01' }] }],
    ['a consent given by a neighbour', { consents: [{ scope: 'team', givenBy: 'neighbour', date: '2026-01-01' }] }],
    ['an encounter of an unknown type', { encounters: [{ type: 'visit', date: '2026-01-01' }] }],
    ['a key the record does not have', { birthdate: '1951-03-01' }],
    ['a negative length of stay', { encounters: [{ type: 'elective-admission', date: '2026-01-01', lengthOfStayDays: -1 }] }],
  ];

  it.each(badPersons)('refuses a person with %s, as the library does', (_what, doc) => {
    expect(personSchema(doc)).toBe(false);
    expect(parsePerson(doc)._tag).toBe('Left');
  });

  it('refuses a code list without entries and a vector file without vectors, as the library does', () => {
    const list = readJson('rules/code-lists/social-problems.json') as Record<string, unknown>;
    expect(codeListSchema(without(list, 'entries'))).toBe(false);
    expect(CodeListFile.safeParse(without(list, 'entries')).success).toBe(false);
    const vectors = readJson('rules/plan.test.json') as Record<string, unknown>;
    expect(vectorSchema(without(vectors, 'vectors'))).toBe(false);
    expect(TestVectorFile.safeParse(without(vectors, 'vectors')).success).toBe(false);
  });

  it('accepts a pathway event and refuses one of an unknown type, as the library does', () => {
    const ok = { type: 'RECORD_CONSENT', consent: { scope: 'team', givenBy: 'person', date: '2026-01-01' } };
    expect(eventSchema(ok)).toBe(true);
    expect(PathwayEvent.safeParse(ok).success).toBe(true);
    expect(eventSchema({ type: 'TELEPORT' })).toBe(false);
    expect(PathwayEvent.safeParse({ type: 'TELEPORT' }).success).toBe(false);
  });
});
