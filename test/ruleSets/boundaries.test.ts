import { describe, expect, it } from 'vitest';
import type { Decision, PersonInput, Truth } from '../../src/index.js';
import { builtinFacts, bundledCodeLists, deriveFacts } from '../../src/policy/index.js';
import { compileRuleSet, evaluate, parsePerson } from '../../src/index.js';
import { right, ruleSet } from '../support/helpers.js';

/*
 * Boundary tables with known answers: every age, count and date threshold the facts and the
 * identification, assessment, team and transition rules use, at the day before, the day of and the
 * day after, and at n−1, n and n+1. The expected values are written from the law and the sources
 * (cited per table), not read off the code. They run through the public API: a person record in,
 * derived facts or a decision out.
 *
 * Consent is covered where the law is settled and the rules are not being changed: 16 (helserettslig
 * myndighetsalder) and 18 (myndighetsalder) for the person, parents and a representative; not the
 * 12–15-year-old's own consent, child welfare's or one parent's.
 */

const ASOF = '2026-06-15';
const FACTS = builtinFacts();
const LISTS = bundledCodeLists();

function facts(person: PersonInput, asOf = ASOF): Record<string, unknown> {
  return deriveFacts(right(parsePerson(person)), asOf, FACTS, LISTS);
}
function decide(set: string, person: PersonInput, asOf = ASOF): Decision {
  return right(evaluate(ruleSet(set), person, { asOf }));
}
function outcome(set: string, rule: string, person: PersonInput, asOf = ASOF): Truth {
  return decide(set, person, asOf).outcomes.find((o) => o.ruleId === rule)!.outcome;
}
/**
 * A boolean fact that takes params (which `deriveFacts` does not list), read through a rule
 * `fact equal true`: true, false, or undefined for unknown.
 */
const label = { nb: 't', nn: 't', en: 't' };
const probes = new Map<string, ReturnType<typeof ruleSet>>();
function booleanFact(fact: string, params: Record<string, unknown>, person: PersonInput, asOf = ASOF): boolean | undefined {
  const key = JSON.stringify([fact, params]);
  let rs = probes.get(key);
  if (rs === undefined) {
    const rule = {
      id: 'P',
      title: label,
      text: label,
      source: { document: 't', section: 't' },
      evidence: 'found' as const,
      severity: 'info' as const,
      conditions: { all: [{ fact, params, operator: 'equal', value: true }] },
      event: { type: 'finding' },
    };
    probes.set(key, (rs = right(compileRuleSet({ id: 'probe', version: '1.0.0', validFrom: '2000-01-01', title: label, rules: [rule] }))));
  }
  const o = right(evaluate(rs, person, { asOf })).outcomes[0]!.outcome;
  return o === 'unknown' ? undefined : o;
}
const teamConsent = (person: PersonInput, asOf = ASOF) => booleanFact('validConsent', { scope: 'team' }, person, asOf);

/** Points of the identification score from the rules whose id starts with `prefix` (one component). */
function points(d: Decision, prefix: string): number {
  return d.score!.reasons.filter((r) => r.ruleId.startsWith(prefix)).reduce((a, r) => a + r.points, 0);
}

/*
 * Age in whole years: a person is N from the Nth birthday (vergemålsloven § 2 "fylt 18 år";
 * pasient- og brukerrettighetsloven § 4-3 første ledd bokstav b, "over 16 år", which
 * Helsedirektoratet's rundskriv reads as from the 16th birthday). Born 29 February: in a year
 * without that day the birthday is taken as 1 March (the convention the clinical review checked;
 * no Norwegian statute we found says otherwise).
 */
