import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pathway } from '../../src/pathway/index.js';
import {
  allowedEvents,
  MACHINE_VERSION,
  nextCheckpoint,
  persistPathway,
  restorePathway,
  SCHEMA_VERSION,
  whatIsDue,
} from '../../src/pathway/index.js';
import { left, right } from '../support/helpers.js';
import { randomPathway } from '../support/pathwayArbitraries.js';
import { downgradeToV1, HOSTS, plusDays, sampleEvents, send } from '../support/pathwayHelpers.js';
import { expectSafeCall } from './guard.js';
import { mutated, withOwnKeys } from './hostile.js';
import { envelope, planActive, RESTORE_TAGS } from './pathwayEntryPoints.js';

/*
 * Persisted pathways survive damage (issue 8, point 5). A valid pathway goes through persist, JSON
 * text and back unchanged, with the same allowed events, due items and next decisions. A damaged
 * envelope (truncated, hand-edited, of an unknown or newer version, with own `__proto__` keys) is a
 * typed error, and whatever restore accepts is the stored pathway: never a fresh one in its place.
 */

const text = JSON.stringify(envelope);
const historyLength = planActive.history.length;
const restoreCheck = { tags: RESTORE_TAGS, issueless: ['UnknownEnvelopeVersion', 'NeedsMigration'] };
const clone = (): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;

