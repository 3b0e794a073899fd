import { describe, expect, it } from 'vitest';
import { builtinFacts, bundledCodeLists, deriveFacts } from '../../src/policy/index.js';
import { parsePerson } from '../../src/index.js';
import type { PersonInput } from '../../src/index.js';
import { right } from '../support/helpers.js';

/** Derives every built-in fact for a person as of a date. */
function facts(p: PersonInput, asOf = '2026-06-01'): Record<string, unknown> {
  return deriveFacts(right(parsePerson(p)), asOf, builtinFacts(), bundledCodeLists());
}
const m = (n: number) => `:{"months":${n}}`;

describe('derived facts', () => {
  it('age counts the birthday; isChild is under 18', () => {
    expect(facts({ birthDate: '2008-06-01' })).toMatchObject({ age: 18, isChild: false });
    expect(facts({ birthDate: '2008-06-02' })).toMatchObject({ age: 17, isChild: true });
    expect(facts({ birthDate: '2000-02-29' }, '2026-02-28')).toMatchObject({ age: 25 });
    expect(facts({})).not.toHaveProperty('age');
  });

  it('windows: (asOf − months, asOf]; encounters after asOf are not yet known', () => {
    const enc = [
      { type: 'emergency-admission', date: '2025-06-01', lengthOfStayDays: 3 }, // exactly 12 months before: outside
      { type: 'emergency-admission', date: '2025-06-02', lengthOfStayDays: 2 },
      { type: 'elective-admission', date: '2026-05-01', endDate: '2026-05-08' },
      { type: 'emergency-visit', date: '2026-06-01' },
      { type: 'emergency-visit', date: '2026-06-02' }, // after asOf
      { type: 'gp-consultation', date: '2026-01-15' },
    ] as const;
    const f = facts({ encounters: [...enc] });
    expect(f[`admissions${m(12)}`]).toBe(2);
    expect(f[`emergencyAdmissions${m(12)}`]).toBe(1);
    expect(f[`emergencyVisits${m(6)}`]).toBe(1);
    expect(f[`gpConsultations${m(6)}`]).toBe(1);
    expect(f[`bedDays${m(12)}`]).toBe(9);
    expect(f[`lastAdmissionLengthOfStay${m(12)}`]).toBe(7);
    expect(f[`lastAdmissionEmergency${m(12)}`]).toBe(false);
  });

  it('no admissions gives 0 length of stay and false acuity; no encounter list gives unknown', () => {
    expect(facts({ encounters: [] })).toMatchObject({
      [`lastAdmissionLengthOfStay${m(12)}`]: 0,
      [`lastAdmissionEmergency${m(12)}`]: false,
      [`admissions${m(12)}`]: 0,
    });
    expect(facts({})).not.toHaveProperty(`admissions${m(12)}`);
  });

  it('bed days are unknown when an admission lacks its length', () => {
    expect(facts({ encounters: [{ type: 'elective-admission', date: '2026-05-01' }] })).not.toHaveProperty(`bedDays${m(12)}`);
  });

  it('long-term conditions count groups, not codes; inactive and future diagnoses do not count', () => {
    const f = facts({
      diagnoses: [
        { system: 'ICPC-2', code: 'T90' },
        { system: 'ICD-10', code: 'E11.9' }, // same group: diabetes
        { system: 'ICPC-2', code: 'K77' },
        { system: 'ICPC-2', code: 'R95', active: false },
        { system: 'ICPC-2', code: 'P76', onset: '2026-07-01' }, // after asOf
        { system: 'ICPC-2', code: 'L95', abatement: '2026-01-01' },
      ],
    });
    expect(f['longTermConditions']).toBe(2);
    expect(f['longTermConditionGroups']).toEqual(['diabetes', 'heart-failure']);
    expect(f['physicalAndMental']).toBe(false);
  });

  it('physical and mental together; substance use; tobacco does not count', () => {
    expect(
      facts({
        diagnoses: [
          { system: 'ICPC-2', code: 'K86' },
          { system: 'ICD-10', code: 'F10.2' },
        ],
      }),
    ).toMatchObject({ physicalAndMental: true, substanceUse: true, mentalHealthOrSubstance: true });
    expect(facts({ diagnoses: [{ system: 'ICD-10', code: 'F17.2' }] })).toMatchObject({ mentalHealthOrSubstance: false });
  });

  it('Charlson: weights, one count per group, severe form replaces mild', () => {
    expect(
      facts({
        diagnoses: [
          { system: 'ICD-10', code: 'I50.9' },
          { system: 'ICD-10', code: 'I11.0' },
        ],
      })['charlsonIndex'],
    ).toBe(1);
    expect(
      facts({
        diagnoses: [
          { system: 'ICD-10', code: 'E11.9' },
          { system: 'ICD-10', code: 'E11.5' },
        ],
      })['charlsonIndex'],
    ).toBe(2);
    expect(
      facts({
        diagnoses: [
          { system: 'ICD-10', code: 'C18.7' },
          { system: 'ICD-10', code: 'C78.7' },
        ],
      })['charlsonIndex'],
    ).toBe(6);
    expect(
      facts({
        diagnoses: [
          { system: 'ICD-10', code: 'K70.3' },
          { system: 'ICD-10', code: 'K72.1' },
        ],
      })['charlsonIndex'],
    ).toBe(3);
    expect(
      facts({
        diagnoses: [
          { system: 'ICPC-2', code: 'K77' },
          { system: 'ICPC-2', code: 'R95' },
          { system: 'ICPC-2', code: 'T90' },
        ],
      })['charlsonIndex'],
    ).toBe(3);
    expect(facts({ diagnoses: [] })['charlsonIndex']).toBe(0);
  });

  it('regular medications: distinct ATC codes in use; as-needed and stopped ones do not count', () => {
    const f = facts({
      medications: [
        { atc: 'C03CA01', regimen: 'regular' },
        { atc: 'C03CA01', regimen: 'regular', start: '2024-01-01' },
        { atc: 'N02BE01', regimen: 'as-needed' },
        { atc: 'C07AB07', regimen: 'regular', end: '2026-01-01' },
        { atc: 'C09AA05', regimen: 'regular', start: '2026-07-01' },
      ],
    });
    expect(f['regularMedications']).toBe(1);
  });

  it('PRISMA-7 item 6 is reverse-scored; frailty needs age 65', () => {
    const prisma7 = {
      olderThan85: false,
      male: false,
      healthProblemsLimitActivities: true,
      needsRegularHelp: true,
      healthProblemsKeepAtHome: false,
      canCountOnSomeoneClose: false,
      usesWalkingAid: false,
    };
    expect(facts({ birthDate: '1950-01-01', frailty: { prisma7 } })).toMatchObject({ prisma7Score: 3, frail: true });
    expect(facts({ birthDate: '1950-01-01', frailty: { prisma7: { ...prisma7, canCountOnSomeoneClose: true } } })).toMatchObject({
      prisma7Score: 2,
      frail: false,
    });
    expect(facts({ birthDate: '1990-01-01', frailty: { prisma7 } })).toMatchObject({ frail: false });
    expect(facts({ birthDate: '1950-01-01' })).not.toHaveProperty('frail');
    expect(facts({ birthDate: '1950-01-01', frailty: { gaitSpeed4mSeconds: 7, acutelyUnwell: true } })).not.toHaveProperty('frail');
    expect(facts({ birthDate: '1950-01-01', frailty: { selfRatedHealth: 6 } })).toMatchObject({ frail: true });
  });

  it('functional limitation: xx28 code or IPLOS ≥ 3; score 9 and vision are ignored; Kleene or', () => {
    expect(facts({ diagnoses: [{ system: 'ICPC-2', code: 'L28' }] })).toMatchObject({ functionalLimitation: true });
    expect(
      facts({
        diagnoses: [],
        iplos: [
          { variable: 'spise', score: 9, date: '2026-01-01' },
          { variable: 'syn', score: 5, date: '2026-01-01' },
        ],
      }),
    ).toMatchObject({ functionalLimitation: false, iplosMax: 0 });
    expect(facts({ diagnoses: [], iplos: [{ variable: 'spise', score: 3, date: '2026-01-01' }] })).toMatchObject({
      functionalLimitation: true,
      iplosMax: 3,
    });
    // The latest score per variable wins.
    expect(
      facts({
        diagnoses: [],
        iplos: [
          { variable: 'spise', score: 4, date: '2025-01-01' },
          { variable: 'spise', score: 2, date: '2026-01-01' },
        ],
      }),
    ).toMatchObject({ functionalLimitation: false });
    expect(facts({ diagnoses: [] })).not.toHaveProperty('functionalLimitation');
    expect(facts({ iplos: [{ variable: 'spise', score: 4, date: '2026-01-01' }] })).toMatchObject({ functionalLimitation: true });
  });

  it('children: complex-condition groups by body system', () => {
    expect(
      facts({
        birthDate: '2020-01-01',
        diagnoses: [
          { system: 'ICD-10', code: 'G80.1' },
          { system: 'ICD-10', code: 'Z93.1' },
          { system: 'ICD-10', code: 'G40.9' },
        ],
      })['childComplexConditionGroups'],
    ).toBe(2);
  });

  it('municipal services: distinct active types, hours unknown when one lacks hours', () => {
    expect(
      facts({
        municipalServices: [
          { type: 'home-nursing', hoursPerWeek: 3 },
          { type: 'home-nursing', hoursPerWeek: 1 },
          { type: 'day-care', hoursPerWeek: 6, end: '2026-01-01' },
        ],
      }),
    ).toMatchObject({ municipalServices: 1, municipalServiceHours: 4 });
    expect(facts({ municipalServices: [{ type: 'home-nursing' }] })).not.toHaveProperty('municipalServiceHours');
  });

  it('the same person and date always give the same facts (pure)', () => {
    const p: PersonInput = {
      birthDate: '1950-01-01',
      diagnoses: [{ system: 'ICPC-2', code: 'K77' }],
      encounters: [{ type: 'emergency-visit', date: '2026-05-01' }],
    };
    expect(JSON.stringify(facts(p))).toBe(JSON.stringify(facts(p)));
  });
});
