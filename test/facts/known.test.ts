import { describe, expect, it } from 'vitest';
import type { PersonInput } from '../../src/index.js';
import { LIMITS, parsePerson } from '../../src/index.js';
import { builtinFacts, bundledCodeLists, compileCodeLists, deriveFacts, normalizeCode } from '../../src/policy/index.js';
import { right } from '../support/helpers.js';

/*
 * Known answers for the derived facts of the follow-up itself: the team and its coordinator, the
 * plan, its evaluation, transitions and closure, the assessment, the person's wishes and the social
 * record. Each expected value is written from the fact's definition (its description, and the
 * sources it names: veileder ch. 8 and 9, the IP regulation's content elements, PSFS), for a person
 * built to make one answer true, false or unknown. Unknown facts are absent from `deriveFacts`.
 */

const ASOF = '2026-06-15';
const FACTS = builtinFacts();
const LISTS = bundledCodeLists();
const facts = (person: PersonInput, asOf = ASOF): Record<string, unknown> => deriveFacts(right(parsePerson(person)), asOf, FACTS, LISTS);
/** The value of one fact, `undefined` when unknown. */
const fact = (name: string, person: PersonInput, asOf = ASOF): unknown => facts(person, asOf)[name];

describe('the team and its coordinator (veileder ch. 8)', () => {
  const member = (service: string, more: Record<string, unknown> = {}) => ({ service, ...more });
  it.each([
    [{}, false, 'none'],
    [{ team: { members: [] } }, true, 'active'], // a team without a status is an existing team
    [{ team: { members: [], status: 'being-established' } }, true, 'being-established'],
    [{ team: { members: [], status: 'active' } }, true, 'active'],
    [{ team: { members: [], status: 'closed' } }, false, 'closed'],
  ])('%j: hasTeam %s, teamStatus %s', (person, has, status) => {
    expect(fact('hasTeam', person as PersonInput)).toBe(has);
    expect(fact('teamStatus', person as PersonInput)).toBe(status);
  });

  it('team members are the distinct services; providers leave relatives out', () => {
    const team = { members: [member('gp'), member('nav'), member('gp', { name: 'Lege 2' }), member('relative')] };
    expect(fact('teamMembers', { team } as PersonInput)).toEqual(['gp', 'nav', 'relative']);
    expect(fact('teamProviders', { team } as PersonInput)).toBe(2);
    expect(fact('teamMembers', {})).toEqual([]);
    expect(fact('teamProviders', {})).toBe(0);
    expect(fact('teamProviders', { team: { members: [member('relative')] } } as PersonInput)).toBe(0);
  });

  it.each([
    [undefined, false, undefined],
    [{}, true, undefined],
    [{ name: 'Kari' }, true, undefined],
    [{ name: 'Kari', recordedInJournal: false }, true, false],
    [{ name: 'Kari', recordedInJournal: true }, true, true],
    [{ recordedInJournal: true }, true, false], // not named
  ])('coordinator %j: hasCoordinator %s, oneRecordedCoordinator %s (without team roles)', (coordinator, has, one) => {
    const person = (coordinator === undefined ? {} : { coordinator }) as PersonInput;
    expect(fact('hasCoordinator', person)).toBe(has);
    expect(fact('oneRecordedCoordinator', person)).toBe(one ?? false);
  });

  it('one recorded coordinator: two members in the coordinator role is not one', () => {
    const coordinator = { name: 'Kari', recordedInJournal: true };
    const roles = (n: number) => ({
      team: { members: Array.from({ length: n }, (_, i) => member(i === 0 ? 'home-nursing' : 'physiotherapy', { role: 'coordinator' })) },
    });
    expect(fact('oneRecordedCoordinator', { coordinator, ...roles(1) } as PersonInput)).toBe(true);
    expect(fact('oneRecordedCoordinator', { coordinator, ...roles(2) } as PersonInput)).toBe(false);
  });

  it.each([
    [undefined, false, false, 'none'],
    [{ name: 'Kari' }, false, false, undefined],
    [{ name: 'Kari', hasMandate: true, personsWishAsked: true, kind: 'child-coordinator' }, true, true, 'child-coordinator'],
    [{ name: 'Kari', hasMandate: false, personsWishAsked: false, kind: 'coordinator' }, false, false, 'coordinator'],
  ])('coordinator %j: mandate %s, wish asked %s, kind %s', (coordinator, mandate, wish, kind) => {
    const person = (coordinator === undefined ? {} : { coordinator }) as PersonInput;
    expect(fact('coordinatorHasMandate', person)).toBe(mandate);
    expect(fact('coordinatorWishAsked', person)).toBe(wish);
    expect(fact('coordinatorKind', person)).toBe(kind);
  });

  it('hasGp is as recorded, unknown without a record', () => {
    expect(fact('hasGp', { hasGp: true })).toBe(true);
    expect(fact('hasGp', { hasGp: false })).toBe(false);
    expect(fact('hasGp', {})).toBeUndefined();
  });

  it('providers not in the team: needs and services received on the day, minus the members', () => {
    const team = { members: [member('gp')] };
    expect(
      fact('providersNotInTeam', {
        team,
        serviceNeeds: [{ service: 'gp' }, { service: 'nav' }, { service: 'relative' }],
        municipalServices: [],
      } as PersonInput),
    ).toEqual(['nav']);
    expect(
      fact('providersNotInTeam', {
        team,
        serviceNeeds: [],
        municipalServices: [
          { type: 'home-nursing', start: '2026-01-01' },
          { type: 'physiotherapy', end: '2026-06-14' }, // ended yesterday
          { type: 'occupational-therapy', start: '2026-06-16' }, // starts tomorrow
          { type: 'practical-assistance' }, // a care service, its own kind
          { type: 'other' }, // no team-member kind of its own
        ],
      } as PersonInput),
    ).toEqual(['home-nursing', 'practical-assistance']);
    // Everything known is in the team, but one source is unknown: it might hold one more.
    expect(fact('providersNotInTeam', { team, serviceNeeds: [{ service: 'gp' }] } as PersonInput)).toBeUndefined();
    expect(fact('providersNotInTeam', { team, municipalServices: [] } as PersonInput)).toBeUndefined();
    expect(fact('providersNotInTeam', { team, serviceNeeds: [{ service: 'gp' }], municipalServices: [] } as PersonInput)).toEqual([]);
    // No team, or a closed one: nothing to suggest.
    expect(fact('providersNotInTeam', { serviceNeeds: [{ service: 'nav' }] } as PersonInput)).toEqual([]);
    expect(
      fact('providersNotInTeam', {
        team: { ...team, status: 'closed' },
        serviceNeeds: [{ service: 'nav' }],
        municipalServices: [],
      } as PersonInput),
    ).toEqual([]);
  });
});

