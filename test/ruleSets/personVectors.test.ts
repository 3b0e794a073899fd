import { describe, expect, it } from 'vitest';
import type { ConditionTrace } from '../../src/index.js';
import type { TestVector } from '../../src/policy/index.js';
import { parseVectorFile, runVector } from '../../src/policy/index.js';
import { readJson, right, ruleSet, vectorFiles } from '../support/helpers.js';

/*
 * The rule vectors (rules/<id>.test.json) give a person record, so that the facts a rule reads are
 * derived from a record the way a host's would be: a vector that injects `facts` tests the rule but
 * not the fact. Here, per bundled rule set, every leaf condition must be seen true and seen false in
 * vectors that give a person, and every fact a rule reads (with its params) must be seen with a known
 * value derived from one. A fact whose derivation always gave unknown, always false or always the
 * same count would leave a leaf unseen one way and fail here.
 *
 * The few vectors that still give facts do so because their point is the rules' own logic, which no
 * person can reach (a gate such as "no plan" while the other facts say otherwise); their names say so.
 */

const INJECTED_MARK = 'facts, not a person';

interface Seen {
  readonly outcomes: Map<string, Set<string>>;
  readonly factValues: Map<string, boolean>;
}

function walk(t: ConditionTrace, at: string, seen: Seen): void {
  switch (t.kind) {
    case 'all':
    case 'any':
      t.children.forEach((c, i) => walk(c, `${at}.${t.kind}[${i}]`, seen));
      return;
    case 'not':
      walk(t.child, `${at}.not`, seen);
      return;
    case 'condition':
      walk(t.child, `${at}.${t.name}`, seen);
      return;
    case 'fact': {
      const key = t.params === undefined ? t.fact : `${t.fact} ${JSON.stringify(t.params)}`;
      seen.factValues.set(key, (seen.factValues.get(key) ?? false) || 'factValue' in t);
      const leaf = `${at} (${key})`;
      const outs = seen.outcomes.get(leaf) ?? new Set<string>();
      outs.add(String(t.outcome));
      seen.outcomes.set(leaf, outs);
    }
  }
}

for (const file of vectorFiles()) {
  const vf = right(parseVectorFile(readJson(`rules/${file}`)));
  describe(`${file}: facts derived from a person`, () => {
    it('names every vector that gives facts instead of a person as such', () => {
      const unmarked = vf.vectors.filter((v) => v.facts !== undefined && !v.name.includes(INJECTED_MARK)).map((v) => v.name);
      expect(unmarked).toEqual([]);
    });

    it('sees every leaf condition true and false, and every fact a rule reads known, in vectors that give a person', () => {
      const rs = ruleSet(vf.ruleSet);
      const seen: Seen = { outcomes: new Map(), factValues: new Map() };
      const persons = vf.vectors.filter((v): v is TestVector & { person: object } => v.person !== undefined);
      // Most vectors give a person; a file where they do not would pass the checks below vacuously.
      expect(persons.length).toBeGreaterThan(vf.vectors.length * 0.9);
      for (const v of persons) {
        const r = runVector(rs, v, { file: rs.file });
        expect(r.issues ?? [], v.name).toEqual([]);
        for (const t of r.decision?.trace ?? []) walk(t.conditions, t.ruleId, seen);
      }
      // Every rule's conditions were traced, so the maps below cover the whole rule set.
      expect(seen.outcomes.size).toBeGreaterThan(rs.rules.length);
      const notBothWays = [...seen.outcomes]
        .filter(([, o]) => !(o.has('true') && o.has('false')))
        .map(([leaf, o]) => `${leaf}: only ${[...o].join(', ')}`);
      expect(notBothWays).toEqual([]);
      const neverKnown = [...seen.factValues].filter(([, known]) => !known).map(([k]) => k);
      expect(neverKnown).toEqual([]);
    });
  });
}
