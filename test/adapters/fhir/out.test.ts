import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledRuleSetIds, evaluate } from '../../../src/index.js';
import {
  personFromBundle,
  toCareTeam,
  toConsents,
  toEvaluationTasks,
  toFlags,
  toFollowUpPlan,
  toRiskAssessment,
} from '../../../src/adapters/fhir/index.js';
import type { PersonInput } from '../../../src/index.js';
import { FHIR_SCHEMA_ID, fhirProblems } from '../../support/fhirSchema.js';
import { examplePerson, right, ruleSet } from '../../support/helpers.js';

/*
 * Every FHIR resource the library writes is validated against HL7's R4 JSON Schema, for the example
 * persons, every bundled rule set, and random plans, teams and consents. Written resources read back
 * through the input adapter give the same team, plan and consents.
 */

const AS_OF = '2026-11-23';
const PERSONS = ['klara', 'morten', 'kasper', 'nora'];

function expectValid(resource: unknown): void {
  expect(fhirProblems(resource), JSON.stringify(resource).slice(0, 300)).toEqual([]);
}

describe('FHIR R4 output: the official JSON Schema', () => {
  it('is HL7 R4', () => {
    expect(FHIR_SCHEMA_ID).toBe('http://hl7.org/fhir/json-schema/4.0');
  });

  it('the validator rejects what R4 forbids (so the checks below can fail)', () => {
    expect(fhirProblems({ resourceType: 'CareTeam', status: 'maybe' })).not.toEqual([]);
    expect(fhirProblems({ resourceType: 'CareTeam', bogus: 1 })).not.toEqual([]);
    expect(fhirProblems({ resourceType: 'CareTeam', participant: [] })).not.toEqual([]);
    expect(fhirProblems({ resourceType: 'Goal', subject: { reference: 'Patient/1' }, description: { text: 'x' } })).not.toEqual([]);
    expect(fhirProblems({ resourceType: 'Task', status: 'requested', intent: 'plan', authoredOn: '23.11.2026' })).not.toEqual([]);
  });

  for (const name of PERSONS) {
    describe(name, () => {
      const person = examplePerson(name) as PersonInput;
      const opts = { patient: `Patient/${name}` };
      for (const id of bundledRuleSetIds()) {
        it(`RiskAssessment and Flags from ${id}`, () => {
          const rs = ruleSet(id);
          const d = right(evaluate(rs, person, { asOf: AS_OF }));
          const ra = right(toRiskAssessment(d, rs, { ...opts, basis: ['Condition/1', 'Encounter/2'] }));
          if (d.score) {
            expect(ra).toBeDefined();
            expectValid(ra);
            expect(ra!.basis!.map((b) => b.reference)).toEqual(['Patient/' + name, 'Condition/1', 'Encounter/2']);
            expect(ra!.prediction[0]!.qualitativeRisk.coding![0]!.code).toBe(d.score.tier);
            expect(ra!.method.coding![0]).toMatchObject({ code: id, version: rs.version });
            expect(ra!.prediction[0]!.rationale).toContain(String(d.score.points));
          } else expect(ra).toBeUndefined();
          const flags = right(toFlags(d, rs, { ...opts, minSeverity: 'info' }));
          expect(flags.map((f) => f.code.coding![0]!.code)).toEqual(d.prompts.map((p) => p.ruleId));
          flags.forEach(expectValid);
        });
      }
      it('CareTeam (proposed and active), plan bundle, tasks and consents', () => {
        for (const status of ['proposed', 'active'] as const) {
          const team = right(toCareTeam(person, { ...opts, status, gp: 'Practitioner/gp1' }));
          expectValid(team);
          const roles = team.participant!.flatMap((p) => p.role!.flatMap((r) => r.coding!.map((c) => c.code)));
          expect(roles).toContain('gp');
          if (status === 'proposed' || person.coordinator) expect(roles).toContain('coordinator');
        }
        const plan = right(toFollowUpPlan(person, opts));
        if (person.individualPlan || person.whatMatters) expectValid(plan);
        for (const t of right(toEvaluationTasks(person, opts))) expectValid(t);
        for (const c of right(toConsents(person, opts))) expectValid(c);
      });
    });
  }

  it('what matters is a Goal expressed by the patient, in the plan', () => {
    const person = examplePerson('klara') as PersonInput;
    const bundle = right(toFollowUpPlan(person, { patient: 'Patient/k', lang: 'nn' }))!;
    const goals = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Goal');
    const what = goals.find((g) => g.resourceType === 'Goal' && g.category![0]!.coding![0]!.code === 'what-matters');
    expect(what).toMatchObject({ expressedBy: { reference: 'Patient/k' }, description: { text: person.whatMatters![0]!.text } });
    const plan = bundle.entry[0]!.resource;
    expect(plan.resourceType).toBe('CarePlan');
    if (plan.resourceType === 'CarePlan') {
      expect(plan.title).toBe('Oppfølgingsplan');
      expect(plan.goal!.map((g) => g.reference)).toEqual(goals.map((_, i) => bundle.entry[i + 1]!.fullUrl));
      expect(plan.activity!.some((a) => a.detail?.description === 'Legemiddelgjennomgang')).toBe(true);
    }
  });
});

