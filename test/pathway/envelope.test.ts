import { describe, expect, it } from 'vitest';
import {
  MACHINE_VERSION,
  PathwayEnvelope,
  pathwayPerson,
  persistPathway,
  replayPathway,
  restorePathway,
  SCHEMA_VERSION,
} from '../../src/pathway/index.js';
import type { Pathway } from '../../src/pathway/index.js';
import { left, readJson, right } from '../support/helpers.js';
import { drive, send, start, SUBJECT, toPlanActive } from '../support/pathwayHelpers.js';

/*
 * The persisted envelope: what it holds, that restore validates it with zod and with consistency
 * checks, that corrupted and unknown-version envelopes give typed errors and leave the input alone,
 * and that the history replays to the stored state.
 */

const D = '2026-03-02';
const active = (): Pathway => drive(start(), D, toPlanActive(D, '2026-06-01'));

describe('persistPathway', () => {
  it('holds the machine id and version, the rule-set ids and versions, the schema version and the snapshot', () => {
    const env = persistPathway(active());
    expect(env).toMatchObject({
      format: 'oppfolgingsteam/pathway',
      schemaVersion: SCHEMA_VERSION,
      machine: { id: 'carePathway', version: MACHINE_VERSION },
      state: 'planActive',
    });
    expect(env.ruleSets.map((r) => [r.id, r.version])).toEqual([
      ['consent', '0.0.1-fixture'],
      ['plan', '0.0.1-fixture'],
      ['team', '0.0.1-fixture'],
    ]);
    expect(env.ruleSets.every((r) => typeof r.contentHash === 'string' && r.contentHash.length === 64)).toBe(true);
    expect(env.snapshot).toMatchObject({ value: { open: { followUp: 'planActive' } }, status: 'active' });
    expect(PathwayEnvelope.safeParse(env).success).toBe(true);
  });

  it('is a deep copy that survives JSON', () => {
    const p = active();
    const env = persistPathway(p);
    expect(env).toEqual(p);
    expect(env).not.toBe(p);
    expect(env.snapshot.context).not.toBe(p.snapshot.context);
    expect(JSON.parse(JSON.stringify(env))).toEqual(env);
  });
});

