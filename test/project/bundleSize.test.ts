import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_BUDGET, BUNDLE_TARGET, browserBundle, hostEntry, ruleSetIdsIn } from '../../bench/size.js';
import { RULE_SET_ENTRIES } from '../../tsup.config.js';
import { ROOT } from '../support/helpers.js';

/*
 * What a browser host pays for `evaluate` and one rule set: its bundler (esbuild here, minified, for
 * the browser) takes the library's ESM build (built before the suite into .tmp/cli/, as `npm run
 * build` builds it) and keeps that rule set alone, within the target.
 */
const ESM = join(ROOT, '.tmp', 'cli');

describe('browser bundle of evaluate + one rule set', () => {
  for (const id of RULE_SET_ENTRIES) {
    it(`${id}: at most ${BUNDLE_BUDGET / 1000} KB minified (the target, ${BUNDLE_TARGET / 1000} KB, is printed by the bench), and no other rule set in it`, async () => {
      const out = await browserBundle(ESM, hostEntry(id));
      expect(ruleSetIdsIn(out)).toEqual([id]);
      expect(Buffer.byteLength(out)).toBeLessThanOrEqual(BUNDLE_BUDGET);
    });
  }

  it('loadBundledRuleSet still brings every rule set (what the entries avoid)', async () => {
    const out = await browserBundle(ESM, "import { loadBundledRuleSet } from 'oppfolgingsteam'; console.log(loadBundledRuleSet);");
    expect(ruleSetIdsIn(out).sort()).toEqual([...RULE_SET_ENTRIES].sort());
  });
});