describe('age in whole years around each birthday that matters', () => {
  // [birth date, as of, age]: the day before, the day of and the day after the birthday.
  const table: [string, string, number][] = [
    ['2019-06-16', ASOF, 6],
    ['2019-06-15', ASOF, 7],
    ['2019-06-14', ASOF, 7],
    ['2014-06-16', ASOF, 11],
    ['2014-06-15', ASOF, 12],
    ['2014-06-14', ASOF, 12],
    ['2010-06-16', ASOF, 15],
    ['2010-06-15', ASOF, 16],
    ['2010-06-14', ASOF, 16],
    ['2008-06-16', ASOF, 17],
    ['2008-06-15', ASOF, 18],
    ['2008-06-14', ASOF, 18],
    ['1961-06-16', ASOF, 64],
    ['1961-06-15', ASOF, 65],
    ['1961-06-14', ASOF, 65],
    ['1959-06-16', ASOF, 66],
    ['1959-06-15', ASOF, 67],
    ['1959-06-14', ASOF, 67],
    // Across a year end.
    ['2008-01-01', '2025-12-31', 17],
    ['2008-01-01', '2026-01-01', 18],
    ['2007-12-31', '2025-12-30', 17],
    ['2007-12-31', '2025-12-31', 18],
    // Born 29 February.
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2008-02-29', '2028-02-28', 19],
    ['2008-02-29', '2028-02-29', 20],
    ['2012-02-29', '2028-02-28', 15],
    ['2012-02-29', '2028-02-29', 16],
    ['1960-02-29', '2025-02-28', 64],
    ['1960-02-29', '2025-03-01', 65],
  ];

  it.each(table)('born %s, on %s: %i', (birthDate, asOf, age) => {
    const f = facts({ birthDate }, asOf);
    expect(f['age']).toBe(age);
    // A child is under 18 (barneloven § 1; the children's coordinating unit and barnekoordinator).
    expect(f['isChild']).toBe(age < 18);
  });

  it('days until the 18th birthday: 1 the day before, 0 on it, negative after; born 29 February, 1 March', () => {
    expect(facts({ birthDate: '2008-06-16' })['daysUntil18']).toBe(1);
    expect(facts({ birthDate: '2008-06-15' })['daysUntil18']).toBe(0);
    expect(facts({ birthDate: '2008-06-14' })['daysUntil18']).toBe(-1);
    expect(facts({ birthDate: '2008-02-29' }, '2026-02-28')['daysUntil18']).toBe(1);
    expect(facts({ birthDate: '2008-02-29' }, '2026-03-01')['daysUntil18']).toBe(0);
  });

  // TRANSITION-TURNING-18: a notice 1 to `turning18NoticeDays` (180) days before the 18th birthday.
  it.each([
    ['2008-06-15', false], // 18 today: too late for the notice
    ['2008-06-16', true], // 1 day left
    ['2008-12-12', true], // 180 days left
    ['2008-12-13', false], // 181 days left
  ] as const)('TRANSITION-TURNING-18, born %s: %s', (birthDate, fires) => {
    expect(outcome('transition', 'TRANSITION-TURNING-18', { birthDate, coordinator: { name: 'Kari' } })).toBe(fires);
  });

  // A barnekoordinator is a right until 18 (pbrl. § 2-5 c): from the 18th birthday it ends.
  it.each([
    ['2008-06-16', false],
    ['2008-06-15', true],
    ['2008-06-14', true],
  ] as const)('TRANSITION-CHILD-COORDINATOR-ENDS, born %s: %s', (birthDate, fires) => {
    expect(
      outcome('transition', 'TRANSITION-CHILD-COORDINATOR-ENDS', { birthDate, coordinator: { name: 'Kari', kind: 'child-coordinator' } }),
    ).toBe(fires);
  });

  // The adult sub-groups start at 18; the frail elderly at `frailElderlyAge` (65; NICE NG56 1.3).
  it.each([
    ['2008-06-16', false, false],
    ['2008-06-15', true, true],
    ['2008-06-14', true, true],
  ] as const)('ID-SUBGROUP-CHRONIC and ID-SUBGROUP-MENTAL-SUBSTANCE, born %s: %s', (birthDate, chronic, mental) => {
    const person: PersonInput = {
      birthDate,
      diagnoses: [
        { system: 'ICPC-2', code: 'T90' },
        { system: 'ICPC-2', code: 'K77' },
        { system: 'ICPC-2', code: 'P76' },
      ],
    };
    expect(outcome('identification', 'ID-SUBGROUP-CHRONIC', person)).toBe(chronic);
    expect(outcome('identification', 'ID-SUBGROUP-MENTAL-SUBSTANCE', person)).toBe(mental);
  });

  it.each([
    ['1961-06-16', false],
    ['1961-06-15', true],
    ['1961-06-14', true],
  ] as const)('ID-SUBGROUP-FRAIL-ELDERLY with a fall, born %s: %s', (birthDate, fires) => {
    expect(outcome('identification', 'ID-SUBGROUP-FRAIL-ELDERLY', { birthDate, frailty: { fallsLast12Months: 1 } })).toBe(fires);
  });

  // Frailty screening is for 65 and over (NICE NG56 1.3); under 65 the fact is false.
  it.each([
    ['1961-06-16', false],
    ['1961-06-15', true],
  ] as const)('frail with PRISMA-7 = 3, born %s: %s', (birthDate, frail) => {
    const prisma7 = {
      olderThan85: false,
      male: true,
      healthProblemsLimitActivities: true,
      needsRegularHelp: true,
      healthProblemsKeepAtHome: false,
      canCountOnSomeoneClose: true,
      usesWalkingAid: false,
    };
    expect(facts({ birthDate, frailty: { prisma7 } })['frail']).toBe(frail);
  });

  // PSFS is self-reported from about school age; under `psfsSelfReportMinAge` (7) an alternative
  // baseline is prompted (PSFS-D: "any age except small children").
  it.each([
    ['2019-06-16', true],
    ['2019-06-15', false],
    ['2019-06-14', false],
  ] as const)('ASSESS-PSFS-ALTERNATIVE, born %s: %s', (birthDate, fires) => {
    expect(outcome('assessment', 'ASSESS-PSFS-ALTERNATIVE', { birthDate, assessment: {}, capacity: { cognitiveImpairment: 'none' } })).toBe(
      fires,
    );
  });
});

