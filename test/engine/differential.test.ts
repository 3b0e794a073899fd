import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import type { Condition, RuleSetFile } from '../../src/policy/index.js';
import { OPERATORS, builtinFacts } from '../../src/policy/index.js';
import { compileRuleSet, evaluateFacts } from '../../src/index.js';
import { registerOnJsonRulesEngine, safePathResolver, toJsonRulesEngineRules } from '../../src/adapters/jsonRulesEngine.js';
import { TEST_FACTS, completeFacts, jreCondition, partialFacts, ruleSetOf } from '../support/arbitraries.js';
import { right } from '../support/helpers.js';

/*
 * json-rules-engine 7.3 is the reference for the condition language (brief, decision 2). Only what
 * json-rules-engine itself decides is compared: random rules over its own ten operators (all/any/not
 * nesting, paths, fact-to-fact comparisons), run on an Engine with nothing of ours registered. Our
 * eleven operators have no reference here; test/engine/operators.test.ts gives their known answers.
 *
 * The facts are what a host may send: any fact may be missing or of the wrong type, a path may ask
 * for a key that is not there, a compared fact may be missing. The relation, the product decision
 * of the brief's point 2:
 *   1. where our outcome is true or false, json-rules-engine's is the same;
 *   2. where ours is unknown, a fact the rule reads is missing (or its path is not there), and
 *      "data needed" names only such facts; json-rules-engine, run with `allowUndefinedFacts`, hands
 *      its operator `undefined` and decides something (false for most operators, true for
 *      `notEqual`, `notIn` and `not` over them), which we do not take as an answer;
 *   3. with every fact present and every path there, ours is never unknown, so 1 covers every rule.
 * Each run also checks that the untraced and the traced evaluation agree.
 */
const AS_OF = '2026-06-01';

async function jreOutcomes(file: RuleSetFile, facts: Record<string, unknown>): Promise<Map<string, boolean>> {
  const rs = right(compileRuleSet(file, { extraFacts: TEST_FACTS }));
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: safePathResolver });
  for (const r of toJsonRulesEngineRules(rs).rules) engine.addRule(r as never);
  const { results, failureResults } = await engine.run(facts);
  const out = new Map<string, boolean>();
  for (const r of results) out.set(r.name as string, true);
  for (const r of failureResults) out.set(r.name as string, false);
  return out;
}

/** The facts a condition reads, and those it reads through a path. */
function factsRead(c: Condition, out = { all: new Set<string>(), viaPath: new Set<string>() }) {
  if ('all' in c) c.all.forEach((x) => factsRead(x, out));
  else if ('any' in c) c.any.forEach((x) => factsRead(x, out));
  else if ('not' in c) factsRead(c.not, out);
  else if ('fact' in c) {
    out.all.add(c.fact);
    if (c.path !== undefined) out.viaPath.add(c.fact);
    const v = c.value as unknown;
    if (typeof v === 'object' && v !== null && 'fact' in v) {
      const ref = v as { fact: string; path?: string };
      out.all.add(ref.fact);
      if (ref.path !== undefined) out.viaPath.add(ref.fact);
    }
  }
  return out;
}

async function check(conds: Condition[], generated: Record<string, unknown>): Promise<void> {
  // As a host sends them: JSON (fast-check's records may have no prototype, which no JSON has).
  const facts = JSON.parse(JSON.stringify(generated)) as Record<string, unknown>;
  const file = ruleSetOf(conds);
  const rs = right(compileRuleSet(file, { extraFacts: TEST_FACTS }));
  const fast = right(evaluateFacts(rs, facts, { asOf: AS_OF, trace: 'none' }));
  const traced = right(evaluateFacts(rs, facts, { asOf: AS_OF, trace: 'full' }));
  expect(traced.outcomes).toEqual(fast.outcomes);
  const theirs = await jreOutcomes(file, facts);
  fast.outcomes.forEach((o, i) => {
    const read = factsRead(file.rules[i]!.conditions);
    if (o.outcome !== 'unknown') {
      expect(o.outcome, o.ruleId).toBe(theirs.get(o.ruleId));
      return;
    }
    const named = fast.dataNeeded.find((d) => d.ruleId === o.ruleId)!.missing.map((m) => m.fact);
    expect(named.length, o.ruleId).toBeGreaterThan(0);
    for (const f of named) expect(read.all.has(f) && (!Object.hasOwn(facts, f) || read.viaPath.has(f)), `${o.ruleId}: ${f}`).toBe(true);
  });
}

