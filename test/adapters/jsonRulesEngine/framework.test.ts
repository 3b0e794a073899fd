import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { builtinFacts } from '../../../src/policy/index.js';
import { evaluate } from '../../../src/index.js';
import { registerOnJsonRulesEngine, safePathResolver } from '../../../src/adapters/jsonRulesEngine.js';
import type { JsonRulesEngineLike } from '../../../src/adapters/jsonRulesEngine.js';
import { examplePerson, right, ruleSet } from '../../support/helpers.js';

/*
 * Vendors who run json-rules-engine can load the framework rule sets into their own Engine. Where
 * our evaluator gives a definite answer, json-rules-engine must agree: strong Kleene logic guarantees
 * that a true (false) outcome stays true (false) whatever the missing facts turn out to be, and
 * json-rules-engine sees a missing fact as some value.
 */

const AS_OF = '2026-11-23';
const SETS = ['identification', 'rights', 'consent', 'assessment', 'team', 'plan', 'evaluation', 'transition'];
const PERSONS = ['klara', 'morten', 'kasper', 'nora'];

describe('framework rule sets in json-rules-engine', () => {
  for (const id of SETS) {
    it(`${id}: every rule loads, and definite outcomes agree on the example persons`, async () => {
      const rs = ruleSet(id);
      for (const name of PERSONS) {
        const person = examplePerson(name);
        const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: safePathResolver });
        registerOnJsonRulesEngine(engine as unknown as JsonRulesEngineLike, { ruleSet: rs, facts: builtinFacts(), asOf: AS_OF });
        const { events } = await engine.run({ person, asOf: AS_OF });
        const fired = new Set(events.map((e) => String(e.params?.['ruleId'])));
        const ours = right(evaluate(rs, person, { asOf: AS_OF, trace: 'none' })).outcomes;
        for (const o of ours) if (o.outcome !== 'unknown') expect(fired.has(o.ruleId), `${name} ${o.ruleId}`).toBe(o.outcome);
      }
    });
  }
});