describe('the plan (IP regulation, content elements)', () => {
  const goal = (id: string, more: Record<string, unknown> = {}) => ({ id, text: `Mål ${id}`, ...more });
  const measure = (id: string, more: Record<string, unknown> = {}) => ({ id, text: `Tiltak ${id}`, ...more });

  it.each([
    [{}, false, 'none'],
    [{ individualPlan: { kind: 'individual-plan' } }, true, 'individual-plan'],
    [{ individualPlan: { kind: 'follow-up-plan', status: 'draft' } }, true, 'follow-up-plan'],
    [{ individualPlan: { kind: 'individual-plan', status: 'closed' } }, false, 'none'],
    [{ individualPlan: {} }, true, undefined], // recorded without a kind
  ])('%j: hasPlan %s, planKind %s', (person, has, kind) => {
    expect(fact('hasPlan', person as PersonInput)).toBe(has);
    expect(fact('planKind', person as PersonInput)).toBe(kind);
  });

  it('counts checkpoints, goals and the person’s own goals; 0 without a plan or a closed one', () => {
    const individualPlan = {
      checkpoints: [{ date: '2026-07-01' }, { date: '2026-10-01', done: true }],
      goals: [goal('g1', { expressedBy: 'person' }), goal('g2', { expressedBy: 'team' }), goal('g3')],
    };
    expect([
      fact('planCheckpoints', { individualPlan }),
      fact('planGoals', { individualPlan }),
      fact('personGoals', { individualPlan }),
    ]).toEqual([2, 3, 1]);
    expect([fact('planCheckpoints', {}), fact('planGoals', {}), fact('personGoals', {})]).toEqual([0, 0, 0]);
    const closed = { individualPlan: { ...individualPlan, status: 'closed' as const } };
    expect([fact('planCheckpoints', closed), fact('planGoals', closed), fact('personGoals', closed)]).toEqual([0, 0, 0]);
  });

  it('measures without a goal in the plan or without an owner', () => {
    const individualPlan = {
      goals: [goal('g1')],
      measures: [
        measure('m1', { goalId: 'g1', owner: 'gp' }),
        measure('m2', { goalId: 'g1' }),
        measure('m3', { goalId: 'g9', owner: 'gp' }),
        measure('m4', { owner: 'gp' }),
      ],
    };
    expect(fact('measuresWithoutGoalOrOwner', { individualPlan } as PersonInput)).toBe(3);
    expect(fact('measuresWithoutGoalOrOwner', { individualPlan: { measures: [] } })).toBe(0);
    expect(
      fact('measuresWithoutGoalOrOwner', { individualPlan: { measures: [measure('m1', { goalId: 'g1', owner: 'gp' })] } } as PersonInput),
    ).toBe(1); // no goals at all
    expect(fact('measuresWithoutGoalOrOwner', {})).toBe(0);
  });

  it('language needs addressed, and other sectors’ plans not linked', () => {
    expect(fact('languageNeedsAddressed', { individualPlan: { languageNeedsAddressed: true } })).toBe(true);
    expect(fact('languageNeedsAddressed', { individualPlan: {} })).toBe(false);
    expect(fact('languageNeedsAddressed', {})).toBe(false);
    expect(
      fact('unlinkedOtherPlans', {
        otherPlans: [{ owner: 'nav' }, { owner: 'school', linked: true }, { owner: 'child-welfare', linked: false }],
      }),
    ).toBe(2);
    expect(fact('unlinkedOtherPlans', { otherPlans: [] })).toBe(0);
    expect(fact('unlinkedOtherPlans', {})).toBeUndefined();
  });

  // An adult with a valid consent to the plan, a named coordinator and a plan that has every element.
  const complete = {
    birthDate: '1970-01-01',
    coordinator: { name: 'Kari' },
    consents: [{ scope: 'individual-plan' as const, givenBy: 'person' as const, date: '2026-01-01' }],
    individualPlan: {
      kind: 'individual-plan' as const,
      startDate: '2026-01-01',
      goals: [goal('g1')],
      resourcesDescribed: true,
      serviceNeedsDescribed: true,
      participants: ['gp' as const],
      contributions: true,
      measures: [measure('m1', { goalId: 'g1', owner: 'gp', extent: 'Ukentlig', howCarriedOut: 'Hjemmebesøk' })],
      checkpoints: [{ date: '2026-09-01' }],
      cooperationWithOtherAgencies: true,
    },
  };
  const without = (change: Record<string, unknown>, top: Record<string, unknown> = {}) =>
    ({ ...complete, ...top, individualPlan: { ...complete.individualPlan, ...change } }) as PersonInput;

  it('a complete individual plan misses nothing; no plan misses nothing either', () => {
    expect(fact('planMissingContent', complete as PersonInput)).toEqual([]);
    expect(fact('planMissingContent', {})).toEqual([]);
  });

  it.each([
    ['goals-resources-needs', without({ goals: [], measures: [] }), ['goals-resources-needs', 'measures-extent-owner', 'measures-how']],
    ['goals-resources-needs', without({ resourcesDescribed: false }), ['goals-resources-needs']],
    ['goals-resources-needs', without({ serviceNeedsDescribed: undefined }), ['goals-resources-needs']],
    ['participants', without({ participants: [] }), ['participants']],
    ['coordination-responsible', without({}, { coordinator: {} }), ['coordination-responsible']],
    ['contributions', without({ contributions: false }), ['contributions']],
    [
      'measures-extent-owner',
      without({ measures: [measure('m1', { goalId: 'g1', extent: 'Ukentlig', howCarriedOut: 'Hjemme' })] }),
      ['measures-extent-owner'],
    ],
    [
      'measures-extent-owner',
      without({ measures: [measure('m1', { goalId: 'g1', owner: 'gp', howCarriedOut: 'Hjemme' })] }),
      ['measures-extent-owner'],
    ],
    ['measures-how', without({ measures: [measure('m1', { goalId: 'g1', owner: 'gp', extent: 'Ukentlig' })] }), ['measures-how']],
    ['period-and-revision', without({ startDate: undefined }), ['period-and-revision']],
    ['period-and-revision', without({ checkpoints: [] }), ['period-and-revision']],
    ['consent', without({}, { consents: [] }), ['consent']],
    ['cooperation', without({ cooperationWithOtherAgencies: undefined }), ['cooperation']],
  ])('without %s', (_element, person, missing) => {
    expect(fact('planMissingContent', person)).toEqual(missing);
  });

  it('consent unknown and nothing else missing: the missing content is unknown; a follow-up plan takes a team consent too', () => {
    expect(fact('planMissingContent', without({}, { consents: undefined }))).toBeUndefined();
    expect(
      fact(
        'planMissingContent',
        without({ kind: 'follow-up-plan' }, { consents: [{ scope: 'team', givenBy: 'person', date: '2026-01-01' }] }),
      ),
    ).toEqual([]);
    // An individual plan needs the consent to the plan itself.
    expect(fact('planMissingContent', without({}, { consents: [{ scope: 'team', givenBy: 'person', date: '2026-01-01' }] }))).toEqual([
      'consent',
    ]);
  });
});

