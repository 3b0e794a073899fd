import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonInput } from '../../src/index.js';
import { evaluate } from '../../src/index.js';
import { ServiceKind } from '../../src/model/person.js';
import { right, ruleSet } from '../support/helpers.js';

/*
 * Two invariants of the framework, checked on generated persons in the public Person shape:
 * adding a risk factor (an admission, an emergency visit, a diagnosis, a regular medicine, a municipal
 * service or a mapped service need) never lowers the identification risk score, and never takes away
 * a right (a rule of type `right` in the rights rule set) that the person had.
 */

const AS_OF = '2026-11-23';
const identification = ruleSet('identification');
const rights = ruleSet('rights');
const rightIds = rights.rules.filter((r) => r.rule.event.type === 'right').map((r) => r.rule.id);

/** An ISO date `daysBack` days before AS_OF. */
function daysBefore(daysBack: number): string {
  return new Date(Date.UTC(2026, 10, 23) - daysBack * 86_400_000).toISOString().slice(0, 10);
}

// Codes chosen to hit every code list the rules read: chronic, mental health and substance use,
// Charlson (mild and severe forms of the same group), paediatric complex conditions, social problems.
const DIAGNOSES = [
  { system: 'ICPC-2', code: 'K77' },
  { system: 'ICPC-2', code: 'T90' },
  { system: 'ICPC-2', code: 'R95' },
  { system: 'ICPC-2', code: 'P76' },
  { system: 'ICPC-2', code: 'P15' },
  { system: 'ICPC-2', code: 'P70' },
  { system: 'ICPC-2', code: 'Z03' },
  { system: 'ICPC-2', code: 'A28' },
  { system: 'ICPC-2', code: 'N99' },
  { system: 'ICD-10', code: 'I50.0' },
  { system: 'ICD-10', code: 'E11.9' },
  { system: 'ICD-10', code: 'E11.2' },
  { system: 'ICD-10', code: 'C50.9' },
  { system: 'ICD-10', code: 'C78.0' },
  { system: 'ICD-10', code: 'K70.3' },
  { system: 'ICD-10', code: 'K72.1' },
  { system: 'ICD-10', code: 'F10.2' },
  { system: 'ICD-10', code: 'G80.1' },
  { system: 'ICD-10', code: 'Z93.1' },
  { system: 'ICD-10', code: 'Q90.9' },
] as const;

const ATC = [
  'C03CA01',
  'C09AA05',
  'B01AF01',
  'A10BA02',
  'R03AL03',
  'N06AB10',
  'N05CF01',
  'C10AA05',
  'M05BA04',
  'A02BC01',
  'N03AX14',
  'H02AB06',
];
const SERVICES = [
  'home-nursing',
  'practical-assistance',
  'physiotherapy',
  'occupational-therapy',
  'mental-health-substance',
  'respite-care',
  'health-station',
] as const;
// Every service kind, the care services, dental care and `other` included.
const KINDS = ServiceKind.options;

const diagnosis = fc
  .record({ d: fc.constantFrom(...DIAGNOSES), onsetBack: fc.integer({ min: 1, max: 4000 }) })
  .map(({ d, onsetBack }) => ({ ...d, onset: daysBefore(onsetBack) }));

// Admissions always carry their length of stay: the LACE "L" component needs it, and an admission
// without it makes that component unknown (see the maxPoints property below).
const admission = fc
  .record({
    type: fc.constantFrom('emergency-admission', 'elective-admission'),
    back: fc.integer({ min: 0, max: 500 }),
    los: fc.integer({ min: 0, max: 30 }),
  })
  .map(({ type, back, los }) => ({ type, date: daysBefore(back), lengthOfStayDays: los }));
const emergencyVisit = fc.integer({ min: 0, max: 300 }).map((back) => ({ type: 'emergency-visit', date: daysBefore(back) }));
const gpVisit = fc.integer({ min: 0, max: 400 }).map((back) => ({ type: 'gp-consultation', date: daysBefore(back) }));
const medication = fc.constantFrom(...ATC).map((atc) => ({ atc, regimen: 'regular', start: '2025-01-01' }));
const service = fc.constantFrom(...SERVICES).map((type) => ({ type, hoursPerWeek: 2, start: '2026-01-01' }));
const need = fc.record(
  {
    service: fc.constantFrom(...KINDS),
    longTerm: fc.option(fc.boolean(), { nil: undefined }),
    level: fc.option(fc.constantFrom('municipal', 'specialist'), { nil: undefined }),
  },
  { requiredKeys: ['service'] },
);

/** A list that may be unknown (absent), known empty, or have items. */
const maybeList = <T>(item: fc.Arbitrary<T>, max = 6) => fc.option(fc.array(item, { maxLength: max }), { nil: undefined });

