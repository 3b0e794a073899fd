import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  EXPLICIT_CONSENT_SERVICES,
  PATHWAY_EVENT_TYPES,
  persistPathway,
  replayPathway,
  restorePathway,
  whatIsDue,
} from '../../src/pathway/index.js';
import type { Pathway } from '../../src/pathway/index.js';
import { right } from '../support/helpers.js';
import { runScript, scriptArb } from '../support/pathwayArbitraries.js';
import type { Script } from '../support/pathwayArbitraries.js';
import { HOSTS, plusDays, sampleEvents, send } from '../support/pathwayHelpers.js';

/*
 * Invariants of the pathway over random runs through the public API (see pathwayArbitraries.ts):
 * no team without recorded consent and a coordinator; closed is final; a rejected event is never a
 * silent no-op; persist then restore gives the same next decisions; the history replays.
 */

const RUNS = 30;
const ESTABLISHED = ['planning', 'planActive', 'evaluation'] as const;

type Consent = Pathway['snapshot']['context']['consents'][number];
const validOn = (c: Consent, day: string) => c.date <= day && (c.withdrawnDate === undefined || c.withdrawnDate > day);

/** Age in whole years on `day`, the birthday counting (29 February: 1 March in a common year). */
function ageOn(birthDate: string, day: string): number {
  return Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (day.slice(5) < birthDate.slice(5) ? 1 : 0);
}

/**
 * Who the law lets consent for the host on `day`, written independently of the rules
 * (pasient- og brukerrettighetsloven §§ 4-3 to 4-6): under 16 the parents or child welfare; from 16
 * the person, unless a lack of competence is recorded; then the parents until 18 (§ 4-5 andre ledd)
 * or a representative. Without a birth date nobody is known to be right.
 */
function mayConsent(host: Script['host'], c: Consent, day: string): boolean {
  const { birthDate, capacity } = host.person;
  if (birthDate === undefined) return false;
  const age = ageOn(birthDate, day);
  if (age < 16) return c.givenBy === 'parent' || c.givenBy === 'child-welfare';
  if (capacity?.consentCompetence !== false) return c.givenBy === 'person';
  return c.givenBy === 'representative' || (age < 18 && c.givenBy === 'parent');
}

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
            expect(
              ctx.consents.some((c) => c.scope === 'team' && validOn(c, establishedAt) && mayConsent(script.host, c, establishedAt)),
              script.host.name,
            ).toBe(true);
            expect(ctx.coordinator?.name).toBeDefined();
            expect(ctx.coordinator?.recordedInJournal).toBe(true);
          }
          // Members from school, kindergarten, PPT, child welfare and NAV only with explicit consent naming
          // them, from the right person on the day they join (or the team is established). A birthday
          // later on can make that person the wrong one; the consent rules then say so
          // (CONSENT-WRONG-GIVER), and the pathway does not undo the team.
          if (step.event.type !== 'ADD_MEMBER' && step.event.type !== 'ESTABLISH_TEAM') continue;
          for (const m of ctx.members.filter((x) => EXPLICIT_CONSENT_SERVICES.includes(x.service)))
            expect(
              ctx.consents.some(
                (c) =>
                  (c.scope === 'team' || c.scope === 'information-sharing') &&
                  c.services?.includes(m.service) &&
                  validOn(c, step.asOf) &&
                  mayConsent(script.host, c, step.asOf),
              ),
              script.host.name,
            ).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a team consent the law accepts on the day is never what stops a team (no CONSENT-TEAM-MISSING then)', () => {
    fc.assert(
      fc.property(scriptArb(), (script) => {
        for (const step of runScript(script).steps) {
          if (step.event.type !== 'ESTABLISH_TEAM' || step.result._tag === 'Right' || step.result.left._tag !== 'Rejected') continue;
          if (!step.result.left.ruleIds.includes('CONSENT-TEAM-MISSING')) continue;
          const consents = [...step.before.snapshot.context.consents];
          expect(
            consents.some((c) => c.scope === 'team' && validOn(c, step.asOf) && mayConsent(script.host, c, step.asOf)),
            script.host.name,
          ).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the generator reaches hosts at every consent-age boundary, and team decisions for them', () => {
    const seen = new Set<string>();
    for (const script of fc.sample(scriptArb(), { numRuns: 400, seed: 16 })) {
      const m = /^(just over|turning|just under) (\d+) at step (\d+)$/.exec(script.host.name);
      if (m === null) continue;
      seen.add(`${m[1]} ${m[2]}${script.host.person.capacity?.consentCompetence === false ? ', lacking competence' : ''}`);
    }
    for (const age of [12, 16, 18])
      for (const where of ['just over', 'turning', 'just under']) {
        expect(seen, `${where} ${age}`).toContain(`${where} ${age}`);
        expect(seen, `${where} ${age}, lacking competence`).toContain(`${where} ${age}, lacking competence`);
      }
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
            const r = send(pathway, e, asOf, script.host.person);
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
            expect(step.result.right.history.at(-1)).toMatchObject({
              at: step.asOf,
              event: { type: step.event.type },
              from: step.before.state,
              to: step.result.right.state,
            });
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
          for (const e of samples[type])
            expect(send(restored, e, asOf, script.host.person)).toEqual(send(pathway, e, asOf, script.host.person));
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
        const items = right(whatIsDue(pathway, asOf));
        expect(right(whatIsDue(pathway, asOf))).toEqual(items);
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