describe('evaluation: checkpoints, goals and PSFS change (PSFS-S: same activities, same direction)', () => {
  it('checkpoints due: dated on or before the day and not done', () => {
    const individualPlan = {
      checkpoints: [
        { date: '2026-06-14' },
        { date: ASOF },
        { date: '2026-06-16' },
        { date: '2026-01-01', done: true },
        { date: '2026-02-01', done: false },
      ],
    };
    expect(fact('checkpointsDue', { individualPlan })).toBe(3);
    expect(fact('checkpointsDue', {})).toBe(0);
    expect(fact('checkpointsDue', { individualPlan: { ...individualPlan, status: 'closed' } })).toBe(0);
  });

  it.each([
    [[], 0, false],
    [['met'], 0, true],
    [['met', 'met'], 0, true],
    [['met', 'open'], 0, false],
    [['met', undefined], 0, false],
    [['not-met', 'met', 'not-met'], 2, false],
  ])('goal statuses %j: %i not met, all met %s', (statuses, notMet, allMet) => {
    const individualPlan = {
      goals: statuses.map((status, i) => ({ id: `g${i}`, text: 't', ...(status === undefined ? {} : { status }) })),
    } as PersonInput['individualPlan'];
    expect(fact('goalsNotMet', { individualPlan })).toBe(notMet);
    expect(fact('allGoalsMet', { individualPlan })).toBe(allMet);
  });

  const psfs = (
    date: string,
    scores: number[],
    direction: 'higher-is-better' | 'lower-is-better' = 'higher-is-better',
    names = ['Gå', 'Handle', 'Lage mat'],
  ) => ({
    instrument: 'PSFS' as const,
    date,
    direction,
    activities: scores.map((score, i) => ({ activity: names[i]!, score })),
  });

  it.each([
    // [what, measures, follow-ups, comparable, improvement]
    ['none', [], 0, undefined, undefined],
    ['a baseline only', [psfs('2026-01-01', [2, 3, 4])], 0, undefined, undefined],
    ['mean 3 to 5', [psfs('2026-01-01', [2, 3, 4]), psfs('2026-05-01', [5, 6, 4])], 1, true, 2],
    ['out of order: the earliest is the baseline', [psfs('2026-05-01', [5, 6, 4]), psfs('2026-01-01', [2, 3, 4])], 1, true, 2],
    ['the last after the day', [psfs('2026-01-01', [2, 3, 4]), psfs('2026-05-01', [5, 6, 4]), psfs('2026-06-16', [0, 0, 0])], 1, true, 2],
    [
      'lower is better: a fall of 2 is an improvement',
      [psfs('2026-01-01', [6, 6, 6], 'lower-is-better'), psfs('2026-05-01', [3, 4, 5], 'lower-is-better')],
      1,
      true,
      2,
    ],
    ['mean 5 to 3.67', [psfs('2026-01-01', [5, 5, 5]), psfs('2026-05-01', [4, 4, 3])], 1, true, -1.33],
    ['the direction changed', [psfs('2026-01-01', [2, 3, 4]), psfs('2026-05-01', [5, 6, 4], 'lower-is-better')], 1, false, undefined],
    [
      'an activity changed',
      [psfs('2026-01-01', [2, 3, 4]), psfs('2026-05-01', [5, 6, 4], 'higher-is-better', ['Gå', 'Handle', 'Dusje'])],
      1,
      false,
      undefined,
    ],
    [
      'the same activities in another order and case: mean 3 to 5',
      [psfs('2026-01-01', [2, 3, 4]), psfs('2026-05-01', [5, 6, 4], 'higher-is-better', [' lage MAT', 'gå', 'Handle'])],
      1,
      true,
      2,
    ],
  ] as [string, unknown[], number, boolean | undefined, number | undefined][])(
    'PSFS, %s: follow-ups %i, comparable %s, improvement %s',
    (_what, functionMeasures, followUps, comparable, improvement) => {
      const f = facts({ functionMeasures } as PersonInput);
      expect(f['psfsFollowUps']).toBe(followUps);
      expect(f['psfsComparable']).toBe(comparable);
      expect(f['psfsImprovement']).toBe(improvement);
      expect(f['psfsDeterioration']).toBe(improvement === undefined ? undefined : -improvement);
    },
  );

  it('no improvement is no deterioration either (0, not -0)', () => {
    const f = facts({ functionMeasures: [psfs('2026-01-01', [2, 3, 4]), psfs('2026-05-01', [3, 2, 4])] });
    expect(Object.is(f['psfsImprovement'], 0)).toBe(true);
    expect(Object.is(f['psfsDeterioration'], 0)).toBe(true);
  });

  it('without a list of measures, PSFS facts are unknown', () => {
    const f = facts({});
    for (const k of [
      'psfsFollowUps',
      'psfsComparable',
      'psfsImprovement',
      'psfsDeterioration',
      'psfsMeasurements',
      'psfsBaselineActivities',
    ])
      expect(f, k).not.toHaveProperty(k);
  });
});

