import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { generateCohort } from '../../src/population/index.js';
import { ingestFeedback, parseCdsHooksRequest, toCards, validateCdsResponse } from '../../src/adapters/cdsHooks/index.js';
import { personFromBundle, personFromPrefetch } from '../../src/adapters/fhir/index.js';
import type { CohortOptions } from '../../src/population/index.js';
import type { Decision } from '../../src/index.js';
import { restorePathway, sendEvent, whatIsDue } from '../../src/pathway/index.js';
import type { PathwayEventInput } from '../../src/pathway/index.js';
import { examplePerson, left, right, ruleSet } from '../support/helpers.js';
import { SUBJECT } from '../support/pathwayHelpers.js';
import { nest } from './hostile.js';
import { envelope, planActive } from './pathwayEntryPoints.js';

/*
 * Bugs the fuzzer found in the pathway, the CDS Hooks adapter and population mode, one test each,
 * so that they stay fixed. Each failed (threw a stray TypeError or RangeError, or returned a value
 * that does not serialise) before its fix.
 */
const AS_OF = '2026-11-23';
const HOOK = '5d2b1c3e-7f4a-4b8c-9d0e-1f2a3b4c5d6e';
const codesOf = (e: { issues: readonly { code: string }[] }) => e.issues.map((i) => i.code);

