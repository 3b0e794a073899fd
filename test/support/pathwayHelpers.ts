import type { CompiledRuleSet, PersonInput } from '../../src/index.js';
import type { Pathway, PathwayEventInput, PathwayEventType, PathwayRole, SendEventError } from '../../src/pathway/index.js';
import { compileRuleSet } from '../../src/index.js';
import { pathwayFacts, sendEvent, startPathway } from '../../src/pathway/index.js';
import { readJson, right } from './helpers.js';

/*
 * Shared by the pathway tests: the fixture rule sets (the contracted rule ids, over the pathway
 * facts), a few host persons, and sample events for every event type, so tests and properties can
 * drive the machine through the public API.
 */

let cached: CompiledRuleSet[] | undefined;

/** The fixture rule sets `team`, `consent` and `plan` from test/fixtures/pathway/. */
export function fixtureRuleSets(): CompiledRuleSet[] {
  return (cached ??= ['team', 'consent', 'plan'].map((id) =>
    right(compileRuleSet(readJson(`test/fixtures/pathway/${id}.json`), { extraFacts: pathwayFacts })),
  ));
}

/** The host's reference to the person every test pathway is bound to. */
export const SUBJECT = 'Patient/test-1';

/** Host persons: an adult, a child, one of unknown age. */
export const HOSTS = {
  adult: { birthDate: '1960-04-01' },
  child: { birthDate: '2019-06-01', capacity: { consentCompetence: false } },
  unknownAge: {},
} as const;

/** Adds days to an ISO date. */
export function plusDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const needs = (longTerm: boolean | undefined, services: string[]) =>
  services.map((service) => (longTerm === undefined ? { service } : { service, longTerm })) as { service: 'gp'; longTerm?: boolean }[];

/** Sample events of each type, dated relative to `asOf`. Some are meant to pass the guards, some to fail them. */
export function sampleEvents(asOf: string): Record<PathwayEventType, PathwayEventInput[]> {
  const plan = (checkpoints: { date: string }[]) => ({ goals: [{ id: 'g1', text: 'Mål' }], checkpoints });
  return {
    FLAG: [
      { type: 'FLAG', channel: 'risk-screening' },
      { type: 'FLAG', channel: 'staff', trigger: { kind: 'emergency-admission', date: asOf } },
    ],
    REVIEW_RELEVANT: [{ type: 'REVIEW_RELEVANT' }],
    REVIEW_NOT_RELEVANT: [{ type: 'REVIEW_NOT_RELEVANT', reason: 'Ikke aktuelt' }],
    ACCEPT_OFFER: [{ type: 'ACCEPT_OFFER', unit: 'adults' }],
    DECLINE_OFFER: [{ type: 'DECLINE_OFFER' }],
    START_ASSESSMENT: [{ type: 'START_ASSESSMENT' }],
    COMPLETE_ASSESSMENT: [
      {
        type: 'COMPLETE_ASSESSMENT',
        whatMatters: [{ text: 'Å klare seg hjemme', date: asOf }],
        serviceNeeds: needs(true, ['gp', 'home-nursing', 'physiotherapy']),
      },
      {
        type: 'COMPLETE_ASSESSMENT',
        whatMatters: [{ text: 'Å klare seg hjemme', date: asOf }],
        serviceNeeds: needs(true, ['gp', 'school']),
      },
      {
        type: 'COMPLETE_ASSESSMENT',
        whatMatters: [{ text: 'Å klare seg hjemme', date: asOf }],
        serviceNeeds: needs(false, ['gp', 'home-nursing']),
      },
      {
        type: 'COMPLETE_ASSESSMENT',
        whatMatters: [{ text: 'Å klare seg hjemme', date: asOf }],
        serviceNeeds: needs(undefined, ['gp', 'home-nursing']),
      },
    ],
    DECIDE_TEAM: [{ type: 'DECIDE_TEAM' }],
    DECIDE_OTHER_FOLLOW_UP: [{ type: 'DECIDE_OTHER_FOLLOW_UP', reason: 'Koordinator er nok' }],
    REASSESS: [{ type: 'REASSESS' }],
    RECORD_CONSENT: [
      { type: 'RECORD_CONSENT', consent: { scope: 'team', givenBy: 'person', date: asOf, services: ['gp', 'home-nursing'] } },
      { type: 'RECORD_CONSENT', consent: { scope: 'team', givenBy: 'parent', date: asOf } },
      { type: 'RECORD_CONSENT', consent: { scope: 'information-sharing', givenBy: 'person', date: asOf, services: ['school', 'nav'] } },
      // For hosts who cannot consent themselves: a representative, and parents naming school and NAV.
      { type: 'RECORD_CONSENT', consent: { scope: 'team', givenBy: 'representative', date: asOf } },
      { type: 'RECORD_CONSENT', consent: { scope: 'information-sharing', givenBy: 'parent', date: asOf, services: ['school', 'nav'] } },
    ],
    APPOINT_COORDINATOR: [
      { type: 'APPOINT_COORDINATOR', coordinator: { name: 'Kari', recordedInJournal: true } },
      { type: 'APPOINT_COORDINATOR', coordinator: { name: 'Per', recordedInJournal: false } },
    ],
    ADD_MEMBER: [
      { type: 'ADD_MEMBER', member: { service: 'gp' } },
      { type: 'ADD_MEMBER', member: { service: 'home-nursing' } },
      { type: 'ADD_MEMBER', member: { service: 'nav' } },
      { type: 'ADD_MEMBER', member: { service: 'school' } },
    ],
    REMOVE_MEMBER: [
      { type: 'REMOVE_MEMBER', service: 'gp' },
      { type: 'REMOVE_MEMBER', service: 'nav' },
    ],
    ESTABLISH_TEAM: [{ type: 'ESTABLISH_TEAM' }],
    ACTIVATE_PLAN: [
      { type: 'ACTIVATE_PLAN', plan: plan([{ date: plusDays(asOf, 90) }]) },
      { type: 'ACTIVATE_PLAN', plan: plan([]) },
    ],
    START_EVALUATION: [{ type: 'START_EVALUATION' }],
    CONTINUE: [{ type: 'CONTINUE', nextCheckpoint: plusDays(asOf, 90) }],
    REVISE: [
      { type: 'REVISE', plan: plan([{ date: plusDays(asOf, 60) }]) },
      { type: 'REVISE', plan: plan([]) },
    ],
    TRANSITION: [{ type: 'TRANSITION', kind: 'discharge' }],
    CLOSE: [
      { type: 'CLOSE', reason: 'goals-met' },
      { type: 'CLOSE', reason: 'moved' },
      { type: 'CLOSE', reason: 'consent-withdrawn' },
    ],
  };
}