/*
 * Who may consent (pasient- og brukerrettighetsloven kap. 4; rundskriv § 2-5 fjerde ledd for the
 * individual plan): from 16 the person, whose competence is presumed and whose lack of it must be
 * decided and recorded (§ 4-3 første ledd b, tredje ledd); for a 16–17-year-old without competence,
 * the parents (§ 4-5 andre ledd) or a representative; for an adult without it, a representative,
 * never the parents on that ground (§ 4-6, vergemålsloven § 2: majority at 18).
 */
describe('consent giving at 16 and 18', () => {
  const consent = (givenBy: 'person' | 'parent' | 'representative') => ({ scope: 'team' as const, givenBy, date: '2026-01-01' });
  const valid = (birthDate: string, givenBy: 'person' | 'parent' | 'representative', competent?: boolean) =>
    teamConsent({
      birthDate,
      consents: [consent(givenBy)],
      ...(competent === undefined ? {} : { capacity: { consentCompetence: competent } }),
    });

  // [birth date, competence recorded, given by, valid]
  const table: [string, boolean | undefined, 'person' | 'parent' | 'representative', boolean][] = [
    // 16 today, the day after, and 17: the person consents; the parents no longer do.
    ['2010-06-15', undefined, 'person', true],
    ['2010-06-15', undefined, 'parent', false],
    ['2010-06-14', undefined, 'person', true],
    ['2010-06-14', undefined, 'parent', false],
    ['2009-06-15', true, 'person', true],
    ['2009-06-15', true, 'parent', false],
    // 16 today and 17 with a recorded lack of competence: parents yes, a representative yes, the person no.
    ['2010-06-15', false, 'parent', true],
    ['2010-06-15', false, 'person', false],
    ['2010-06-15', false, 'representative', true],
    ['2008-06-16', false, 'parent', true], // 17, the day before 18
    ['2008-06-16', false, 'person', false],
    // 18 today, the day after, and an adult, lacking competence: a representative yes, parents no.
    ['2008-06-15', false, 'parent', false],
    ['2008-06-15', false, 'representative', true],
    ['2008-06-15', false, 'person', false],
    ['2008-06-14', false, 'parent', false],
    ['1986-06-15', false, 'parent', false],
    ['1986-06-15', false, 'representative', true],
    ['1986-06-15', false, 'person', false],
    // Competent adults consent themselves.
    ['2008-06-15', undefined, 'person', true],
    ['2008-06-15', undefined, 'parent', false],
    ['1986-06-15', true, 'person', true],
  ];

  it.each(table)('born %s, competence %s, given by %s: %s', (birthDate, competent, givenBy, expected) => {
    expect(valid(birthDate, givenBy, competent)).toBe(expected);
  });

  it('the day before 16 the person alone is not enough (pbrl. § 4-4: the parents consent under 16)', () => {
    // Whether a 12–15-year-old's own consent is false or unknown is another question; true it is not.
    expect(valid('2010-06-16', 'person')).not.toBe(true);
  });

  it("a parent's consent for a person from 16 with competence presumed is from the wrong person", () => {
    const f = (birthDate: string) => facts({ birthDate, consents: [consent('parent')] })['consentsFromWrongGiver'];
    expect(f('2010-06-15')).toEqual(['team']);
    expect(f('2008-06-15')).toEqual(['team']);
  });
});

