import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../src/index.js';
import { LIMITS, evaluate, parsePerson, validateNationalId } from '../../src/index.js';
import { completeNationalId } from '../../src/population/index.js';
import { examplePerson, left, right, ruleSet } from '../support/helpers.js';

const AS_OF = '2026-11-23';
const issuesOf = (input: unknown, lang: 'nb' | 'nn' | 'en' = 'nb'): ValidationIssue[] => {
  const e = left(parsePerson(input, lang));
  expect(e._tag).toBe('InvalidPerson');
  return [...e.issues];
};

describe('person validation', () => {
  it('accepts the example persons', () => {
    for (const name of ['klara', 'morten', 'kasper', 'nora']) right(parsePerson(examplePerson(name)));
  });

  it('wrong type: names the path and the expected type, in the requested language', () => {
    const [i] = issuesOf({ birthDate: 19510302 }, 'en');
    expect(i).toMatchObject({ path: 'birthDate', code: 'invalid_type' });
    expect(i!.message).toContain('birthDate');
    expect(i!.message).toContain('expected a text');
    expect(i!.detail).toMatchObject({ expected: 'string' });
    // Type names are words in each language, not the schema's English type names.
    const [nn] = issuesOf({ birthDate: 19510302 }, 'nn');
    expect(nn!.message).toContain('venta ein tekst');
    const [nb] = issuesOf({ birthDate: 19510302 }, 'nb');
    expect(nb!.message).toContain('forventet en tekst');
  });

  it('impossible dates are rejected (2023-02-30, 2025-13-01)', () => {
    expect(issuesOf({ birthDate: '2023-02-30' })).toMatchObject([{ path: 'birthDate', code: 'birth_date' }]);
    expect(issuesOf({ birthDate: '2023-13' })).toMatchObject([{ path: 'birthDate', code: 'birth_date' }]);
    expect(issuesOf({ birthDate: '23-02-01' })).toMatchObject([{ path: 'birthDate', code: 'birth_date' }]);
    expect(issuesOf({ encounters: [{ type: 'gp-consultation', date: '2025-13-01' }] })).toMatchObject([
      { path: 'encounters[0].date', code: 'iso_date' },
    ]);
    expect(issuesOf({ encounters: [{ type: 'emergency-admission', date: '2025-03-10', endDate: '2025-03-01' }] })).toMatchObject([
      { path: 'encounters[0].endDate', code: 'date_order' },
    ]);
  });

  it('an unknown code system is rejected with the allowed systems', () => {
    const [i] = issuesOf({ diagnoses: [{ system: 'SNOMED-CT', code: '84114007' }] });
    expect(i).toMatchObject({ path: 'diagnoses[0].system', code: 'invalid_value' });
    expect(i!.message).toContain('ICPC-2');
  });

  it('a code that does not fit its system is rejected', () => {
    expect(issuesOf({ diagnoses: [{ system: 'ICPC-2', code: 'I50.0' }] })).toMatchObject([
      { path: 'diagnoses[0].code', code: 'icpc2_code' },
    ]);
    expect(issuesOf({ diagnoses: [{ system: 'ICD-10', code: '50' }] })).toMatchObject([{ path: 'diagnoses[0].code', code: 'icd10_code' }]);
  });

  it('a bad fødselsnummer is rejected and its value never appears in the message', () => {
    const bad = '02835110038'; // last check digit wrong
    const [i] = issuesOf({ nationalId: bad });
    expect(i).toMatchObject({ path: 'nationalId', code: 'national_id' });
    expect(JSON.stringify(i)).not.toContain(bad);
    expect(validateNationalId('02835110039')).toBe('fnr');
    expect(validateNationalId('41835110071')).toBeUndefined();
  });

  it('D-nummer and fødselsnummer check digits', () => {
    // A D-nummer adds 4 to the first digit of the day.
    const d = '42835110'; // day 42 = 2nd, synthetic month 83 = March
    const candidates = Array.from({ length: 10 }, (_, i) => `${d}${i}`).map((s) => s.padEnd(9, '0'));
    const valid = candidates.map((c) => c + '00').filter((x) => validateNationalId(x) !== undefined);
    for (const v of valid) expect(validateNationalId(v)).toBe('dnr');
    expect(validateNationalId('1234567890')).toBeUndefined();
    expect(validateNationalId('abcdefghijk')).toBeUndefined();
  });

  it('check digits agree with the modulus-11 rule written out here, on any 11 digits', () => {
    // Skatteetaten's rule: k1 = 11 − (3d1+7d2+6d3+1d4+8d5+9d6+4d7+5d8+2d9 mod 11), k2 likewise over
    // d1..d9 and k1 with 5,4,3,2,7,6,5,4,3,2; 11 gives 0 and 10 means no valid number.
    const mod11 = (ds: number[], ws: number[]): number | undefined => {
      const r = 11 - (ds.reduce((a, d, i) => a + d * ws[i]!, 0) % 11);
      return r === 11 ? 0 : r === 10 ? undefined : r;
    };
    const digitsOk = (s: string): boolean => {
      const d = s.split('').map(Number);
      const k1 = mod11(d.slice(0, 9), [3, 7, 6, 1, 8, 9, 4, 5, 2]);
      const k2 = mod11(d.slice(0, 10), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
      return k1 === d[9] && k2 === d[10];
    };
    const dateOk = (s: string): boolean => {
      let day = Number(s.slice(0, 2));
      let month = Number(s.slice(2, 4));
      if (day > 40) day -= 40;
      if (month > 80) month -= 80;
      else if (month > 40) month -= 40;
      return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    };
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    fc.assert(
      fc.property(digits(11), (s) => {
        expect(validateNationalId(s) !== undefined).toBe(digitsOk(s) && dateOk(s));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(digits(9), (first9) => {
        const id = completeNationalId(first9);
        if (id === undefined) return;
        expect(id.slice(0, 9)).toBe(first9);
        expect(digitsOk(id)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('unknown fields are errors, not silently dropped', () => {
    expect(issuesOf({ birthdate: '1950-01-01' })).toMatchObject([{ path: 'birthdate', code: 'unknown_key' }]);
    expect(issuesOf({ social: { livesAlon: true } })).toMatchObject([{ path: 'social.livesAlon', code: 'unknown_key' }]);
  });

  it('values outside their range are rejected', () => {
    expect(issuesOf({ iplos: [{ variable: 'spise', score: 6, date: '2026-01-01' }] })[0]).toMatchObject({ path: 'iplos[0].score' });
    expect(
      issuesOf({
        functionMeasures: [
          { instrument: 'PSFS', date: '2026-01-01', direction: 'higher-is-better', activities: [{ activity: 'gå', score: 11 }] },
        ],
      })[0],
    ).toMatchObject({ path: 'functionMeasures[0].activities[0].score', code: 'too_big' });
  });

  it('size limits are enforced with a too_big issue', () => {
    const diagnoses = Array.from({ length: LIMITS.diagnoses + 1 }, () => ({ system: 'ICPC-2', code: 'K77' }));
    expect(issuesOf({ diagnoses })).toMatchObject([{ path: 'diagnoses', code: 'too_big' }]);
  });

  it('non-objects are rejected at the root', () => {
    for (const input of [null, 42, 'klara', [], undefined]) expect(issuesOf(input)[0]!.path).toBe('');
  });

  it('evaluate returns the person error instead of throwing', () => {
    const e = left(evaluate(ruleSet('identification'), { birthDate: 'yesterday' }, { asOf: AS_OF }));
    expect(e._tag).toBe('InvalidPerson');
  });

  it('evaluate rejects a bad asOf, a bad language and a date outside the rule set validity', () => {
    const rs = ruleSet('identification');
    expect(left(evaluate(rs, {}, { asOf: '23.11.2026' }))).toMatchObject({
      _tag: 'InvalidOptions',
      issues: [{ path: 'asOf', code: 'iso_date' }],
    });
    expect(left(evaluate(rs, {}, { asOf: AS_OF, lang: 'sv' as never }))).toMatchObject({
      _tag: 'InvalidOptions',
      issues: [{ path: 'lang' }],
    });
    expect(left(evaluate(rs, {}, { asOf: '1999-01-01' }))).toMatchObject({
      _tag: 'InvalidOptions',
      issues: [{ path: 'asOf', code: 'not_valid_now' }],
    });
  });

  it('unknown stays unknown: an absent list is unknown, an empty list is known', () => {
    const rs = ruleSet('identification');
    const unknown = right(evaluate(rs, { birthDate: '1950-01-01' }, { asOf: AS_OF }));
    expect(unknown.outcomes.find((o) => o.ruleId === 'ID-MEDICATION-REVIEW')!.outcome).toBe('unknown');
    const known = right(evaluate(rs, { birthDate: '1950-01-01', medications: [] }, { asOf: AS_OF }));
    expect(known.outcomes.find((o) => o.ruleId === 'ID-MEDICATION-REVIEW')!.outcome).toBe(false);
    const need = unknown.dataNeeded.find((d) => d.ruleId === 'ID-MEDICATION-REVIEW')!;
    expect(need.missing.map((m) => m.fact)).toEqual(['regularMedications']);
    expect(need.text).toContain('antall faste legemidler');
  });
});