/** The role that usually sends an event type. */
export function roleFor(type: PathwayEventType): PathwayRole {
  if (
    type === 'FLAG' ||
    type === 'REVIEW_RELEVANT' ||
    type === 'REVIEW_NOT_RELEVANT' ||
    type === 'ACCEPT_OFFER' ||
    type === 'DECLINE_OFFER'
  )
    return 'gp';
  if (type === 'START_EVALUATION' || type === 'CONTINUE' || type === 'REVISE' || type === 'TRANSITION' || type === 'ACTIVATE_PLAN')
    return 'coordinator';
  return 'coordinating-unit';
}

/** Starts a pathway through the API. */
export function start(asOf = '2026-01-05'): Pathway {
  return right(startPathway({ channel: 'risk-screening' }, { asOf, role: 'risk-screening', subject: SUBJECT }));
}

/** Sends one event with the fixture rule sets. */
export function send(p: Pathway, event: PathwayEventInput, asOf: string, person: unknown = HOSTS.adult) {
  // `person` may be deliberately invalid: the run-time validation is what some tests check.
  return sendEvent(p, event, {
    asOf,
    role: roleFor(event.type),
    subject: SUBJECT,
    person: person as PersonInput,
    ruleSets: fixtureRuleSets(),
  });
}

/** Sends events that must all be accepted; fails the test with the rejection otherwise. */
export function drive(p: Pathway, asOf: string, events: PathwayEventInput[], person: unknown = HOSTS.adult): Pathway {
  let cur = p;
  for (const e of events) {
    const r = send(cur, e, asOf, person);
    if (r._tag === 'Left') throw new Error(`${e.type} was not accepted in ${cur.state}: ${JSON.stringify(r.left).slice(0, 1500)}`);
    cur = r.right;
  }
  return cur;
}

/** Events that take a fresh pathway to the team establishment state for an adult who meets the criteria. */
export const TO_TEAM_ESTABLISHMENT: PathwayEventInput[] = [
  { type: 'REVIEW_RELEVANT' },
  { type: 'ACCEPT_OFFER', unit: 'adults' },
  { type: 'START_ASSESSMENT' },
  // Dated on the day the tests usually start: what matters may not be dated after the event's `asOf`.
  {
    type: 'COMPLETE_ASSESSMENT',
    whatMatters: [{ text: 'Å klare seg hjemme', date: '2026-01-05' }],
    serviceNeeds: needs(true, ['gp', 'home-nursing']),
  },
  { type: 'DECIDE_TEAM' },
];

/** Then to an active plan with one checkpoint on `checkpoint`. */
export function toPlanActive(asOf: string, checkpoint: string): PathwayEventInput[] {
  return [
    ...TO_TEAM_ESTABLISHMENT,
    { type: 'RECORD_CONSENT', consent: { scope: 'team', givenBy: 'person', date: asOf, services: ['gp', 'home-nursing'] } },
    { type: 'APPOINT_COORDINATOR', coordinator: { name: 'Kari', recordedInJournal: true } },
    { type: 'ADD_MEMBER', member: { service: 'gp' } },
    { type: 'ADD_MEMBER', member: { service: 'home-nursing' } },
    { type: 'ESTABLISH_TEAM' },
    { type: 'ACTIVATE_PLAN', plan: { goals: [{ id: 'g1', text: 'Gå tur' }], checkpoints: [{ date: checkpoint }] } },
  ];
}

/** The left side of a send, typed. */
export type SendLeft = SendEventError;

const V2_TO_V1: Record<string, string> = { planning: 'teamEstablished' };
const v1Name = (s: string) => V2_TO_V1[s] ?? s;

/**
 * Writes a current pathway the way machine 1 / format 1 stored it (flat state names,
 * `teamEstablished` for `planning`, one `ruleSetVersions` map), to test the migrations against
 * every state a pathway can be in.
 */
export function downgradeToV1(p: Pathway, savedAt?: string): Record<string, unknown> {
  const stateV1 = v1Name(p.state);
  return JSON.parse(
    JSON.stringify({
      machineId: 'carePathway',
      machineVersion: 1,
      schemaVersion: 1,
      ruleSetVersions: Object.fromEntries(p.ruleSets.map((r) => [r.id, r.version])),
      ...(savedAt ? { savedAt } : {}),
      snapshot: { value: stateV1, status: p.snapshot.status, context: p.snapshot.context },
      history: p.history.map((h) => ({
        ...h,
        from: h.from === null ? null : v1Name(h.from),
        to: v1Name(h.to),
        decisions: h.decisions.map((d) => ({ ...d, ruleSet: { id: d.ruleSet.id, version: d.ruleSet.version } })),
      })),
    }),
  ) as Record<string, unknown>;
}
