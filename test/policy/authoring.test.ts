import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition, RuleSetFile } from '../../src/policy/index.js';
import {
  builtinFacts,
  compareCodeLists,
  compareRuleSets,
  computeImpact,
  conditionProse,
  coverageNodes,
  createCoverage,
  createImpact,
  leafProse,
  locateJsonPath,
  parseJsonText,
  parseVectorFile,
  proseContext,
  runVectors,
} from '../../src/policy/index.js';
import { compileRuleSet, evaluate } from '../../src/index.js';
import { examplePerson, readJson, right, ruleSet } from '../support/helpers.js';

/* The pure parts of the policy-staff tools, through the public API. */

/** Offset of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/** Every path into a JSON value, with the value there. */
function paths(v: unknown, prefix: (string | number)[] = []): [(string | number)[], unknown][] {
  const out: [(string | number)[], unknown][] = [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push([[...prefix, i], x], ...paths(x, [...prefix, i])));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push([[...prefix, k], x], ...paths(x, [...prefix, k]));
  return out;
}

describe('locateJsonPath', () => {
  it('points at the key of an object member and the first character of an array element', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        for (const [segs, v] of paths(value)) {
          const loc = locateJsonPath(text, segs)!;
          expect(loc.matched).toBe(segs.length);
          const rest = text.slice(offsetOf(text, loc.line, loc.column));
          const last = segs[segs.length - 1]!;
          if (typeof last === 'number') expect(rest[0]).toBe(JSON.stringify(v)[0]);
          else expect(rest.startsWith(`${JSON.stringify(last)}:`)).toBe(true);
          if (typeof last === 'number' && indent === 0) expect(rest.startsWith(JSON.stringify(v))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stops at the deepest existing parent of a path that goes past the text', () => {
    const text = '{\n  "rules": [\n    { "id": "A" }\n  ]\n}';
    expect(locateJsonPath(text, ['rules', 0, 'source', 'section'])).toEqual({ offset: 19, line: 3, column: 5, matched: 2 });
    expect(locateJsonPath(text, ['nothing'])).toMatchObject({ line: 1, column: 1, matched: 0 });
    expect(locateJsonPath('{', ['x'])).toBeUndefined();
  });
});

describe('parseJsonText', () => {
  it('agrees with JSON.parse on what is JSON, and places every error inside the text', () => {
    const mutated = fc
      .tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', 'x', ':', '\n', '\\', '{', '[', '-'), fc.boolean())
      .map(([v, at, ch, replace]) => {
        const t = JSON.stringify(v, null, 1);
        const i = t.length === 0 ? 0 : at % t.length;
        return t.slice(0, i) + ch + t.slice(replace ? i + 1 : i);
      });
    fc.assert(
      fc.property(mutated, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const r = parseJsonText(text, 'en');
        expect(r._tag === 'Right').toBe(valid);
        if (r._tag === 'Left') {
          const d = r.left.issues[0]!.detail!;
          const lines = text.split('\n');
          expect(Number(d['line'])).toBeGreaterThanOrEqual(1);
          expect(Number(d['line'])).toBeLessThanOrEqual(lines.length);
          expect(Number(d['column'])).toBeLessThanOrEqual(lines[Number(d['line']) - 1]!.length + 1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('names the place and the reason in each language, never the text', () => {
    const text = '{\n  "a": 1,\n  "b": secret\n}';
    const nb = parseJsonText(text, 'nb');
    const en = parseJsonText(text, 'en');
    expect(nb._tag === 'Left' && nb.left.issues[0]!.message).toBe('Ugyldig JSON på linje 3, kolonne 8: uventet tegn.');
    expect(en._tag === 'Left' && en.left.issues[0]!.message).toBe('Invalid JSON at line 3, column 8: unexpected character.');
    const nn = parseJsonText('[1, 2,]', 'nn');
    expect(nn._tag === 'Left' && nn.left.issues[0]!.message).toBe(
      'Ugyldig JSON på linje 1, kolonne 7: komma før slutten er ikkje tillate.',
    );
  });
});

describe('conditions in prose', () => {
  const rs = ruleSet('identification');
  const ctx = proseContext(rs, builtinFacts());

  it('names fact labels, operator labels, windows and parameters with their values', () => {
    const unplanned = rs.namedConditions['unplannedCare'] as { any: Condition[] };
    const any = rs.namedConditions['anyTrigger'] as { any: Condition[] };
    expect(leafProse(unplanned.any[0] as never, ctx, 'nb')).toBe(
      'antall akutte innleggelser siste 12 måneder er minst 2 (parameteren unplannedCareAdmissions)',
    );
    expect(leafProse(unplanned.any[0] as never, ctx, 'nn')).toBe(
      'talet på akutte innleggingar siste 12 månader er minst 2 (parameteren unplannedCareAdmissions)',
    );
    expect(leafProse(any.any[1] as never, ctx, 'en')).toBe('both physical and mental conditions: yes');
  });

  it('shows code lists by title and facts compared with facts by label', () => {
    const c = right(
      compileRuleSet({
        ...(readJson('rules/identification.json') as object),
        rules: [
          {
            ...(readJson('rules/identification.json') as RuleSetFile).rules[0],
            conditions: {
              all: [
                { fact: 'activeDiagnoses', operator: 'inCodeList', value: 'social-problems' },
                { not: { fact: 'asOf', operator: 'dateAfter', value: { fact: 'asOf' } } },
              ],
            },
          },
        ],
      }),
    );
    const tree = conditionProse(c.file.rules[0]!.conditions, proseContext(c, builtinFacts()), 'nb');
    expect(tree).toEqual({
      text: 'alle disse er oppfylt:',
      children: [
        { text: 'aktive diagnoser har en kode i kodelisten «Sosiale problemer (ICPC-2 Z)» (kodelisten social-problems)', children: [] },
        { text: 'dette er ikke oppfylt:', children: [{ text: 'vurderingsdatoen er etter vurderingsdatoen', children: [] }] },
      ],
    });
  });

  it('expands named conditions under their name', () => {
    const tree = conditionProse({ condition: 'multimorbidity' }, ctx, 'en');
    expect(tree).toEqual({ text: '«multimorbidity»: number of long-term conditions is at least 2', children: [] });
  });

  it('reads a single-child all or any as its child, at any depth; two children keep their heading', () => {
    const age = { fact: 'age', operator: 'greaterThanInclusive', value: 65 };
    const frail = { fact: 'frail', operator: 'equal', value: true };
    const leaf = { text: 'age is at least 65', children: [] };
    expect(conditionProse({ all: [age] }, ctx, 'en')).toEqual(leaf);
    expect(conditionProse({ any: [{ all: [age] }] }, ctx, 'en')).toEqual(leaf);
    expect(conditionProse({ not: { all: [age] } }, ctx, 'en')).toEqual({ text: 'this does not hold:', children: [leaf] });
    expect(conditionProse({ all: [{ any: [age, frail] }] }, ctx, 'en')).toEqual({
      text: 'at least one of these holds:',
      children: [leaf, { text: 'frailty (screening): yes', children: [] }],
    });
    expect(conditionProse({ all: [age, frail] }, ctx, 'nb').text).toBe('alle disse er oppfylt:');
  });
});

/** The node a condition stands for once single-child all/any wrappers are seen through, with its path. */
function unwrapped(c: Condition, path: string): { c: Condition; path: string } {
  if ('all' in c && c.all.length === 1) return unwrapped(c.all[0]!, `${path}.all[0]`);
  if ('any' in c && c.any.length === 1) return unwrapped(c.any[0]!, `${path}.any[0]`);
  return { c, path };
}

describe('condition coverage', () => {
  const rs = ruleSet('identification');
  const vf = right(parseVectorFile(readJson('rules/identification.test.json')));
  const results = runVectors(rs, vf);

  it('sees each rule’s top condition exactly as the decisions saw the rule', () => {
    const cov = createCoverage(rs.file);
    for (const r of results) cov.add(r.decision!.trace!);
    const entries = new Map(cov.entries().map((e) => [e.path, e]));
    rs.file.rules.forEach((rule, i) => {
      const top = unwrapped(rule.conditions, `rules[${i}].conditions`);
      const e = entries.get(top.path);
      if (!e) {
        // A rule that is only a reference to a named condition has no node of its own.
        expect('condition' in top.c).toBe(true);
        return;
      }
      const tally = (o: boolean | 'unknown') =>
        results.filter((r) => r.decision!.outcomes.find((x) => x.ruleId === rule.id)!.outcome === o).length;
      expect([e.seenTrue, e.seenFalse, e.seenUnknown]).toEqual([tally(true), tally(false), tally('unknown')]);
    });
  });

  it('counts a named condition once per rule that uses it, per vector', () => {
    const cov = createCoverage(rs.file);
    for (const r of results) cov.add(r.decision!.trace!);
    // The rules that reach the named condition, directly or through other named conditions (each once).
    const reaches = (c: unknown): boolean => {
      const s = JSON.stringify(c);
      if (s.includes('"condition":"multimorbidity"')) return true;
      return [...s.matchAll(/"condition":"([A-Za-z0-9-]+)"/g)].some((m) => reaches(rs.namedConditions[m[1]!]));
    };
    const uses = rs.file.rules.filter((r) => reaches(r.conditions)).length;
    expect(uses).toBeGreaterThan(1);
    const top = unwrapped(rs.namedConditions['multimorbidity']!, 'conditions.multimorbidity');
    const e = cov.entries().find((x) => x.path === top.path)!;
    expect(e.seenTrue + e.seenFalse + e.seenUnknown).toBe(uses * results.length);
  });

  it('lists every node of the file, and nothing is seen before a trace is added', () => {
    const nodes = coverageNodes(rs.file);
    expect(new Set(nodes.map((n) => n.path)).size).toBe(nodes.length);
    expect(
      createCoverage(rs.file)
        .entries()
        .every((e) => e.seenTrue + e.seenFalse + e.seenUnknown === 0),
    ).toBe(true);
  });

  it('sees through a single-child all or any: the wrapper is no node, its child is counted as the rule', () => {
    const file = structuredClone(readJson('rules/identification.json')) as RuleSetFile;
    file.rules = [
      { ...file.rules[0]!, id: 'R-ONE', conditions: { all: [{ any: [{ fact: 'age', operator: 'greaterThanInclusive', value: 65 }] }] } },
      {
        ...file.rules[0]!,
        id: 'R-TWO',
        conditions: {
          all: [
            { fact: 'age', operator: 'greaterThanInclusive', value: 65 },
            { not: { all: [{ fact: 'frail', operator: 'equal', value: true }] } },
          ],
        },
      },
    ];
    delete file.conditions;
    const rs1 = right(compileRuleSet(file));
    expect(coverageNodes(file).map((n) => n.path)).toEqual([
      'rules[0].conditions.all[0].any[0]',
      'rules[1].conditions',
      'rules[1].conditions.all[0]',
      'rules[1].conditions.all[1]',
      'rules[1].conditions.all[1].not.all[0]',
    ]);
    const cov = createCoverage(file);
    const persons = [{ birthDate: '1940-01-01' }, { birthDate: '2000-01-01' }, {}];
    const decisions = persons.map((p) => right(evaluate(rs1, p, { asOf: '2026-06-01', trace: 'full' })));
    for (const d of decisions) cov.add(d.trace!);
    const e = cov.entries().find((x) => x.path === 'rules[0].conditions.all[0].any[0]')!;
    const outcomes = decisions.map((d) => d.outcomes.find((o) => o.ruleId === 'R-ONE')!.outcome);
    expect([e.seenTrue, e.seenFalse, e.seenUnknown]).toEqual([
      outcomes.filter((o) => o === true).length,
      outcomes.filter((o) => o === false).length,
      outcomes.filter((o) => o === 'unknown').length,
    ]);
    expect([e.seenTrue, e.seenFalse, e.seenUnknown]).toEqual([1, 1, 1]);
  });
});

describe('rule-set changes', () => {
  const file = readJson('rules/identification.json') as RuleSetFile;

  it('finds nothing between a file and itself', () => {
    const c = right(compareRuleSets(file, structuredClone(file)));
    expect(c).toMatchObject({ status: 'unchanged', fields: [], parameters: [], conditions: [], rules: [] });
  });

  it('names changed parameters, rules, fields and languages, and added and removed rules', () => {
    const next = structuredClone(file);
    next.version = '1.1.0';
    next.parameters!['highRiskCutOff']!.value = 12;
    next.rules[1]!.text.nn = 'Endra.';
    next.rules[2]!.severity = 'critical';
    const removed = next.rules.splice(3, 1)[0]!;
    next.rules.push({ ...next.rules[0]!, id: 'ID-NEW' });
    const c = right(compareRuleSets(file, next));
    expect(c.status).toBe('changed');
    expect(c.parameters).toEqual([{ name: 'highRiskCutOff', status: 'changed', before: 10, after: 12, fields: [] }]);
    expect(c.rules.map((r) => [r.id, r.status, r.fields])).toEqual([
      [file.rules[1]!.id, 'changed', ['text.nn']],
      [file.rules[2]!.id, 'changed', ['severity']],
      ['ID-NEW', 'added', []],
      [removed.id, 'removed', []],
    ]);
  });

  it('lists codes added to and removed from a code list', () => {
    const list = readJson('rules/code-lists/social-problems.json') as Parameters<typeof compareCodeLists>[0] & object;
    const next = structuredClone(list);
    next.entries = [...next.entries.slice(1), { system: 'ICPC-2', code: 'Z30' }];
    const c = right(compareCodeLists(list, next));
    expect(c).toMatchObject({
      status: 'changed',
      added: ['ICPC-2 Z30'],
      removed: [`ICPC-2 ${list.entries[0]!.code} [social-problem]`],
      fields: [],
    });
  });
});

describe('impact of a change on a cohort', () => {
  const persons = ['klara', 'morten', 'kasper', 'nora'].map((n) => ({ ref: n, person: examplePerson(n) }));
  const asOf = '2026-11-23';
  const base = ruleSet('identification');
  const file = readJson('rules/identification.json');

  it('is empty when nothing changed', () => {
    const r = computeImpact([{ id: 'identification', before: base, after: base }], persons, { asOf });
    expect(r).toMatchObject({ persons: 4, changed: 0, byRule: [], tiers: [], invalid: 0 });
  });

  it('counts exactly the persons whose tier moves when the high cut-off moves', () => {
    const points = new Map(persons.map((p) => [p.ref, right(evaluate(base, p.person, { asOf })).score!.points]));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), (cut) => {
        const next = right(compileRuleSet(file, { parameters: { highRiskCutOff: cut, moderateRiskCutOff: Math.min(5, cut) } }));
        const r = computeImpact([{ id: 'identification', before: base, after: next }], persons, { asOf });
        const wasHigh = (p: number) => p >= 10;
        const isHigh = (p: number) => p >= cut;
        const moved = [...points.entries()].filter(([, p]) => wasHigh(p) !== isHigh(p)).map(([ref]) => ref);
        const reported = r.tiers.flatMap((t) => t.transitions.filter((x) => (x.from === 'high') !== (x.to === 'high')));
        expect(reported.reduce((n, x) => n + x.count, 0)).toBe(moved.length);
        expect(r.changed).toBe(moved.length);
      }),
      { numRuns: 30 },
    );
  });

  it('reports invalid persons by reference and issue code, and refuses a date outside validity', () => {
    const r = computeImpact(
      [{ id: 'identification', before: base, after: base }],
      [{ ref: 'line 9', person: { birthDate: 'not a date' } }],
      { asOf },
    );
    expect(r.invalidExamples).toEqual([{ ref: 'line 9', issues: [{ path: 'birthDate', code: 'birth_date' }] }]);
    expect(() => createImpact([{ id: 'identification', before: base }], { asOf: '2025-01-01' })).toThrow(RangeError);
  });
});
