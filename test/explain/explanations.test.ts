import { describe, expect, it } from 'vitest';
import { evaluate, explainDecision, explainRule } from '../../src/index.js';
import { examplePerson, right, ruleSet } from '../support/helpers.js';

const AS_OF = '2026-11-23';

describe('explanations', () => {
  const rs = ruleSet('identification');

  it('why: a fired rule names the decisive facts, their values and the thresholds', () => {
    const d = right(evaluate(rs, examplePerson('klara'), { asOf: AS_OF }));
    const t = d.trace!.find((x) => x.ruleId === 'ID-TRIGGER-POLYPHARMACY')!;
    const nb = explainRule(t, { lang: 'nb', ruleSet: rs });
    expect(nb.outcome).toBe(true);
    expect(nb.summary).toBe('Utløst fordi: antall faste legemidler er 13, som er minst 10.');
    expect(explainRule(t, { lang: 'nn', ruleSet: rs }).summary).toBe('Utløyst fordi: talet på faste legemiddel er 13, som er minst 10.');
    expect(explainRule(t, { lang: 'en', ruleSet: rs }).summary).toBe(
      'Fired because: number of regular medicines is 13, which is at least 10.',
    );
  });

  it('why not: a rule that did not fire names the conditions that failed', () => {
    const d = right(evaluate(rs, examplePerson('nora'), { asOf: AS_OF }));
    const t = d.trace!.find((x) => x.ruleId === 'ID-TARGET-GROUP')!;
    const e = explainRule(t, { lang: 'nb', ruleSet: rs });
    expect(e.outcome).toBe(false);
    expect(e.summary).toContain('Ikke utløst fordi');
    expect(e.summary).toContain('antall langvarige tilstander er 1, ikke minst 2');
  });

  it('unknown: names the missing data', () => {
    const d = right(evaluate(rs, { birthDate: '1950-01-01' }, { asOf: AS_OF }));
    const e = explainRule(d.trace!.find((x) => x.ruleId === 'ID-MEDICATION-REVIEW')!, { lang: 'en', ruleSet: rs });
    expect(e.summary).toBe('Unknown because data is missing on number of regular medicines.');
  });

  it('explainDecision explains every rule of a decision', () => {
    const d = right(evaluate(rs, examplePerson('klara'), { asOf: AS_OF }));
    expect(explainDecision(d, { ruleSet: rs })).toHaveLength(rs.rules.length);
  });

  it('a redacted trace keeps outcomes but no fact values', () => {
    const full = right(evaluate(rs, examplePerson('klara'), { asOf: AS_OF, trace: 'full' }));
    const red = right(evaluate(rs, examplePerson('klara'), { asOf: AS_OF, trace: 'redacted' }));
    expect(red.outcomes).toEqual(full.outcomes);
    const text = JSON.stringify(red.trace);
    expect(text).not.toContain('factValue');
    expect(text).toContain('"redacted":true');
    expect(JSON.stringify(full.trace)).toContain('factValue');
  });

  it('decisions are stamped with the rule set and asOf, and are byte-identical for the same input', () => {
    const a = right(evaluate(rs, examplePerson('morten'), { asOf: AS_OF }));
    const b = right(evaluate(rs, examplePerson('morten'), { asOf: AS_OF }));
    expect(a.ruleSet).toEqual({ id: 'identification', version: rs.version, contentHash: rs.contentHash });
    expect(a.asOf).toBe(AS_OF);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