/*
 * A consent counts from the day it is given, and a withdrawal takes effect when it is made
 * (pbrl. § 4-1 andre ledd: the person may withdraw consent): on the evaluation day a consent given
 * that day is in force and one withdrawn that day is not. An objection to sharing (hpl. § 25) stands
 * likewise from its date until the day it is withdrawn.
 */
describe('a consent given or withdrawn on the evaluation day', () => {
  const adult = '1980-01-01';
  const valid = (c: Record<string, string>) =>
    teamConsent({ birthDate: adult, consents: [{ scope: 'team', givenBy: 'person', ...c }] as never });

  it.each([
    [{ date: '2026-06-14' }, true],
    [{ date: ASOF }, true],
    [{ date: '2026-06-16' }, false],
    [{ date: '2026-01-01', withdrawnDate: '2026-06-14' }, false],
    [{ date: '2026-01-01', withdrawnDate: ASOF }, false],
    [{ date: '2026-01-01', withdrawnDate: '2026-06-16' }, true],
    [{ date: ASOF, withdrawnDate: ASOF }, false],
  ])('%j: in force %s', (c, expected) => {
    expect(valid(c)).toBe(expected);
  });

  it('withdrawnConsents lists a consent withdrawn on the evaluation day, not one withdrawn tomorrow', () => {
    const withdrawn = (withdrawnDate: string) =>
      facts({ birthDate: adult, consents: [{ scope: 'team', givenBy: 'person', date: '2026-01-01', withdrawnDate }] })['withdrawnConsents'];
    expect(withdrawn(ASOF)).toEqual(['team']);
    expect(withdrawn('2026-06-14')).toEqual(['team']);
    expect(withdrawn('2026-06-16')).toEqual([]);
  });

  it('a consent given again on the day of the withdrawal renews it', () => {
    const person: PersonInput = {
      birthDate: adult,
      consents: [
        { scope: 'team', givenBy: 'person', date: '2026-01-01', withdrawnDate: ASOF },
        { scope: 'team', givenBy: 'person', date: ASOF },
      ],
    };
    expect(facts(person)['withdrawnConsents']).toEqual([]);
    expect(teamConsent(person)).toBe(true);
  });

  it.each([
    [{ date: ASOF }, true],
    [{ date: '2026-06-16' }, false],
    [{ date: '2026-01-01', withdrawnDate: ASOF }, false],
    [{ date: '2026-01-01', withdrawnDate: '2026-06-16' }, true],
  ])('an objection to sharing %j stands: %s', (o, expected) => {
    expect(facts({ sharingObjections: [o] as never })['sharingObjection']).toBe(expected);
  });
});

