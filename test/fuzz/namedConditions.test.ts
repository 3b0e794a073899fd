import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, compileRuleSet, evaluateFacts } from '../../src/index.js';
import type { Condition, RuleSetFile } from '../../src/policy/index.js';
import { BOOL, TEST_FACTS, completeFacts, ruleSetOf } from '../support/arbitraries.js';
import { left, right } from '../support/helpers.js';
import { CLI, cli, copyFixture, editJson, tempDir } from '../cli/run.js';

/*
 * Named conditions that refer to each other many times per level ("named-condition bombs"). A rule
 * file of a few kilobytes used to expand them at every reference, compiling millions of nodes before
 * any limit was checked, and ran for minutes or out of heap. Now each named condition is compiled
 * once per rule (and depth) and shared by its references, the expanded size is counted before any
 * of it is compiled, `too_big` comes at the limit, and an error stops collecting at the issue cap.
 *
 * Time is not measured here (that is for the benchmark); a generous test timeout is the hang guard.
 */

const HANG_GUARD = 20_000;
const t = { nb: 't', nn: 't', en: 't' };
const leaf: Condition = { fact: 'b0', operator: 'equal', value: true };

/** c1 has `n` copies of `bottom`; c2 refers to c1 `n` times, c3 to c2 `n` times; the rule refers to c3 once. */
function bomb(n: number, bottom: Condition, useIt = true): RuleSetFile {
  const conditions: Record<string, Condition> = { c1: { any: Array(n).fill(bottom) } };
  conditions['c2'] = { any: Array(n).fill({ condition: 'c1' }) };
  conditions['c3'] = { any: Array(n).fill({ condition: 'c2' }) };
  return ruleSetOf([useIt ? { all: [{ condition: 'c3' }] } : { all: [leaf] }], { conditions });
}