describe('transitions and closure (EQS 6292: the team is reviewed at transitions)', () => {
  const t = (type: string, date: string) => ({ type, date });
  it('transition types up to the day, distinct; an empty list is none; absent is unknown', () => {
    expect(
      fact('transitionTypes', {
        transitions: [t('move', '2026-01-01'), t('discharge', ASOF), t('move', '2026-03-01'), t('death', '2026-06-16')],
      } as PersonInput),
    ).toEqual(['move', 'discharge']);
    expect(fact('transitionTypes', { transitions: [] })).toEqual([]);
    expect(fact('transitionTypes', {})).toBeUndefined();
  });

  const team = (more: Record<string, unknown>) => ({ members: [{ service: 'gp' as const }], ...more });
  it.each([
    // [team, transitions, since start, unreviewed]
    [undefined, [t('move', '2026-03-01')], [], []],
    [{ established: '2026-02-01' }, [t('move', '2026-03-01'), t('discharge', '2026-01-15')], ['move'], ['move']],
    [{ established: '2026-02-01' }, [t('move', '2026-02-01')], [], []], // on the day the team started: seen
    [
      { established: '2026-02-01', lastReviewed: '2026-04-01' },
      [t('move', '2026-03-01'), t('school-start', '2026-05-01')],
      ['move', 'school-start'],
      ['school-start'],
    ],
    [{ established: '2026-02-01' }, [t('death', '2026-03-01')], ['death'], []], // a death is not a reason to review
    [{ established: '2026-02-01' }, [t('move', '2026-06-16')], [], []], // after the day
    [{}, [t('move', '2026-03-01')], undefined, undefined], // no date to compare with
    [{}, [], [], []],
    [{ established: '2026-02-01' }, undefined, undefined, undefined],
  ])('team %j, transitions %j: since start %j, unreviewed %j', (teamMore, transitions, since, unreviewed) => {
    const person = {
      ...(teamMore === undefined ? {} : { team: team(teamMore) }),
      ...(transitions === undefined ? {} : { transitions }),
    } as PersonInput;
    expect(fact('transitionsSinceTeamStart', person)).toEqual(since);
    expect(fact('unreviewedTransitions', person)).toEqual(unreviewed);
  });

  it.each([
    [undefined, false, undefined],
    [{ reason: 'died' }, true, 'died'],
    [{ reason: 'consent-withdrawn' }, true, 'consent-withdrawn'],
    [{ reason: 'moved' }, false, 'moved'],
    [{ reason: 'moved', handedOver: true }, true, 'moved'],
    [{ reason: 'goals-met', personAgreed: true }, false, 'goals-met'],
    [{ reason: 'goals-met', personAgreed: true, finalEvaluationDone: true }, true, 'goals-met'],
    [{ reason: 'no-coordinated-need', finalEvaluationDone: true }, false, 'no-coordinated-need'],
    [{ personAgreed: true, finalEvaluationDone: true }, true, undefined],
  ])('closure %j: documented %s, reason %s', (closure, documented, reason) => {
    const person = { team: team({ status: 'closed', ...(closure === undefined ? {} : { closure }) }) } as PersonInput;
    expect(fact('closureDocumented', person)).toBe(documented);
    expect(fact('closureReason', person)).toBe(reason);
  });
});

