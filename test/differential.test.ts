import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { builtinFacts, compileRuleSet, evaluateFacts, registerOnJsonRulesEngine, safePathResolver } from '../src/index.js';
import { TEST_FACTS, completeFacts, condition, ruleSetOf } from './arbitraries.js';
import { right } from './helpers.js';

/*
 * json-rules-engine 7.3 is the reference for the condition language (brief, decision 2). With
 * complete facts, our evaluator and json-rules-engine must agree on every rule, for random rules
 * over every operator, with all/any/not nesting, paths and fact-to-fact comparisons.
 */
const AS_OF = '2026-06-01';

async function jreOutcomes(file: ReturnType<typeof ruleSetOf>, facts: Record<string, unknown>): Promise<Map<string, boolean>> {
  const rs = right(compileRuleSet(file, { extraFacts: TEST_FACTS }));
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: safePathResolver });
  // Registers our extra operators and the rules; the test facts are passed at run time.
  registerOnJsonRulesEngine(engine as never, { ruleSet: rs, facts: new Map(), asOf: AS_OF });
  const { results, failureResults } = await engine.run(facts);
  const out = new Map<string, boolean>();
  for (const r of results) out.set(r.name as string, true);
  for (const r of failureResults) out.set(r.name as string, false);
  return out;
}

describe('differential: our evaluator against json-rules-engine 7.3', () => {
  it('agrees on random rules and complete facts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(condition, { minLength: 1, maxLength: 4 }), completeFacts, async (conds, facts) => {
        const file = ruleSetOf(conds);
        const rs = right(compileRuleSet(file, { extraFacts: TEST_FACTS }));
        const ours = right(evaluateFacts(rs, facts, { asOf: AS_OF, trace: 'none' }));
        const theirs = await jreOutcomes(file, facts);
        for (const o of ours.outcomes) {
          expect(o.outcome).not.toBe('unknown');
          expect(o.outcome, o.ruleId).toBe(theirs.get(o.ruleId));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the traced evaluation path too', async () => {
    await fc.assert(
      fc.asyncProperty(condition, completeFacts, async (c, facts) => {
        const file = ruleSetOf([c]);
        const rs = right(compileRuleSet(file, { extraFacts: TEST_FACTS }));
        const ours = right(evaluateFacts(rs, facts, { asOf: AS_OF, trace: 'full' }));
        const theirs = await jreOutcomes(file, facts);
        expect(ours.outcomes[0]!.outcome).toBe(theirs.get('R-0'));
        expect(ours.trace![0]!.outcome).toBe(ours.outcomes[0]!.outcome);
      }),
      { numRuns: 150 },
    );
  });

  it('the bundled facts register on an Engine and give the same outcomes for a complete example person', async () => {
    const rs = right(compileRuleSet((await import('../rules/identification.json')).default));
    const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: safePathResolver });
    registerOnJsonRulesEngine(engine as never, { ruleSet: rs, facts: builtinFacts(), asOf: '2026-11-23' });
    const { readJson } = await import('./helpers.js');
    const { $schema: _s, ...klara } = readJson('examples/persons/klara.json') as Record<string, unknown>;
    const { results, failureResults } = await engine.run({ person: klara, asOf: '2026-11-23' });
    const { evaluate } = await import('../src/index.js');
    const ours = right(evaluate(rs, klara, { asOf: '2026-11-23', trace: 'none' }));
    const theirs = new Map<string, boolean>([...results.map((r) => [r.name as string, true] as const), ...failureResults.map((r) => [r.name as string, false] as const)]);
    // Klara's record is complete for the identification rules, so nothing is unknown and all agree.
    expect(ours.dataNeeded).toEqual([]);
    for (const o of ours.outcomes) expect(o.outcome, o.ruleId).toBe(theirs.get(o.ruleId));
  });
});
