import { describe, expect, it } from 'vitest';
import { bundledRuleSetIds } from '../../src/index.js';
import { parseVectorFile, runVector } from '../../src/policy/index.js';
import { readJson, right, ruleSet, vectorFiles } from '../support/helpers.js';

/*
 * Every rule set's test vectors (rules/<id>.test.json) run here, and every rule must be covered by
 * at least one vector that expects it to fire.
 */
describe('rule-set test vectors', () => {
  it('every bundled rule set has a vector file', () => {
    const files = vectorFiles();
    for (const id of bundledRuleSetIds()) expect(files).toContain(`${id}.test.json`);
  });

  for (const file of vectorFiles()) {
    const vf = right(parseVectorFile(readJson(`rules/${file}`)));
    describe(file, () => {
      const rs = ruleSet(vf.ruleSet);
      for (const v of vf.vectors) {
        it(v.name, () => {
          const r = runVector(rs, v, { file: rs.file });
          expect(r.issues ?? []).toEqual([]);
          expect(r.mismatches).toEqual([]);
        });
      }
      it('every rule has a vector in which it fires', () => {
        const fired = new Set(vf.vectors.flatMap((v) => v.expect.fired ?? []));
        const missing = rs.rules.map((r) => r.rule.id).filter((id) => !fired.has(id));
        expect(missing).toEqual([]);
      });
    });
  }
});