describe('the assessment (veileder ch. 9) and the person’s wishes', () => {
  it.each([
    [{}, false, false],
    [{ assessment: {} }, true, false],
    [{ assessment: { status: 'ongoing' } }, true, false],
    [{ assessment: { status: 'completed' } }, true, true],
  ])('%j: hasAssessment %s, completed %s', (person, has, completed) => {
    expect(fact('hasAssessment', person as PersonInput)).toBe(has);
    expect(fact('assessmentCompleted', person as PersonInput)).toBe(completed);
  });

  it('judgements are three-valued; documentation is recorded or not', () => {
    const judged = {
      assessment: {
        targetGroupConfirmed: false,
        complexNeeds: true,
        coordinationComplexity: 'high',
        abilityToTakePart: 'reduced',
        functionAndResourcesDocumented: true,
        baselineAlternative: { kind: 'proxy' },
      },
    } as PersonInput;
    expect(facts(judged)).toMatchObject({
      targetGroupConfirmed: false,
      complexNeeds: true,
      coordinationComplexity: 'high',
      abilityToTakePart: 'reduced',
      functionAndResourcesDocumented: true,
      baselineAlternativeRecorded: true,
    });
    const blank = facts({ assessment: {} });
    for (const k of ['targetGroupConfirmed', 'complexNeeds', 'coordinationComplexity', 'abilityToTakePart'])
      expect(blank, k).not.toHaveProperty(k);
    expect(blank).toMatchObject({ functionAndResourcesDocumented: false, baselineAlternativeRecorded: false });
    expect(fact('cognitiveImpairment', { capacity: { cognitiveImpairment: 'marked' } })).toBe('marked');
    expect(fact('cognitiveImpairment', {})).toBeUndefined();
  });

  it.each([
    [{}, undefined],
    [{ whatMatters: [] }, false],
    [{ whatMatters: [{ text: 'Å bo hjemme', date: ASOF }] }, true],
    [{ whatMatters: [{ text: 'Å bo hjemme', date: '2026-06-16' }] }, false], // after the day
    [{ assessment: { whatMattersAsked: true } }, true],
    [{ assessment: { whatMattersAsked: false } }, undefined], // the flag only confirms
    [{ assessment: { whatMattersAsked: false }, whatMatters: [] }, false],
  ])('%j: "what matters" recorded %s', (person, recorded) => {
    expect(fact('whatMattersRecorded', person as PersonInput)).toBe(recorded);
  });

  it('PSFS measurements and baseline activities count up to the day', () => {
    const m = (date: string, n: number) => ({
      instrument: 'PSFS' as const,
      date,
      direction: 'higher-is-better' as const,
      activities: Array.from({ length: n }, (_, i) => ({ activity: `A${i}`, score: 5 })),
    });
    expect(facts({ functionMeasures: [m('2026-03-01', 4), m('2026-01-01', 2), m('2026-06-16', 5)] })).toMatchObject({
      psfsMeasurements: 2,
      psfsBaselineActivities: 2,
    });
    expect(facts({ functionMeasures: [] })).toMatchObject({ psfsMeasurements: 0, psfsBaselineActivities: 0 });
  });

  it.each(['wantsTeam', 'wantsIndividualPlan', 'wantsCoordinator'] as const)('%s: as the person answered, unknown when not asked', (k) => {
    expect(fact(k, { preferences: { [k]: true } })).toBe(true);
    expect(fact(k, { preferences: { [k]: false } })).toBe(false);
    expect(fact(k, { preferences: {} })).toBeUndefined();
    expect(fact(k, {})).toBeUndefined();
  });
});

