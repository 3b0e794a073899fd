import { describe, expect, it } from 'vitest';
import type { PersonInput } from '../../src/index.js';
import { summariseFollowUp } from '../../src/index.js';
import { examplePerson, left, right } from '../support/helpers.js';

/*
 * Service use at baseline against follow-up, summarised against the pilot's five aims.
 */

const person: PersonInput = {
  team: { established: '2025-11-23', members: [{ service: 'gp' }, { service: 'home-nursing' }] },
  encounters: [
    { type: 'emergency-admission', date: '2025-03-01', lengthOfStayDays: 6 },
    { type: 'emergency-admission', date: '2025-08-01', lengthOfStayDays: 4 },
    { type: 'elective-admission', date: '2025-09-01', lengthOfStayDays: 2 },
    { type: 'emergency-admission', date: '2026-04-01', lengthOfStayDays: 3 },
  ],
  municipalServices: [
    { type: 'home-nursing', hoursPerWeek: 6, start: '2025-01-01', end: '2026-03-01' },
    { type: 'home-nursing', hoursPerWeek: 3, start: '2026-03-02' },
  ],
  functionMeasures: [
    {
      instrument: 'PSFS',
      date: '2025-11-30',
      direction: 'higher-is-better',
      activities: [
        { activity: 'gå', score: 3 },
        { activity: 'handle', score: 2 },
        { activity: 'lage mat', score: 4 },
      ],
    },
    {
      instrument: 'PSFS',
      date: '2026-11-01',
      direction: 'higher-is-better',
      activities: [
        { activity: 'gå', score: 6 },
        { activity: 'handle', score: 5 },
        { activity: 'lage mat', score: 4 },
      ],
    },
  ],
  individualPlan: {
    goals: [
      { id: 'g1', text: 'Gå tur', status: 'met' },
      { id: 'g2', text: 'Handle selv', status: 'open' },
    ],
  },
};

describe('summariseFollowUp', () => {
  it('compares the year before the team with the year after, per aim', () => {
    const s = right(summariseFollowUp(person, { asOf: '2026-11-23' }));
    expect(s.baselineDate).toBe('2025-11-23');
    expect(s.baseline).toMatchObject({
      from: '2024-11-23',
      to: '2025-11-23',
      emergencyAdmissions: 2,
      bedDays: 12,
      municipalServiceHours: 6,
    });
    expect(s.followUp).toMatchObject({
      from: '2025-11-23',
      to: '2026-11-23',
      emergencyAdmissions: 1,
      bedDays: 3,
      municipalServiceHours: 3,
    });
    const by = Object.fromEntries(s.aims.map((a) => [a.aim, a]));
    expect(s.aims.map((a) => a.aim)).toEqual([
      'own-goals',
      'function-and-self-management',
      'experienced-quality',
      'municipal-services',
      'hospital-admissions',
    ]);
    expect(by['own-goals']!.values).toEqual({ goalsMet: 1, goals: 2 });
    expect(by['function-and-self-management']!.values['psfsImprovement']).toBe(2);
    expect(by['experienced-quality']!.measured).toBe(false);
    expect(by['municipal-services']!.values).toEqual({ hoursBefore: 6, hoursAfter: 3 });
    expect(by['hospital-admissions']!.values['emergencyAdmissionsPerYearBefore']).toBeCloseTo(2, 1);
    expect(by['hospital-admissions']!.values['emergencyAdmissionsPerYearAfter']).toBeCloseTo(1, 1);
    expect(by['hospital-admissions']!.text).toMatch(/Akutte innleggelser per år: 2 før, 1 etter\. Liggedøgn per år: 12 før, 3 etter\./);
  });

  it('writes its labels in nynorsk and English too', () => {
    const nn = right(summariseFollowUp(person, { asOf: '2026-11-23', lang: 'nn' }));
    expect(nn.aims.find((a) => a.aim === 'hospital-admissions')!.text).toContain('Akutte innleggingar per år');
    expect(nn.aims.find((a) => a.aim === 'experienced-quality')!.text).toContain('Ikkje målt');
    const en = right(summariseFollowUp(person, { asOf: '2026-11-23', lang: 'en' }));
    expect(en.aims.find((a) => a.aim === 'own-goals')!.text).toBe('1 of 2 goals met.');
  });

  it('scales a short follow-up to a yearly rate', () => {
    const s = right(summariseFollowUp(person, { asOf: '2026-05-23', baselineDate: '2025-11-23', months: 6 }));
    expect(s.baseline.from).toBe('2025-05-23');
    expect(s.followUp.days).toBe(181);
    const h = s.aims.find((a) => a.aim === 'hospital-admissions')!;
    expect(h.values['emergencyAdmissionsPerYearAfter']).toBeCloseTo((1 * 365) / 181, 5);
  });

  it('reports what it cannot know as not measured instead of guessing', () => {
    const s = right(summariseFollowUp({ team: { established: '2026-01-01', members: [] } }, { asOf: '2026-11-23' }));
    for (const a of s.aims) expect(a.measured).toBe(false);
    expect(s.baseline.emergencyAdmissions).toBeUndefined();
  });

  it('needs a baseline date, and names the field when there is none', () => {
    const e = left(summariseFollowUp(examplePerson('nora'), { asOf: '2026-11-23' }));
    expect(e._tag).toBe('InvalidOptions');
    expect(e.issues[0]!.path).toBe('baselineDate');
  });

  it('rejects an invalid person with the person error', () => {
    const e = left(summariseFollowUp({ birthDate: '2020-02-30' }, { asOf: '2026-11-23', baselineDate: '2026-01-01' }));
    expect(e._tag).toBe('InvalidPerson');
  });
});