describe('restorePathway', () => {
  it('restores what was persisted, from text or parsed JSON, and the pathway goes on', () => {
    const p = active();
    const text = JSON.stringify(persistPathway(p));
    const fromText = right(restorePathway(text));
    expect(fromText).toEqual(p);
    expect(right(restorePathway(JSON.parse(text))).state).toBe('planActive');
    expect(right(send(fromText, { type: 'START_EVALUATION' }, '2026-06-01')).state).toBe('evaluation');
  });

  const corrupt = (mutate: (env: Record<string, any>) => void) => {
    const env = JSON.parse(JSON.stringify(persistPathway(active()))) as Record<string, any>;
    mutate(env);
    const before = JSON.stringify(env);
    const e = left(restorePathway(env));
    expect(JSON.stringify(env)).toBe(before);
    if (e._tag !== 'CorruptEnvelope') throw new Error(`expected CorruptEnvelope, got ${e._tag}`);
    return e;
  };

  it('reports a corrupted envelope with the paths, and changes nothing', () => {
    expect(corrupt((e) => delete e['snapshot'].context.flags).issues.map((i) => [i.path, i.code])).toEqual([
      ['snapshot.context.flags', 'missing'],
    ]);
    expect(corrupt((e) => (e['snapshot'].context.members[0].service = 'astrologer')).issues.map((i) => i.path)).toEqual([
      'snapshot.context.members[0].service',
    ]);
    expect(corrupt((e) => (e['extra'] = 1)).issues.map((i) => [i.path, i.code])).toEqual([['extra', 'unknown_key']]);
    expect(corrupt((e) => (e['history'][3].event = { type: 'TELEPORT' })).issues.map((i) => i.path.slice(0, 16))).toContain(
      'history[3].event',
    );
  });

  it('reports a state that disagrees with its value, its status or its history', () => {
    expect(corrupt((e) => (e['state'] = 'evaluation')).issues.map((i) => i.path)).toEqual(['snapshot.value', 'history[11].to']);
    expect(corrupt((e) => (e['snapshot'].status = 'done')).issues.map((i) => i.path)).toEqual(['snapshot.status']);
    expect(corrupt((e) => e['history'].splice(4, 1)).issues.map((i) => i.path)).toContain('history[4].seq');
    expect(corrupt((e) => (e['history'][2].at = '2025-01-01')).issues.map((i) => [i.path, i.code])).toEqual([
      ['history[2].at', 'date_order'],
    ]);
    expect(corrupt((e) => (e['snapshot'].value = { open: { followUp: 'nowhere' } })).issues.map((i) => i.path)).toContain('snapshot.value');
  });

  it('reports text that is not JSON, and JSON that is no envelope, as corrupted', () => {
    const e = left(restorePathway('{"format": "oppfolgingsteam/pathway",'));
    expect(e._tag).toBe('CorruptEnvelope');
    if (e._tag === 'CorruptEnvelope') expect(e.issues[0]!.code).toBe('json_syntax');
    expect(left(restorePathway(42))._tag).toBe('CorruptEnvelope');
    expect(corrupt((e) => delete e['schemaVersion']).issues.map((i) => i.path)).toEqual(['schemaVersion']);
    expect(corrupt((e) => (e['machine'].version = '2')).issues.map((i) => i.path)).toEqual(['machine.version']);
    expect(left(restorePathway(null))._tag).toBe('CorruptEnvelope');
  });

  it('reports an unknown version or machine as such, with what it knows, and changes nothing', () => {
    for (const mutate of [
      (e: Record<string, any>) => (e['schemaVersion'] = SCHEMA_VERSION + 1),
      (e: Record<string, any>) => (e['machine'].version = 99),
      (e: Record<string, any>) => (e['machine'].id = 'somethingElse'),
    ]) {
      const env = JSON.parse(JSON.stringify(persistPathway(active()))) as Record<string, any>;
      mutate(env);
      const before = JSON.stringify(env);
      const e = left(restorePathway(env, { migrate: true }));
      expect(e._tag).toBe('UnknownEnvelopeVersion');
      if (e._tag === 'UnknownEnvelopeVersion') {
        expect(e.supported).toEqual({ machineId: 'carePathway', schemaVersion: SCHEMA_VERSION, machineVersion: MACHINE_VERSION });
        expect(e.message.en).toContain('Nothing was changed');
      }
      expect(JSON.stringify(env)).toBe(before);
    }
  });

  it('validates messages in the requested language', () => {
    const env = JSON.parse(JSON.stringify(persistPathway(active()))) as Record<string, any>;
    delete env['snapshot'].context.since;
    const e = left(restorePathway(env, { lang: 'nn' }));
    if (e._tag === 'CorruptEnvelope') expect(e.issues[0]!.message).toBe('«snapshot.context.since» manglar, men er påkravd.');
    else expect.fail('expected CorruptEnvelope');
  });
});

