import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, evaluateFacts } from '../../src/index.js';
import type { CompiledRuleSet } from '../../src/index.js';
import { parseVectorFile, renderCatalogueMarkdown, ruleSetInForce, runVectors, builtinFacts } from '../../src/policy/index.js';
import { ROOT } from '../support/helpers.js';

/*
 * Versions of a rule set through the public API: the version in force on a date, a period that ends
 * before it begins, vectors of a version prepared for next year, sign-off in the stamp and the catalogue.
 */

const consent = JSON.parse(readFileSync(join(ROOT, 'rules', 'consent.json'), 'utf8')) as Record<string, unknown>;
const vectors = JSON.parse(readFileSync(join(ROOT, 'rules', 'consent.test.json'), 'utf8')) as { vectors: { asOf?: string }[] };

function compiled(changes: Record<string, unknown>): CompiledRuleSet {
  const r = compileRuleSet({ ...consent, ...changes });
  if (r._tag === 'Left') throw new Error(JSON.stringify(r.left.issues));
  return r.right;
}

describe('versions of a rule set', () => {
  const v2026 = compiled({ version: '2.0.0', validFrom: '2026-01-01', validTo: '2026-12-31' });
  const v2027 = compiled({ version: '2.1.0', validFrom: '2027-01-01' });

  it('ruleSetInForce picks the version whose period holds the date, and none outside every period', () => {
    expect(ruleSetInForce([v2026, v2027], '2026-06-01')).toBe(v2026);
    expect(ruleSetInForce([v2027, v2026], '2026-12-31')).toBe(v2026);
    expect(ruleSetInForce([v2026, v2027], '2027-01-01')).toBe(v2027);
    expect(ruleSetInForce([v2026, v2027], '2025-12-31')).toBeUndefined();
    expect(ruleSetInForce([v2026], '2027-01-01')).toBeUndefined();
  });

  it('of periods that do not overlap, the one picked holds the date, whatever the order given', () => {
    const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    // Consecutive periods: cut points in increasing order, the last one open-ended or not.
    const periods = fc
      .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 6 }), fc.boolean())
      .map(([cuts, openEnd]) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        return sorted.map((c, i) => ({
          id: 'x',
          version: `1.${i}.0`,
          validFrom: day(c),
          ...(i + 1 < sorted.length ? { validTo: day(sorted[i + 1]! - 1) } : openEnd ? {} : { validTo: day(c + 30) }),
        }));
      });
    fc.assert(
      fc.property(periods, fc.integer({ min: -10, max: 3100 }), fc.boolean(), (ps, d, reverse) => {
        const asOf = day(d);
        const picked = ruleSetInForce(reverse ? [...ps].reverse() : ps, asOf);
        const holding = ps.filter((p) => p.validFrom <= asOf && (p.validTo === undefined || asOf <= p.validTo));
        expect(holding.length).toBeLessThanOrEqual(1);
        expect(picked).toBe(holding[0]);
      }),
    );
  });

  it('a period that ends before it begins is one issue on validTo, in the requested language', () => {
    const r = compileRuleSet({ ...consent, validFrom: '2026-01-01', validTo: '2025-12-31' }, { lang: 'nn' });
    expect(r._tag).toBe('Left');
    if (r._tag !== 'Left') return;
    expect(r.left.issues).toHaveLength(1);
    expect(r.left.issues[0]).toMatchObject({ code: 'period_order', path: 'validTo' });
    expect(r.left.issues[0]!.message).toBe(
      '«validTo»: sluttdatoen 2025-12-31 er før startdatoen 2026-01-01. validTo må vere same dag som validFrom eller seinare.',
    );
    // One day long is a period.
    expect(compileRuleSet({ ...consent, validFrom: '2026-01-01', validTo: '2026-01-01' })._tag).toBe('Right');
  });

  it('the vectors of a version prepared for next year pass as written, and a vector without asOf runs on validFrom', () => {
    const next = compiled({ version: '3.0.0', validFrom: '2027-01-01' });
    const file = parseVectorFile(vectors);
    if (file._tag === 'Left') throw new Error('vectors invalid');
    expect(file.right.vectors.some((v) => v.asOf !== undefined && v.asOf < '2027-01-01')).toBe(true);
    const results = runVectors(next, file.right);
    expect(results.filter((r) => !r.passed).map((r) => r.name)).toEqual([]);
    expect(results).toHaveLength(file.right.vectors.length);

    const undated = parseVectorFile({
      ruleSet: 'consent',
      vectors: [{ name: 'no date', facts: {}, expect: {} }],
    });
    if (undated._tag === 'Left') throw new Error('vector invalid');
    const [r] = runVectors(next, undated.right);
    expect(r!.passed).toBe(true);
    expect(r!.decision!.asOf).toBe('2027-01-01');
  });

  it('evaluating for a person still keeps the period: next year’s version refuses this year’s date', () => {
    const next = compiled({ version: '3.0.0', validFrom: '2027-01-01' });
    const r = evaluateFacts(next, {}, { asOf: '2026-06-01' });
    expect(r._tag).toBe('Left');
    if (r._tag === 'Left') expect(r.left.issues[0]).toMatchObject({ code: 'not_valid_now' });
  });
});

