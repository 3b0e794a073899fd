import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonInput } from '../../src/index.js';
import { builtinFacts, bundledCodeLists, deriveFacts } from '../../src/policy/index.js';
import { compileRuleSet, evaluate, evaluateFacts, loadBundledRuleSet, parsePerson } from '../../src/index.js';
import { right } from '../support/helpers.js';

/*
 * The framework's derived facts, through the public API: what each computes, and that each is
 * three-valued in Kleene's sense, so a known answer never changes when missing data is filled in.
 */

const AS_OF = '2026-11-23';

function facts(p: PersonInput, asOf = AS_OF): Record<string, unknown> {
  return deriveFacts(right(parsePerson(p)), asOf, builtinFacts(), bundledCodeLists());
}

/** A fact that takes params, read through a one-rule probe set: "all of (fact equals true)". */
function withParams(fact: string, params: Record<string, unknown>, p: PersonInput): boolean | 'unknown' {
  const probe = {
    id: 'probe',
    version: '1.0.0',
    validFrom: '2026-01-01',
    title: { nb: 'probe', nn: 'probe', en: 'probe' },
    rules: [
      {
        id: 'PROBE',
        title: { nb: 'p', nn: 'p', en: 'p' },
        text: { nb: 'p', nn: 'p', en: 'p' },
        source: { document: 'test', section: 'test' },
        evidence: 'inferred',
        severity: 'info',
        conditions: { all: [{ fact, operator: 'equal', value: true, params }] },
        event: { type: 'probe' },
      },
    ],
  };
  const rs = right(compileRuleSet(probe));
  return right(evaluate(rs, p, { asOf: AS_OF, trace: 'none' })).outcomes[0]!.outcome;
}

