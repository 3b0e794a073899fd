import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { bundledRuleSetIds, loadBundledRuleSet } from '../../src/index.js';
import type { Condition } from '../../src/policy/index.js';

/*
 * Each bundled parameter does what its description says. A policy adviser changes a parameter on
 * the strength of its description; a description that promises more than the rules do (an age "of
 * frailty screening" that only moves one sub-group) leads to a change that does not do what was
 * meant. For every parameter this table gives the rules that read it (directly, through named
 * conditions, or through the score tiers) and the words its English description must use to name
 * them; the test computes the rules from the rule set and compares.
 */

interface Use {
  /** Rule ids that read the parameter; `scoring` when the score tiers do. */
  readonly readBy: readonly string[];
  /** Words the English description must contain, naming what the parameter moves. */
  readonly says: readonly string[];
  /** Words it must not contain, naming something the parameter does not move. */
  readonly doesNotSay?: readonly RegExp[];
}

const USES: Readonly<Record<string, Readonly<Record<string, Use>>>> = {
  assessment: {
    psfsMinActivities: { readBy: ['ASSESS-PSFS-ACTIVITIES'], says: ['PSFS'] },
    psfsMaxActivities: { readBy: ['ASSESS-PSFS-ACTIVITIES'], says: ['PSFS'] },
    psfsSelfReportMinAge: { readBy: ['ASSESS-PSFS-ALTERNATIVE'], says: ['self-reported PSFS'] },
  },
  consent: {
    childHeardLatestAge: { readBy: ['CONSENT-CHILD-HEARD'], says: ['heard'] },
    childGreatWeightAge: { readBy: ['CONSENT-CHILD-GREAT-WEIGHT'], says: ['great weight'] },
    turning16NoticeDays: { readBy: ['CONSENT-TURNING-16'], says: ['16th birthday'] },
  },
  evaluation: {
    psfsMeaningfulChange: { readBy: ['EVAL-PSFS-IMPROVED', 'EVAL-PSFS-WORSENED'], says: ['PSFS', 'meaningful'] },
  },
  identification: {
    unplannedCareAdmissions: {
      readBy: ['ID-TARGET-GROUP', 'ID-TRIGGER-UNPLANNED-CARE'],
      says: ['admissions', 'unplanned care'],
    },
    unplannedCareVisits: { readBy: ['ID-TARGET-GROUP', 'ID-TRIGGER-UNPLANNED-CARE'], says: ['visits', 'unplanned care'] },
    polypharmacyTrigger: { readBy: ['ID-TARGET-GROUP', 'ID-TRIGGER-POLYPHARMACY'], says: ['NG56 trigger'] },
    medicationReviewThreshold: { readBy: ['ID-MEDICATION-REVIEW'], says: ['medication review'] },
    multipleServices: {
      readBy: ['ID-TARGET-GROUP', 'ID-TRIGGER-MULTIPLE-SERVICES', 'ID-SUBGROUP-CHRONIC'],
      says: ['multiple services'],
    },
    frailElderlyAge: {
      readBy: ['ID-SUBGROUP-FRAIL-ELDERLY'],
      says: ['frail elderly sub-group'],
      // The frailty screen (the fact `frail`, rule ID-TRIGGER-FRAILTY) applies from 65 whatever this is.
      doesNotSay: [/^Age from which frailty screening applies/],
    },
    highRiskCutOff: { readBy: ['scoring'], says: ['high'] },
    moderateRiskCutOff: { readBy: ['scoring'], says: ['moderate'] },
  },
  rights: {
    childrenUnitAge: { readBy: ['ROUTE-CHILDREN-UNIT', 'ROUTE-ADULT-UNIT'], says: ['coordinating unit for children'] },
  },
  team: {
    minProviders: { readBy: ['TEAM-SIZE-SMALL'], says: ['warning'] },
    maxProviders: { readBy: ['TEAM-SIZE-LARGE'], says: ['note'] },
    pharmacistMedicines: { readBy: ['TEAM-SUGGEST-PHARMACIST'], says: ['pharmacist'] },
  },
  transition: {
    turning18NoticeDays: { readBy: ['TRANSITION-TURNING-18'], says: ['18th birthday'] },
  },
};

/** The parameters a condition reads, following named conditions. */
function paramsRead(
  c: unknown,
  named: Readonly<Record<string, Condition>>,
  out = new Set<string>(),
  seen = new Set<string>(),
): Set<string> {
  if (Array.isArray(c)) for (const x of c) paramsRead(x, named, out, seen);
  else if (typeof c === 'object' && c !== null) {
    const o = c as Record<string, unknown>;
    if (typeof o['param'] === 'string' && Object.keys(o).length === 1) out.add(o['param']);
    if (typeof o['condition'] === 'string' && !seen.has(o['condition'])) {
      seen.add(o['condition']);
      paramsRead(named[o['condition']], named, out, seen);
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'condition') paramsRead(v, named, out, seen);
  }
  return out;
}

describe('each bundled parameter does what its description says', () => {
  it('the table covers every bundled rule set and parameter', () => {
    const withParameters = bundledRuleSetIds().filter((id) => Object.keys(loadRuleSet(id).file.parameters ?? {}).length > 0);
    expect(Object.keys(USES).sort()).toEqual([...withParameters].sort());
    for (const id of withParameters)
      expect(Object.keys(USES[id]!).sort()).toEqual(Object.keys(loadRuleSet(id).file.parameters ?? {}).sort());
  });

  for (const id of bundledRuleSetIds())
    it(`${id}: every parameter is read by the rules its description names, and by no other`, () => {
      const rs = loadRuleSet(id);
      const file = rs.file;
      const named = file.conditions ?? {};
      const readBy = new Map<string, string[]>();
      const add = (param: string, by: string) => readBy.set(param, [...(readBy.get(param) ?? []), by]);
      for (const r of file.rules) for (const p of paramsRead(r.conditions, named)) add(p, r.id);
      for (const p of paramsRead(file.scoring ?? {}, named)) add(p, 'scoring');
      for (const [name, p] of Object.entries(file.parameters ?? {})) {
        const use = USES[id]?.[name];
        expect(use, `${id}.${name} is not in the table: say which rules it moves`).toBeDefined();
        expect([...(readBy.get(name) ?? [])].sort(), `${id}.${name}: the rules that read it`).toEqual([...use!.readBy].sort());
        for (const words of use!.says) expect(p.description.en, `${id}.${name}: its description`).toContain(words);
        for (const not of use!.doesNotSay ?? []) expect(p.description.en, `${id}.${name}: its description`).not.toMatch(not);
      }
    });
});

function loadRuleSet(id: string) {
  const r = loadBundledRuleSet(id);
  if (E.isLeft(r)) throw new Error(`bundled rule set ${id} does not compile`);
  return r.right;
}
