import { getAdjacencyMap, getShortestPaths, getStateNodes } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.js';
import { pathwayDiagram, pathwayMachine, pathwayPerson, PathwayStateId, RULE_CHECKS, sendEvent } from '../src/pathway/index.js';
import type { GuardEnv, MachineEvent, PathwayEventInput, PathwayEventType } from '../src/pathway/index.js';
import { readFileSync } from 'node:fs';
import { ROOT, right } from './helpers.js';
import { fixtureRuleSets, HOSTS, roleFor, sampleEvents, start, SUBJECT } from './pathwayHelpers.js';

/*
 * Model-based tests with xstate/graph: every state is reachable and every transition of the
 * statechart is taken, with the guards evaluating the real (fixture) rule sets on the Person the
 * pathway builds; each shortest path, sent through the public API, ends where the graph says. And the
 * README's diagram is the one generated from the machine.
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
  const all = (Object.keys(samples) as PathwayEventType[]).flatMap((t) => samples[t].filter((e) => e.type !== 'FLAG').map((e) => machineEvent(e)));
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
  const consent = (scope: string, by?: string) => c.consents.some((x: any) => x.scope === scope && (by === undefined || x.givenBy === by) && !x.withdrawnDate);
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

const options = () => ({ input: start(T0).snapshot.context, events: events(), serializeState: serializeState as never, serializeEvent: (e: any) => JSON.stringify({ ...e, meta: e.meta.asOf }) });

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
      for (const { event } of Object.values(v.transitions) as { event: MachineEvent }[]) for (const t of pathwayMachine.getTransitionData(v.state as never, event as never)) taken.add(t);
    const missing = defined.filter((t) => !taken.has(t)).map((t) => `${t.source.key} --${t.eventType}--> ${t.target?.[0]?.key ?? '(self)'}`);
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
        p = right(sendEvent(p, event, { asOf, role: roleFor(event.type), subject: SUBJECT, person: HOSTS.adult, ruleSets: fixtureRuleSets() }));
      }
      expect(p.state).toBe(leaf(path.state.value));
    }
  });
});

describe('diagram', () => {
  it('the README shows the diagram generated from the machine (run `npx tsx scripts/pathway-diagram.ts` after a change)', () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const m = /<!-- pathway-diagram:start[^>]*-->\n```mermaid\n([\s\S]*?)```\n<!-- pathway-diagram:end -->/.exec(readme);
    expect(m, 'README has no pathway diagram block').not.toBeNull();
    expect(m![1]).toBe(pathwayDiagram());
  });

  it('names every state and every event of the machine', () => {
    const d = pathwayDiagram();
    for (const s of PathwayStateId.options) expect(d).toContain(`${s} `);
    for (const n of getStateNodes(pathwayMachine.root)) for (const ev of n.transitions.keys()) expect(d).toContain(` : ${ev}`);
  });
});