describe('service-need facts', () => {
  it('long-term coordinated care needs two distinct health and care services known to be long-term', () => {
    expect(
      facts({
        serviceNeeds: [
          { service: 'gp', longTerm: true },
          { service: 'home-nursing', longTerm: true },
        ],
      })['longTermCoordinatedCare'],
    ).toBe(true);
    expect(
      facts({
        serviceNeeds: [
          { service: 'gp', longTerm: true },
          { service: 'gp', longTerm: true },
        ],
      })['longTermCoordinatedCare'],
    ).toBe(false);
    expect(
      facts({
        serviceNeeds: [
          { service: 'gp', longTerm: true },
          { service: 'nav', longTerm: true },
        ],
      })['longTermCoordinatedCare'],
    ).toBe(false);
    expect(
      facts({ serviceNeeds: [{ service: 'gp', longTerm: true }, { service: 'home-nursing' }] })['longTermCoordinatedCare'],
    ).toBeUndefined();
    expect(
      facts({
        serviceNeeds: [
          { service: 'gp', longTerm: true },
          { service: 'home-nursing', longTerm: false },
        ],
      })['longTermCoordinatedCare'],
    ).toBe(false);
    expect(facts({})['longTermCoordinatedCare']).toBeUndefined();
    expect(facts({ serviceNeeds: [] })['longTermCoordinatedCare']).toBe(false);
  });

  it('coordinated need counts every sector but not relatives', () => {
    expect(facts({ serviceNeeds: [{ service: 'gp' }, { service: 'nav' }] })['coordinatedNeed']).toBe(true);
    expect(facts({ serviceNeeds: [{ service: 'gp' }, { service: 'relative' }] })['coordinatedNeed']).toBe(false);
  });

  it('municipal and specialist needs read the level, or the service when the level is absent', () => {
    expect(facts({ serviceNeeds: [{ service: 'gp' }, { service: 'specialist' }] })['municipalAndSpecialistNeeds']).toBe(true);
    expect(facts({ serviceNeeds: [{ service: 'gp' }, { service: 'home-nursing' }] })['municipalAndSpecialistNeeds']).toBe(false);
    expect(facts({ serviceNeeds: [{ service: 'gp' }, { service: 'pharmacist' }] })['municipalAndSpecialistNeeds']).toBeUndefined();
    expect(
      facts({ serviceNeeds: [{ service: 'physiotherapy', level: 'specialist' }, { service: 'gp' }] })['municipalAndSpecialistNeeds'],
    ).toBe(true);
  });

  const kinds = ['gp', 'home-nursing', 'physiotherapy', 'specialist', 'pharmacist', 'nav', 'school', 'relative', 'other'] as const;
  const need = fc.record(
    {
      service: fc.constantFrom(...kinds),
      longTerm: fc.option(fc.boolean(), { nil: undefined }),
      level: fc.option(fc.constantFrom('municipal', 'specialist', 'state', 'private'), { nil: undefined }),
    },
    { requiredKeys: ['service'] },
  );

  // The GP and the municipal services have a default level, so only the others' levels are missing data.
  const defaulted = new Set(['gp', 'home-nursing', 'physiotherapy', 'specialist']);
  it('a known answer never changes when the missing durations and levels are filled in (Kleene)', () => {
    fc.assert(
      fc.property(
        fc.array(need, { maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.array(fc.constantFrom('municipal', 'specialist', 'private'), { minLength: 6, maxLength: 6 }),
        (ns, fillT, fillL) => {
          const before = facts({ serviceNeeds: ns });
          const filled = ns.map((n, i) => ({
            ...n,
            longTerm: n.longTerm ?? fillT[i]!,
            level: n.level ?? (defaulted.has(n.service) ? undefined : fillL[i]!),
          }));
          const after = facts({ serviceNeeds: filled });
          for (const f of [
            'longTermCoordinatedCare',
            'longTermNeed',
            'municipalAndSpecialistNeeds',
            'coordinatedNeed',
            'needsOtherWelfareServices',
          ])
            if (before[f] !== undefined) expect(after[f], f).toBe(before[f]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('assessment facts', () => {
  it('"what matters" is recorded by a stored answer or the assessment saying it was asked; unknown without either', () => {
    expect(facts({ whatMatters: [{ text: 'Å bo hjemme', date: '2026-10-01' }] })['whatMattersRecorded']).toBe(true);
    expect(facts({ assessment: { whatMattersAsked: true } })['whatMattersRecorded']).toBe(true);
    expect(facts({ assessment: {} })['whatMattersRecorded']).toBeUndefined();
    expect(facts({ assessment: {}, whatMatters: [] })['whatMattersRecorded']).toBe(false);
  });

  it("the child's serious condition: the clinician's judgement wins; a CCC code makes it true; nothing else is unknown", () => {
    const cp = { system: 'ICD-10', code: 'G80.1' } as const;
    expect(facts({ diagnoses: [cp] })['seriousChildCondition']).toBe(true);
    expect(facts({ diagnoses: [cp], assessment: { seriousIllnessInjuryOrDisability: false } })['seriousChildCondition']).toBe(false);
    expect(facts({ diagnoses: [{ system: 'ICPC-2', code: 'K86' }] })['seriousChildCondition']).toBeUndefined();
    expect(facts({})['seriousChildCondition']).toBeUndefined();
  });
});

describe('consent facts', () => {
  const team = { members: [{ service: 'gp' as const }, { service: 'nav' as const }, { service: 'school' as const }] };

  it('who may consent: the person from 16, parents under 16, a representative only with a recorded lack of competence', () => {
    const c = (givenBy: 'person' | 'parent' | 'representative', extra: Partial<PersonInput> = {}) =>
      withParams('validConsent', { scope: 'team' }, { consents: [{ scope: 'team', givenBy, date: '2026-01-01' }], ...extra });
    expect(c('person', { birthDate: '2000-01-01' })).toBe(true);
    expect(c('parent', { birthDate: '2000-01-01' })).toBe(false);
    expect(c('parent', { birthDate: '2015-01-01' })).toBe(true);
    expect(c('person', { birthDate: '2015-01-01' })).toBe(false);
    expect(c('representative', { birthDate: '2000-01-01' })).toBe(false);
    expect(c('representative', { birthDate: '2000-01-01', capacity: { consentCompetence: false } })).toBe(true);
    expect(c('parent', { birthDate: '2009-06-01', capacity: { consentCompetence: false } })).toBe(true);
    expect(c('person', {})).toBe('unknown');
    expect(withParams('validConsent', { scope: 'team' }, { birthDate: '2000-01-01' })).toBe('unknown');
    expect(withParams('validConsent', { scope: 'team' }, { birthDate: '2000-01-01', consents: [] })).toBe(false);
  });

  it('a withdrawn or future consent is not in force', () => {
    const p = (c: Record<string, unknown>) =>
      withParams(
        'validConsent',
        { scope: 'team' },
        { birthDate: '2000-01-01', consents: [{ scope: 'team', givenBy: 'person', ...c }] as PersonInput['consents'] },
      );
    expect(p({ date: '2026-01-01', withdrawnDate: '2026-06-01' })).toBe(false);
    expect(p({ date: '2026-12-01' })).toBe(false);
    expect(p({ date: '2026-01-01', withdrawnDate: '2026-12-01' })).toBe(true);
  });

  it('members outside health care must be named in a valid consent', () => {
    const base = { birthDate: '2000-01-01', team };
    expect(
      facts({ ...base, consents: [{ scope: 'team', givenBy: 'person', date: '2026-01-01', services: ['gp', 'nav'] }] })[
        'membersWithoutExplicitConsent'
      ],
    ).toEqual(['school']);
    expect(
      facts({ ...base, consents: [{ scope: 'information-sharing', givenBy: 'person', date: '2026-01-01', services: ['nav', 'school'] }] })[
        'membersWithoutExplicitConsent'
      ],
    ).toEqual([]);
    expect(
      facts({ ...base, consents: [{ scope: 'coordinator', givenBy: 'person', date: '2026-01-01', services: ['nav', 'school'] }] })[
        'membersWithoutExplicitConsent'
      ],
    ).toEqual(['nav', 'school']);
    expect(facts(base)['membersWithoutExplicitConsent']).toBeUndefined();
    expect(facts({ birthDate: '2000-01-01', consents: [] })['membersWithoutExplicitConsent']).toEqual([]);
  });

  it('a known consent answer never changes when the birth date is filled in (Kleene)', () => {
    const consent = fc.record({
      scope: fc.constantFrom('team', 'individual-plan', 'coordinator', 'information-sharing'),
      givenBy: fc.constantFrom('person', 'parent', 'representative', 'child-welfare'),
      date: fc.constantFrom('2025-01-01', '2026-06-01'),
      services: fc.subarray(['gp', 'nav', 'school', 'relative'] as const),
    });
    fc.assert(
      fc.property(
        fc.array(consent, { maxLength: 4 }),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.integer({ min: 1930, max: 2025 }),
        (cs, competence, year) => {
          const p: PersonInput = {
            consents: cs,
            team,
            ...(competence === undefined ? {} : { capacity: { consentCompetence: competence } }),
          };
          const before = facts(p);
          const after = facts({ ...p, birthDate: `${year}-05-05` });
          for (const f of ['membersWithoutExplicitConsent', 'consentsFromWrongGiver'])
            if (before[f] !== undefined && (before[f] as unknown[]).length > 0)
              expect(after[f], f).toEqual(expect.arrayContaining(before[f] as unknown[]));
            else if (before[f] !== undefined) expect(after[f], f).toEqual(before[f]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('plan, evaluation and transition facts', () => {
  it('plan content: known gaps are listed even when another element is unknown', () => {
    const plan = { kind: 'individual-plan' as const, goals: [{ id: 'g1', text: 'Gå tur' }] };
    const f = facts({ birthDate: '1950-01-01', individualPlan: plan });
    expect(f['planMissingContent']).toEqual(expect.arrayContaining(['participants', 'period-and-revision', 'coordination-responsible']));
    expect(f['planMissingContent']).not.toContain('consent');
  });

  it('PSFS improvement respects the direction of the scale', () => {
    const m = (date: string, score: number, direction: 'higher-is-better' | 'lower-is-better') => ({
      instrument: 'PSFS' as const,
      date,
      direction,
      activities: [
        { activity: 'gå', score },
        { activity: 'handle', score },
        { activity: 'lage mat', score },
      ],
    });
    expect(
      facts({ functionMeasures: [m('2026-01-01', 3, 'higher-is-better'), m('2026-10-01', 6, 'higher-is-better')] })['psfsImprovement'],
    ).toBe(3);
    expect(
      facts({ functionMeasures: [m('2026-01-01', 3, 'lower-is-better'), m('2026-10-01', 6, 'lower-is-better')] })['psfsImprovement'],
    ).toBe(-3);
    expect(
      facts({ functionMeasures: [m('2026-01-01', 3, 'lower-is-better'), m('2026-10-01', 6, 'higher-is-better')] })['psfsComparable'],
    ).toBe(false);
  });

  it('days until 18 treat a 29 February birthday like the age does', () => {
    expect(facts({ birthDate: '2008-02-29' }, '2026-02-28')['daysUntil18']).toBe(1);
    expect(facts({ birthDate: '2008-02-29' }, '2026-02-28')['age']).toBe(17);
    expect(facts({ birthDate: '2008-02-29' }, '2026-03-01')['daysUntil18']).toBe(0);
    expect(facts({ birthDate: '2008-02-29' }, '2026-03-01')['age']).toBe(18);
  });

  it('the longest stay is unknown when an admission lacks its length of stay', () => {
    const f = facts({
      encounters: [
        { type: 'emergency-admission', date: '2026-05-01', lengthOfStayDays: 4 },
        { type: 'elective-admission', date: '2026-06-01' },
      ],
    });
    expect(f['longestAdmissionStay:{"months":12}']).toBeUndefined();
    const g = facts({
      encounters: [
        { type: 'emergency-admission', date: '2026-05-01', lengthOfStayDays: 4 },
        { type: 'elective-admission', date: '2026-06-01', endDate: '2026-06-10' },
      ],
    });
    expect(g['longestAdmissionStay:{"months":12}']).toBe(9);
  });

  it('facts can also be given directly, for hosts that derive them themselves', () => {
    const rs = right(loadBundledRuleSet('plan'));
    const d = right(evaluateFacts(rs, { hasPlan: true, planCheckpoints: 0 }, { asOf: AS_OF }));
    expect(d.outcomes.find((o) => o.ruleId === 'PLAN-NO-CHECKPOINT')?.outcome).toBe(true);
  });
});
