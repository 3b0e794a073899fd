import { describe, expect, it } from 'vitest';
import type { Decision, WorklistEntry } from '../src/index.js';
import {
  WORKLIST_CSV_HEADER,
  createStratifier,
  evaluate,
  explainRule,
  generateCohort,
  loadBundledRuleSet,
  mergeStratifications,
  renderStratifyReport,
  stratify,
  worklistCsvRow,
  worklistJsonLine,
} from '../src/index.js';
import { right } from './helpers.js';

const AS_OF = '2026-11-23';
const ruleSet = right(loadBundledRuleSet('identification'));
const cohort = (size: number, seed = 7) => [...generateCohort({ seed, size, asOf: AS_OF })];

/** The ranking a user would build by evaluating every person on their own. */
function rankAlone(persons: readonly unknown[]): { line: number; d: Decision }[] {
  const all = persons.map((p, i) => ({ line: i + 1, d: right(evaluate(ruleSet, p, { asOf: AS_OF })) }));
  return all.sort(
    (a, b) => b.d.score!.points - a.d.score!.points || b.d.score!.maxPoints - a.d.score!.maxPoints || a.line - b.line,
  );
}

describe('stratify', () => {
  const persons = cohort(400);
  const alone = rankAlone(persons);

  it('ranks the same as evaluating each person alone, with the same reasons and explanations', () => {
    const { entries, summary } = right(stratify(persons, { asOf: AS_OF, topPercent: 100 }));
    expect(entries.length).toBe(persons.length);
    entries.forEach((e, i) => {
      const { line, d } = alone[i]!;
      expect(e.line).toBe(line);
      expect(e.rank).toBe(i + 1);
      expect([e.points, e.maxPoints, e.tier, e.tierIfComplete]).toEqual([d.score!.points, d.score!.maxPoints, d.score!.tier, d.score!.tierIfComplete]);
      expect(e.reasons.map((r) => [r.ruleId, r.points, r.text])).toEqual(d.score!.reasons.map((r) => [r.ruleId, r.points, r.text]));
      for (const r of e.reasons) expect(r.why).toBe(explainRule(d.trace!.find((t) => t.ruleId === r.ruleId)!, 'nb', ruleSet).summary);
      expect(e.prompts.map((p) => p.ruleId)).toEqual(d.prompts.map((p) => p.ruleId));
      const subGroups = d.findings.filter((f) => f.params['finding'] === 'sub-group').map((f) => f.params['subGroup']);
      expect(e.subGroups).toEqual(subGroups);
    });
    const tiers = { low: 0, moderate: 0, high: 0 };
    for (const { d } of alone) tiers[d.score!.tier]++;
    expect(summary.tiers).toEqual(tiers);
    expect(summary.histogram.reduce((a, b) => a + b, 0)).toBe(persons.length);
    expect([summary.read, summary.ranked, summary.rejected]).toEqual([400, 400, 0]);
  });

  it('by points lists exactly those at or above the cut-off, ranked; by default the high-risk cut-off', () => {
    const byDefault = right(stratify(persons, { asOf: AS_OF }));
    const high = ruleSet.tiers!.find((t) => t.tier === 'high')!.minPoints;
    expect(byDefault.summary.cutOff).toEqual({ by: 'points', minPoints: high });
    const expected = alone.filter((x) => x.d.score!.points >= high).map((x) => x.line);
    expect(byDefault.entries.map((e) => e.line)).toEqual(expected);
    const low = right(stratify(persons, { asOf: AS_OF, minPoints: 3 }));
    expect(low.entries.map((e) => e.line)).toEqual(alone.filter((x) => x.d.score!.points >= 3).map((x) => x.line));
    expect(low.summary.listed).toBe(low.entries.length);
  });

  it('by top percent lists ceil(p × ranked) persons, the best ranked, and records the lowest points listed', () => {
    for (const percent of [1, 5, 12.5]) {
      const { entries, summary } = right(stratify(persons, { asOf: AS_OF, topPercent: percent, expectedSize: persons.length }));
      const k = Math.ceil((percent / 100) * persons.length);
      expect(entries.map((e) => e.line)).toEqual(alone.slice(0, k).map((x) => x.line));
      expect(summary.cutOff).toEqual({ by: 'top', percent, minPoints: alone[k - 1]!.d.score!.points });
      // A bounded heap (expectedSize) and an unbounded one give the same list.
      expect(right(stratify(persons, { asOf: AS_OF, topPercent: percent })).entries).toEqual(entries);
    }
  });

  it('counts invalid records with their line and goes on', () => {
    const mixed: unknown[] = [...persons.slice(0, 20)];
    mixed.splice(3, 0, { birthDate: '2020-02-30' });
    mixed.splice(10, 0, 'not a person');
    mixed.splice(15, 0, { diagnoses: [{ system: 'ICPC-2', code: 'K7' }], nationalId: '12345678901' });
    const { entries, summary } = right(stratify(mixed, { asOf: AS_OF, topPercent: 100 }));
    expect([summary.read, summary.ranked, summary.rejected]).toEqual([23, 20, 3]);
    expect(summary.rejectedRecords.map((r) => r.line)).toEqual([4, 11, 16]);
    expect(summary.rejectedRecords[0]!.issues[0]).toMatchObject({ path: 'birthDate', code: 'birth_date' });
    expect(summary.rejectedRecords[2]!.issues.map((i) => i.path).sort()).toEqual(['diagnoses[0].code', 'nationalId']);
    // Messages never echo the values.
    expect(JSON.stringify(summary.rejectedRecords)).not.toContain('12345678901');
    expect(entries.map((e) => e.line)).not.toContain(4);
  });

  it('rejects lines that are not JSON through the streaming interface', () => {
    const s = right(createStratifier({ asOf: AS_OF, minPoints: 0 }));
    s.addJson(JSON.stringify(persons[0]), 1);
    s.addJson('{"birthDate": ', 2);
    s.addJson(JSON.stringify(persons[1]), 3);
    const taken = s.take();
    const { summary } = mergeStratifications(s, [s.state()]);
    expect(taken.map((e) => e.line)).toEqual([1, 3]);
    expect(summary.rejectedRecords).toEqual([{ line: 2, issues: [expect.objectContaining({ code: 'json_syntax' })] }]);
    expect([summary.read, summary.ranked, summary.rejected, summary.listed]).toEqual([3, 2, 1, 2]);
  });

  it('gives the same result when the cohort is split over several stratifiers and merged', () => {
    for (const options of [{ asOf: AS_OF, topPercent: 7, expectedSize: 400 }, { asOf: AS_OF, minPoints: 4 }]) {
      const whole = right(stratify(persons, options));
      const shards = [0, 1, 2].map(() => right(createStratifier(options)));
      persons.forEach((p, i) => shards[i % 3]!.add(p, i + 1));
      const merged = mergeStratifications(shards[0]!, shards.map((s) => s.state()));
      expect(merged).toEqual(whole);
    }
  });

  it('screens generated persons without re-validating them (addSynthetic) with exactly the result of validating them', () => {
    // The trusted path of `stratify --synthetic` and the benchmarks: same worklist, explanations and summary as `add`.
    for (const options of [{ asOf: AS_OF, topPercent: 100 }, { asOf: AS_OF, topPercent: 5, expectedSize: 1500 }, { asOf: AS_OF, minPoints: 3 }, { asOf: AS_OF, minPoints: 0, lang: 'en' as const }]) {
      const validated = right(stratify(cohort(1500, 11), options));
      const trusted = right(createStratifier(options));
      trusted.addSynthetic({ seed: 11, size: 1500, from: 0, to: 700 });
      trusted.addSynthetic({ seed: 11, size: 1500, from: 700 });
      expect(mergeStratifications(trusted, [trusted.state()])).toEqual(validated);
    }
  });

  it('rejects bad options as values', () => {
    expect(stratify([], { asOf: '2026-13-01' })._tag).toBe('Left');
    expect(stratify([], { asOf: AS_OF, topPercent: 0 })._tag).toBe('Left');
    expect(stratify([], { asOf: AS_OF, topPercent: 5, minPoints: 3 })._tag).toBe('Left');
    expect(stratify([], { asOf: '2020-01-01' })._tag).toBe('Left'); // before the rule set is valid
    const r = stratify([], { asOf: AS_OF, topPercent: 101, lang: 'en' });
    expect(r._tag === 'Left' && r.left.issues[0]!.path).toBe('topPercent');
  });

  it('explains in nynorsk and English too', () => {
    for (const lang of ['nn', 'en'] as const) {
      const { entries } = right(stratify(persons, { asOf: AS_OF, topPercent: 2, lang }));
      const first = entries[0]!;
      const d = right(evaluate(ruleSet, persons[first.line - 1], { asOf: AS_OF, lang }));
      expect(first.reasons.map((r) => r.text)).toEqual(d.score!.reasons.map((r) => r.text));
    }
  });
});

