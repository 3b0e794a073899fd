import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/index.js';
import type { WorklistEntry } from '../../src/population/index.js';
import {
  WORKLIST_CSV_HEADER,
  createStratifier,
  generateCohort,
  mergeStratifications,
  renderStratifyReport,
  stratify,
  worklistCsvRow,
  worklistJsonLine,
} from '../../src/population/index.js';
import { evaluate, explainRule, loadBundledRuleSet } from '../../src/index.js';
import { right } from '../support/helpers.js';

const AS_OF = '2026-11-23';
const ruleSet = right(loadBundledRuleSet('identification'));
const cohort = (size: number, seed = 7) => [...generateCohort({ seed, size, asOf: AS_OF })];

/** Each person's decision on their own, by line (1-based), as `evaluate` gives it. */
function decisionsAlone(persons: readonly unknown[]): Map<number, Decision> {
  return new Map(persons.map((p, i) => [i + 1, right(evaluate(ruleSet, p, { asOf: AS_OF }))]));
}

/**
 * The ranking's definition, as a comparison of two entries (not a sort): more points first, then
 * more points still possible (missing data could raise the score), then the earlier line.
 */
function ranksAtOrAbove(
  a: { points: number; maxPoints: number; line: number },
  b: { points: number; maxPoints: number; line: number },
): boolean {
  if (a.points !== b.points) return a.points > b.points;
  if (a.maxPoints !== b.maxPoints) return a.maxPoints > b.maxPoints;
  return a.line <= b.line;
}

