import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../src/index.js';
import { allowedEvents, pathwayFacts, sendEvent, startPathway, whatIsDue } from '../../src/pathway/index.js';
import type { Pathway, PathwayEventInput, PathwayRejection } from '../../src/pathway/index.js';
import type { PersonInput } from '../../src/index.js';
import { left, readJson, right } from '../support/helpers.js';
import { drive, fixtureRuleSets, HOSTS, send, start, SUBJECT, TO_TEAM_ESTABLISHMENT, toPlanActive } from '../support/pathwayHelpers.js';

/*
 * The host-facing calls, through the public API: start, send (accepted, rejected with the rules not
 * met and why, not allowed, invalid), the consent semantics, recomposition, closure, and whatIsDue.
 */

const D = '2026-03-02';

describe('startPathway', () => {
  it('starts in candidate with the channel recorded and a START history entry', () => {
    const p = right(startPathway({ channel: 'relative', reason: 'Datteren er bekymret' }, { asOf: D, role: 'relative', subject: SUBJECT }));
    expect(p.state).toBe('candidate');
    expect(p.snapshot.context.flags).toEqual([{ channel: 'relative', date: D, reason: 'Datteren er bekymret' }]);
    expect(p.history).toHaveLength(1);
    expect(p.history[0]).toMatchObject({
      seq: 0,
      at: D,
      role: 'relative',
      from: null,
      to: 'candidate',
      event: { type: 'START', channel: 'relative' },
    });
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it('rejects an unknown channel, a bad date and an unknown role with located issues', () => {
    // @ts-expect-error -- 'fax' is not a channel (a JavaScript host gets the typed error below)
    const e1 = left(startPathway({ channel: 'fax' }, { asOf: D, role: 'gp', subject: SUBJECT }));
    expect(e1._tag).toBe('InvalidEvent');
    if (e1._tag === 'InvalidEvent') expect(e1.issues.map((i) => i.path)).toEqual(['channel']);
    const e2 = left(startPathway({ channel: 'staff' }, { asOf: '2026-02-30', role: 'gp', subject: SUBJECT }));
    expect(e2._tag).toBe('InvalidOptions');
    if (e2._tag === 'InvalidOptions') expect(e2.issues.map((i) => [i.path, i.code])).toEqual([['asOf', 'iso_date']]);
    const e3 = left(startPathway({ channel: 'staff' }, { asOf: D, role: 'janitor' as never, subject: SUBJECT }));
    if (e3._tag === 'InvalidOptions') expect(e3.issues.map((i) => i.path)).toEqual(['role']);
    else expect.fail('expected InvalidOptions');
  });

  it('takes local periods and fills the rest from the defaults', () => {
    const p = right(
      startPathway(
        { channel: 'staff', config: { reflagPeriodDays: 30, waitDays: { review: 3 } } },
        { asOf: D, role: 'staff', subject: SUBJECT },
      ),
    );
    expect(p.snapshot.context.config.reflagPeriodDays).toBe(30);
    expect(p.snapshot.context.config.waitDays.review).toBe(3);
    expect(p.snapshot.context.config.waitDays.referral).toBe(14);
  });
});

describe('sendEvent', () => {
  it('moves on and appends who, when, what and the decisions to the history', () => {
    const p = drive(start(), D, TO_TEAM_ESTABLISHMENT);
    expect(p.state).toBe('teamEstablishment');
    const last = p.history[p.history.length - 1]!;
    expect(last).toMatchObject({
      seq: 5,
      at: D,
      role: 'coordinating-unit',
      from: 'teamDecision',
      to: 'teamEstablishment',
      event: { type: 'DECIDE_TEAM' },
    });
    expect(last.decisions.map((d) => [d.ruleSet.id, d.ruleId, d.outcome, d.passed])).toEqual([['team', 'TEAM-CRITERIA-MET', true, true]]);
    expect(p.ruleSets.map((r) => r.id)).toEqual(['team']);
  });

  it('never changes the pathway it is given', () => {
    const p = drive(start(), D, TO_TEAM_ESTABLISHMENT.slice(0, 3));
    const before = JSON.stringify(p);
    right(send(p, TO_TEAM_ESTABLISHMENT[3]!, D));
    left(send(p, { type: 'DECIDE_TEAM' }, D));
    expect(JSON.stringify(p)).toBe(before);
  });

  it('says which events are possible when an event is not', () => {
    const e = left(send(start(), { type: 'ESTABLISH_TEAM' }, D));
    expect(e._tag).toBe('EventNotAllowed');
    if (e._tag !== 'EventNotAllowed') return;
    expect(e.state).toBe('candidate');
    expect(e.allowed).toEqual(['REVIEW_RELEVANT', 'REVIEW_NOT_RELEVANT', 'RECORD_CONSENT', 'CLOSE']);
    expect(e.message.nb).toContain('ESTABLISH_TEAM er ikke mulig i tilstanden «Kandidat»');
    expect(e.message.nn).toContain('er ikkje mogleg');
  });

  it('validates the event and names the path', () => {
    const e = left(send(start(), { type: 'REVIEW_NOT_RELEVANT' } as never, D));
    expect(e._tag).toBe('InvalidEvent');
    if (e._tag === 'InvalidEvent') expect(e.issues.map((i) => [i.path, i.code])).toEqual([['reason', 'missing']]);
    const e2 = left(send(start(), { type: 'REVIEW_RELEVANT', extra: 1 } as never, D));
    if (e2._tag === 'InvalidEvent') expect(e2.issues.map((i) => [i.path, i.code])).toEqual([['extra', 'unknown_key']]);
    else expect.fail('expected InvalidEvent');
  });

  it('refuses events dated before the last one, and a next checkpoint that is not in the future', () => {
    const p = right(send(start('2026-02-01'), { type: 'REVIEW_RELEVANT' }, '2026-02-10'));
    const e = left(send(p, { type: 'DECLINE_OFFER' }, '2026-02-09'));
    if (e._tag === 'InvalidOptions') expect(e.issues.map((i) => [i.path, i.code])).toEqual([['asOf', 'before_last_event']]);
    else expect.fail('expected InvalidOptions');

    let q = drive(start(), D, toPlanActive(D, '2026-06-01'));
    q = right(send(q, { type: 'START_EVALUATION' }, '2026-06-02'));
    const e2 = left(send(q, { type: 'CONTINUE', nextCheckpoint: '2026-06-02' }, '2026-06-02'));
    if (e2._tag === 'InvalidEvent') expect(e2.issues.map((i) => [i.path, i.code])).toEqual([['nextCheckpoint', 'not_after_as_of']]);
    else expect.fail('expected InvalidEvent');
  });

  it('reports an invalid host record as InvalidPerson', () => {
    const e = left(send(start(), { type: 'REVIEW_RELEVANT' }, D, { birthDate: '1960-13-01' }));
    expect(e._tag).toBe('InvalidPerson');
  });

  it('reports a rule set without the contracted rule as unavailable, naming the rule', () => {
    const team = readJson('test/fixtures/pathway/team.json') as { rules: { id: string }[] };
    const withoutCriteria = right(
      compileRuleSet({ ...team, rules: team.rules.filter((r) => r.id !== 'TEAM-CRITERIA-MET') }, { extraFacts: pathwayFacts }),
    );
    const p = drive(start(), D, TO_TEAM_ESTABLISHMENT.slice(0, 4));
    const e = left(
      sendEvent(
        p,
        { type: 'DECIDE_TEAM' },
        {
          asOf: D,
          role: 'coordinating-unit',
          subject: SUBJECT,
          person: HOSTS.adult,
          ruleSets: [withoutCriteria, ...fixtureRuleSets().slice(1)],
        },
      ),
    );
    expect(e).toMatchObject({ _tag: 'RuleSetUnavailable', ruleSetId: 'team', ruleId: 'TEAM-CRITERIA-MET' });
  });
});

function rejected(e: unknown): PathwayRejection {
  const r = e as PathwayRejection;
  if (r._tag !== 'Rejected') throw new Error(`expected Rejected, got ${JSON.stringify(e).slice(0, 500)}`);
  return r;
}

describe('guards: team decision', () => {
  const assessed = (needs: unknown) =>
    drive(start(), D, [
      ...TO_TEAM_ESTABLISHMENT.slice(0, 3),
      { type: 'COMPLETE_ASSESSMENT', whatMatters: [{ text: 'Å bo hjemme', date: D }], serviceNeeds: needs } as never,
    ]);

  it('rejects a team when the criteria are not met, with the rule and the same why as the prompt', () => {
    const p = assessed([{ service: 'gp', longTerm: true }]);
    const r = rejected(left(send(p, { type: 'DECIDE_TEAM' }, D)));
    expect(r.ruleIds).toEqual(['TEAM-CRITERIA-MET']);
    const reason = r.reasons[0]!;
    expect(reason).toMatchObject({ kind: 'rule', ruleId: 'TEAM-CRITERIA-MET', expected: 'fires', outcome: false });
    if (reason.kind !== 'rule') return;
    expect(reason.why.nb).toMatch(/^Ikke utløst fordi: antall ulike tjenesteytere med kartlagt behov er 1, ikke minst 2/);
    expect(reason.why.nn).toMatch(/^Ikkje utløyst fordi/);
    expect(reason.why.en).toMatch(/^Not fired because/);
    expect(r.message.nb).toBe('DECIDE_TEAM ble avvist i tilstanden «Beslutning om team»: vilkår ikke oppfylt (TEAM-CRITERIA-MET).');
    // Other follow-up is still open.
    expect(right(send(p, { type: 'DECIDE_OTHER_FOLLOW_UP', reason: 'Koordinator' }, D)).state).toBe('otherFollowUp');
  });

  it('says which data is missing when a criterion is unknown', () => {
    const p = assessed([{ service: 'gp' }, { service: 'home-nursing' }]);
    const r = rejected(left(send(p, { type: 'DECIDE_TEAM' }, D)));
    const reason = r.reasons[0]!;
    expect(reason).toMatchObject({ outcome: 'unknown' });
    expect(reason.why.nb).toBe('Ukjent fordi det mangler data om langvarig behov.');
  });
});

describe('guards: a confirmation only an event field gives', () => {
  const complete = (targetGroupConfirmed?: boolean): PathwayEventInput => ({
    type: 'COMPLETE_ASSESSMENT',
    whatMatters: [{ text: 'Å bo hjemme', date: D }],
    serviceNeeds: [
      { service: 'gp', longTerm: true },
      { service: 'home-nursing', longTerm: true },
    ],
    ...(targetGroupConfirmed === undefined ? {} : { targetGroupConfirmed }),
  });
  // The bundled `team` rule set, whose TEAM-CRITERIA-MET needs the assessor's target-group judgement.
  const decide = (targetGroupConfirmed?: boolean, person: PersonInput = HOSTS.adult) =>
    sendEvent(
      drive(start(), D, [...TO_TEAM_ESTABLISHMENT.slice(0, 3), complete(targetGroupConfirmed)], person),
      { type: 'DECIDE_TEAM' },
      { asOf: D, role: 'coordinating-unit', subject: SUBJECT, person },
    );

  it('names the event field that gives the target-group confirmation, in nb, nn and en', () => {
    const r = rejected(left(decide()));
    expect(r.ruleIds).toEqual(['TEAM-CRITERIA-MET']);
    expect(r.reasons[0]).toMatchObject({ kind: 'rule', outcome: 'unknown' });
    expect(r.reasons[1]).toMatchObject({
      kind: 'confirmation-needed',
      event: 'COMPLETE_ASSESSMENT',
      field: 'targetGroupConfirmed',
      personField: 'assessment.targetGroupConfirmed',
    });
    for (const lang of ['nb', 'nn', 'en'] as const) {
      expect(r.reasons[1]!.why[lang]).toContain('`targetGroupConfirmed: true`');
      expect(r.reasons[1]!.why[lang]).toContain('COMPLETE_ASSESSMENT');
      expect(r.message[lang]).toContain(r.reasons[1]!.why[lang]);
    }
  });

  it('is accepted once the field is sent, in the event or in the person record', () => {
    expect(right(decide(true)).state).toBe('teamEstablishment');
    expect(right(decide(undefined, { ...HOSTS.adult, assessment: { targetGroupConfirmed: true } })).state).toBe('teamEstablishment');
  });

  it('asks for no confirmation when the judgement was given, even if the criteria are not met', () => {
    const r = rejected(left(decide(false)));
    expect(r.reasons.map((x) => x.kind)).toEqual(['rule']);
    expect(r.message.en).not.toContain('targetGroupConfirmed');
  });
});

describe('guards: consent semantics', () => {
  it('establishes no team without a team consent and a recorded coordinator, and names both', () => {
    const p = drive(start(), D, TO_TEAM_ESTABLISHMENT);
    const r = rejected(left(send(p, { type: 'ESTABLISH_TEAM' }, D)));
    expect(r.ruleIds).toEqual(['CONSENT-TEAM-MISSING', 'TEAM-COORDINATOR-MISSING']);
    const q = drive(p, D, [{ type: 'APPOINT_COORDINATOR', coordinator: { name: 'Kari', recordedInJournal: false } }]);
    expect(rejected(left(send(q, { type: 'ESTABLISH_TEAM' }, D))).ruleIds).toEqual(['CONSENT-TEAM-MISSING', 'TEAM-COORDINATOR-MISSING']);
  });

  it('takes the consent from the right person: a parent for a child, not the child', () => {
    const child = HOSTS.child;
    const base = drive(
      start(),
      D,
      [...TO_TEAM_ESTABLISHMENT, { type: 'APPOINT_COORDINATOR', coordinator: { name: 'Ola', recordedInJournal: true } }],
      child,
    );
    const byChild = drive(base, D, [{ type: 'RECORD_CONSENT', consent: { scope: 'team', givenBy: 'person', date: D } }], child);
    expect(rejected(left(send(byChild, { type: 'ESTABLISH_TEAM' }, D, child))).ruleIds).toEqual(['CONSENT-TEAM-MISSING']);
    const byParent = drive(byChild, D, [{ type: 'RECORD_CONSENT', consent: { scope: 'team', givenBy: 'parent', date: D } }], child);
    expect(right(send(byParent, { type: 'ESTABLISH_TEAM' }, D, child)).state).toBe('planning');
  });

  it('at 16 to 18 without consent competence, the parents consent (pbrl. § 4-5 andre ledd); from 18 a representative, not the parents', () => {
    const on = (birthDate: string, givenBy: 'person' | 'parent' | 'representative') => {
      const host = { birthDate, capacity: { consentCompetence: false } };
      const p = drive(
        start(),
        D,
        [
          ...TO_TEAM_ESTABLISHMENT,
          { type: 'APPOINT_COORDINATOR', coordinator: { name: 'Ola', recordedInJournal: true } },
          { type: 'RECORD_CONSENT', consent: { scope: 'team', givenBy, date: D } },
        ],
        host,
      );
      const r = send(p, { type: 'ESTABLISH_TEAM' }, D, host);
      return r._tag === 'Right' ? r.right.state : rejected(r.left).ruleIds;
    };
    const sixteenToday = `${Number(D.slice(0, 4)) - 16}${D.slice(4)}`;
    const eighteenToday = `${Number(D.slice(0, 4)) - 18}${D.slice(4)}`;
    expect(on(sixteenToday, 'parent')).toBe('planning');
    expect(on(sixteenToday, 'representative')).toBe('planning');
    expect(on(sixteenToday, 'person')).toEqual(['CONSENT-TEAM-MISSING']);
    expect(on(eighteenToday, 'parent')).toEqual(['CONSENT-TEAM-MISSING']);
    expect(on(eighteenToday, 'representative')).toBe('planning');
  });

  it('gives "data needed" rather than yes or no when the age is unknown', () => {
    const p = drive(start(), D, [
      ...TO_TEAM_ESTABLISHMENT,
      { type: 'APPOINT_COORDINATOR', coordinator: { name: 'Ola', recordedInJournal: true } },
      { type: 'RECORD_CONSENT', consent: { scope: 'team', givenBy: 'person', date: D } },
    ]);
    const r = rejected(left(send(p, { type: 'ESTABLISH_TEAM' }, D, HOSTS.unknownAge)));
    expect(r.reasons[0]).toMatchObject({ ruleId: 'CONSENT-TEAM-MISSING', outcome: 'unknown' });
  });

  it('admits school, PPT, child welfare and NAV only with an explicit consent that names them', () => {
    let p = drive(start(), D, [
      ...TO_TEAM_ESTABLISHMENT,
      { type: 'RECORD_CONSENT', consent: { scope: 'team', givenBy: 'person', date: D, services: ['gp'] } },
    ]);
    p = drive(p, D, [
      { type: 'ADD_MEMBER', member: { service: 'gp' } },
      { type: 'ADD_MEMBER', member: { service: 'physiotherapy' } },
    ]);
    const words = { school: 'skole', kindergarten: 'barnehage', ppt: 'PP-tjenesten', 'child-welfare': 'barnevernet', nav: 'NAV' } as const;
    for (const service of ['school', 'kindergarten', 'ppt', 'child-welfare', 'nav'] as const) {
      const r = rejected(left(send(p, { type: 'ADD_MEMBER', member: { service } }, D)));
      expect(r.ruleIds).toEqual(['CONSENT-EXPLICIT-MEMBER']);
      expect(r.reasons[0]!.why.nb).toContain(`teammedlemmer uten uttrykkelig samtykke: ${words[service]}`);
    }
    const withConsent = drive(p, D, [
      { type: 'RECORD_CONSENT', consent: { scope: 'information-sharing', givenBy: 'person', date: D, services: ['nav'] } },
    ]);
    expect(
      right(send(withConsent, { type: 'ADD_MEMBER', member: { service: 'nav' } }, D)).snapshot.context.members.map((m) => m.service),
    ).toEqual(['gp', 'physiotherapy', 'nav']);
    expect(rejected(left(send(withConsent, { type: 'ADD_MEMBER', member: { service: 'school' } }, D))).ruleIds).toEqual([
      'CONSENT-EXPLICIT-MEMBER',
    ]);
  });

  it('does not count a consent given after the event date or already withdrawn', () => {
    const p = drive(start(), D, [
      ...TO_TEAM_ESTABLISHMENT,
      { type: 'APPOINT_COORDINATOR', coordinator: { name: 'Kari', recordedInJournal: true } },
      { type: 'RECORD_CONSENT', consent: { scope: 'team', givenBy: 'person', date: '2026-04-01' } },
      { type: 'RECORD_CONSENT', consent: { scope: 'team', givenBy: 'person', date: '2026-01-01', withdrawnDate: '2026-02-01' } },
    ]);
    expect(rejected(left(send(p, { type: 'ESTABLISH_TEAM' }, D))).ruleIds).toEqual(['CONSENT-TEAM-MISSING']);
    expect(right(send(p, { type: 'ESTABLISH_TEAM' }, '2026-04-01')).state).toBe('planning');
  });

  it('lets the host record of consents count, but not the host record of team members', () => {
    const host = {
      ...HOSTS.adult,
      consents: [{ scope: 'team', givenBy: 'person', date: '2026-01-01' }],
      team: { members: [{ service: 'nav' }] },
    };
    const p = drive(
      start(),
      D,
      [...TO_TEAM_ESTABLISHMENT, { type: 'APPOINT_COORDINATOR', coordinator: { name: 'Kari', recordedInJournal: true } }],
      host,
    );
    expect(right(send(p, { type: 'ESTABLISH_TEAM' }, D, host)).state).toBe('planning');
  });
});

describe('team recomposition at any time', () => {
  const active = () => drive(start(), D, toPlanActive(D, '2026-06-01'));

  it('adds and removes members and replaces the coordinator in an active plan, under the same rules', () => {
    let p = active();
    p = right(send(p, { type: 'REMOVE_MEMBER', service: 'gp' }, '2026-04-01'));
    expect(p.state).toBe('planActive');
    expect(p.snapshot.context.members.map((m) => m.service)).toEqual(['home-nursing']);
    expect(rejected(left(send(p, { type: 'ADD_MEMBER', member: { service: 'nav' } }, '2026-04-01'))).ruleIds).toEqual([
      'CONSENT-EXPLICIT-MEMBER',
    ]);
    expect(rejected(left(send(p, { type: 'APPOINT_COORDINATOR', coordinator: { name: 'Per' } }, '2026-04-01'))).ruleIds).toEqual([
      'TEAM-COORDINATOR-MISSING',
    ]);
    p = right(send(p, { type: 'APPOINT_COORDINATOR', coordinator: { name: 'Per', recordedInJournal: true } }, '2026-04-01'));
    expect(p.snapshot.context.coordinator?.name).toBe('Per');
    expect(p.state).toBe('planActive');
  });

  it('recomposes the team at a transition and plans again', () => {
    let p = right(send(active(), { type: 'START_EVALUATION' }, '2026-06-01'));
    p = right(send(p, { type: 'TRANSITION', kind: 'discharge', note: 'Utskrevet' }, '2026-06-02'));
    expect(p.state).toBe('teamEstablishment');
    expect(p.snapshot.context.transitions).toEqual([{ kind: 'discharge', date: '2026-06-02', note: 'Utskrevet' }]);
    expect(p.snapshot.context.evaluations).toEqual([
      { checkpoint: '2026-06-01', started: '2026-06-01', outcome: 'transition', date: '2026-06-02' },
    ]);
    p = drive(p, '2026-06-03', [{ type: 'ADD_MEMBER', member: { service: 'physiotherapy' } }, { type: 'ESTABLISH_TEAM' }]);
    expect(p.state).toBe('planning');
    expect(p.snapshot.context.teamEstablished).toBe(D);
  });
});

describe('plan and evaluation', () => {
  it('does not activate or revise a plan without a dated checkpoint', () => {
    const toPlanning = toPlanActive(D, '2026-06-01').slice(0, -1);
    const p = drive(start(), D, toPlanning);
    expect(rejected(left(send(p, { type: 'ACTIVATE_PLAN', plan: { goals: [{ id: 'g', text: 'Mål' }] } }, D))).ruleIds).toEqual([
      'PLAN-NO-CHECKPOINT',
    ]);
    const e = left(send(p, { type: 'ACTIVATE_PLAN', plan: { goals: [] } }, D));
    expect(e._tag).toBe('InvalidEvent');
    let q = drive(p, D, [{ type: 'ACTIVATE_PLAN', plan: { goals: [{ id: 'g', text: 'Mål' }], checkpoints: [{ date: '2026-06-01' }] } }]);
    q = right(send(q, { type: 'START_EVALUATION' }, '2026-06-01'));
    expect(rejected(left(send(q, { type: 'REVISE', plan: { goals: [{ id: 'g', text: 'Nytt mål' }] } }, '2026-06-01'))).ruleIds).toEqual([
      'PLAN-NO-CHECKPOINT',
    ]);
    const revised = right(
      send(
        q,
        { type: 'REVISE', plan: { goals: [{ id: 'g', text: 'Nytt mål' }], checkpoints: [{ date: '2026-06-01' }, { date: '2026-09-01' }] } },
        '2026-06-01',
      ),
    );
    expect(revised.state).toBe('planActive');
    expect(revised.snapshot.context.plan?.checkpoints).toEqual([{ date: '2026-06-01', done: true }, { date: '2026-09-01' }]);
  });

  it('continues to the next checkpoint and records the goal status', () => {
    let p = drive(start(), D, toPlanActive(D, '2026-06-01'));
    p = right(send(p, { type: 'START_EVALUATION' }, '2026-06-03'));
    expect(p.snapshot.context.evaluating).toEqual({ checkpoint: '2026-06-01', started: '2026-06-03' });
    p = right(send(p, { type: 'CONTINUE', nextCheckpoint: '2026-09-01', goals: [{ id: 'g1', status: 'met' }] }, '2026-06-03'));
    expect(p.state).toBe('planActive');
    expect(p.snapshot.context.evaluating).toBeUndefined();
    expect(p.snapshot.context.plan?.goals?.[0]?.status).toBe('met');
    expect(p.snapshot.context.plan?.checkpoints).toEqual([{ date: '2026-06-01', done: true }, { date: '2026-09-01' }]);
  });
});

describe('declined and re-flagged', () => {
  const declined = () => drive(start('2026-01-05'), '2026-01-10', [{ type: 'REVIEW_RELEVANT' }, { type: 'DECLINE_OFFER' }]);

  it('is not flagged again before the period unless a new trigger appears after the decline', () => {
    const p = declined();
    expect(p.snapshot.context.declined).toEqual({ date: '2026-01-10', reflagNotBefore: '2026-07-09' });
    const r = rejected(left(send(p, { type: 'FLAG', channel: 'risk-screening' }, '2026-07-08')));
    expect(r.reasons).toEqual([expect.objectContaining({ kind: 'reflag-period', notBefore: '2026-07-09' })]);
    expect(r.reasons[0]!.why.nn).toContain('blir ikkje flagga på nytt før 2026-07-09');
    // A trigger from before the decline, or not yet happened, does not count.
    expect(
      left(send(p, { type: 'FLAG', channel: 'staff', trigger: { kind: 'emergency-admission', date: '2026-01-09' } }, '2026-03-01'))._tag,
    ).toBe('Rejected');
    expect(
      left(send(p, { type: 'FLAG', channel: 'staff', trigger: { kind: 'emergency-admission', date: '2026-03-02' } }, '2026-03-01'))._tag,
    ).toBe('Rejected');
    const back = right(
      send(p, { type: 'FLAG', channel: 'staff', trigger: { kind: 'emergency-admission', date: '2026-02-28' } }, '2026-03-01'),
    );
    expect(back.state).toBe('candidate');
    expect(back.snapshot.context.wantsTeam).toBeUndefined();
    expect(back.snapshot.context.flags.map((f) => f.channel)).toEqual(['risk-screening', 'staff']);
    expect(right(send(p, { type: 'FLAG', channel: 'risk-screening' }, '2026-07-09')).state).toBe('candidate');
  });

  it('uses the configured period', () => {
    const p0 = right(
      startPathway({ channel: 'staff', config: { reflagPeriodDays: 30 } }, { asOf: '2026-01-05', role: 'staff', subject: SUBJECT }),
    );
    const p = drive(p0, '2026-01-10', [{ type: 'REVIEW_RELEVANT' }, { type: 'DECLINE_OFFER' }]);
    expect(p.snapshot.context.declined?.reflagNotBefore).toBe('2026-02-09');
  });
});

describe('closure', () => {
  it('closes from any running state with a reason and is final', () => {
    const p = right(send(start(), { type: 'CLOSE', reason: 'moved' }, D));
    expect(p.state).toBe('closed');
    expect(p.snapshot.status).toBe('done');
    expect(p.snapshot.context.closed).toEqual({ reason: 'moved', date: D });
    expect(allowedEvents(p)).toEqual([]);
    const e = left(send(p, { type: 'FLAG', channel: 'staff' }, D));
    expect(e).toMatchObject({ _tag: 'EventNotAllowed', allowed: [] });
  });

  it('closes for met goals only after an evaluation', () => {
    const p = drive(start(), D, toPlanActive(D, '2026-06-01'));
    const r = rejected(left(send(p, { type: 'CLOSE', reason: 'goals-met' }, D)));
    expect(r.reasons).toEqual([expect.objectContaining({ kind: 'goals-met-needs-evaluation' })]);
    const ev = right(send(p, { type: 'START_EVALUATION' }, '2026-06-01'));
    const closed = right(send(ev, { type: 'CLOSE', reason: 'goals-met' }, '2026-06-01'));
    expect(closed.state).toBe('closed');
    expect(closed.snapshot.context.evaluations.at(-1)).toMatchObject({ outcome: 'close' });
  });

  it('marks the team consent withdrawn when the person withdraws it', () => {
    const p = drive(start(), D, toPlanActive(D, '2026-06-01'));
    const closed = right(send(p, { type: 'CLOSE', reason: 'consent-withdrawn' }, '2026-04-01'));
    expect(closed.snapshot.context.consents.map((c) => c.withdrawnDate)).toEqual(['2026-04-01']);
  });
});

describe('whatIsDue', () => {
  it('lists the step waiting on someone with its due date, and overdue items first', () => {
    const p = start('2026-01-05');
    expect(right(whatIsDue(p, '2026-01-10'))).toEqual([
      expect.objectContaining({ kind: 'review', waitingOn: 'gp', since: '2026-01-05', due: '2026-01-19', overdue: false, daysOverdue: 0 }),
    ]);
    expect(right(whatIsDue(p, '2026-01-22'))[0]).toMatchObject({ overdue: true, daysOverdue: 3 });
    const referred = drive(p, '2026-01-20', [{ type: 'REVIEW_RELEVANT' }, { type: 'ACCEPT_OFFER', unit: 'adults' }]);
    expect(right(whatIsDue(referred, '2026-02-10'))).toEqual([
      expect.objectContaining({
        kind: 'referral-answer',
        waitingOn: 'coordinating-unit',
        since: '2026-01-20',
        due: '2026-02-03',
        overdue: true,
        daysOverdue: 7,
      }),
    ]);
  });

  it('lists every open checkpoint of an active plan', () => {
    let p = drive(start(), D, toPlanActive(D, '2026-06-01'));
    p = right(send(p, { type: 'START_EVALUATION' }, '2026-06-01'));
    p = right(send(p, { type: 'CONTINUE', nextCheckpoint: '2026-09-01' }, '2026-06-01'));
    const due = right(whatIsDue(p, '2026-09-05'));
    expect(due.map((d) => [d.kind, d.checkpoint, d.overdue, d.daysOverdue])).toEqual([['evaluation', '2026-09-01', true, 4]]);
    expect(due[0]!.text.nn).toBe('Evaluering ved sjekkpunkt i planen.');
  });

  it('lists nothing for a declined, checked-out or closed pathway, and refuses a bad date', () => {
    const declined = drive(start(), D, [{ type: 'REVIEW_RELEVANT' }, { type: 'DECLINE_OFFER' }]);
    expect(right(whatIsDue(declined, '2027-01-01'))).toEqual([]);
    expect(right(whatIsDue(drive(start(), D, [{ type: 'REVIEW_NOT_RELEVANT', reason: 'Ikke aktuelt' }]), '2027-01-01'))).toEqual([]);
    expect(right(whatIsDue(drive(start(), D, [{ type: 'CLOSE', reason: 'died' }]), '2027-01-01'))).toEqual([]);
  });

  it('a date that is not YYYY-MM-DD is InvalidOptions at asOf in the requested language, not a RangeError', () => {
    const nb = left(whatIsDue(start(), '20.01.2027'));
    expect(nb).toMatchObject({ _tag: 'InvalidOptions', issues: [{ path: 'asOf', code: 'iso_date' }] });
    const msgs = (['nb', 'nn', 'en'] as const).map((lang) => left(whatIsDue(start(), '20.01.2027', { lang })).issues[0]!.message);
    expect(msgs[0]).toBe(nb.issues[0]!.message);
    expect(new Set(msgs).size).toBe(3);
    expect(msgs[2]).toMatch(/YYYY-MM-DD/);
    expect(left(whatIsDue(start(), undefined as never, { lang: 'en' })).issues).toMatchObject([{ path: 'asOf', code: 'missing' }]);
  });

  it('uses the configured waiting periods', () => {
    const p = right(
      startPathway({ channel: 'staff', config: { waitDays: { review: 2 } } }, { asOf: '2026-01-05', role: 'staff', subject: SUBJECT }),
    );
    expect(right(whatIsDue(p, '2026-01-08'))[0]).toMatchObject({ due: '2026-01-07', overdue: true, daysOverdue: 1 });
  });
});

describe('allowedEvents', () => {
  it('lists the events of the current state and its parents', () => {
    const p: Pathway = drive(start(), D, toPlanActive(D, '2026-06-01'));
    expect(allowedEvents(p)).toEqual(['RECORD_CONSENT', 'APPOINT_COORDINATOR', 'ADD_MEMBER', 'REMOVE_MEMBER', 'START_EVALUATION', 'CLOSE']);
  });
});
