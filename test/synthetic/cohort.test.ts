import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PREVALENCE_FIGURES, generateCohort, generatePerson } from '../../src/population/index.js';
import { evaluate, loadBundledRuleSet, parsePerson, validateNationalId } from '../../src/index.js';
import { renderFigureTable } from '../../scripts/prevalences.js';
import { ROOT, right } from '../support/helpers.js';

const AS_OF = '2026-11-23';
const take = (seed: number, size: number, asOf = AS_OF) => [...generateCohort({ seed, size, asOf })];

describe('generateCohort', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(take(42, 300));
    expect(JSON.stringify(take(42, 300))).toBe(a);
    expect(JSON.stringify(take(43, 300))).not.toBe(a);
  });

  it('gives a slice equal to the same slice of the whole cohort, and each person by index', () => {
    const whole = take(9, 500);
    const slice = [...generateCohort({ seed: 9, size: 500, asOf: AS_OF, from: 137, to: 263 })];
    expect(slice).toEqual(whole.slice(137, 263));
    expect(generatePerson(9, 401, AS_OF)).toEqual(whole[401]);
  });

  it('is lazy: a huge cohort yields its first persons without generating the rest', () => {
    const it = generateCohort({ seed: 1, size: 10_000_000, asOf: AS_OF })[Symbol.iterator]();
    expect(it.next().done).toBe(false);
    expect(it.next().value).toEqual(generatePerson(1, 1, AS_OF));
  });

  it('generates persons valid against the Person schema, with synthetic national ids (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }),
        (seed, index, date) => {
          const asOf = date.toISOString().slice(0, 10);
          const p = generatePerson(seed, index, asOf);
          const r = parsePerson(p);
          expect(r._tag === 'Left' ? r.left.issues : []).toEqual([]);
          expect(validateNationalId(p.nationalId!)).toBe('fnr');
          expect(Number(p.nationalId!.slice(2, 4))).toBeGreaterThan(80); // month + 80: a test identity
          expect(p.birthDate! <= asOf).toBe(true);
          for (const e of p.encounters ?? []) expect(e.date <= asOf).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every person of a cohort validates', () => {
    const bad = take(2024, 2000).filter((p) => parsePerson(p)._tag === 'Left');
    expect(bad).toEqual([]);
  });

  it('rejects misuse', () => {
    expect(() => take(1.5, 1)).toThrow(RangeError);
    expect(() => take(1, -1)).toThrow(RangeError);
    expect(() => take(1, 1, '2026-02-30')).toThrow(RangeError);
    expect(() => [...generateCohort({ seed: 1, size: 10, asOf: AS_OF, from: 5, to: 11 })]).toThrow(RangeError);
  });
});

describe('prevalence figures', () => {
  it('are each documented with a source or marked as an assumption', () => {
    for (const [name, f] of Object.entries(PREVALENCE_FIGURES)) {
      expect(['source', 'derived', 'assumption'], name).toContain(f.kind);
      expect(f.source.length, name).toBeGreaterThan(5);
      if (f.kind === 'assumption') expect(f.source, name).toMatch(/assumption/);
      else expect(f.source, name).not.toBe('assumption');
    }
  });

  /*
   * The cohort against the sources themselves, not against the code's own figure table. The age
   * structure is SSB Statistisk årbok 2013, tabell 105 (the 2020 projection), summed by hand from its
   * five-year shares (which add up to 99.9 %): 0–14 18.3 %, 65 and over 17.0 %, 80 and over 4.1 %.
   * The README says the default high-risk cut-off puts 3.3 % of adults in the high tier (measured on
   * 200 000 persons). 10 000 persons give these within about a percentage point.
   */
  const measured = (() => {
    const persons = take(2026, 10_000);
    const ageOf = (p: (typeof persons)[number]) => {
      const b = p.birthDate!;
      return Number(AS_OF.slice(0, 4)) - Number(b.slice(0, 4)) - (AS_OF.slice(5) < b.slice(5) ? 1 : 0);
    };
    const ages = persons.map(ageOf);
    const share = (pred: (a: number) => boolean) => (100 * ages.filter(pred).length) / ages.length;
    const rs = right(loadBundledRuleSet('identification'));
    const adults = persons.filter((p) => ageOf(p) >= 18);
    const high = adults.filter((p) => right(evaluate(rs, p, { asOf: AS_OF, trace: 'none' })).score!.tier === 'high').length;
    const out = {
      under15: share((a) => a < 15),
      from65: share((a) => a >= 65),
      from80: share((a) => a >= 80),
      highAdults: (100 * high) / adults.length,
    };
    return out;
  })();

  it("the age structure is SSB's: 18.3 % under 15, 17.0 % from 65, 4.1 % from 80", () => {
    expect(Math.abs(measured.under15 - 18.3)).toBeLessThan(1.2);
    expect(Math.abs(measured.from65 - 17.0)).toBeLessThan(1.2);
    expect(Math.abs(measured.from80 - 4.1)).toBeLessThan(0.6);
  });

  it('the default identification cut-off puts about 3.3 % of adults in the high tier, as the README says', () => {
    expect(measured.highAdults).toBeGreaterThan(2.5);
    expect(measured.highAdults).toBeLessThan(4.2);
  });

  it('PREVALENCES.md carries the current figure table (drift check; run `npx tsx scripts/prevalences.ts`)', () => {
    const md = readFileSync(`${ROOT}src/synthetic/PREVALENCES.md`, 'utf8');
    expect(md).toContain(renderFigureTable());
  });
});
