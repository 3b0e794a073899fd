import { describe, expect, it } from 'vitest';
import { evaluate, explainRule, loadBundledRuleSet } from '../../src/index.js';
import { examplePerson, right, ruleSet } from '../support/helpers.js';

/*
 * The framework at work on the fictional example persons, as `npm run demo` shows it (as of
 * 2026-11-23): Kasper has the right to a child coordinator and is routed to the coordinating unit
 * (to the children's unit where the municipality has one, a local parameter);
 * Morten's NAV team member needs explicit consent; Klara's draft plan is incomplete because it has
 * no dated checkpoint.
 */

const AS_OF = '2026-11-23';

function decide(ruleSetId: string, name: string, lang: 'nb' | 'nn' | 'en' = 'nb') {
  const rs = ruleSet(ruleSetId);
  return { rs, d: right(evaluate(rs, examplePerson(name), { asOf: AS_OF, lang })) };
}

function outcome(ruleSetId: string, name: string, ruleId: string) {
  return decide(ruleSetId, name).d.outcomes.find((o) => o.ruleId === ruleId)?.outcome;
}

describe('the framework on the example persons', () => {
  it('Kasper (6) has the right to a child coordinator and is routed to the coordinating unit', () => {
    const { d } = decide('rights', 'kasper');
    const prompts = d.prompts.map((p) => p.ruleId);
    expect(prompts).toContain('RIGHT-CHILD-COORDINATOR');
    expect(prompts).toContain('ROUTE-ADULT-UNIT');
    expect(prompts).not.toContain('ROUTE-CHILDREN-UNIT');
    expect(d.findings.find((f) => f.ruleId === 'RIGHT-CHILD-COORDINATOR')?.params).toMatchObject({ right: 'child-coordinator' });
    expect(d.findings.find((f) => f.ruleId === 'ROUTE-ADULT-UNIT')?.params).toMatchObject({ unit: 'coordinating-unit' });
  });

  it('where the municipality has a unit for children (Steinkjer: under 18), Kasper is routed there', () => {
    const rs = loadBundledRuleSet('rights', { parameters: { childrenUnitAge: 18 } });
    if (rs._tag === 'Left') throw new Error('rights invalid');
    const d = right(evaluate(rs.right, examplePerson('kasper'), { asOf: AS_OF }));
    const prompts = d.prompts.map((p) => p.ruleId);
    expect(prompts).toContain('ROUTE-CHILDREN-UNIT');
    expect(prompts).not.toContain('ROUTE-ADULT-UNIT');
    expect(d.findings.find((f) => f.ruleId === 'ROUTE-CHILDREN-UNIT')?.params).toMatchObject({ unit: 'children' });
  });

  it("Morten's NAV team member is not covered by an explicit consent", () => {
    const { rs, d } = decide('consent', 'morten');
    const prompt = d.prompts.find((p) => p.ruleId === 'CONSENT-EXPLICIT-MEMBER');
    expect(prompt?.severity).toBe('warning');
    expect(prompt?.text).toContain('§ 25');
    // The explanation names the uncovered service, so the clinician sees which member it is.
    const why = explainRule(d.trace!.find((t) => t.ruleId === 'CONSENT-EXPLICIT-MEMBER')!, { lang: 'nb', ruleSet: rs });
    expect(why.outcome).toBe(true);
    expect(why.summary).toBe('Utløst fordi: teammedlemmer uten uttrykkelig samtykke: NAV.');
    // His consent does cover the two health services, so the team consent itself is valid.
    expect(outcome('consent', 'morten', 'CONSENT-TEAM-MISSING')).toBe(false);
  });

  it("Klara's draft plan is flagged incomplete, with the reason: no dated checkpoint", () => {
    for (const lang of ['nb', 'nn', 'en'] as const) {
      const { rs, d } = decide('plan', 'klara', lang);
      const prompt = d.prompts.find((p) => p.ruleId === 'PLAN-NO-CHECKPOINT');
      expect(prompt, lang).toBeDefined();
      expect(prompt!.text).toMatch(
        { nb: /ikke komplett.*sjekkpunkt/, nn: /ikkje komplett.*sjekkpunkt/, en: /incomplete.*checkpoint/ }[lang],
      );
      const why = explainRule(d.trace!.find((t) => t.ruleId === 'PLAN-NO-CHECKPOINT')!, { lang, ruleSet: rs });
      expect(why.because.join(' ')).toMatch(
        { nb: /sjekkpunkter i planen er 0/, nn: /sjekkpunkt i planen er 0/, en: /checkpoints in the plan is 0/ }[lang],
      );
    }
  });

  it('none of the three fires for Nora, who has no team, plan or mapped needs', () => {
    expect(outcome('rights', 'nora', 'RIGHT-CHILD-COORDINATOR')).toBe(false);
    expect(outcome('rights', 'nora', 'ROUTE-CHILDREN-UNIT')).toBe(false);
    expect(outcome('consent', 'nora', 'CONSENT-EXPLICIT-MEMBER')).toBe(false);
    expect(outcome('plan', 'nora', 'PLAN-NO-CHECKPOINT')).toBe(false);
  });
});