// Random plans, teams and consents. Texts avoid odd whitespace here; `fhirSafe` is tested below.
const word = fc
  .stringMatching(/^[A-Za-zÆØÅæøå0-9][A-Za-zÆØÅæøå0-9 ,.-]{0,30}$/)
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const day = fc.integer({ min: 0, max: 5000 }).map((n) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const service = fc.constantFrom(
  'gp',
  'home-nursing',
  'physiotherapy',
  'nav',
  'school',
  'ppt',
  'child-welfare',
  'specialist',
  'relative',
  'other',
);

const planArb = fc
  .record({
    kind: fc.constantFrom('follow-up-plan', 'individual-plan'),
    status: fc.option(fc.constantFrom('draft', 'active', 'closed'), { nil: undefined }),
    dates: fc.option(
      fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
      { nil: undefined },
    ),
    owner: fc.option(fc.constantFrom('municipality', 'specialist', 'nav', 'child-welfare', 'school'), { nil: undefined }),
    participants: fc.uniqueArray(service, { maxLength: 3 }),
    flags: fc.record({
      contributions: fc.option(fc.boolean(), { nil: undefined }),
      cooperationWithOtherAgencies: fc.option(fc.boolean(), { nil: undefined }),
      languageNeedsAddressed: fc.option(fc.boolean(), { nil: undefined }),
    }),
    goals: fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^g[0-9]{1,3}$/),
        text: word,
        parent: fc.option(fc.nat(3), { nil: undefined }),
        expressedBy: fc.option(fc.constantFrom('person', 'relative', 'team'), { nil: undefined }),
        status: fc.option(fc.constantFrom('open', 'met', 'not-met'), { nil: undefined }),
      }),
      { selector: (g) => g.id, maxLength: 4 },
    ),
    measures: fc.array(
      fc.record({
        text: word,
        goal: fc.nat(5),
        owner: fc.option(service, { nil: undefined }),
        extent: fc.option(word, { nil: undefined }),
        how: fc.option(word, { nil: undefined }),
      }),
      { maxLength: 4 },
    ),
    checkpoints: fc.array(fc.record({ date: day, done: fc.option(fc.constant(true), { nil: undefined }) }), { maxLength: 3 }),
  })
  .map((p) => {
    const goals = p.goals.map((g, i) => ({
      id: g.id,
      text: g.text,
      ...(g.parent !== undefined && p.goals[g.parent] && g.parent !== i ? { parentId: p.goals[g.parent]!.id } : {}),
      ...(g.expressedBy ? { expressedBy: g.expressedBy } : {}),
      ...(g.status ? { status: g.status } : {}),
    }));
    return {
      kind: p.kind,
      ...(p.status ? { status: p.status } : {}),
      ...(p.owner ? { owner: p.owner } : {}),
      ...(p.participants.length > 0 ? { participants: p.participants } : {}),
      ...Object.fromEntries(Object.entries(p.flags).filter(([, v]) => v !== undefined)),
      ...(p.dates ? { startDate: p.dates[0], endDate: p.dates[1] } : {}),
      ...(goals.length > 0 ? { goals } : {}),
      ...(p.measures.length > 0
        ? {
            measures: p.measures.map((m, i) => ({
              id: `m${i}`,
              text: m.text,
              ...(goals[m.goal] ? { goalId: goals[m.goal]!.id } : {}),
              ...(m.owner ? { owner: m.owner } : {}),
              ...(m.extent ? { extent: m.extent } : {}),
              ...(m.how ? { howCarriedOut: m.how } : {}),
            })),
          }
        : {}),
      ...(p.checkpoints.length > 0 ? { checkpoints: p.checkpoints.map((c) => ({ date: c.date, ...(c.done ? { done: true } : {}) })) } : {}),
    };
  });