describe('the social record and municipal services', () => {
  it('social facts are as recorded, unknown when not', () => {
    const social = {
      livesAlone: true,
      informalCarer: false,
      schoolOrKindergarten: 'school',
      navInvolved: true,
      childWelfareInvolved: false,
      interpreterNeeded: true,
    } as const;
    expect(facts({ social })).toMatchObject(social);
    const none = facts({ social: {} });
    for (const k of Object.keys(social)) expect(none, k).not.toHaveProperty(k);
  });

  it('weekly hours of the services active on the day; unknown when one of them lacks its hours', () => {
    const s = (type: string, more: Record<string, unknown> = {}) => ({ type, ...more });
    expect(
      fact('municipalServiceHours', {
        municipalServices: [
          s('home-nursing', { hoursPerWeek: 3 }),
          s('day-care', { hoursPerWeek: 10.5 }),
          s('practical-assistance', { end: '2026-06-14' }),
        ],
      } as PersonInput),
    ).toBe(13.5);
    expect(
      fact('municipalServiceHours', { municipalServices: [s('home-nursing', { hoursPerWeek: 3 }), s('day-care')] } as PersonInput),
    ).toBeUndefined();
    expect(fact('municipalServiceHours', { municipalServices: [] })).toBe(0);
    expect(fact('municipalServiceHours', {})).toBeUndefined();
  });

  it('sex and municipality are as recorded', () => {
    expect(facts({ sex: 'female', municipality: '5001' })).toMatchObject({ sex: 'female', municipality: '5001' });
    expect(facts({})).not.toHaveProperty('sex');
  });
});

/*
 * Encounters in the last `months` months, (asOf − months, asOf] (README, derived facts): counts by
 * kind, bed days, and the most recent and the longest admission (LACE's A and L, HOSPITAL's count).
 */
describe('encounters in a window', () => {
  const e = (type: string, date: string, more: Record<string, unknown> = {}) => ({ type, date, ...more });
  const m = (name: string, months: number) => `${name}:{"months":${months}}`;
  const record = [
    e('emergency-admission', '2025-06-15', { lengthOfStayDays: 30 }), // exactly 12 months back: outside
    e('elective-admission', '2025-09-01', { lengthOfStayDays: 9 }), // in 12 months, not in 6
    e('emergency-admission', '2026-02-01', { endDate: '2026-02-05' }), // 4 days, from its end date
    e('elective-admission', '2026-05-01', { lengthOfStayDays: 2 }), // the most recent admission
    e('emergency-visit', '2026-01-10'),
    e('emergency-visit', '2025-12-15'), // exactly 6 months back: outside 6, inside 12
    e('gp-consultation', ASOF),
    e('gp-consultation', '2026-06-16'), // after the day
    e('outpatient-visit', '2026-03-01'),
  ];

  it('counts, bed days, the most recent and the longest admission, for 6 and 12 months', () => {
    const f = facts({ encounters: record } as PersonInput);
    expect([f[m('admissions', 12)], f[m('admissions', 6)]]).toEqual([3, 2]);
    expect([f[m('emergencyAdmissions', 12)], f[m('emergencyAdmissions', 6)]]).toEqual([1, 1]);
    expect([f[m('emergencyVisits', 12)], f[m('emergencyVisits', 6)]]).toEqual([2, 1]);
    expect([f[m('gpConsultations', 12)], f[m('gpConsultations', 6)]]).toEqual([1, 1]);
    expect([f[m('bedDays', 12)], f[m('bedDays', 6)]]).toEqual([15, 6]);
    expect([f[m('longestAdmissionStay', 12)], f[m('longestAdmissionStay', 6)]]).toEqual([9, 4]);
    expect([f[m('lastAdmissionLengthOfStay', 12)], f[m('lastAdmissionEmergency', 12)]]).toEqual([2, false]);
  });

  it('the most recent admission decides acuity and length: an emergency one last', () => {
    const f = facts({ encounters: [...record, e('emergency-admission', '2026-06-01', { lengthOfStayDays: 1 })] } as PersonInput);
    expect([f[m('lastAdmissionLengthOfStay', 12)], f[m('lastAdmissionEmergency', 12)], f[m('longestAdmissionStay', 12)]]).toEqual([
      1,
      true,
      9,
    ]);
  });

  it('without admissions: 0 days and no emergency; a stay without its length makes length facts unknown', () => {
    const none = facts({ encounters: [e('emergency-visit', '2026-05-01')] } as PersonInput);
    expect([
      none[m('bedDays', 12)],
      none[m('longestAdmissionStay', 12)],
      none[m('lastAdmissionLengthOfStay', 12)],
      none[m('lastAdmissionEmergency', 12)],
    ]).toEqual([0, 0, 0, false]);
    const open = facts({ encounters: [...record, e('elective-admission', '2026-06-10')] } as PersonInput);
    for (const k of ['bedDays', 'longestAdmissionStay', 'lastAdmissionLengthOfStay']) expect(open, k).not.toHaveProperty(m(k, 12));
    expect(open[m('admissions', 12)]).toBe(4);
    // A stay without its length outside the window does not matter.
    const old = facts({ encounters: [...record, e('elective-admission', '2025-01-10')] } as PersonInput);
    expect(old[m('bedDays', 12)]).toBe(15);
  });

  it('the window moves with the evaluation day (evaluated on two days in turn)', () => {
    const person = { encounters: [e('emergency-visit', '2025-12-16')] } as PersonInput;
    for (let i = 0; i < 2; i++) {
      expect(facts(person, ASOF)[m('emergencyVisits', 6)]).toBe(1);
      expect(facts(person, '2026-06-16')[m('emergencyVisits', 6)]).toBe(0);
    }
  });

  it('without an encounter list every count is unknown', () => {
    const f = facts({});
    for (const k of [
      'admissions',
      'emergencyAdmissions',
      'emergencyVisits',
      'gpConsultations',
      'bedDays',
      'longestAdmissionStay',
      'lastAdmissionLengthOfStay',
      'lastAdmissionEmergency',
    ])
      expect(f, k).not.toHaveProperty(m(k, 12));
  });
});