describe('fuzz regressions: pathway, adapters, population', () => {
  it('restorePathway and sendEvent refuse 10,000 levels of nesting (too_deep) instead of overflowing the stack in zod', () => {
    const deep = { ...envelope, snapshot: { ...(envelope['snapshot'] as object), value: { open: nest(10_000, 'object') } } };
    const r = left(restorePathway(deep));
    expect(r._tag).toBe('CorruptEnvelope');
    expect(codesOf(r as unknown as { issues: { code: string }[] })).toEqual(['too_deep']);
    const e = left(
      sendEvent(
        planActive,
        // A JavaScript host can send anything: the run-time check still answers.
        { type: 'ADD_NOTE', note: nest(10_000, 'mixed') } as unknown as PathwayEventInput,
        { asOf: '2026-02-01', role: 'coordinator', subject: SUBJECT },
      ),
    );
    expect(e).toMatchObject({ _tag: 'InvalidEvent' });
    expect(codesOf(e as unknown as { issues: { code: string }[] })).toEqual(['too_deep']);
  });

  it('personFromBundle reads an Observation whose code holds a BigInt (or a cycle) without throwing', () => {
    const code: Record<string, unknown> = { coding: [{ system: 'urn:x', code: 'a' }], n: 10n };
    const cyclic: Record<string, unknown> = { coding: [] };
    cyclic['self'] = cyclic;
    for (const c of [code, cyclic]) {
      const bundle = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          { resource: { resourceType: 'Patient', id: 'p', birthDate: '1950-01-01' } },
          { resource: { resourceType: 'Observation', id: 'o', status: 'final', subject: { reference: 'Patient/p' }, code: c } },
        ],
      };
      const r = personFromBundle(bundle);
      expect(['Left', 'Right']).toContain(r._tag);
    }
  });

  it('personFromBundle reports a Patient whose identifier list holds null or a scalar, instead of throwing while it matches subjects', () => {
    for (const bad of [null, 7, 'x']) {
      const bundle = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            resource: {
              resourceType: 'Patient',
              id: 'p',
              birthDate: '1950-01-01',
              identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '02835110039' }, bad],
            },
          },
        ],
      };
      const r = right(personFromBundle(bundle));
      expect(r.notUnderstood).toEqual([expect.objectContaining({ code: 'invalid_shape', path: 'entry[0].resource' })]);
    }
  });

  it('restorePathway names an unknown machine id that is an object without calling its toString', () => {
    const hostile = JSON.parse(JSON.stringify(envelope)) as Record<string, Record<string, unknown>>;
    hostile['machine']!['id'] = JSON.parse('{"toString": {"x": 1}, "__proto__": {"y": 2}}');
    const r = left(restorePathway(hostile, { migrate: true }));
    expect(r._tag).toBe('UnknownEnvelopeVersion');
    expect((r as { message: { en: string } }).message.en).toContain('stored as ? v');
  });

  it('restorePathway with options null restores instead of throwing', () => {
    expect(right(restorePathway(envelope, null as never)).state).toBe('planActive');
  });

  it('whatIsDue with a date that is not a string is a typed error, and generateCohort throws its documented RangeError, not a TypeError', () => {
    expect(left(whatIsDue(planActive, null as never))).toMatchObject({
      _tag: 'InvalidOptions',
      issues: [{ path: 'asOf', code: 'iso_date' }],
    });
    expect(() => [...generateCohort({ seed: 1, size: 1, asOf: 20261123 as never })]).toThrow(RangeError);
    expect(() => generateCohort(null as unknown as CohortOptions)).toThrow(new RangeError('generateCohort: options must be an object'));
  });

  it('parseCdsHooksRequest refuses values JSON cannot hold in prefetch, so the request it returns serialises', () => {
    const req = {
      hook: 'patient-view',
      hookInstance: HOOK,
      context: { userId: 'Practitioner/1', patientId: 'p1' },
      prefetch: { patient: { resourceType: 'Patient', id: 1n } },
    };
    expect(left(parseCdsHooksRequest(req)).issues[0]).toMatchObject({ code: 'invalid_type', path: 'prefetch.patient.id' });
  });

  it('ingestFeedback and validateCdsResponse refuse 10,000 levels of nesting instead of overflowing the stack', () => {
    expect(codesOf(left(ingestFeedback({ feedback: [nest(10_000, 'object')] }, [])))).toEqual(['too_deep']);
    expect(codesOf(left(validateCdsResponse({ cards: nest(10_000, 'mixed') })))).toEqual(['too_deep']);
  });

  it('validateCdsResponse and ingestFeedback cap their issues (20,000 empty items gave 20,000 issues)', () => {
    for (const e of [
      left(validateCdsResponse({ cards: Array.from({ length: 1_000 }, () => ({})) })),
      left(ingestFeedback({ feedback: Array.from({ length: 1_000 }, () => ({})) }, [])),
    ]) {
      expect(e.issues).toHaveLength(101);
      expect(e.issues[100]).toMatchObject({ code: 'too_many_issues' });
    }
  });

  it('personFromPrefetch caps its issues (10,000 keys that are not resources gave 10,000 issues)', () => {
    const e = left(personFromPrefetch(Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`k${i}`, i]))));
    expect(e.issues).toHaveLength(101);
    expect(e.issues[100]).toMatchObject({ code: 'too_many_issues' });
  });

  it('toCards with a damaged stored decision returns one typed issue naming the path, not a crash halfway', () => {
    const rs = ruleSet('identification');
    const d = JSON.parse(JSON.stringify(right(evaluate(rs, examplePerson('klara'), { asOf: AS_OF })))) as {
      prompts: { severity: string }[];
    } & Omit<Decision, 'prompts'>;
    expect(d.prompts.length).toBeGreaterThan(0);
    d.prompts[0]!.severity = 'urgent';
    const options = { hookInstance: HOOK, patient: 'Patient/klara' };
    const damaged = left(toCards(d as unknown as Decision, rs, { ...options, lang: 'en' }));
    expect(damaged).toMatchObject({ _tag: 'InvalidCdsHooks', message: 'cards' });
    expect(damaged.issues.map((i) => i.path)).toEqual(['decision.prompts[0].severity']);
    expect(damaged.issues[0]!.message).not.toContain('urgent');
    expect(left(toCards({} as Decision, rs, options)).issues[0]!.path).toMatch(/^decision\./);
    expect(left(toCards(null as unknown as Decision, rs, options))._tag).toBe('InvalidCdsHooks');
  });
});
