import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledRuleSet, EvaluateOptions } from '../../src/index.js';
import {
  bundledRuleSetIds,
  compileRuleSet,
  evaluate,
  evaluateAll,
  evaluateFacts,
  loadBundledRuleSet,
  parsePerson,
} from '../../src/index.js';
import type { Condition } from '../../src/policy/index.js';
import { generateCohort } from '../../src/population/index.js';
import { TEST_FACTS, completeFacts, condition, ruleSetOf } from '../support/arbitraries.js';
import { examplePerson, left, right } from '../support/helpers.js';

/*
 * The engine's two speed mechanisms each have an off switch (docs/architecture.md): `shareTraces:
 * false` builds every trace for its call, `fastParse: false` validates a person with zod alone. With
 * either switch in either position the answer is the same, byte for byte; the switch only changes
 * how fast it comes. These properties hold the switched-on path equal to the plain one on a rule set
 * that has already decided many other persons, so that whatever the mechanism kept is in play.
 */

const AS_OF = '2026-11-23';
const sets: CompiledRuleSet[] = bundledRuleSetIds().map((id) => right(loadBundledRuleSet(id)));
// One person with dated falls, which the synthetic cohort does not make.
const persons = [
  ...['klara', 'morten', 'kasper', 'nora'].map(examplePerson),
  { ...examplePerson('klara'), falls: [{ date: '2026-03-10' }, { date: '2025-09-01' }] },
  ...generateCohort({ seed: 33, size: 80, asOf: AS_OF }),
];
const modes = fc.constantFrom('full', 'redacted', 'none') as fc.Arbitrary<'full' | 'redacted' | 'none'>;
const langs = fc.constantFrom('nb', 'nn', 'en') as fc.Arbitrary<'nb' | 'nn' | 'en'>;

describe('shareTraces: false', () => {
  it('gives the decision the shared path gives, on the bundled rule sets, warm, for any person', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...persons), { minLength: 1, maxLength: 12 }), modes, langs, (chosen, trace, lang) => {
        for (const person of chosen) {
          const shared: EvaluateOptions = { asOf: AS_OF, trace, lang };
          const plain: EvaluateOptions = { ...shared, shareTraces: false };
          expect(JSON.stringify(right(evaluateAll(sets, person, plain)))).toBe(JSON.stringify(right(evaluateAll(sets, person, shared))));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives the decision the shared path gives, on any rule set and plain fact values, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(condition, { minLength: 1, maxLength: 4 }),
        fc.array(completeFacts, { minLength: 2, maxLength: 25 }),
        modes,
        (conds, people, trace) => {
          const rs = right(compileRuleSet(ruleSetOf(conds as Condition[]), { extraFacts: TEST_FACTS }));
          for (const f of people) {
            const facts = f as Record<string, unknown>;
            const plain = JSON.stringify(right(evaluateFacts(rs, facts, { asOf: AS_OF, trace, shareTraces: false })));
            expect(JSON.stringify(right(evaluateFacts(rs, facts, { asOf: AS_OF, trace })))).toBe(plain);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('really builds each trace for its call (the switch is not a no-op), where sharing hands out the same one', () => {
    const team = sets.find((s) => s.id === 'team')!;
    const person = examplePerson('klara');
    const traceOf = (o: EvaluateOptions) => right(evaluate(team, person, o)).trace![0]!;
    const on: EvaluateOptions = { asOf: AS_OF };
    const off: EvaluateOptions = { asOf: AS_OF, shareTraces: false };
    expect(traceOf(on)).toBe(traceOf(on));
    expect(traceOf(off)).not.toBe(traceOf(off));
    expect(traceOf(off)).toEqual(traceOf(on));
  });

  it('is a boolean: anything else is refused, naming the option', () => {
    const bad = left(evaluate(sets[0]!, examplePerson('klara'), { asOf: AS_OF, shareTraces: 'no' as never }));
    expect(bad._tag).toBe('InvalidOptions');
    expect(bad.issues[0]!.path).toBe('shareTraces');
  });
});

describe('fastParse: false', () => {
  it('validates as the fast accept path does: the same person, or the same issues', () => {
    const broken = fc.oneof(
      fc.constantFrom(...persons),
      fc.record(
        { birthDate: fc.oneof(fc.constant('1990-02-30'), fc.string({ maxLength: 12 })), municipality: fc.anything() },
        { requiredKeys: [] },
      ),
      fc
        .constantFrom(...persons)
        .chain((p) =>
          fc
            .record({ key: fc.constantFrom(...Object.keys(p as object), 'extra'), value: fc.anything() })
            .map(({ key, value }) => ({ ...(p as object), [key]: value })),
        ),
    );
    fc.assert(
      fc.property(broken, langs, (input, lang) => {
        expect(JSON.stringify(parsePerson(input, lang, { fastParse: false }))).toBe(JSON.stringify(parsePerson(input, lang)));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same decisions from evaluateAll', () => {
    for (const person of persons.slice(0, 20)) {
      const o: EvaluateOptions = { asOf: AS_OF, trace: 'full' };
      expect(JSON.stringify(right(evaluateAll(sets, person, { ...o, fastParse: false })))).toBe(
        JSON.stringify(right(evaluateAll(sets, person, o))),
      );
    }
  });

  it('is a boolean: anything else is refused, naming the option', () => {
    const bad = left(evaluateAll(sets, examplePerson('klara'), { asOf: AS_OF, fastParse: 1 as never }));
    expect(bad._tag).toBe('InvalidOptions');
    expect(bad.issues[0]!.path).toBe('fastParse');
  });
});