describe('worklist output', () => {
  const { entries, summary } = right(stratify(cohort(300, 3), { asOf: AS_OF, topPercent: 5 }));

  it('writes NDJSON that reads back to the same entries', () => {
    const text = entries.map(worklistJsonLine).join('\n');
    expect(text.split('\n').map((l) => JSON.parse(l) as WorklistEntry)).toEqual(entries);
  });

  it('writes CSV with one row per entry and quoted cells', () => {
    const rows = entries.map(worklistCsvRow);
    expect(WORKLIST_CSV_HEADER.split(',')).toHaveLength(13);
    for (const [i, row] of rows.entries()) {
      expect(row.startsWith(`${i + 1},${entries[i]!.line},`)).toBe(true);
      expect(row).toContain(`top 5%`);
    }
    const e: WorklistEntry = { ...entries[0]!, id: '=HYPERLINK("x")', dataNeeded: ['a, b'] };
    const row = worklistCsvRow(e);
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain('"a, b"');
  });

  it('renders a self-contained report with inline SVG and no external requests', () => {
    const html = renderStratifyReport(summary);
    expect(html).toContain('<svg');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(String(summary.ranked));
    expect(renderStratifyReport(summary, 'en')).toContain('Risk screening');
    expect(renderStratifyReport(summary, 'nn')).toContain('arbeidslista');
  });
});