const person: fc.Arbitrary<PersonInput> = fc
  .record(
    {
      birthBack: fc.option(fc.integer({ min: 200, max: 36_000 }), { nil: undefined }),
      diagnoses: maybeList(diagnosis),
      encounters: maybeList(fc.oneof(admission, emergencyVisit, gpVisit), 10),
      medications: maybeList(medication, 14),
      municipalServices: maybeList(service, 4),
      serviceNeeds: maybeList(need, 5),
      assessment: fc.option(
        fc.record(
          {
            complexNeeds: fc.option(fc.boolean(), { nil: undefined }),
            seriousIllnessInjuryOrDisability: fc.option(fc.boolean(), { nil: undefined }),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
      preferences: fc.option(fc.record({ wantsTeam: fc.boolean(), wantsCoordinator: fc.boolean() }, { requiredKeys: [] }), {
        nil: undefined,
      }),
    },
    { requiredKeys: [] },
  )
  .map(({ birthBack, ...rest }) => {
    const p: Record<string, unknown> = {};
    if (birthBack !== undefined) p['birthDate'] = daysBefore(birthBack);
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) p[k] = v;
    return p as PersonInput;
  });

type Add = { field: 'diagnoses' | 'encounters' | 'medications' | 'municipalServices' | 'serviceNeeds'; item: unknown };
const riskFactor: fc.Arbitrary<Add> = fc.oneof(
  admission.map((item) => ({ field: 'encounters' as const, item })),
  emergencyVisit.map((item) => ({ field: 'encounters' as const, item })),
  diagnosis.map((item) => ({ field: 'diagnoses' as const, item })),
  medication.map((item) => ({ field: 'medications' as const, item })),
  service.map((item) => ({ field: 'municipalServices' as const, item })),
  need.map((item) => ({ field: 'serviceNeeds' as const, item })),
);

function withAdded(p: PersonInput, add: Add): PersonInput {
  const list = ((p as Record<string, unknown>)[add.field] as unknown[] | undefined) ?? [];
  return { ...p, [add.field]: [...list, add.item] } as PersonInput;
}

function decide(rs: typeof identification, p: PersonInput) {
  return right(evaluate(rs, p, { asOf: AS_OF, trace: 'none' }));
}

describe('framework invariants', () => {
  it('the rights rule set has rules of type right to check', () => {
    expect(rightIds).toEqual(expect.arrayContaining(['RIGHT-INDIVIDUAL-PLAN', 'RIGHT-COORDINATOR', 'RIGHT-CHILD-COORDINATOR']));
  });

  it('adding a risk factor never lowers the identification risk score', () => {
    fc.assert(
      fc.property(person, fc.array(riskFactor, { minLength: 1, maxLength: 3 }), (p, adds) => {
        const before = decide(identification, p).score!.points;
        const after = decide(identification, adds.reduce(withAdded, p)).score!.points;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 400 },
    );
  });

  // `maxPoints` is the score if every unknown part turned out to count; learning that a list exists can
  // lower it, so this property starts from persons whose encounters are known.
  it('adding an admission without its length of stay to known encounters never lowers the score the data could reach', () => {
    const bare = fc
      .record({ type: fc.constantFrom('emergency-admission', 'elective-admission'), back: fc.integer({ min: 0, max: 300 }) })
      .map(({ type, back }) => ({ type, date: daysBefore(back) }));
    fc.assert(
      fc.property(person, bare, (p0, adm) => {
        const p = { ...p0, encounters: p0.encounters ?? [] };
        const before = decide(identification, p).score!;
        const after = decide(identification, withAdded(p, { field: 'encounters', item: adm })).score!;
        expect(after.maxPoints).toBeGreaterThanOrEqual(before.maxPoints);
      }),
      { numRuns: 300 },
    );
  });

  it('adding a risk factor never removes a right the person had', () => {
    fc.assert(
      fc.property(person, fc.array(riskFactor, { minLength: 1, maxLength: 3 }), (p, adds) => {
        const had = decide(rights, p)
          .outcomes.filter((o) => rightIds.includes(o.ruleId) && o.outcome === true)
          .map((o) => o.ruleId);
        const after = new Set(
          decide(rights, adds.reduce(withAdded, p))
            .outcomes.filter((o) => o.outcome === true)
            .map((o) => o.ruleId),
        );
        for (const id of had) expect(after.has(id), `${id} was lost`).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('adding a service need, of any kind (care services and `other` included), never removes a right the person had', () => {
    fc.assert(
      fc.property(person, fc.array(need, { minLength: 1, maxLength: 4 }), (p, needs) => {
        const had = decide(rights, p)
          .outcomes.filter((o) => rightIds.includes(o.ruleId) && o.outcome === true)
          .map((o) => o.ruleId);
        const after = new Set(
          decide(rights, { ...p, serviceNeeds: [...(p.serviceNeeds ?? []), ...needs] } as PersonInput)
            .outcomes.filter((o) => o.outcome === true)
            .map((o) => o.ruleId),
        );
        for (const id of had) expect(after.has(id), `${id} was lost`).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('the generator reaches persons who have each right, so the last property is not vacuous', () => {
    const seen = new Set<string>();
    // A fixed sample (not a property run, whose number of runs a mutation run caps).
    for (const p of fc.sample(person, { numRuns: 400, seed: 20261123 }))
      for (const o of decide(rights, p).outcomes) if (o.outcome === true) seen.add(o.ruleId);
    for (const id of rightIds) expect(seen, id).toContain(id);
  });
});
