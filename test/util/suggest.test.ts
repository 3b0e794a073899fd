import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, nearestName } from '../../src/util/suggest.js';

/*
 * The "did you mean …?" helper behind validate's suggestions for facts, operators, parameters,
 * code lists, conditions and rules. Its distance is checked against a plain recursive definition,
 * and its suggestion against what a suggestion may be.
 */

/** Levenshtein distance by its definition, for short strings. */
function plainDistance(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const sub = plainDistance(a.slice(1), b.slice(1)) + (a[0] === b[0] ? 0 : 1);
  return Math.min(sub, plainDistance(a.slice(1), b) + 1, plainDistance(a, b.slice(1)) + 1);
}

const name = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'x'), maxLength: 7 });
const names = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'x'), minLength: 1, maxLength: 9 }), { maxLength: 12 });

describe('nearest-name suggestions', () => {
  it('editDistance is the Levenshtein distance, and stops early past a limit with limit + 1', () => {
    fc.assert(
      fc.property(name, name, fc.nat(8), (a, b, limit) => {
        const d = plainDistance(a, b);
        expect(editDistance(a, b)).toBe(d);
        expect(editDistance(a, b, limit)).toBe(d <= limit ? d : limit + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('a suggestion is always one of the candidates, never the name itself, and near it', () => {
    fc.assert(
      fc.property(name, names, (n, candidates) => {
        const s = nearestName(n, candidates);
        if (candidates.includes(n)) expect(s).toBeUndefined();
        if (s === undefined) return;
        expect(candidates).toContain(s);
        expect(s).not.toBe(n);
        expect(editDistance(n.toLowerCase(), s.toLowerCase())).toBeLessThanOrEqual(Math.min(4, Math.max(1, Math.floor(n.length / 3))));
      }),
      { numRuns: 3000 },
    );
  });

  it('no candidate is nearer than the one suggested', () => {
    fc.assert(
      fc.property(name, names, (n, candidates) => {
        const s = nearestName(n, candidates);
        if (s === undefined) return;
        const d = editDistance(n.toLowerCase(), s.toLowerCase());
        for (const c of candidates) expect(editDistance(n.toLowerCase(), c.toLowerCase())).toBeGreaterThanOrEqual(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the slips policy staff make, and keeps quiet about different words', () => {
    const facts = ['livesAlone', 'longTermConditions', 'falls', 'frail', 'age'];
    expect(nearestName('livesAlon', facts)).toBe('livesAlone');
    expect(nearestName('Livesalone', facts)).toBe('livesAlone');
    expect(nearestName('longtermConditions', facts)).toBe('longTermConditions');
    expect(nearestName('equals', ['equal', 'notEqual', 'in'])).toBe('equal');
    expect(nearestName('polypharmacyTriger', ['polypharmacyTrigger', 'multipleServices'])).toBe('polypharmacyTrigger');
    expect(nearestName('income', facts)).toBeUndefined();
    expect(nearestName('falls', facts)).toBeUndefined();
    expect(nearestName('', facts)).toBeUndefined();
    expect(nearestName('x'.repeat(10_000), facts)).toBeUndefined();
  });
});
