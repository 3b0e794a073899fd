import { describe, expect, it } from 'vitest';
import { bundledRuleSetIds, compileRuleSet, evaluateAll, loadBundledRuleSet } from '../../src/index.js';
import { sendEvent, startPathway } from '../../src/pathway/index.js';
import { examplePerson, readJson, right } from '../support/helpers.js';

/*
 * A bundled rule set with the default options is compiled once per process: a host that loads the
 * rule sets at start-up, and a pathway guard that names one later, use the same compiled object, so
 * the first guarded event does not compile it again. Any option other than `lang` makes a rule set
 * of its own.
 */

const AS_OF = '2026-11-23';

describe('loadBundledRuleSet, once per process', () => {
  it('returns the same compiled rule set for the default options and for a language', () => {
    for (const id of bundledRuleSetIds()) {
      const first = right(loadBundledRuleSet(id));
      expect(right(loadBundledRuleSet(id))).toBe(first);
      expect(right(loadBundledRuleSet(id, { lang: 'en' }))).toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
    }
  });

  it('compiles afresh with parameters, and the shared one keeps its defaults', () => {
    const shared = right(loadBundledRuleSet('rights'));
    const local = right(loadBundledRuleSet('rights', { parameters: { childrenUnitAge: 18 } }));
    expect(local).not.toBe(shared);
    expect(right(loadBundledRuleSet('rights'))).toBe(shared);
  });

  it('decides as a rule set compiled from the same file does', () => {
    const sets = bundledRuleSetIds().map((id) => right(loadBundledRuleSet(id)));
    const fresh = bundledRuleSetIds().map((id) => right(compileRuleSet(readJson(`rules/${id}.json`))));
    for (const name of ['klara', 'morten', 'kasper', 'nora']) {
      const person = examplePerson(name);
      expect(JSON.stringify(right(evaluateAll(sets, person, { asOf: AS_OF })))).toBe(
        JSON.stringify(right(evaluateAll(fresh, person, { asOf: AS_OF }))),
      );
    }
  });

  it("is the rule set a pathway guard checks: its records carry the loaded rule set's content hash", () => {
    const team = right(loadBundledRuleSet('team'));
    const klara = examplePerson('klara');
    const subject = String(klara['id']);
    let p = right(startPathway({ channel: 'risk-screening' }, { asOf: '2026-10-26', role: 'risk-screening', subject }));
    const send = (e: unknown, role: string, asOf: string) =>
      (p = right(sendEvent(p, e as never, { asOf, role: role as never, subject, person: klara })));
    send({ type: 'REVIEW_RELEVANT' }, 'gp', '2026-11-02');
    send({ type: 'ACCEPT_OFFER', unit: 'adults' }, 'gp', '2026-11-02');
    send({ type: 'START_ASSESSMENT' }, 'coordinating-unit', '2026-11-20');
    send(
      {
        type: 'COMPLETE_ASSESSMENT',
        whatMatters: [{ text: 'Å bo hjemme', date: '2026-11-27' }],
        serviceNeeds: [
          { service: 'home-nursing', level: 'municipal', longTerm: true },
          { service: 'specialist', level: 'specialist', longTerm: true },
        ],
        targetGroupConfirmed: true,
      },
      'coordinating-unit',
      '2026-11-27',
    );
    send({ type: 'DECIDE_TEAM' }, 'coordinating-unit', '2026-11-30');
    const checks = p.history.at(-1)!.decisions;
    expect(checks.length).toBeGreaterThan(0);
    expect(checks[0]!.ruleSet).toEqual({ id: 'team', version: team.version, contentHash: team.contentHash });
  });
});