/*
 * Counts at n−1, n and n+1 of each threshold. Sources: NICE NG56 1.2.1 and 1.6 (regular medicines:
 * 15 or more, 10 or more as the trigger parameter); LACE (van Walraven 2010: length of stay 1, 2, 3,
 * 4–6, 7–13, ≥ 14 days → 1, 2, 3, 4, 5, 7; acute admission 3; Charlson 1, 2, 3, ≥ 4 → 1, 2, 3, 5;
 * emergency visits in 6 months 1, 2, 3, ≥ 4 → 1, 2, 3, 4); HOSPITAL (Donzé 2013: admissions in 12
 * months 0–1 → 0, 2–5 → 2, > 5 → 5); the risk tiers (`moderateRiskCutOff` 5, `highRiskCutOff` 10);
 * PSFS (3–5 self-chosen activities); IPLOS (3 = middels bistandsbehov and more; 9 = not relevant);
 * PRISMA-7 (≥ 3), self-rated health (≤ 6 of 10) and gait speed (> 5 s over 4 m) from NICE NG56 1.3.
 */
describe('count thresholds at n−1, n and n+1', () => {
  const meds = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      atc: `N0${Math.floor(i / 26)}${String.fromCharCode(65 + (i % 26))}`,
      regimen: 'regular' as const,
    }));

  it.each([
    [9, false, false],
    [10, true, false],
    [11, true, false],
    [14, true, false],
    [15, true, true],
    [16, true, true],
  ])('%i regular medicines: polypharmacy trigger %s, medication review %s', (n, trigger, review) => {
    const medications = meds(n);
    expect(new Set(medications.map((m) => m.atc)).size).toBe(n);
    const d = decide('identification', { medications });
    expect(d.outcomes.find((o) => o.ruleId === 'ID-TRIGGER-POLYPHARMACY')!.outcome).toBe(trigger);
    expect(d.outcomes.find((o) => o.ruleId === 'ID-MEDICATION-REVIEW')!.outcome).toBe(review);
  });

  it('only distinct regular medicines in use on the evaluation day count', () => {
    const nine = meds(9);
    const count = (extra: object[]) => facts({ medications: [...nine, ...extra] as never })['regularMedications'];
    expect(count([])).toBe(9);
    expect(count([{ atc: 'B01AC06', regimen: 'as-needed' }])).toBe(9);
    expect(count([{ ...nine[0]! }])).toBe(9); // the same ATC code twice
    expect(count([{ atc: 'B01AC06', regimen: 'regular', end: '2026-06-14' }])).toBe(9);
    expect(count([{ atc: 'B01AC06', regimen: 'regular', start: '2026-06-16' }])).toBe(9);
    expect(count([{ atc: 'B01AC06', regimen: 'regular', end: ASOF }])).toBe(10);
    expect(count([{ atc: 'B01AC06', regimen: 'regular', start: ASOF }])).toBe(10);
  });

  const admissions = (n: number, type: 'elective-admission' | 'emergency-admission' = 'elective-admission', stay = 0) =>
    Array.from({ length: n }, (_, i) => ({
      type,
      date: `2026-0${1 + (i % 5)}-${String(10 + i).padStart(2, '0')}`,
      lengthOfStayDays: stay,
    }));

  it.each([
    [0, 0],
    [1, 0],
    [2, 2],
    [3, 2],
    [5, 2],
    [6, 5],
    [7, 5],
  ])('HOSPITAL: %i admissions in 12 months give %i points', (n, expected) => {
    expect(points(decide('identification', { encounters: admissions(n), diagnoses: [] }), 'RS-ADMISSIONS')).toBe(expected);
  });

  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 4],
  ])('LACE E: %i emergency visits in 6 months give %i points', (n, expected) => {
    const encounters = Array.from({ length: n }, (_, i) => ({
      type: 'emergency-visit' as const,
      date: `2026-05-${String(10 + i).padStart(2, '0')}`,
    }));
    expect(points(decide('identification', { encounters, diagnoses: [] }), 'RS-EMERGENCY-VISITS')).toBe(expected);
  });

  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [6, 4],
    [7, 5],
    [13, 5],
    [14, 7],
    [15, 7],
  ])('LACE L: a longest stay of %i days gives %i points', (stay, expected) => {
    expect(
      points(decide('identification', { encounters: admissions(1, 'elective-admission', stay), diagnoses: [] }), 'RS-LENGTH-OF-STAY'),
    ).toBe(expected);
  });

  it('LACE A: an emergency admission gives 3 points, an elective one none', () => {
    expect(
      points(decide('identification', { encounters: admissions(1, 'emergency-admission'), diagnoses: [] }), 'RS-ACUTE-ADMISSION'),
    ).toBe(3);
    expect(points(decide('identification', { encounters: admissions(1, 'elective-admission'), diagnoses: [] }), 'RS-ACUTE-ADMISSION')).toBe(
      0,
    );
  });

  // One ICD-10 code from each of six Charlson conditions of weight 1 (Charlson 1987).
  const charlson = ['I21', 'I50', 'I70', 'I63', 'G30', 'J44'];
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 5],
    [5, 5],
  ])('LACE C: a Charlson index of %i gives %i points', (n, expected) => {
    const diagnoses = charlson.slice(0, n).map((code) => ({ system: 'ICD-10' as const, code }));
    const d = decide('identification', { diagnoses, encounters: [] });
    expect(facts({ diagnoses })['charlsonIndex']).toBe(n);
    expect(points(d, 'RS-CHARLSON')).toBe(expected);
  });

  // Totals at the tier cut-offs: 4 emergency visits (4) plus an emergency admission (3) of 0–4 days (0–4).
  it.each([
    [[], 'low', 4],
    [[{ type: 'elective-admission', date: '2026-05-01', lengthOfStayDays: 1 }], 'moderate', 5],
    [[{ type: 'emergency-admission', date: '2026-05-01', lengthOfStayDays: 1 }], 'moderate', 8],
    [[{ type: 'emergency-admission', date: '2026-05-01', lengthOfStayDays: 2 }], 'moderate', 9],
    [[{ type: 'emergency-admission', date: '2026-05-01', lengthOfStayDays: 3 }], 'high', 10],
    [[{ type: 'emergency-admission', date: '2026-05-01', lengthOfStayDays: 4 }], 'high', 11],
  ] as const)('tiers: %j with four emergency visits is %s (%i points)', (extra, tier, total) => {
    const visits = [10, 11, 12, 13].map((d) => ({ type: 'emergency-visit' as const, date: `2026-05-${d}` }));
    const d = decide('identification', { encounters: [...visits, ...extra], diagnoses: [] });
    expect([d.score!.points, d.score!.tier]).toEqual([total, tier]);
  });

  it.each([
    [1, false, false],
    [2, true, false],
    [3, true, true],
  ])(
    'unplanned care: %i emergency admissions in 12 months: trigger %s; with as many emergency visits in 6 months %s',
    (n, byAdmissions, byVisits) => {
      const visits = Array.from({ length: n }, (_, i) => ({ type: 'emergency-visit' as const, date: `2026-05-${String(10 + i)}` }));
      expect(outcome('identification', 'ID-TRIGGER-UNPLANNED-CARE', { encounters: admissions(n, 'emergency-admission') })).toBe(
        byAdmissions,
      );
      expect(outcome('identification', 'ID-TRIGGER-UNPLANNED-CARE', { encounters: visits })).toBe(byVisits);
    },
  );

  it.each([
    [1, false],
    [2, true],
    [3, true],
  ])('%i different municipal services: the multiple-services trigger %s', (n, fires) => {
    const types = ['home-nursing', 'practical-assistance', 'day-care'] as const;
    const municipalServices = [...types.slice(0, n).map((type) => ({ type })), { type: types[0] }];
    expect(outcome('identification', 'ID-TRIGGER-MULTIPLE-SERVICES', { municipalServices })).toBe(fires);
  });

  it.each([
    [1, true],
    [2, true],
    [3, false],
    [4, false],
    [5, false],
    [6, true],
  ])('PSFS with %i activities: ASSESS-PSFS-ACTIVITIES %s', (n, fires) => {
    const activities = Array.from({ length: n }, (_, i) => ({ activity: `Aktivitet ${i + 1}`, score: 4 }));
    const functionMeasures = [{ instrument: 'PSFS' as const, date: '2026-05-01', direction: 'higher-is-better' as const, activities }];
    expect(outcome('assessment', 'ASSESS-PSFS-ACTIVITIES', { assessment: {}, functionMeasures })).toBe(fires);
  });

  it.each([
    ['adl', 2, false],
    ['adl', 3, true],
    ['adl', 4, true],
    ['adl', 9, false],
    ['syn', 5, false],
  ] as const)('IPLOS %s = %i: functional limitation %s', (variable, score, limited) => {
    expect(facts({ iplos: [{ variable, score, date: '2026-01-01' }], diagnoses: [] })['functionalLimitation']).toBe(limited);
  });

  it('IPLOS: the latest score on or before the evaluation day counts', () => {
    const iplos = (later: string) => [
      { variable: 'adl', score: 4 as const, date: '2026-01-01' },
      { variable: 'adl', score: 2 as const, date: later },
    ];
    expect(facts({ iplos: iplos(ASOF), diagnoses: [] })['functionalLimitation']).toBe(false);
    expect(facts({ iplos: iplos('2026-06-16'), diagnoses: [] })['functionalLimitation']).toBe(true);
  });

  const prisma = (n: number) => {
    const yes = (i: number) => i < n;
    return {
      olderThan85: yes(0),
      male: yes(1),
      healthProblemsLimitActivities: yes(2),
      needsRegularHelp: yes(3),
      healthProblemsKeepAtHome: yes(4),
      canCountOnSomeoneClose: !yes(5),
      usesWalkingAid: yes(6),
    };
  };
  it.each([
    [2, false],
    [3, true],
    [4, true],
  ])('PRISMA-7 = %i at 70: frail %s', (n, frail) => {
    expect(facts({ birthDate: '1956-01-01', frailty: { prisma7: prisma(n) } })['prisma7Score']).toBe(n);
    expect(facts({ birthDate: '1956-01-01', frailty: { prisma7: prisma(n) } })['frail']).toBe(frail);
  });

  it.each([
    [{ selfRatedHealth: 7 }, false],
    [{ selfRatedHealth: 6 }, true],
    [{ selfRatedHealth: 5 }, true],
    [{ gaitSpeed4mSeconds: 5 }, false],
    [{ gaitSpeed4mSeconds: 5.1 }, true],
    [{ gaitSpeed4mSeconds: 8, acutelyUnwell: true }, undefined], // no physical test when acutely unwell
  ])('at 70, %j: frail %s', (frailty, frail) => {
    expect(facts({ birthDate: '1956-01-01', frailty })['frail']).toBe(frail);
  });

  // Team size: a team needs two or more providers (`minProviders`); more than `maxProviders` (6) is large.
  const team = (n: number) => ({
    status: 'active' as const,
    members: [
      ...(['gp', 'home-nursing', 'physiotherapy', 'occupational-therapy', 'pharmacist', 'nav', 'school', 'housing'] as const)
        .slice(0, n)
        .map((service) => ({ service })),
      { service: 'relative' as const },
    ],
  });
  it.each([
    [1, true, false],
    [2, false, false],
    [3, false, false],
    [5, false, false],
    [6, false, false],
    [7, false, true],
  ])('a team of %i providers and a relative: small %s, large %s', (n, small, large) => {
    const d = decide('team', { team: team(n) });
    expect(d.outcomes.find((o) => o.ruleId === 'TEAM-SIZE-SMALL')!.outcome).toBe(small);
    expect(d.outcomes.find((o) => o.ruleId === 'TEAM-SIZE-LARGE')!.outcome).toBe(large);
  });
});

