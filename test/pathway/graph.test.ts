import { getAdjacencyMap, getShortestPaths, getStateNodes } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { pathwayDiagram, pathwayMachine, pathwayPerson, PathwayStateId, RULE_CHECKS, sendEvent } from '../../src/pathway/index.js';
import type { GuardEnv, MachineEvent, PathwayEventInput, PathwayEventType } from '../../src/pathway/index.js';
import { readFileSync } from 'node:fs';
import { ROOT, right } from '../support/helpers.js';
import { fixtureRuleSets, HOSTS, roleFor, sampleEvents, start, SUBJECT } from '../support/pathwayHelpers.js';

/*
 * Model-based tests with xstate/graph: every state is reachable and every transition of the
 * statechart is taken, with the guards evaluating the real (fixture) rule sets on the Person the
 * pathway builds; each shortest path, sent through the public API, ends where the graph says. And the
 * diagram in docs/pathway.md is the one generated from the machine.
 */

const T0 = '2027-01-01';

/** A guard environment that evaluates the fixture rules through the public `evaluate` (cached: the graph asks often). */
const cache = new Map<string, boolean>();
const env: GuardEnv = {
  rules(check, proposed) {
    const key = `${check}|${JSON.stringify(proposed)}`;
    if (!cache.has(key)) cache.set(key, evaluateCheck(check, proposed));
    return cache.get(key)!;
  },
  refuse() {},
};

function evaluateCheck(check: keyof typeof RULE_CHECKS, proposed: Parameters<GuardEnv['rules']>[1]): boolean {
  const person = pathwayPerson(HOSTS.adult, proposed);
  return RULE_CHECKS[check].every((c) => {
    const rs = fixtureRuleSets().find((r) => r.id === c.ruleSetId)!;
    const outcome = right(evaluate(rs, person, { asOf: T0 })).outcomes.find((o) => o.ruleId === c.ruleId)!.outcome;
    return c.expected === 'fires' ? outcome === true : outcome === false;
  });
}

const machineEvent = (e: PathwayEventInput, asOf = T0) => ({ ...e, meta: { asOf, role: roleFor(e.type), env } }) as unknown as MachineEvent;

/** Every sample event, plus the two ways back from a decline: after the period, and with a new trigger. */
function events(): MachineEvent[] {
  const samples = sampleEvents(T0);
  const all = (Object.keys(samples) as PathwayEventType[]).flatMap((t) =>
    samples[t].filter((e) => e.type !== 'FLAG').map((e) => machineEvent(e)),
  );
  return [
    ...all,
    machineEvent({ type: 'FLAG', channel: 'risk-screening' }, '2028-01-01'),
    machineEvent({ type: 'FLAG', channel: 'staff', trigger: { kind: 'emergency-admission', date: '2027-01-15' } }, '2027-02-01'),
  ];
}

/**
 * Graph vertices: the state and what the guards can tell apart in the context, so the graph stays
 * small and finite (the context itself grows with every consent and flag).
 */
function serializeState(s: { value: unknown; context: any }): string {
  const c = s.context;
  const consent = (scope: string, by?: string) =>
    c.consents.some((x: any) => x.scope === scope && (by === undefined || x.givenBy === by) && !x.withdrawnDate);
  return JSON.stringify([
    s.value,
    consent('team', 'person'),
    consent('team', 'parent'),
    consent('information-sharing'),
    c.coordinator?.recordedInJournal ?? null,
    c.members.length > 0,
    c.members.some((m: any) => m.service === 'nav' || m.service === 'school'),
    (c.plan?.checkpoints?.length ?? 0) > 0,
    Boolean(c.evaluating),
    c.wantsTeam ?? null,
    c.assessment ? c.assessment.serviceNeeds.map((n: any) => `${n.service}:${n.longTerm}`).join() : null,
  ]);
}

const options = () => ({
  input: start(T0).snapshot.context,
  events: events(),
  serializeState: serializeState as never,
  serializeEvent: (e: any) => JSON.stringify({ ...e, meta: e.meta.asOf }),
});

const leaf = (value: unknown): string => {
  let v = value;
  while (v !== null && typeof v === 'object') v = Object.values(v)[0];
  return String(v);
};