describe('differential: our evaluator against json-rules-engine 7.3 on its own operators', () => {
  it('agrees wherever we know the answer, with facts missing, wrongly typed or without the path asked for', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(jreCondition, { minLength: 1, maxLength: 4 }), partialFacts, async (conds, facts) => check(conds, facts)),
      { numRuns: 300 },
    );
  });

  it('with every fact present and every path there, nothing is unknown and every outcome agrees', async () => {
    const present = completeFacts.map((f) => ({ ...f, o0: { ...f.o0, q: 1 } }));
    await fc.assert(
      fc.asyncProperty(fc.array(jreCondition, { minLength: 1, maxLength: 4 }), present, async (conds, facts) => {
        // `$.x.q` enters a number, which no complete record has a key of: the paths that can be there are kept.
        const reachable = conds.filter((c) => !JSON.stringify(c).includes('$.x.q'));
        fc.pre(reachable.length > 0);
        const rs = right(compileRuleSet(ruleSetOf(reachable), { extraFacts: TEST_FACTS }));
        const ours = right(evaluateFacts(rs, facts, { asOf: AS_OF, trace: 'none' }));
        for (const o of ours.outcomes) expect(o.outcome, o.ruleId).not.toBe('unknown');
        await check(reachable, facts);
      }),
      { numRuns: 200 },
    );
  });

  it('the generators reach every json-rules-engine operator, missing and wrongly typed facts, absent paths and missing compared facts', () => {
    const seen = { ops: new Set<string>(), missing: 0, wrong: 0, absentPath: 0, missingCompared: 0 };
    const leaves = (c: Condition): Condition[] =>
      'all' in c ? c.all.flatMap(leaves) : 'any' in c ? c.any.flatMap(leaves) : 'not' in c ? leaves(c.not) : [c];
    // A fixed sample, so the counts do not depend on the run.
    for (const [c, facts] of fc.sample(fc.tuple(jreCondition, partialFacts), { numRuns: 300, seed: 16 })) {
      for (const l of leaves(c)) {
        if (!('fact' in l)) continue;
        seen.ops.add(l.operator);
        if (!Object.hasOwn(facts, l.fact)) seen.missing++;
        const v = l.value as unknown;
        if (typeof v === 'object' && v !== null && 'fact' in v && !Object.hasOwn(facts, (v as { fact: string }).fact))
          seen.missingCompared++;
        if (l.path !== undefined && Object.hasOwn(facts, l.fact)) seen.absentPath += l.path === '$.q' || l.path === '$.x.q' ? 1 : 0;
      }
      for (const n of ['n0', 'n1', 'n2']) if (Object.hasOwn(facts, n) && typeof facts[n] !== 'number') seen.wrong++;
    }
    expect([...seen.ops].sort()).toEqual(
      [...OPERATORS.values()]
        .filter((o) => o.jsonRulesEngineDefault)
        .map((o) => o.name)
        .sort(),
    );
    for (const [k, n] of Object.entries(seen)) if (typeof n === 'number') expect(n, k).toBeGreaterThan(20);
  });

  it('the bundled facts register on an Engine and give the same outcomes for a complete example person', async () => {
    const rs = right(compileRuleSet((await import('../../rules/identification.json')).default));
    // The identification rules use json-rules-engine's operators only, so its answer is its own.
    const ops = new Set(JSON.stringify(rs.file).match(/"operator":"[A-Za-z]+"/g));
    for (const op of ops) expect(OPERATORS.get(op.slice(12, -1))!.jsonRulesEngineDefault, op).toBe(true);
    const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: safePathResolver });
    registerOnJsonRulesEngine(engine as never, { ruleSet: rs, facts: builtinFacts(), asOf: '2026-11-23' });
    const { readJson } = await import('../support/helpers.js');
    const { $schema: _s, ...klara } = readJson('examples/persons/klara.json') as Record<string, unknown>;
    const { results, failureResults } = await engine.run({ person: klara, asOf: '2026-11-23' });
    const { evaluate } = await import('../../src/index.js');
    const ours = right(evaluate(rs, klara, { asOf: '2026-11-23', trace: 'none' }));
    const theirs = new Map<string, boolean>([
      ...results.map((r) => [r.name as string, true] as const),
      ...failureResults.map((r) => [r.name as string, false] as const),
    ]);
    // Klara's record is complete for the identification rules, so nothing is unknown and all agree.
    expect(ours.dataNeeded).toEqual([]);
    for (const o of ours.outcomes) expect(o.outcome, o.ruleId).toBe(theirs.get(o.ruleId));
  });
});
