import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileRuleSet, defineFact } from '../../src/index.js';
import { parseVectorFile, runVector, runVectors } from '../../src/policy/index.js';
import type { FactDefinition } from '../../src/index.js';
import type { RuleSetFile } from '../../src/policy/index.js';
import { ruleSetOf } from '../support/arbitraries.js';
import { right } from '../support/helpers.js';

/*
 * Test vectors with `parameters` run against a variant of the rule set with those values. The
 * variant is compiled once per distinct set of values in a file, and not at all when the values are
 * the rule set's own (`parameters: {}` included): twenty vectors on a 2,000-rule set used to cost
 * twenty compiles. Compiles are counted by a fact whose params schema runs once per compile.
 */

const t = { nb: 't', nn: 't', en: 't' };

function counted(): { fact: FactDefinition<any>; compiles: () => number } {
  let n = 0;
  const fact = defineFact({
    name: 'counted',
    type: 'number',
    label: t,
    description: t,
    params: z.object({}).refine(() => ++n > 0),
    derive: () => undefined,
  });
  return { fact, compiles: () => n };
}

const file: RuleSetFile = ruleSetOf([{ all: [{ fact: 'counted', operator: 'greaterThan', value: { param: 'limit' }, params: {} }] }], {
  parameters: { limit: { value: 3, description: t, evidence: 'inferred' } },
});

const vector = (name: string, value: number, parameters?: Record<string, number>) => ({
  name,
  asOf: '2026-06-01',
  facts: { counted: value },
  ...(parameters ? { parameters } : {}),
  expect: { fired: value > (parameters?.['limit'] ?? 3) ? ['R-0'] : [], notFired: value > (parameters?.['limit'] ?? 3) ? [] : ['R-0'] },
});

describe('vectors with parameters', () => {
  it('compile one variant per distinct set of changed values; {} and the rule set’s own values compile nothing', () => {
    const { fact, compiles } = counted();
    const rs = right(compileRuleSet(file, { extraFacts: [fact] }));
    expect(rs.rules.map((r) => r.rule.id)).toEqual(['R-0']);
    const before = compiles();
    const vectors = [
      ...Array.from({ length: 5 }, (_, i) => vector(`empty ${i}`, i + 2, {})),
      ...Array.from({ length: 5 }, (_, i) => vector(`same ${i}`, i + 2, { limit: 3 })),
      ...Array.from({ length: 5 }, (_, i) => vector(`five ${i}`, i + 3, { limit: 5 })),
      ...Array.from({ length: 5 }, (_, i) => vector(`seven ${i}`, i + 5, { limit: 7 })),
      vector('none', 4),
    ];
    const vf = right(parseVectorFile({ ruleSet: 'test', vectors }));
    const results = runVectors(rs, vf, { extraFacts: [fact] });
    expect(results.map((r) => [r.name, r.passed, r.issues ?? []]).filter((r) => r[1] !== true)).toEqual([]);
    expect(compiles() - before).toBe(2);
  });

  it('a single vector with changed values still compiles its own variant', () => {
    const { fact, compiles } = counted();
    const rs = right(compileRuleSet(file, { extraFacts: [fact] }));
    const before = compiles();
    const vf = right(parseVectorFile({ ruleSet: 'test', vectors: [vector('five', 6, { limit: 5 }), vector('empty', 4, {})] }));
    expect(runVector(rs, vf.vectors[0]!, { extraFacts: [fact], file: rs.file }).passed).toBe(true);
    expect(runVector(rs, vf.vectors[1]!, { extraFacts: [fact], file: rs.file }).passed).toBe(true);
    expect(compiles() - before).toBe(1);
  });

  it('an unknown parameter in a vector is still an issue', () => {
    const { fact } = counted();
    const rs = right(compileRuleSet(file, { extraFacts: [fact] }));
    const vf = right(parseVectorFile({ ruleSet: 'test', vectors: [vector('bad', 4, { nosuch: 1 })] }));
    expect(runVectors(rs, vf, { extraFacts: [fact] })[0]!.issues).toMatchObject([{ code: 'unknown_parameter', path: 'parameters.nosuch' }]);
  });
});
