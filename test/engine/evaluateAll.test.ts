import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledCodeLists } from '../../src/policy/index.js';
import { bundledRuleSetIds, evaluate, evaluateAll, loadBundledRuleSet } from '../../src/index.js';
import { generateCohort } from '../../src/population/index.js';
import type { CompiledRuleSet, EvaluateOptions } from '../../src/index.js';
import { examplePerson, left, right } from '../support/helpers.js';

/*
 * evaluateAll is the chart-opening call: one validation, every rule set, shared fact work. Its
 * promise is that each decision is exactly what evaluate gives for that rule set alone.
 */

const AS_OF = '2026-11-23';
const sets: CompiledRuleSet[] = bundledRuleSetIds().map((id) => right(loadBundledRuleSet(id)));
const persons = [...['klara', 'morten', 'kasper', 'nora'].map(examplePerson), ...generateCohort({ seed: 21, size: 60, asOf: AS_OF })];

describe('evaluateAll', () => {
  it('gives, for every rule set, the decision evaluate gives alone, byte for byte', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...persons),
        fc.constantFrom('full', 'redacted', 'none') as fc.Arbitrary<'full' | 'redacted' | 'none'>,
        fc.constantFrom('nb', 'nn', 'en') as fc.Arbitrary<'nb' | 'nn' | 'en'>,
        fc.shuffledSubarray(sets, { minLength: 1 }),
        (person, trace, lang, chosen) => {
          const options: EvaluateOptions = { asOf: AS_OF, trace, lang };
          const all = right(evaluateAll(chosen, person, options));
          expect(all).toHaveLength(chosen.length);
          expect(JSON.stringify(all)).toBe(JSON.stringify(chosen.map((rs) => right(evaluate(rs, person, options)))));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('returns an empty list for no rule sets, and still checks the person and the options', () => {
    expect(right(evaluateAll([], examplePerson('klara'), { asOf: AS_OF }))).toEqual([]);
    expect(left(evaluateAll([], { birthDate: 'never' }, { asOf: AS_OF }))._tag).toBe('InvalidPerson');
    expect(left(evaluateAll([], examplePerson('klara'), null as never)).issues[0]!.path).toBe('asOf');
  });

  it('names the bad argument: not a list, not a compiled rule set, a date outside a rule set’s validity', () => {
    const p = examplePerson('klara');
    const notList = left(evaluateAll({} as never, p, { asOf: AS_OF, lang: 'en' }));
    expect(notList._tag).toBe('InvalidOptions');
    expect(notList.issues[0]!.path).toBe('ruleSets');
    const notCompiled = left(evaluateAll([sets[0]!, { id: 'x' } as never], p, { asOf: AS_OF }));
    expect(notCompiled.issues[0]!.path).toBe('ruleSets[1]');
    const tooEarly = left(evaluateAll(sets, p, { asOf: '1999-01-01' }));
    expect(tooEarly.issues[0]!.code).toBe('not_valid_now');
  });

  it('hands out decisions whose shared parts cannot be changed to alter the next decision', () => {
    const p = examplePerson('klara');
    const first = right(evaluateAll(sets, p, { asOf: AS_OF }));
    const before = JSON.stringify(first);
    const rule = first[0]!.trace![0]!;
    expect(() => {
      (rule as { outcome: unknown }).outcome = 'tampered';
    }).toThrow(TypeError);
    expect(() => {
      (first[0]!.outcomes[0] as { outcome: unknown }).outcome = 'tampered';
    }).toThrow(TypeError);
    expect(JSON.stringify(right(evaluateAll(sets, p, { asOf: AS_OF })))).toBe(before);
  });

  it('keeps apart a fact that two rule sets read through different code lists', () => {
    // The same fact (longTermConditions) over another version of chronic-conditions: shared work
    // must be keyed by the code list too, or the second rule set would see the first one's count.
    const files = [...bundledCodeLists().values()].map((l) => l.file);
    const narrowed = files.map((f) =>
      f.id === 'chronic-conditions'
        ? { ...f, version: '0.0.1-test', entries: f.entries.filter((e) => e.code !== 'K86' && e.code !== 'I10') }
        : f,
    );
    const standard = right(loadBundledRuleSet('identification'));
    const narrow = right(loadBundledRuleSet('identification', { codeLists: narrowed }));
    const person = {
      id: 'p1',
      birthDate: '1950-01-01',
      diagnoses: [
        { system: 'ICPC-2', code: 'K86' },
        { system: 'ICPC-2', code: 'T90' },
      ],
    };
    const ltc = (d: { trace?: readonly { conditions: unknown }[] }): unknown =>
      JSON.stringify(d.trace).match(/"fact":"longTermConditions"[^}]*"factValue":(\d+)/)?.[1];
    for (const order of [
      [standard, narrow],
      [narrow, standard],
    ]) {
      const all = right(evaluateAll(order, person, { asOf: AS_OF }));
      expect(JSON.stringify(all)).toBe(JSON.stringify(order.map((rs) => right(evaluate(rs, person, { asOf: AS_OF })))));
    }
    const [a, b] = right(evaluateAll([standard, narrow], person, { asOf: AS_OF }));
    expect(ltc(a!)).toBe('2');
    expect(ltc(b!)).toBe('1');
  });
});