/*
 * Count windows are the last `months` months up to and including the evaluation day: (asOf − months,
 * asOf] (README, derived facts). A month back from the 31st is the month's last day.
 */
describe('date windows at their edges', () => {
  const one = (type: 'emergency-visit' | 'elective-admission', date: string) => [
    { type, date, ...(type === 'elective-admission' ? { lengthOfStayDays: 1 } : {}) },
  ];
  it.each([
    ['2025-06-15', ASOF, 0], // exactly 12 months back: outside
    ['2025-06-16', ASOF, 1],
    [ASOF, ASOF, 1],
    ['2026-06-16', ASOF, 0], // after the evaluation day
    ['2027-02-28', '2028-02-29', 0], // 12 months back from 29 February is 28 February
    ['2027-03-01', '2028-02-29', 1],
  ])('an admission on %s, as of %s: %i in 12 months', (date, asOf, n) => {
    expect(facts({ encounters: one('elective-admission', date) }, asOf)['admissions:{"months":12}']).toBe(n);
  });

  it.each([
    ['2025-12-15', ASOF, 0],
    ['2025-12-16', ASOF, 1],
    [ASOF, ASOF, 1],
    ['2026-02-28', '2026-08-31', 0], // 6 months back from 31 August is 28 February
    ['2026-03-01', '2026-08-31', 1],
  ])('an emergency visit on %s, as of %s: %i in 6 months', (date, asOf, n) => {
    expect(facts({ encounters: one('emergency-visit', date) }, asOf)['emergencyVisits:{"months":6}']).toBe(n);
  });
});