describe('persisted pathways', () => {
  it('round-trip: persist → JSON.stringify → JSON.parse → restore gives an equal pathway, the same allowed events, due items and next decisions', () => {
    fc.assert(
      fc.property(randomPathway(40), fc.integer({ min: 0, max: 120 }), (pathway: Pathway, later) => {
        const stored: unknown = JSON.parse(JSON.stringify(persistPathway(pathway)));
        const restored = right(restorePathway(stored));
        expect(restored).toEqual(pathway);
        expect(persistPathway(restored)).toEqual(stored);
        expect(allowedEvents(restored)).toEqual(allowedEvents(pathway));
        expect(right(nextCheckpoint(restored))).toEqual(right(nextCheckpoint(pathway)));
        const asOf = plusDays(pathway.history[pathway.history.length - 1]!.at, later);
        expect(right(whatIsDue(restored, asOf))).toEqual(right(whatIsDue(pathway, asOf)));
        // The next decision for one sample of each event the state accepts.
        const samples = sampleEvents(asOf);
        for (const type of allowedEvents(pathway))
          expect(send(restored, samples[type][0]!, asOf, HOSTS.adult)).toEqual(send(pathway, samples[type][0]!, asOf, HOSTS.adult));
      }),
      { numRuns: 15 },
    );
  });

  it('a truncated envelope (JSON text cut anywhere) is CorruptEnvelope, never a pathway', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), (cut) => {
        const r = expectSafeCall(() => restorePathway(text.slice(0, cut)), restoreCheck);
        expect(left(r as never)).toMatchObject({ _tag: 'CorruptEnvelope' });
      }),
      { numRuns: 200 },
    );
  });

  it('a hand-edited envelope is a typed error, or the stored pathway itself: never a fresh one in its place', () => {
    fc.assert(
      fc.property(mutated(envelope), (edited) => {
        const r = expectSafeCall(() => restorePathway(edited), restoreCheck) as { _tag: string; right?: Pathway };
        if (r._tag === 'Right') {
          const e = edited as { history: { seq: number }[]; state: string };
          expect(r.right!.history).toHaveLength(e.history.length);
          expect(r.right!.history.length).toBe(historyLength); // an edit that drops an entry breaks the chain
          expect(r.right!.state).toBe(e.state);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a goal reworded in the context alone is CorruptEnvelope at that field; reworded in the event that set it too, it restores', () => {
    const e = clone() as {
      snapshot: { context: { plan: { goals: { text: string }[] } } };
      history: { event: { type: string; plan?: { goals: { text: string }[] } } }[];
    };
    e.snapshot.context.plan.goals[0]!.text = 'Gå tur med hunden';
    expect(left(restorePathway(e))).toMatchObject({
      _tag: 'CorruptEnvelope',
      issues: [{ code: 'context_mismatch', path: 'snapshot.context.plan.goals[0].text' }],
    });
    e.history.find((h) => h.event.type === 'ACTIVATE_PLAN')!.event.plan!.goals[0]!.text = 'Gå tur med hunden';
    const p = right(restorePathway(e));
    expect(p.history).toHaveLength(historyLength);
    expect(p.snapshot.context.plan?.goals?.[0]?.text).toBe('Gå tur med hunden');
  });

  it('an older envelope, hand-edited, migrates to the same history or is a typed error', () => {
    const v1 = downgradeToV1(planActive, '2026-01-20');
    fc.assert(
      fc.property(mutated(v1), (edited) => {
        const r = expectSafeCall(() => restorePathway(edited, { migrate: true }), restoreCheck) as { _tag: string; right?: Pathway };
        if (r._tag === 'Right') expect(r.right!.history).toHaveLength(historyLength);
      }),
      { numRuns: 100 },
    );
  });

  it('removing any top-level field is an error', () => {
    for (const key of Object.keys(envelope)) {
      const e = clone();
      delete e[key];
      expect(RESTORE_TAGS, key).toContain(left(restorePathway(e))._tag);
    }
  });

  it('fields of the wrong type are CorruptEnvelope, with the path', () => {
    const cases: [string, (e: Record<string, unknown>) => void, string][] = [
      ['schemaVersion as text', (e) => (e['schemaVersion'] = String(SCHEMA_VERSION)), 'schemaVersion'],
      [
        'machine version as text',
        (e) => ((e['machine'] as Record<string, unknown>)['version'] = String(MACHINE_VERSION)),
        'machine.version',
      ],
      ['history as an object', (e) => (e['history'] = { 0: (e['history'] as unknown[])[0] }), 'history'],
      ['state unknown', (e) => (e['state'] = 'somewhere'), 'state'],
      ['snapshot status', (e) => ((e['snapshot'] as Record<string, unknown>)['status'] = 'done'), 'snapshot.status'],
      ['history entry dropped', (e) => (e['history'] as unknown[]).splice(1, 1), 'history'],
    ];
    for (const [name, edit, path] of cases) {
      const e = clone();
      edit(e);
      const err = left(restorePathway(e)) as { _tag: string; issues?: { path: string }[] };
      expect(err._tag, name).toBe('CorruptEnvelope');
      expect(
        err.issues!.some((i) => i.path.startsWith(path)),
        `${name}: ${err.issues!.map((i) => i.path).join(', ')}`,
      ).toBe(true);
    }
  });

  it('unknown machines and newer versions are UnknownEnvelopeVersion; the input is untouched', () => {
    const newerMachine = clone();
    (newerMachine['machine'] as Record<string, unknown>)['version'] = MACHINE_VERSION + 1;
    const newerFormat = clone();
    newerFormat['schemaVersion'] = SCHEMA_VERSION + 1;
    const otherMachine = clone();
    (otherMachine['machine'] as Record<string, unknown>)['id'] = 'someone-else';
    for (const e of [newerMachine, newerFormat, otherMachine]) {
      const before = JSON.stringify(e);
      expect(left(restorePathway(e))._tag).toBe('UnknownEnvelopeVersion');
      expect(JSON.stringify(e)).toBe(before);
    }
  });

  it('own __proto__ and constructor keys, at the top or nested, are refused and pollute nothing', () => {
    const top = withOwnKeys([...Object.entries(clone()), ['__proto__', { polluted: 'yes' }]]);
    const e = clone();
    e['snapshot'] = withOwnKeys([...Object.entries(e['snapshot'] as object), ['constructor', { prototype: { polluted: 'yes' } }]]);
    for (const x of [top, e, JSON.stringify(top)]) {
      const r = expectSafeCall(() => restorePathway(x), restoreCheck);
      expect(left(r as never)).toMatchObject({ _tag: 'CorruptEnvelope' });
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