describe('named-condition bombs', () => {
  it("the issue's attack (250 references per level to a missing condition) is refused with a capped list of issues", {
    timeout: HANG_GUARD,
  }, () => {
    const file = bomb(250, { condition: 'missing' });
    expect(JSON.stringify(file).length).toBeLessThan(20_000);
    const e = left(compileRuleSet(file, { extraFacts: TEST_FACTS }));
    expect(e.issues).toHaveLength(LIMITS.issues + 1);
    expect(e.issues.slice(0, -1).every((i) => i.code === 'unknown_condition' && i.path.startsWith('conditions.c1.any['))).toBe(true);
    expect(e.issues.at(-1)).toMatchObject({ code: 'too_many_issues' });
  });

  it('250 references per level to valid leaves (15 million when expanded) is too_big at the rule, before compiling', {
    timeout: HANG_GUARD,
  }, () => {
    expect(left(compileRuleSet(bomb(250, leaf), { extraFacts: TEST_FACTS })).issues).toMatchObject([
      { code: 'too_big', path: 'rules[0].conditions', detail: { maximum: LIMITS.conditionsPerRuleSet } },
    ]);
  });

  it('an unused bomb is counted like a used one, and refused the same way', { timeout: HANG_GUARD }, () => {
    expect(left(compileRuleSet(bomb(250, leaf, false), { extraFacts: TEST_FACTS })).issues).toMatchObject([
      { code: 'too_big', path: 'conditions.c2' },
    ]);
  });

  it('a bomb of a host’s shared conditions is refused too', { timeout: HANG_GUARD }, () => {
    const { conditions, ...file } = bomb(250, leaf);
    expect(left(compileRuleSet(file, { extraFacts: TEST_FACTS, sharedConditions: conditions })).issues).toMatchObject([
      { code: 'too_big', path: 'rules[0].conditions' },
    ]);
  });

  it('at the limit it compiles; one leaf more is too_big, counted with every reference expanded', { timeout: HANG_GUARD }, () => {
    // 20 × 25 × 40 = 20,000 leaves expanded, from a file of 85 condition nodes.
    const file = (extra: boolean): RuleSetFile =>
      ruleSetOf([{ all: [{ condition: 'c3' }, ...(extra ? [leaf] : [])] }], {
        conditions: {
          c1: { any: Array(40).fill(leaf) },
          c2: { any: Array(25).fill({ condition: 'c1' }) },
          c3: { all: Array(20).fill({ condition: 'c2' }) },
        },
      });
    right(compileRuleSet(file(false), { extraFacts: TEST_FACTS }));
    expect(left(compileRuleSet(file(true), { extraFacts: TEST_FACTS })).issues).toMatchObject([
      { code: 'too_big', path: 'rules[0].conditions' },
    ]);
  });

  it('ten megabytes of plain leaves (200,000) are too_big before the schema reads them, so a schema error in the same file is not reported', {
    timeout: HANG_GUARD,
  }, () => {
    const file = ruleSetOf(Array.from({ length: 2000 }, () => ({ any: Array.from({ length: 100 }, () => leaf) })));
    (file as { version: string }).version = 'not a version';
    expect(left(compileRuleSet(file, { extraFacts: TEST_FACTS })).issues).toMatchObject([
      { code: 'too_big', path: 'rules[200].conditions' },
    ]);
    // Under the limit, the same schema error is what is reported.
    const small = ruleSetOf(Array.from({ length: 2 }, () => ({ any: Array.from({ length: 100 }, () => leaf) })));
    (small as { version: string }).version = 'not a version';
    expect(left(compileRuleSet(small, { extraFacts: TEST_FACTS })).issues).toMatchObject([{ path: 'version' }]);
  });

  it('a shared named condition evaluates exactly as the same condition written out in full', () => {
    const inner: Condition = {
      all: [
        { fact: 'b0', operator: 'equal', value: true },
        { fact: 'n0', operator: 'greaterThan', value: 1 },
      ],
    };
    const mid: Condition = { any: [{ not: inner }, { fact: 'b1', operator: 'equal', value: false }] };
    const named = ruleSetOf(
      [
        { all: [{ condition: 'mid' }, { any: [{ condition: 'inner' }, { condition: 'mid' }] }] },
        { any: [{ condition: 'mid' }, { condition: 'inner' }] },
      ],
      {
        conditions: { inner, mid: { any: [{ not: { condition: 'inner' } }, { fact: 'b1', operator: 'equal', value: false }] } },
      },
    );
    const inline = ruleSetOf([{ all: [mid, { any: [inner, mid] }] }, { any: [mid, inner] }]);
    const a = right(compileRuleSet(named, { extraFacts: TEST_FACTS }));
    const b = right(compileRuleSet(inline, { extraFacts: TEST_FACTS }));
    fc.assert(
      fc.property(completeFacts, fc.subarray([...BOOL, 'n0']), (facts, drop) => {
        const f: Record<string, unknown> = { ...facts };
        for (const k of drop) delete f[k];
        const da = right(evaluateFacts(a, f, { asOf: '2026-06-01' }));
        const db = right(evaluateFacts(b, f, { asOf: '2026-06-01' }));
        expect(da.outcomes).toEqual(db.outcomes);
        expect(da.dataNeeded).toEqual(db.dataNeeded);
      }),
      { numRuns: 200 },
    );
  });

  it('`oppfolgingsteam validate` refuses an 8 KB bomb file promptly (exit 1, too_big with its path)', { timeout: HANG_GUARD }, async () => {
    const dir = tempDir();
    // 120 references per level over a one-leaf condition: 1.7 million leaves once expanded.
    const { conditions } = bomb(120, { condition: 'c0' });
    conditions!['c0'] = { all: [{ fact: 'age', operator: 'greaterThan', value: 1 }] };
    const file = {
      id: 'bomb',
      version: '1.0.0',
      validFrom: '2000-01-01',
      title: t,
      conditions,
      rules: [
        {
          id: 'R',
          title: t,
          text: t,
          source: { document: 'd', section: 's' },
          evidence: 'inferred',
          severity: 'info',
          conditions: { all: [{ condition: 'c3' }] },
          event: { type: 'prompt' },
        },
      ],
    };
    const text = JSON.stringify(file);
    expect(text.length).toBeLessThan(8_500);
    writeFileSync(join(dir, 'bomb.json'), text);
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      // A hung child is killed, so a regression fails here instead of outliving the test run.
      execFile(
        process.execPath,
        [CLI, 'validate', join(dir, 'bomb.json'), '--lang', 'en'],
        { encoding: 'utf8', timeout: HANG_GUARD - 2_000 },
        (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
      );
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Rule "R", field "conditions" is too large');
  });
});

/** A named-condition bomb of random shape: levels, fan-out, what is at the bottom, and how it is reached. */
const bombs = fc.record({
  levels: fc.integer({ min: 1, max: 5 }),
  fanOut: fc.integer({ min: 1, max: 300 }),
  bottom: fc.constantFrom<Condition>(
    leaf,
    { condition: 'missing' },
    { condition: 'n1' },
    { fact: 'nosuch', operator: 'equal', value: 1 },
    { fact: 'b0', operator: 'nosuch', value: 1 },
  ),
  kind: fc.constantFrom('any', 'all', 'not-any'),
  reach: fc.constantFrom('rule', 'unused', 'shared', 'many-rules'),
});

/** Expanded leaves of a bomb, as the limit counts them (0 when its bottom is a reference, which never reaches a leaf). */
const expanded = (b: { levels: number; fanOut: number; bottom: Condition }) => ('condition' in b.bottom ? 0 : b.fanOut ** b.levels);

describe('named-condition bombs, generated', () => {
  it('any bomb compiles or is refused with typed, capped issues, promptly; what compiles is within the leaf limit', {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(bombs, (b) => {
        const conditions: Record<string, Condition> = {};
        const list = (cs: Condition[]): Condition =>
          b.kind === 'all' ? { all: cs } : b.kind === 'any' ? { any: cs } : { not: { any: cs } };
        conditions['n1'] = list(Array(b.fanOut).fill(b.bottom));
        for (let l = 2; l <= b.levels; l++) conditions[`n${l}`] = list(Array(b.fanOut).fill({ condition: `n${l - 1}` }));
        const top: Condition = { all: [{ condition: `n${b.levels}` }] };
        const rules = b.reach === 'unused' ? [{ all: [leaf] }] : b.reach === 'many-rules' ? Array(50).fill(top) : [top];
        const file = ruleSetOf(rules, b.reach === 'shared' ? {} : { conditions });
        const r = compileRuleSet(file, { extraFacts: TEST_FACTS, ...(b.reach === 'shared' ? { sharedConditions: conditions } : {}) });
        if (r._tag === 'Right') {
          // What evaluation walks: each rule's conditions with every reference expanded.
          const uses = b.reach === 'many-rules' ? 50 : b.reach === 'unused' ? 0 : 1;
          expect(uses * expanded(b)).toBeLessThanOrEqual(LIMITS.conditionsPerRuleSet);
        } else {
          expect(r.left.issues.length).toBeLessThanOrEqual(LIMITS.issues + 1);
          expect(r.left.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('issue collection is capped', () => {
  it('`validate` reports at most LIMITS.issues cross-file issues per vector file, then one too_many_issues', async () => {
    const dir = copyFixture();
    editJson(join(dir, 'sample.test.json'), (f: { vectors: { expect: Record<string, string[]> }[] }) => {
      const v = f.vectors[0]!;
      f.vectors = Array.from({ length: 400 }, (_, i) => ({
        ...v,
        name: `v${i}`,
        expect: { ...v.expect, notFired: [`NO-SUCH-RULE-${i}`] },
      }));
    });
    const r = await cli(['validate', dir, '--json']);
    expect(r.code).toBe(1);
    const issues = (JSON.parse(r.stdout) as { issues: { file: string; code: string }[] }).issues.filter((i) =>
      i.file.endsWith('sample.test.json'),
    );
    expect(issues).toHaveLength(LIMITS.issues + 1);
    expect(issues.filter((i) => i.code === 'unknown_rule')).toHaveLength(LIMITS.issues);
    expect(issues.filter((i) => i.code === 'too_many_issues')).toHaveLength(1);
  });
});