/*
 * Diagnoses count when active on the day: not flagged inactive, begun on or before it (or no onset
 * recorded), not abated before it (README, derived facts). Groups, not codes, are counted (NICE NG56
 * counts conditions). Charlson (1987): a complicated diabetes replaces the uncomplicated one, a
 * metastatic tumour replaces the tumour.
 */
describe('diagnoses', () => {
  const d = (system: 'ICPC-2' | 'ICD-10', code: string, more: Record<string, unknown> = {}) => ({ system, code, ...more });
  it('active on the day: the flag, the onset and the abatement at their edges', () => {
    const diagnoses = [
      d('ICPC-2', 'T90'),
      d('ICPC-2', 'K77', { active: false }),
      d('ICPC-2', 'R95', { onset: ASOF }),
      d('ICPC-2', 'P76', { onset: '2026-06-16' }),
      d('ICPC-2', 'L95', { abatement: ASOF }),
      d('ICPC-2', 'K86', { abatement: '2026-06-14' }),
      d('ICPC-2', 'K74', { active: true, onset: '2020-01-01', abatement: '2030-01-01' }),
    ];
    expect(fact('activeDiagnoses', { diagnoses } as PersonInput)).toEqual([
      { system: 'ICPC-2', code: 'T90' },
      { system: 'ICPC-2', code: 'R95' },
      { system: 'ICPC-2', code: 'L95' },
      { system: 'ICPC-2', code: 'K74' },
    ]);
    expect(fact('activeDiagnoses', {})).toBeUndefined();
  });

  it.each([
    [[], 0, [], false, false, false, false],
    [[d('ICPC-2', 'T90')], 1, ['diabetes'], false, false, false, false],
    [[d('ICPC-2', 'T90'), d('ICD-10', 'E11.9')], 1, ['diabetes'], false, false, false, false], // one group, two codes
    [[d('ICPC-2', 'T90'), d('ICPC-2', 'P76')], 2, ['depression', 'diabetes'], true, true, false, false],
    [[d('ICPC-2', 'P15')], 1, ['substance-use'], true, false, true, false],
    [[d('ICPC-2', 'Z05')], 0, [], false, false, false, true],
  ])(
    '%j: %i long-term groups %j; mental %s, physical and mental %s, substance %s, social %s',
    (diagnoses, n, groups, mental, both, substance, social) => {
      const f = facts({ diagnoses } as PersonInput);
      expect([f['longTermConditions'], f['longTermConditionGroups']]).toEqual([n, groups]);
      expect([f['mentalHealthOrSubstance'], f['physicalAndMental'], f['substanceUse'], f['socialProblems']]).toEqual([
        mental,
        both,
        substance,
        social,
      ]);
    },
  );

  it('without a diagnosis list these facts are unknown', () => {
    const f = facts({});
    for (const k of [
      'longTermConditions',
      'longTermConditionGroups',
      'mentalHealthOrSubstance',
      'physicalAndMental',
      'substanceUse',
      'socialProblems',
      'charlsonIndex',
      'childComplexConditionGroups',
    ])
      expect(f, k).not.toHaveProperty(k);
  });

  it.each([
    [['E11.9'], 1],
    [['E11.2'], 2],
    [['E11.9', 'E11.2'], 2], // complicated replaces uncomplicated
    [['C50'], 2],
    [['C50', 'C78'], 6], // metastatic replaces the tumour
    [['I50', 'I11.0'], 1], // two codes of one condition
    [['I50', 'C78', 'E11.2'], 9],
  ])('Charlson %j: %i', (codes, index) => {
    expect(fact('charlsonIndex', { diagnoses: codes.map((c) => d('ICD-10', c)) } as PersonInput)).toBe(index);
  });
});