/*
 * The needs behind the rights to an individual plan and a coordinator (pbrl. §§ 2-5, 2-5 b; rundskriv
 * phvl. § 4-1: "langvarige" is a need of some duration, no minimum; pbrl. § 2-5 femte ledd: when
 * both the municipality and the specialist health service provide, the municipality is responsible).
 * Health and care services only: NAV and school are other welfare services. A need without its
 * duration or level leaves the answer unknown where it could decide it.
 */
describe('long-term needs, and needs at both levels', () => {
  const need = (service: string, more: Record<string, unknown> = {}) => ({ service, ...more });
  it.each([
    [[need('home-nursing', { longTerm: true })], true],
    [[need('home-nursing', { longTerm: false })], false],
    [[need('home-nursing')], undefined],
    [[need('gp', { longTerm: false }), need('physiotherapy', { longTerm: true })], true],
    [[need('gp', { longTerm: false }), need('physiotherapy')], undefined],
    [[need('nav', { longTerm: true })], false],
    [[], false],
  ])('serviceNeeds %j: a long-term need %s', (serviceNeeds, expected) => {
    expect(facts({ serviceNeeds } as PersonInput)['longTermNeed']).toBe(expected);
  });

  it('without mapped needs, a long-term need is unknown', () => {
    expect(facts({})).not.toHaveProperty('longTermNeed');
  });

  it.each([
    [[need('gp'), need('specialist')], true],
    [[need('home-nursing', { level: 'specialist' }), need('gp')], true],
    [[need('gp'), need('home-nursing')], false],
    [[need('specialist')], false],
    [[need('specialist'), need('nav')], false],
    [[need('specialist', { level: 'municipal' }), need('gp')], false],
    [[need('gp'), need('pharmacist')], undefined], // a pharmacist at either level
    [[need('specialist'), need('pharmacist')], undefined],
    [[need('gp'), need('specialist'), need('pharmacist')], true],
    [[], false],
  ])('serviceNeeds %j: needs at both levels %s', (serviceNeeds, expected) => {
    expect(facts({ serviceNeeds } as PersonInput)['municipalAndSpecialistNeeds']).toBe(expected);
  });
});
