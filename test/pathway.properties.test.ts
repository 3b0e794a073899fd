import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedEvents, EXPLICIT_CONSENT_SERVICES, PATHWAY_EVENT_TYPES, persistPathway, replayPathway, restorePathway, whatIsDue } from '../src/pathway/index.js';
import type { Pathway } from '../src/pathway/index.js';
import { right } from './helpers.js';
import { runScript, scriptArb } from './pathwayArbitraries.js';
import type { Script } from './pathwayArbitraries.js';
import { HOSTS, plusDays, sampleEvents, send } from './pathwayHelpers.js';

/*
 * Invariants of the pathway over random runs through the public API (see pathwayArbitraries.ts):
 * no team without recorded consent and a coordinator; closed is final; a rejected event is never a
 * silent no-op; persist then restore gives the same next decisions; the history replays.
 */

const RUNS = 30;
const ESTABLISHED = ['planning', 'planActive', 'evaluation'] as const;

type Consent = Pathway['snapshot']['context']['consents'][number];
const validOn = (c: Consent, day: string) => c.date <= day && (c.withdrawnDate === undefined || c.withdrawnDate > day);
/** Who may consent for the fixture hosts (independent of the rules: adult → the person, child → a parent). */
const rightGiver = (host: Script['host'], c: Consent) => (host === 'adult' ? c.givenBy === 'person' : host === 'child' ? c.givenBy === 'parent' || c.givenBy === 'child-welfare' : false);

describe('pathway invariants', () => {
  it('no team without a recorded team consent from the right person and a named, recorded coordinator', () => {
    fc.assert(
      fc.property(scriptArb(), (script) => {
        for (const step of runScript(script).steps) {
          if (step.result._tag === 'Left') continue;
          const p = step.result.right;
          const ctx = p.snapshot.context;
          if ((ESTABLISHED as readonly string[]).includes(p.state)) {
            const establishedAt = [...p.history].reverse().find((h) => h.event.type === 'ESTABLISH_TEAM')!.at;
            expect(ctx.consents.some((c) => c.scope === 'team' && validOn(c, establishedAt) && rightGiver(script.host, c))).toBe(true);
            expect(ctx.coordinator?.name).toBeDefined();
            expect(ctx.coordinator?.recordedInJournal).toBe(true);
          }
          // Members from school, kindergarten, PPT, child welfare and NAV only with explicit consent naming them.
          for (const m of ctx.members.filter((x) => EXPLICIT_CONSENT_SERVICES.includes(x.service)))
            expect(ctx.consents.some((c) => (c.scope === 'team' || c.scope === 'information-sharing') && c.services?.includes(m.service) && validOn(c, step.asOf) && rightGiver(script.host, c))).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('closed is final: every event is refused and nothing changes', () => {
    fc.assert(
      fc.property(scriptArb(), fc.integer({ min: 0, max: 400 }), (script, later) => {
        const { pathway } = runScript(script);
        fc.pre(pathway.state === 'closed');
        expect(allowedEvents(pathway)).toEqual([]);
        const before = JSON.stringify(pathway);
        const asOf = plusDays(pathway.history[pathway.history.length - 1]!.at, later);
        const samples = sampleEvents(asOf);
        for (const type of PATHWAY_EVENT_TYPES)
          for (const e of samples[type]) {
            const r = send(pathway, e, asOf, HOSTS[script.host]);
            expect(r._tag === 'Left' && r.left._tag).toBe('EventNotAllowed');
          }
        expect(JSON.stringify(pathway)).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('an event is never a silent no-op: it adds one history entry or says why not', () => {
    fc.assert(
      fc.property(scriptArb(), (script) => {
        for (const step of runScript(script).steps) {
          if (step.result._tag === 'Right') {
            expect(step.result.right.history).toHaveLength(step.before.history.length + 1);
            expect(step.result.right.history.at(-1)).toMatchObject({ at: step.asOf, event: { type: step.event.type }, from: step.before.state, to: step.result.right.state });
          } else {
            const e = step.result.left;
            if (e._tag === 'Rejected') {
              expect(e.reasons.length).toBeGreaterThan(0);
              expect(e.ruleIds).toEqual(e.reasons.flatMap((x) => (x.kind === 'rule' ? [x.ruleId] : [])));
              for (const x of e.reasons) for (const lang of ['nb', 'nn', 'en'] as const) expect(x.why[lang].length).toBeGreaterThan(10);
            } else {
              expect(['EventNotAllowed', 'InvalidEvent']).toContain(e._tag);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('persist then restore gives the same next decisions, for every event', () => {
    fc.assert(
      fc.property(scriptArb(), fc.integer({ min: 0, max: 120 }), (script, later) => {
        const { pathway } = runScript(script);
        const restored = right(restorePathway(JSON.stringify(persistPathway(pathway))));
        expect(restored).toEqual(pathway);
        const asOf = plusDays(pathway.history[pathway.history.length - 1]!.at, later);
        const samples = sampleEvents(asOf);
        for (const type of PATHWAY_EVENT_TYPES)
          for (const e of samples[type]) expect(send(restored, e, asOf, HOSTS[script.host])).toEqual(send(pathway, e, asOf, HOSTS[script.host]));
      }),
      { numRuns: 25 },
    );
  });

  it('the history replays to the stored state and context', () => {
    fc.assert(
      fc.property(scriptArb(), (script) => {
        const { pathway } = runScript(script);
        const steps = right(replayPathway(pathway));
        expect(steps.map((s) => s.to)).toEqual(pathway.history.map((h) => h.to));
      }),
      { numRuns: RUNS },
    );
  });

  it('whatIsDue is a pure function of the pathway and the date, and overdue means past the due date', () => {
    fc.assert(
      fc.property(scriptArb(), fc.integer({ min: 0, max: 400 }), (script, later) => {
        const { pathway } = runScript(script);
        const asOf = plusDays(pathway.history[pathway.history.length - 1]!.at, later);
        const items = whatIsDue(pathway, asOf);
        expect(whatIsDue(pathway, asOf)).toEqual(items);
        for (const i of items) {
          expect(i.overdue).toBe(asOf > i.due);
          expect(i.state).toBe(pathway.state);
        }
        if (pathway.state === 'planActive') {
          const open = (pathway.snapshot.context.plan?.checkpoints ?? []).filter((c) => !c.done).map((c) => c.date);
          expect(items.map((i) => i.checkpoint).sort()).toEqual([...new Set(open)].sort());
        }
        if (['declined', 'checkedOut', 'otherFollowUp', 'closed'].includes(pathway.state)) expect(items).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