const personArb = fc
  .record({
    plan: fc.option(planArb, { nil: undefined }),
    team: fc.option(
      fc.record({
        established: fc.option(day, { nil: undefined }),
        members: fc.array(
          fc.record({
            service,
            name: fc.option(word, { nil: undefined }),
            level: fc.option(fc.constantFrom('municipal', 'specialist', 'state', 'private'), { nil: undefined }),
          }),
          { maxLength: 4 },
        ),
        coordinator: fc.option(
          fc.record({
            recordedInJournal: fc.option(fc.boolean(), { nil: undefined }),
            hasMandate: fc.option(fc.boolean(), { nil: undefined }),
            name: fc.option(word, { nil: undefined }),
            kind: fc.option(fc.constantFrom('coordinator', 'child-coordinator'), { nil: undefined }),
            service: fc.option(service, { nil: undefined }),
            appointedDate: fc.option(day, { nil: undefined }),
          }),
          { nil: undefined },
        ),
      }),
      { nil: undefined },
    ),
    consents: fc.array(
      fc.record({
        scope: fc.constantFrom('team', 'individual-plan', 'coordinator', 'information-sharing'),
        givenBy: fc.constantFrom('person', 'parent', 'representative', 'child-welfare'),
        dates: fc.tuple(day, fc.option(day, { nil: undefined })),
        services: fc.uniqueArray(service, { maxLength: 3 }),
        purpose: fc.option(word, { nil: undefined }),
        informationCategories: fc.array(word, { maxLength: 2 }),
        informedWithdrawable: fc.option(fc.boolean(), { nil: undefined }),
        childHeard: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    whatMatters: fc.array(fc.record({ text: word, date: day }), { maxLength: 2 }),
  })
  .map((r) => {
    const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    const p: PersonInput = { birthDate: '1950-01-01' };
    if (r.plan) p.individualPlan = r.plan as PersonInput['individualPlan'];
    if (r.team) {
      p.team = { ...(r.team.established ? { established: r.team.established } : {}), members: r.team.members.map(strip) as never };
      if (r.team.coordinator) p.coordinator = strip(r.team.coordinator) as never;
    }
    if (r.consents.length > 0)
      p.consents = r.consents.map((c) => {
        const [date, w] = c.dates;
        return strip({
          scope: c.scope,
          givenBy: c.givenBy,
          date,
          withdrawnDate: w && w >= date ? w : undefined,
          services: c.services.length > 0 ? c.services : undefined,
          informationCategories: c.informationCategories.length > 0 ? c.informationCategories : undefined,
          purpose: c.purpose,
          informedWithdrawable: c.informedWithdrawable,
          childHeard: c.childHeard,
        }) as never;
      });
    if (r.whatMatters.length > 0) p.whatMatters = r.whatMatters;
    return p;
  });

function writeAndRead(p: PersonInput) {
  const patient = 'Patient/p1';
  const entries: { fullUrl: string; resource: unknown }[] = [
    { fullUrl: 'https://epj.example.no/fhir/Patient/p1', resource: { resourceType: 'Patient', id: 'p1', birthDate: '1950-01-01' } },
  ];
  const written: unknown[] = [];
  if (p.team) written.push(right(toCareTeam(p, { patient })));
  written.push(...right(toConsents(p, { patient })));
  for (const r of written) entries.push({ fullUrl: `urn:uuid:${entries.length}-x`, resource: r });
  const plan = right(toFollowUpPlan(p, { patient }));
  if (plan) {
    written.push(plan);
    entries.push(...plan.entry);
  }
  return { written, read: right(personFromBundle({ resourceType: 'Bundle', type: 'collection', entry: entries })) };
}

describe('FHIR R4 output: random plans, teams and consents', () => {
  it('every written resource is valid R4', () => {
    fc.assert(
      fc.property(personArb, (p) => {
        const { written } = writeAndRead(p);
        for (const r of written) expect(fhirProblems(r)).toEqual([]);
        if (p.individualPlan?.checkpoints)
          for (const t of right(toEvaluationTasks(p, { patient: 'Patient/p1', carePlan: 'CarePlan/1' })))
            expect(fhirProblems(t)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('reads back as the same team, coordinator, consents, plan and what matters', () => {
    fc.assert(
      fc.property(personArb, (p) => {
        const { read } = writeAndRead(p);
        const q = read.person;
        expect(q.team).toEqual(p.team);
        expect(q.coordinator).toEqual(p.coordinator ? { ...p.coordinator, kind: p.coordinator.kind ?? 'coordinator' } : undefined);
        expect(q.consents ?? []).toEqual(p.consents ?? []);
        expect(q.whatMatters ?? []).toEqual(p.whatMatters ?? []);
        const plan = p.individualPlan;
        expect(q.individualPlan).toEqual(plan);
        expect(read.notUnderstood.filter((i) => i.code !== 'fhir_element')).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('texts with whitespace FHIR does not allow still give valid resources', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }), (s) => {
        const text = s.replace(/[\u0000-\u0008\u000e-\u001f\ud800-\udfff]/g, 'x') || 'x';
        const p: PersonInput = {
          whatMatters: [{ text, date: '2026-01-01' }],
          individualPlan: { goals: [{ id: 'g', text }], measures: [{ id: 'm', text, extent: text }] },
        };
        const bundle = right(toFollowUpPlan(p, { patient: 'Patient/1' }));
        expect(fhirProblems(bundle)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
