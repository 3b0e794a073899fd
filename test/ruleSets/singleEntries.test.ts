import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as assessment from '../../src/facts/assessment.js';
import * as consent from '../../src/facts/consent.js';
import * as demographics from '../../src/facts/demographics.js';
import * as diagnoses from '../../src/facts/diagnoses.js';
import * as encounters from '../../src/facts/encounters.js';
import * as evaluation from '../../src/facts/evaluation.js';
import * as frailty from '../../src/facts/frailty.js';
import * as fn from '../../src/facts/function.js';
import * as medications from '../../src/facts/medications.js';
import * as needs from '../../src/facts/needs.js';
import * as plan from '../../src/facts/plan.js';
import * as preferences from '../../src/facts/preferences.js';
import * as rights from '../../src/facts/rights.js';
import * as social from '../../src/facts/social.js';
import * as stage from '../../src/facts/stage.js';
import * as team from '../../src/facts/team.js';
import * as transition from '../../src/facts/transition.js';
import { bundledRuleSetIds, evaluate, loadBundledRuleSet } from '../../src/index.js';
import type { CompiledRuleSet, RuleSetOptions } from '../../src/index.js';
import { builtinFacts } from '../../src/policy/index.js';
import { generateCohort } from '../../src/population/index.js';
import { RULE_SET_ENTRIES } from '../../tsup.config.js';
import { ruleSetEntries } from '../../scripts/ruleSetEntries.js';
import { examplePerson, right, ROOT } from '../support/helpers.js';

/*
 * The one-rule-set entries (`oppfolgingsteam/rule-sets/<id>`) compile the bundled rule set with only
 * the facts and code lists it reads. They must give the very rule set `loadBundledRuleSet` gives: the
 * same content hash, the same decisions, the same errors for the same options.
 */

type Loader = (options?: RuleSetOptions) => ReturnType<typeof loadBundledRuleSet>;
const loaders = new Map<string, Loader>();
for (const id of RULE_SET_ENTRIES) {
  const m = (await import(`../../src/ruleSets/entries/${id}.ts`)) as { loadRuleSet: Loader };
  loaders.set(id, m.loadRuleSet);
}

const AS_OF = '2026-11-23';
const persons = [...['klara', 'kasper', 'morten', 'nora'].map(examplePerson), ...generateCohort({ seed: 7, size: 300, asOf: AS_OF })];

/** A decision without the parts that hold functions or caches: what a host reads. */
const plain = (rs: CompiledRuleSet, p: unknown) => JSON.parse(JSON.stringify(evaluate(rs, p, { asOf: AS_OF, trace: 'full' })));

describe('one rule set per entry', () => {
  it('there is an entry for every bundled rule set', () => {
    expect([...RULE_SET_ENTRIES].sort()).toEqual(bundledRuleSetIds().sort());
  });

  for (const id of RULE_SET_ENTRIES) {
    it(`${id}: the same rule set and the same decisions as loadBundledRuleSet('${id}')`, () => {
      const mine = right(loaders.get(id)!());
      const theirs = right(loadBundledRuleSet(id));
      expect(mine.id).toBe(id);
      expect(mine.contentHash).toBe(theirs.contentHash);
      expect([...mine.codeLists.keys()]).toEqual([...theirs.codeLists.keys()]);
      expect(mine.rules.map((r) => r.rule.id)).toEqual(theirs.rules.map((r) => r.rule.id));
      for (const p of persons) expect(plain(mine, p)).toEqual(plain(theirs, p));
    });

    it(`${id}: the same options give the same result, errors included`, () => {
      const params = Object.keys(right(loadBundledRuleSet(id)).parameters);
      const cases: unknown[] = [
        { lang: 'en' },
        { parameters: { noSuchParameter: 1 }, lang: 'nn' },
        { codeLists: [{ id: 'broken' }], lang: 'en' },
        ...(params[0] ? [{ parameters: { [params[0]]: 'not a number' } }] : []),
        null,
      ];
      for (const options of cases) {
        const a = loaders.get(id)!(options as RuleSetOptions);
        const b = loadBundledRuleSet(id, options as RuleSetOptions);
        expect(a._tag).toBe(b._tag);
        if (a._tag === 'Left' && b._tag === 'Left') expect(a.left).toEqual(b.left);
        if (a._tag === 'Right' && b._tag === 'Right') expect(a.right.contentHash).toBe(b.right.contentHash);
      }
    });
  }

  it('the committed entries are what scripts/generate-rule-set-entries.ts makes', () => {
    // Compared without layout: the script formats its output with Biome after writing it.
    const squeeze = (s: string) => s.replace(/[\s,]+/g, '');
    for (const [path, text] of Object.entries(ruleSetEntries()))
      expect(squeeze(readFileSync(ROOT + path, 'utf8')), `${path} is stale: run npx tsx scripts/generate-rule-set-entries.ts`).toBe(
        squeeze(text),
      );
  });

  it('the built-in facts are every fact the fact modules export, each once', () => {
    const modules = [
      demographics,
      encounters,
      diagnoses,
      medications,
      fn,
      frailty,
      social,
      needs,
      preferences,
      assessment,
      consent,
      team,
      plan,
      evaluation,
      transition,
      rights,
      stage,
    ];
    const exported = modules.flatMap((m) => Object.values(m).filter((v) => typeof v === 'object' && v !== null && 'derive' in v));
    const listed = [...builtinFacts().values()];
    expect(exported.length).toBeGreaterThan(100);
    expect(new Set(listed)).toEqual(new Set(exported));
    expect(listed).toHaveLength(exported.length);
  });
});