describe('sign-off', () => {
  const signOff = {
    approvedBy: 'Kommuneoverlegen i Eksempel kommune',
    approvedOn: '2026-11-20',
    changeNote: { nb: 'Ny frist for samtykke.', nn: 'Ny frist for samtykke.', en: 'New deadline for consent.' },
  };

  it('the stamp of every decision carries who approved the rule set, and when', () => {
    const rs = compiled({ version: '2.1.0', validFrom: '2027-01-01', ...signOff });
    const d = evaluateFacts(rs, {}, { asOf: '2027-02-01' });
    if (d._tag === 'Left') throw new Error('evaluation failed');
    expect(d.right.ruleSet).toEqual({
      id: 'consent',
      version: '2.1.0',
      contentHash: rs.contentHash,
      approvedBy: 'Kommuneoverlegen i Eksempel kommune',
      approvedOn: '2026-11-20',
    });
  });

  it('a rule set without sign-off stamps its decisions as before: id, version and hash alone', () => {
    const rs = compiled({});
    const d = evaluateFacts(rs, {}, { asOf: '2026-06-01' });
    if (d._tag === 'Left') throw new Error('evaluation failed');
    expect(Object.keys(d.right.ruleSet).sort()).toEqual(['contentHash', 'id', 'version']);
  });

  it('the catalogue shows the sign-off and a change log across versions, oldest first', () => {
    const old = compiled({ version: '2.0.0', validFrom: '2026-01-01', validTo: '2026-12-31' });
    const next = compiled({ version: '2.1.0', validFrom: '2027-01-01', ...signOff });
    const md = renderCatalogueMarkdown(
      { facts: builtinFacts(), ruleSets: [{ ruleSet: next, path: 'consent-2027.json', vectors: [], versions: [next, old] }] },
      'nb',
    );
    expect(md).toContain('Godkjent av');
    expect(md).toContain('Kommuneoverlegen i Eksempel kommune');
    expect(md).toContain('Ny frist for samtykke.');
    const log = md.slice(md.indexOf('### Endringslogg'));
    expect(log).toMatch(/\| 2\.0\.0 \| 2026-01-01 \| 2026-12-31 \| ikke registrert \| — \| — \|/);
    expect(log).toMatch(
      /\| 2\.1\.0 \(vist her\) \| 2027-01-01 \| — \| Kommuneoverlegen i Eksempel kommune \| 2026-11-20 \| Ny frist for samtykke\. \|/,
    );
    expect(log.indexOf('2.0.0')).toBeLessThan(log.indexOf('2.1.0'));
    const nn = renderCatalogueMarkdown(
      { facts: builtinFacts(), ruleSets: [{ ruleSet: old, path: 'consent.json', vectors: [], versions: [next, old] }] },
      'nn',
    );
    expect(nn).toContain('Godkjend av');
    expect(nn).toMatch(/\| 2\.0\.0 \(vist her\) \|/);
  });
});
