import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { builtinFacts } from '../../src/policy/index.js';
import { compileRuleSet, defineFact, evaluate, evaluateFacts } from '../../src/index.js';
import { registerOnJsonRulesEngine, safePathResolver } from '../../src/adapters/jsonRulesEngine.js';
import type { EvaluateOptions } from '../../src/index.js';
import { readJson, right, ruleSet } from '../support/helpers.js';

/*
 * Determinism and isolation (issue 8, point 4). The same inputs give byte-identical decision JSON,
 * whatever else was evaluated before, whatever the key order of the input and whichever compile of
 * the rule set is used. Evaluating many persons interleaved by async hosts (fast-check's scheduler
 * decides the order in which every awaited step resumes) and overlapping calls (an evaluation
 * started from inside another's fact derivation) give the same results as one at a time.
 */
const AS_OF = '2026-11-23';
const rs = ruleSet('identification');

const day = fc.integer({ min: 0, max: 900 }).map((n) => new Date(Date.UTC(2026, 10, 23) - n * 86_400_000).toISOString().slice(0, 10));

/** Valid persons: every field optional, values drawn from what the identification rules read. */
const person = fc.record(
  {
    birthDate: fc.integer({ min: 0, max: 36_000 }).map((n) => new Date(Date.UTC(2026, 0, 1) - n * 86_400_000).toISOString().slice(0, 10)),
    sex: fc.constantFrom('female', 'male', 'other', 'unknown'),
    diagnoses: fc.array(
      fc.oneof(
        fc.record({ system: fc.constant('ICPC-2'), code: fc.constantFrom('K77', 'T90', 'P76', 'R95', 'L95', 'Z06', 'P15', 'A01') }),
        fc.record(
          { system: fc.constant('ICD-10'), code: fc.constantFrom('I50.0', 'F32.1', 'C50', 'G80.1', 'J44.1', 'F10.2', 'Z59.0') },
          { requiredKeys: ['system', 'code'] },
        ),
      ),
      { maxLength: 6 },
    ),
    encounters: fc.array(
      fc.record({
        type: fc.constantFrom('gp-consultation', 'emergency-visit', 'emergency-admission', 'elective-admission', 'outpatient-visit'),
        date: day,
      }),
      { maxLength: 8 },
    ),
    medications: fc.array(
      fc.record({
        atc: fc.constantFrom('C07AB02', 'N06AB04', 'A10BA02', 'B01AC06', 'N02BE01'),
        regimen: fc.constantFrom('regular', 'as-needed'),
      }),
      { maxLength: 12 },
    ),
    municipalServices: fc.array(fc.record({ type: fc.constantFrom('home-nursing', 'practical-assistance', 'day-care') }), { maxLength: 3 }),
    frailty: fc.record(
      { fallsLast12Months: fc.integer({ min: 0, max: 5 }), selfRatedHealth: fc.integer({ min: 0, max: 10 }) },
      { requiredKeys: [] },
    ),
    social: fc.record({ livesAlone: fc.boolean(), navInvolved: fc.boolean(), childWelfareInvolved: fc.boolean() }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const options = fc.record({
  asOf: fc.constant(AS_OF),
  lang: fc.constantFrom('nb', 'nn', 'en'),
  trace: fc.constantFrom('full', 'redacted', 'none'),
}) as fc.Arbitrary<EvaluateOptions>;

const json = (r: unknown) => JSON.stringify(r);

/** The same object with its keys, at every level, in reverse order. */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.entries(v)
      .reverse()
      .map(([k, x]) => [k, reversed(x)]),
  );
}

describe('determinism', () => {
  it('the same person, rule set and options give byte-identical decision JSON, whatever ran before and whatever the key order', () => {
    const again = right(compileRuleSet(readJson('rules/identification.json')));
    fc.assert(
      fc.property(person, fc.array(person, { maxLength: 3 }), options, (p, others, o) => {
        const first = json(evaluate(rs, p, o));
        for (const x of others) evaluate(rs, x, o);
        expect(json(evaluate(rs, p, o))).toBe(first);
        expect(json(evaluate(rs, reversed(p), o))).toBe(first);
        expect(json(evaluate(again, structuredClone(p), o))).toBe(first);
      }),
      { numRuns: 80 },
    );
  });

  it('the same facts give byte-identical decision JSON', () => {
    const facts = fc.dictionary(
      fc.constantFrom(...rs.slots.map((s) => s.key)),
      fc.oneof(fc.integer({ min: -1, max: 20 }), fc.boolean(), fc.constant(-0)),
      { maxKeys: rs.slots.length },
    );
    fc.assert(
      fc.property(facts, options, (f, o) => {
        expect(json(evaluateFacts(rs, reversed(f) as Record<string, unknown>, o))).toBe(json(evaluateFacts(rs, f, o)));
      }),
      { numRuns: 80 },
    );
  });
});

describe('isolation', () => {
  it('async hosts evaluating many persons, interleaved in any order, get the results of evaluating one at a time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(fc.tuple(person, options), { minLength: 2, maxLength: 6 }), async (s, jobs) => {
        const expected = jobs.map(([p, o]) => json(evaluate(rs, p, o)) + json(evaluate(rs, p, { ...o, lang: 'en' })));
        // Each host awaits its record, evaluates, awaits again (as a host writing to its store would), and evaluates once more.
        const host = async ([p, o]: (typeof jobs)[number]) => {
          const record = await s.schedule(Promise.resolve(structuredClone(p)), 'fetch person');
          const a = json(evaluate(rs, record, o));
          await s.schedule(Promise.resolve(), 'store decision');
          const b = json(evaluate(rs, record, { ...o, lang: 'en' }));
          return a + b;
        };
        const all = Promise.all(jobs.map(host));
        // Release scheduled steps, in the order fast-check picks, until every host is done.
        await s.waitFor(all);
        expect(await all).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('an evaluation started inside another one (re-entrant, overlapping) does not disturb either', () => {
    // A host fact that, while the outer evaluation is under way, evaluates another person with the same compiled rule set.
    let reenter: unknown;
    let depth = 0;
    let innerResult: string | undefined;
    const reentrant = defineFact({
      name: 'reentrant',
      type: 'boolean',
      label: { nb: 'r', nn: 'r', en: 'r' },
      description: { nb: 'r', nn: 'r', en: 'r' },
      derive: () => {
        if (depth === 0 && reenter !== undefined) {
          depth++;
          try {
            innerResult = json(evaluate(withHook, reenter, { asOf: AS_OF }));
          } finally {
            depth--;
          }
        }
        return true;
      },
    });
    const file = readJson('rules/identification.json') as { rules: { conditions: unknown }[] };
    // The re-entrant fact is read by the first rule, so the outer evaluation is mid-way when the inner one runs.
    file.rules[0]!.conditions = { all: [{ fact: 'reentrant', operator: 'equal', value: true }, file.rules[0]!.conditions] };
    const withHook = right(compileRuleSet(file, { extraFacts: [reentrant] }));
    fc.assert(
      fc.property(person, person, (outer, other) => {
        reenter = other;
        innerResult = undefined;
        const overlappedOuter = json(evaluate(withHook, outer, { asOf: AS_OF }));
        const overlappedInner = innerResult;
        reenter = undefined;
        expect(overlappedInner).toBeDefined();
        expect(overlappedOuter).toBe(json(evaluate(withHook, outer, { asOf: AS_OF })));
        expect(overlappedInner).toBe(json(evaluate(withHook, other, { asOf: AS_OF })));
      }),
      { numRuns: 30 },
    );
  });

  it('json-rules-engine hosts running our rules interleaved get the results of running one at a time', async () => {
    const run = async (p: unknown, pause: () => Promise<void>) => {
      const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: safePathResolver });
      registerOnJsonRulesEngine(engine as never, { ruleSet: rs, facts: builtinFacts(), asOf: AS_OF });
      await pause();
      const { events } = await engine.run({ person: p, asOf: AS_OF });
      await pause();
      return events
        .map((e) => (e.params as { ruleId: string }).ruleId)
        .sort()
        .join(',');
    };
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(person, { minLength: 2, maxLength: 4 }), async (s, persons) => {
        const expected: string[] = [];
        for (const p of persons) expected.push(await run(p, async () => {}));
        const all = Promise.all(persons.map((p) => run(p, () => s.schedule(Promise.resolve()))));
        // Release scheduled steps, in the order fast-check picks, until every host is done.
        await s.waitFor(all);
        expect(await all).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });
});