describe('history and replay', () => {
  it('replays every accepted event to the stored state and context, showing how the person got there', () => {
    const p = right(send(active(), { type: 'START_EVALUATION' }, '2026-06-01'));
    const steps = right(replayPathway(p));
    expect(steps.map((s) => s.to)).toEqual([
      'candidate',
      'offer',
      'referral',
      'assessment',
      'teamDecision',
      'teamEstablishment',
      'teamEstablishment',
      'teamEstablishment',
      'teamEstablishment',
      'teamEstablishment',
      'planning',
      'planActive',
      'evaluation',
    ]);
    expect(steps.map((s) => s.role).slice(0, 3)).toEqual(['risk-screening', 'gp', 'gp']);
  });

  it('finds a history that does not lead to the stored pathway', () => {
    const p = active();
    const tamperedContext = { ...p, snapshot: { ...p.snapshot, context: { ...p.snapshot.context, members: [] } } };
    expect(left(replayPathway(tamperedContext))).toMatchObject({ _tag: 'ReplayMismatch', expected: 'context' });
    // A decision that did not pass cannot have let the team be decided on.
    const history = p.history.map((h) =>
      h.event.type === 'DECIDE_TEAM' ? { ...h, decisions: h.decisions.map((d) => ({ ...d, passed: false })) } : h,
    );
    expect(left(replayPathway({ ...p, history }))).toMatchObject({
      _tag: 'ReplayMismatch',
      seq: 5,
      expected: 'teamEstablishment',
      actual: 'rejected',
    });
  });
});

describe('whatMatters: one shape, and envelopes stored with the string form', () => {
  // Saved by the release before `COMPLETE_ASSESSMENT.whatMatters` took the Person model's shape:
  // the string is in the history's event and in the context.
  const stored = readJson('test/fixtures/pathway/envelope-v3-what-matters-text.json') as Record<string, unknown>;

  it('restores and replays an envelope stored with the string form, unchanged and without a migration', () => {
    const p = right(restorePathway(stored, { subject: SUBJECT }));
    expect(p.snapshot.context.assessment?.whatMatters).toBe('Å klare seg hjemme');
    expect(p.history.find((h) => h.event.type === 'COMPLETE_ASSESSMENT')?.event).toMatchObject({ whatMatters: 'Å klare seg hjemme' });
    expect(persistPathway(p)).toEqual(stored);
    right(replayPathway(p));
  });

  it('gives the rules the stored string as one item dated on the assessment day', () => {
    const p = right(restorePathway(stored, { subject: SUBJECT }));
    const a = p.snapshot.context.assessment!;
    expect(pathwayPerson({ whatMatters: [{ text: 'Tidligere', date: '2025-01-01' }] }, p.snapshot.context).whatMatters).toEqual([
      { text: 'Tidligere', date: '2025-01-01' },
      { text: 'Å klare seg hjemme', date: a.completedDate },
    ]);
  });

  it('moves a restored pathway of the string form on, and it restores again', () => {
    const p = right(restorePathway(stored, { subject: SUBJECT }));
    const next = right(send(p, { type: 'START_EVALUATION' }, '2026-06-01'));
    right(restorePathway(JSON.parse(JSON.stringify(persistPathway(next))), { subject: SUBJECT }));
  });

  it('takes and stores the list shape of a new COMPLETE_ASSESSMENT, and refuses the string form in a new event', () => {
    const items = [
      { text: 'Å bo hjemme', date: '2026-01-05' },
      { text: 'Å gå tur', date: '2026-01-05' },
    ];
    const base = drive(start(), '2026-01-05', [
      { type: 'REVIEW_RELEVANT' },
      { type: 'ACCEPT_OFFER', unit: 'adults' },
      { type: 'START_ASSESSMENT' },
    ]);
    const needs = [
      { service: 'gp' as const, longTerm: true },
      { service: 'home-nursing' as const, longTerm: true },
    ];
    const p = right(send(base, { type: 'COMPLETE_ASSESSMENT', whatMatters: items, serviceNeeds: needs }, '2026-01-05'));
    expect(p.snapshot.context.assessment?.whatMatters).toEqual(items);
    expect(pathwayPerson({}, p.snapshot.context).whatMatters).toEqual(items);
    right(restorePathway(JSON.parse(JSON.stringify(persistPathway(p))), { subject: SUBJECT }));
    const old = left(send(base, { type: 'COMPLETE_ASSESSMENT', whatMatters: 'Å bo hjemme', serviceNeeds: needs } as never, '2026-01-05'));
    expect(old).toMatchObject({ _tag: 'InvalidEvent', issues: [{ path: 'whatMatters' }] });
  });
});