describe('statechart coverage (xstate/graph)', () => {
  const adjacency = getAdjacencyMap(pathwayMachine, options());
  const vertices = Object.values(adjacency);

  it('explores a graph of a useful size', () => {
    expect(vertices.length).toBeGreaterThan(PathwayStateId.options.length);
  });

  it('reaches every state', () => {
    const reached = new Set(vertices.map((v) => leaf(v.state.value)));
    expect([...reached].sort()).toEqual([...PathwayStateId.options].sort());
  });

  it('takes every transition the machine defines', () => {
    const defined = getStateNodes(pathwayMachine.root).flatMap((n) => [...n.transitions.values()].flat());
    expect(defined.length).toBeGreaterThan(20);
    const taken = new Set<unknown>();
    for (const v of vertices)
      for (const { event } of Object.values(v.transitions) as { event: MachineEvent }[])
        for (const t of pathwayMachine.getTransitionData(v.state as never, event as never)) taken.add(t);
    const missing = defined
      .filter((t) => !taken.has(t))
      .map((t) => `${t.source.key} --${t.eventType}--> ${t.target?.[0]?.key ?? '(self)'}`);
    expect(missing).toEqual([]);
  });

  it('the shortest path to each state, sent through the public API, ends in that state', () => {
    const shortest = new Map<string, ReturnType<typeof getShortestPaths>[number]>();
    for (const path of getShortestPaths(pathwayMachine, options())) {
      const s = leaf(path.state.value);
      if (!shortest.has(s) || shortest.get(s)!.steps.length > path.steps.length) shortest.set(s, path);
    }
    expect([...shortest.keys()].sort()).toEqual([...PathwayStateId.options].sort());
    for (const path of shortest.values()) {
      let p = start(T0);
      let asOf = T0;
      for (const step of path.steps) {
        const { meta, ...event } = step.event as unknown as { meta: { asOf: string } } & PathwayEventInput;
        if (!meta) continue; // the initial step
        asOf = meta.asOf > asOf ? meta.asOf : asOf;
        p = right(
          sendEvent(p, event, { asOf, role: roleFor(event.type), subject: SUBJECT, person: HOSTS.adult, ruleSets: fixtureRuleSets() }),
        );
      }
      expect(p.state).toBe(leaf(path.state.value));
    }
  });
});

/*
 * The statechart's transitions, written out by hand and reviewed against the framework's pathway
 * (brief: identification → offer → referral → assessment → team decision → establishment → plan →
 * evaluation → transition or closure), so that a change to the machine shows up here as a change to
 * a reviewed list, not only as a regenerated diagram. `(self)` is a transition that stays.
 */
const EXPECTED_TRANSITIONS = [
  // Identification and the offer: the GP (or staff) reviews a flag, the person answers the offer.
  'candidate --REVIEW_RELEVANT--> offer',
  'candidate --REVIEW_NOT_RELEVANT--> checkedOut',
  'checkedOut --FLAG--> candidate',
  'offer --ACCEPT_OFFER--> referral',
  'offer --DECLINE_OFFER--> declined',
  'declined --FLAG--> candidate', // guarded: the re-flag period has passed, or a new trigger
  // Referral to the coordinating unit and the assessment.
  'referral --START_ASSESSMENT--> assessment',
  'assessment --COMPLETE_ASSESSMENT--> teamDecision',
  // The team decision: the team criteria (TEAM-CRITERIA-MET), or other follow-up.
  'teamDecision --DECIDE_TEAM--> followUp',
  'teamDecision --DECIDE_OTHER_FOLLOW_UP--> otherFollowUp',
  'otherFollowUp --REASSESS--> assessment',
  // Establishment: consent, a recorded coordinator, members (guarded by the consent and team rules).
  'teamEstablishment --APPOINT_COORDINATOR--> (self)',
  'teamEstablishment --ESTABLISH_TEAM--> planning',
  'followUp --ADD_MEMBER--> (self)',
  'followUp --REMOVE_MEMBER--> (self)',
  'followUp --APPOINT_COORDINATOR--> (self)',
  // The plan and its evaluation at dated checkpoints.
  'planning --ACTIVATE_PLAN--> planActive',
  'planActive --START_EVALUATION--> evaluation',
  'evaluation --CONTINUE--> planActive',
  'evaluation --REVISE--> planActive',
  'evaluation --TRANSITION--> teamEstablishment',
  // Consent can be recorded at any point while the pathway is open; closure from anywhere (goals met
  // only from an evaluation).
  'open --RECORD_CONSENT--> (self)',
  'open --CLOSE--> closed',
  'evaluation --CLOSE--> closed',
];

describe('transitions', () => {
  it('are the reviewed list', () => {
    const actual = getStateNodes(pathwayMachine.root).flatMap((n) =>
      [...n.transitions.entries()].flatMap(([event, ts]) =>
        ts.map((t) => `${n.key} --${event}--> ${t.target?.map((x) => x.key).join(',') ?? '(self)'}`),
      ),
    );
    expect([...actual].sort()).toEqual([...EXPECTED_TRANSITIONS].sort());
  });
});

describe('diagram', () => {
  it('docs/pathway.md shows the diagram generated from the machine (drift check; run `npx tsx scripts/pathway-diagram.ts` after a change)', () => {
    const readme = readFileSync(`${ROOT}docs/pathway.md`, 'utf8');
    const m = /<!-- pathway-diagram:start[^>]*-->\n```mermaid\n([\s\S]*?)```\n<!-- pathway-diagram:end -->/.exec(readme);
    expect(m, 'docs/pathway.md has no pathway diagram block').not.toBeNull();
    expect(m![1]).toBe(pathwayDiagram());
  });

  it('names every state and draws every reviewed transition', () => {
    const d = pathwayDiagram();
    for (const s of PathwayStateId.options) expect(d).toContain(`${s} `);
    for (const t of EXPECTED_TRANSITIONS) {
      const [, from, event, to] = /^(\w+) --(\w+)--> (.+)$/.exec(t)!;
      expect(d, t).toMatch(new RegExp(`${from} --> ${to === '(self)' ? from : to} : ${event}\\b`));
    }
  });
});