/*
 * Code lists: an entry is a code, a prefix of codes (I50 covers I50.9) or a range of them (C00-C75
 * covers C50.1, not C76), in one system; codes compare without dots and in upper case. A list may
 * expand to at most LIMITS.codeListIndexKeys three-character keys (a range A00-Z99 is 2 600).
 */
describe('code lists', () => {
  const file = (entries: { system: string; code: string; group?: string }[]) => ({
    id: 'test-list',
    version: '1.0.0',
    title: { nb: 't', nn: 't', en: 't' },
    source: { document: 'test', section: 'test' },
    evidence: 'found',
    entries,
  });
  const list = right(
    compileCodeLists([
      file([
        { system: 'ICD-10', code: 'I50', group: 'heart-failure' },
        { system: 'ICD-10', code: 'C00-C75', group: 'tumour' },
        { system: 'ICD-10', code: 'E11.2-E11.8', group: 'diabetes-complicated' },
        { system: 'ICD-10', code: 'C50', group: 'breast' },
        { system: 'ICPC-2', code: 'K77', group: 'heart-failure' },
        { system: 'ATC', code: 'C09AA', group: 'ace' },
        { system: 'ICD-10', code: 'Y98-Z02', group: 'across-letters' },
      ]),
    ]),
  ).get('test-list')!;
  const groups = (system: string, code: string) => list.matchAll(system, code).map((e) => e.group);

  it.each([
    ['ICD-10', 'I50', ['heart-failure']],
    ['ICD-10', 'I50.9', ['heart-failure']],
    ['ICD-10', 'i509', ['heart-failure']],
    ['ICD-10', 'I5', []],
    ['ICD-10', 'I51', []],
    ['ICD-10', 'C00', ['tumour']],
    ['ICD-10', 'C75.9', ['tumour']],
    ['ICD-10', 'C76', []],
    ['ICD-10', 'C50.1', ['tumour', 'breast']],
    ['ICD-10', 'E11.1', []],
    ['ICD-10', 'E11.2', ['diabetes-complicated']],
    ['ICD-10', 'E11.8', ['diabetes-complicated']],
    ['ICD-10', 'E11.9', []],
    ['ICD-10', 'K77', []], // K77 is listed for ICPC-2 only
    ['ICPC-2', 'K77', ['heart-failure']],
    ['ATC', 'C09AA05', ['ace']],
    ['ATC', 'C09AB', []],
    ['ICD-10', 'Y99', ['across-letters']],
    ['ICD-10', 'Z01.1', ['across-letters']],
    ['ICD-10', 'Z03', []],
    ['ICD-10', 'Y97', []],
  ])('%s %s is in the groups %j', (system, code, expected) => {
    expect(groups(system, code)).toEqual(expected);
    expect(list.match(system, code)?.group).toBe(expected[0]);
    // Asked again (the lookups are remembered), the same.
    expect(groups(system, code)).toEqual(expected);
  });

  it('normalises codes: no dots, upper case', () => {
    expect(['f32.1', 'F32.1', 'F321', 'f321'].map(normalizeCode)).toEqual(['F321', 'F321', 'F321', 'F321']);
    expect(normalizeCode('T90')).toBe('T90');
  });

  it('refuses a list that expands past the limit, and takes one at it', () => {
    const wide = (n: number, extra: { system: string; code: string }[]) =>
      file([...Array.from({ length: n }, () => ({ system: 'ICD-10', code: 'A00-Z99' })), ...extra]);
    const at = Math.floor(LIMITS.codeListIndexKeys / 2600);
    const rest = LIMITS.codeListIndexKeys - at * 2600; // filled with single codes below
    const singles = (k: number) => Array.from({ length: k }, (_, i) => ({ system: 'ATC', code: `B${String(i % 100).padStart(2, '0')}` }));
    expect(compileCodeLists([wide(at, singles(rest))])._tag).toBe('Right');
    const over = compileCodeLists([wide(at, singles(rest + 1))]);
    expect(over._tag === 'Left' && over.left.issues.map((i) => [i.code, i.path])).toEqual([['too_big', 'codeLists[0].entries']]);
  });
});