describe('stratify', () => {
  const persons = cohort(400);
  const alone = decisionsAlone(persons);
  const scoreOf = (line: number) => ({ line, points: alone.get(line)!.score!.points, maxPoints: alone.get(line)!.score!.maxPoints });

  it('lists everyone, each with the score, reasons and explanations of evaluating that person alone, in ranking order', () => {
    const { entries, summary } = right(stratify(persons, { asOf: AS_OF, topPercent: 100 }));
    expect(entries.map((e) => e.line).sort((a, b) => a - b)).toEqual(persons.map((_, i) => i + 1));
    entries.forEach((e, i) => {
      const d = alone.get(e.line)!;
      expect(e.rank).toBe(i + 1);
      expect([e.points, e.maxPoints, e.tier, e.tierIfComplete]).toEqual([
        d.score!.points,
        d.score!.maxPoints,
        d.score!.tier,
        d.score!.tierIfComplete,
      ]);
      expect(e.reasons.map((r) => [r.ruleId, r.points, r.text])).toEqual(d.score!.reasons.map((r) => [r.ruleId, r.points, r.text]));
      for (const r of e.reasons)
        expect(r.why).toBe(explainRule(d.trace!.find((t) => t.ruleId === r.ruleId)!, { lang: 'nb', ruleSet }).summary);
      expect(e.prompts.map((p) => p.ruleId)).toEqual(d.prompts.map((p) => p.ruleId));
      const subGroups = d.findings.filter((f) => f.params['finding'] === 'sub-group').map((f) => f.params['subGroup']);
      expect(e.subGroups).toEqual(subGroups);
      if (i > 0) expect(ranksAtOrAbove(entries[i - 1]!, e), `rank ${i}`).toBe(true);
    });
    const tiers = { low: 0, moderate: 0, high: 0 };
    for (const d of alone.values()) tiers[d.score!.tier]++;
    expect(summary.tiers).toEqual(tiers);
    expect(summary.histogram.reduce((a, b) => a + b, 0)).toBe(persons.length);
    expect([summary.read, summary.ranked, summary.rejected]).toEqual([400, 400, 0]);
  });

  it('ranks hand-scored persons in the order their points, then their possible points, then their lines give', () => {
    // LACE/HOSPITAL points worked out by hand (see test/ruleSets/boundaries.test.ts for each component):
    const visits = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ type: 'emergency-visit' as const, date: `2026-10-${String(10 + i)}` }));
    const hand = [
      { encounters: visits(1), diagnoses: [] }, // line 1: 1 point, nothing unknown
      { encounters: visits(4), diagnoses: [] }, // line 2: 4 points
      { encounters: visits(1) }, // line 3: 1 point; the Charlson index is unknown (up to 5 more)
      { encounters: [...visits(4), { type: 'emergency-admission' as const, date: '2026-10-01', lengthOfStayDays: 3 }], diagnoses: [] }, // line 4: 4 + 3 + 3 = 10
      { encounters: visits(4), diagnoses: [] }, // line 5: 4 points, as line 2
      { encounters: [], diagnoses: [] }, // line 6: 0 points
    ];
    const { entries } = right(stratify(hand, { asOf: AS_OF, topPercent: 100 }));
    expect(entries.map((e) => [e.line, e.points])).toEqual([
      [4, 10],
      [2, 4],
      [5, 4],
      [3, 1],
      [1, 1],
      [6, 0],
    ]);
  });

  it('by points lists exactly those at or above the cut-off, ranked; by default the high-risk cut-off', () => {
    const byDefault = right(stratify(persons, { asOf: AS_OF }));
    const high = ruleSet.tiers!.find((t) => t.tier === 'high')!.minPoints;
    expect(byDefault.summary.cutOff).toEqual({ by: 'points', minPoints: high });
    for (const [result, cut] of [
      [byDefault, high],
      [right(stratify(persons, { asOf: AS_OF, minPoints: 3 })), 3],
    ] as const) {
      const expected = [...alone.keys()].filter((line) => alone.get(line)!.score!.points >= cut);
      expect(result.entries.map((e) => e.line).sort((a, b) => a - b)).toEqual(expected);
      result.entries.forEach((e, i) => i > 0 && expect(ranksAtOrAbove(result.entries[i - 1]!, e)).toBe(true));
      expect(result.summary.listed).toBe(result.entries.length);
    }
  });

  it('by top percent lists ceil(p × ranked) persons, each ranking at or above everyone left out, and records the lowest points listed', () => {
    for (const percent of [1, 5, 12.5]) {
      const { entries, summary } = right(stratify(persons, { asOf: AS_OF, topPercent: percent, expectedSize: persons.length }));
      const k = Math.ceil((percent / 100) * persons.length);
      expect(entries).toHaveLength(k);
      const listed = new Set(entries.map((e) => e.line));
      const left = [...alone.keys()].filter((line) => !listed.has(line)).map(scoreOf);
      for (const e of entries) for (const o of left) expect(ranksAtOrAbove(e, o), `${e.line} over ${o.line}`).toBe(true);
      expect(summary.cutOff).toEqual({ by: 'top', percent, minPoints: Math.min(...entries.map((e) => e.points)) });
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
    for (const options of [
      { asOf: AS_OF, topPercent: 7, expectedSize: 400 },
      { asOf: AS_OF, minPoints: 4 },
    ]) {
      const whole = right(stratify(persons, options));
      const shards = [0, 1, 2].map(() => right(createStratifier(options)));
      persons.forEach((p, i) => shards[i % 3]!.add(p, i + 1));
      const merged = mergeStratifications(
        shards[0]!,
        shards.map((s) => s.state()),
      );
      expect(merged).toEqual(whole);
    }
  });

  it('screens generated persons without re-validating them (addSynthetic) with exactly the result of validating them', () => {
    // The trusted path of `stratify --synthetic` and the benchmarks: same worklist, explanations and summary as `add`.
    for (const options of [
      { asOf: AS_OF, topPercent: 100 },
      { asOf: AS_OF, topPercent: 5, expectedSize: 1500 },
      { asOf: AS_OF, minPoints: 3 },
      { asOf: AS_OF, minPoints: 0, lang: 'en' as const },
    ]) {
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
