import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { builtinFacts } from '../../../src/policy/index.js';
import { evaluate, loadBundledRuleSet } from '../../../src/index.js';
import { generateCohort } from '../../../src/population/index.js';
import { registerOnJsonRulesEngine, safePathResolver } from '../../../src/adapters/jsonRulesEngine.js';
import { right } from '../../support/helpers.js';

const AS_OF = '2026-11-23';

describe('json-rules-engine bridge on the bundled identification rule set', () => {
  it('loads (single-fact roots are wrapped) and agrees with our evaluator wherever our outcome is known', async () => {
    const ruleSet = right(loadBundledRuleSet('identification'));
    const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: safePathResolver });
    registerOnJsonRulesEngine(engine as never, { ruleSet, facts: builtinFacts(), asOf: AS_OF });
    let compared = 0;
    for (const person of generateCohort({ seed: 21, size: 60, asOf: AS_OF })) {
      const d = right(evaluate(ruleSet, person, { asOf: AS_OF, trace: 'none' }));
      const { events } = await engine.run({ person, asOf: AS_OF });
      const fired = new Set(events.map((e) => (e.params as { ruleId: string }).ruleId));
      for (const o of d.outcomes) {
        if (o.outcome === 'unknown') continue; // json-rules-engine has no unknown
        expect(fired.has(o.ruleId), o.ruleId).toBe(o.outcome);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('a run without asOf uses the one given at registration; a run with a bad asOf rejects with a typed error, not a RangeError from a fact', async () => {
    const ruleSet = right(loadBundledRuleSet('identification'));
    const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: safePathResolver });
    registerOnJsonRulesEngine(engine as never, { ruleSet, facts: builtinFacts(), asOf: AS_OF, lang: 'en' });
    const ids = (events: { params?: Record<string, unknown> }[]) => events.map((e) => e.params?.['ruleId']).sort();
    for (const person of generateCohort({ seed: 5, size: 10, asOf: AS_OF })) {
      const given = await engine.run({ person, asOf: AS_OF });
      const omitted = await engine.run({ person });
      expect(ids(omitted.events)).toEqual(ids(given.events));
    }
    const person = { birthDate: '1951-03-02', diagnoses: [{ system: 'ICPC-2', code: 'K77' }] };
    const rejected = await engine.run({ person, asOf: '20.01.2027' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(rejected).not.toBeInstanceOf(Error);
    expect(rejected).toMatchObject({ _tag: 'InvalidOptions', issues: [{ path: 'asOf', code: 'iso_date' }] });
    expect((rejected as { issues: { message: string }[] }).issues[0]!.message).toMatch(/YYYY-MM-DD/);
  });
});
