import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRuleSetIds, compileRuleSet, evaluate, loadBundledRuleSet } from '../../src/index.js';
import { examplePerson, left, right } from '../support/helpers.js';

/*
 * Texts bound to parameters: rule titles, texts and rationales name parameters as `{name}`, and the
 * compiled rule set holds them filled with the values in force. With the bundled defaults every
 * text must read exactly as it did before the placeholders were written (the fixture holds the texts
 * of the rule sets before that change; rationales were English strings then); with a changed
 * parameter the text follows it.
 */

const BEFORE = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'rule-texts-before-placeholders.json'), 'utf8')) as Record<
  string,
  Record<string, { title: Record<string, string>; text: Record<string, string>; rationale?: string }>
>;

const RAW = (id: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'rules', `${id}.json`), 'utf8'));

describe('texts bound to parameters', () => {
  it('with the default parameters, every rule text of every bundled rule set reads as before the placeholders', () => {
    expect(bundledRuleSetIds().sort()).toEqual(Object.keys(BEFORE).sort());
    let placeholders = 0;
    for (const id of bundledRuleSetIds()) {
      const rs = right(loadBundledRuleSet(id));
      const raw = RAW(id);
      placeholders += JSON.stringify(raw.rules).match(/\{[a-zA-Z][a-zA-Z0-9]*\}/g)?.length ?? 0;
      expect(Object.keys(BEFORE[id]!)).toEqual(rs.file.rules.map((r) => r.id));
      for (const r of rs.file.rules) {
        const before = BEFORE[id]![r.id]!;
        expect(r.title, `${id} ${r.id} title`).toEqual(before.title);
        expect(r.text, `${id} ${r.id} text`).toEqual(before.text);
        const rationale = r.rationale as Record<string, string> | undefined;
        expect(rationale?.en, `${id} ${r.id} rationale`).toBe(before.rationale);
        // The rules the compiled rule set evaluates carry the same filled texts as its file.
        expect(rs.rules.find((c) => c.rule.id === r.id)!.rule.text).toEqual(r.text);
      }
    }
    // The test means something only if the bundled texts do use placeholders.
    expect(placeholders).toBeGreaterThan(20);
  });

  it('with a changed parameter, the prompt states the value the rule tests (the medication review at 12)', () => {
    const rs = right(loadBundledRuleSet('identification', { parameters: { medicationReviewThreshold: 12 } }));
    const rule = rs.file.rules.find((r) => r.id === 'ID-MEDICATION-REVIEW')!;
    expect(rule.text.nb).toBe('Personen bruker 12 eller flere faste legemidler. Vurder en strukturert legemiddelgjennomgang.');
    expect(rule.text.nn).toMatch(/^Personen brukar 12 eller fleire faste legemiddel\./);
    expect(rule.text.en).toMatch(/^The person takes 12 or more regular medicines\./);
    // Klara takes 13 regular medicines: the rule fires at 12 and its prompt says 12.
    const d = right(evaluate(rs, examplePerson('klara'), { asOf: '2026-11-23' }));
    const p = d.prompts.find((x) => x.ruleId === 'ID-MEDICATION-REVIEW')!;
    expect(p.text).toMatch(/^Personen bruker 12 eller flere/);
  });

  it('fills every placeholder with any value of its parameter, in every language, and leaves nothing in braces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 30 }), (days, change) => {
        const t = right(loadBundledRuleSet('transition', { parameters: { turning18NoticeDays: days } }));
        const e = right(loadBundledRuleSet('evaluation', { parameters: { psfsMeaningfulChange: change + 0.5 } }));
        const text18 = t.file.rules.find((r) => r.id === 'TRANSITION-TURNING-18')!.text;
        const psfs = e.file.rules.find((r) => r.id === 'EVAL-PSFS-IMPROVED')!.text;
        return (
          text18.nb.includes(`(standard ${days} dager)`) &&
          text18.en.includes(`(default ${days} days)`) &&
          psfs.nb.includes(`(standard ${change},5 poeng)`) &&
          psfs.nn.includes(`(standard ${change},5 poeng)`) &&
          psfs.en.includes(`(default ${change}.5 points)`) &&
          [...Object.values(text18), ...Object.values(psfs)].every((s) => !/\{[a-zA-Z]/.test(s))
        );
      }),
      { numRuns: 25 },
    );
  });

  it('refuses a placeholder that names no parameter, naming the rule, field, language and nearest parameter', () => {
    const raw = RAW('identification');
    raw.rules.find((r: { id: string }) => r.id === 'ID-MEDICATION-REVIEW').text.nn =
      'Personen brukar {medicationReviewTreshold} eller fleire.';
    raw.rules.find((r: { id: string }) => r.id === 'ID-MEDICATION-REVIEW').rationale = 'Over {zzz}.';
    const err = left(compileRuleSet(raw));
    const issues = err.issues.filter((i) => i.code === 'unknown_placeholder');
    expect(issues.map((i) => i.path)).toEqual(['rules[9].text.nn', 'rules[9].rationale']);
    expect(issues[0]!.message).toBe(
      '«rules[9].text.nn»: regelen «ID-MEDICATION-REVIEW» har plassholderen «{medicationReviewTreshold}» i teksten (nn), men regelsettet har ingen parameter med det navnet. Mente du «{medicationReviewThreshold}»?',
    );
    // Nothing near "zzz": no guess is offered.
    expect(issues[1]!.message).not.toContain('Mente du');
    const en = left(compileRuleSet(raw, { lang: 'en' })).issues.find((i) => i.code === 'unknown_placeholder')!;
    expect(en.message).toContain('Did you mean "{medicationReviewThreshold}"?');
  });

  it('reads a rationale written as one string (the older form) as English, shown in every language', () => {
    const raw = RAW('plan');
    raw.rules[0].rationale = 'An older rationale.';
    const rs = right(compileRuleSet(raw));
    expect(rs.file.rules[0]!.rationale).toEqual({ nb: 'An older rationale.', nn: 'An older rationale.', en: 'An older rationale.' });
  });
});
