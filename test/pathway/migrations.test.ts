import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EnvelopeV1, MIGRATIONS, migrateEnvelope, replayPathway, restorePathway, STATE_RANK } from '../../src/pathway/index.js';
import { V1_STATE_RANK } from '../../src/pathway/migrations.js';
import type { Pathway } from '../../src/pathway/index.js';
import { left, readJson, right } from '../support/helpers.js';
import { downgradeToV1, send, SUBJECT } from '../support/pathwayHelpers.js';
import { randomPathway } from '../support/pathwayArbitraries.js';

/*
 * Each migration has its own test, run on a stored envelope of the version it reads; then the whole
 * chain; then the properties: a migrated pathway is the pathway it was (nothing lost), and never
 * further back along the pathway than before.
 */

const v1 = () => readJson('test/fixtures/pathway/envelope-v1.json') as Record<string, any>;
const step = (id: string) => MIGRATIONS.find((m) => m.id === id)!;
const tested = new Set<string>();

describe('migrations, one by one', () => {
  it('format-1-to-2: gives the machine and the rule sets their own objects and drops savedAt', () => {
    tested.add('format-1-to-2');
    const m = step('format-1-to-2');
    const input = v1();
    const before = JSON.stringify(input);
    expect(m.input.safeParse(input).success).toBe(true);
    const out = m.migrate(m.input.parse(input), {}) as Record<string, any>;
    expect(JSON.stringify(input)).toBe(before);
    expect(out).toMatchObject({
      format: 'oppfolgingsteam/pathway',
      schemaVersion: 2,
      machine: { id: 'carePathway', version: 1 },
      state: 'teamEstablished',
      ruleSets: [
        { id: 'consent', version: '0.0.1-fixture' },
        { id: 'team', version: '0.0.1-fixture' },
      ],
      migrations: [{ id: 'format-1-to-2', from: { schemaVersion: 1, machineVersion: 1 }, to: { schemaVersion: 2, machineVersion: 1 } }],
    });
    expect(out['savedAt']).toBeUndefined();
    expect(out['snapshot']).toEqual(input['snapshot']);
    expect(out['history']).toEqual(input['history']);
    // The output is what the next step reads.
    expect(step('machine-1-to-2').input.safeParse(out).success).toBe(true);
  });

  it('machine-1-to-2: nests the state value and renames teamEstablished to planning, in the history too', () => {
    tested.add('machine-1-to-2');
    const m = step('machine-1-to-2');
    const input = step('format-1-to-2').migrate(EnvelopeV1.parse(v1()), {}) as Record<string, any>;
    const before = JSON.stringify(input);
    const out = m.migrate(m.input.parse(input), {}) as Record<string, any>;
    expect(JSON.stringify(input)).toBe(before);
    expect(out['machine']).toEqual({ id: 'carePathway', version: 2 });
    expect(out['state']).toBe('planning');
    expect(out['snapshot'].value).toEqual({ open: { followUp: 'planning' } });
    expect(out['snapshot'].context).toEqual(input['snapshot'].context);
    expect(out['history'].map((h: any) => h.to)).toEqual(
      input['history'].map((h: any) => (h.to === 'teamEstablished' ? 'planning' : h.to)),
    );
    expect(out['history'].at(-1)).toMatchObject({ from: 'teamEstablishment', to: 'planning', event: { type: 'ESTABLISH_TEAM' } });
    expect(out['migrations'].map((r: any) => r.id)).toEqual(['format-1-to-2', 'machine-1-to-2']);
  });

  it('format-2-to-3: binds the envelope to the subject the host gives and counts its revision', () => {
    tested.add('format-2-to-3');
    const m = step('format-2-to-3');
    const v2 = step('machine-1-to-2').migrate(
      step('machine-1-to-2').input.parse(step('format-1-to-2').migrate(EnvelopeV1.parse(v1()), {})),
      {},
    ) as Record<string, any>;
    const before = JSON.stringify(v2);
    expect(v2['subject']).toBeUndefined();
    expect(v2['revision']).toBeUndefined();
    const out = m.migrate(m.input.parse(v2), { subject: SUBJECT }) as Record<string, any>;
    expect(JSON.stringify(v2)).toBe(before);
    expect(out).toMatchObject({
      schemaVersion: 3,
      machine: { id: 'carePathway', version: 2 },
      subject: SUBJECT,
      revision: v2['history'].length - 1,
    });
    expect(out['history']).toEqual(v2['history']);
    expect(out['snapshot']).toEqual(v2['snapshot']);
    expect(out['migrations'].map((r: any) => r.id)).toEqual(['format-1-to-2', 'machine-1-to-2', 'format-2-to-3']);
    // Without a subject there is nothing to bind to: the host is asked for one, and nothing changes.
    expect(left(restorePathway(v1(), { migrate: true }))).toMatchObject({
      _tag: 'InvalidOptions',
      issues: [{ code: 'missing', path: 'subject' }],
    });
    expect(left(restorePathway(v1(), { migrate: true, subject: 'Patient/02835110039' }))).toMatchObject({
      _tag: 'InvalidOptions',
      issues: [{ code: 'national_id_in_clear', path: 'subject' }],
    });
  });

  it('a flat state of machine 1 that does not exist is reported, not guessed', () => {
    const bad = v1();
    bad['snapshot'].value = 'screening';
    const e = left(restorePathway(bad, { migrate: true, subject: SUBJECT }));
    expect(e._tag).toBe('CorruptEnvelope');
    if (e._tag === 'CorruptEnvelope') expect(e.issues.map((i) => i.path)).toContain('snapshot.value');
  });
});

describe('the chain', () => {
  it('leaves an old pathway on its version until it is migrated', () => {
    const e = left(restorePathway(v1()));
    expect(e).toMatchObject({
      _tag: 'NeedsMigration',
      from: { schemaVersion: 1, machineVersion: 1 },
      to: { schemaVersion: 3, machineVersion: 2 },
      migrations: ['format-1-to-2', 'machine-1-to-2', 'format-2-to-3'],
    });
    if (e._tag === 'NeedsMigration') expect(e.message.nb).toContain('blir værende der til det migreres');
  });

  it('runs the migrations in order, and the migrated pathway replays and goes on', () => {
    const input = v1();
    const before = JSON.stringify(input);
    const p = right(restorePathway(input, { migrate: true, subject: SUBJECT }));
    expect(JSON.stringify(input)).toBe(before);
    expect(p.state).toBe('planning');
    expect(p.subject).toBe(SUBJECT);
    expect(p.revision).toBe(p.history.length - 1);
    expect(p.migrations.map((m) => m.id)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(right(replayPathway(p)).at(-1)!.to).toBe('planning');
    const next = right(
      send(p, { type: 'ACTIVATE_PLAN', plan: { goals: [{ id: 'g', text: 'Mål' }], checkpoints: [{ date: '2026-06-01' }] } }, '2026-02-10'),
    );
    expect(next.state).toBe('planActive');
    // migrateEnvelope gives the same for batch jobs.
    expect(right(migrateEnvelope(v1(), { subject: SUBJECT }))).toEqual(p);
  });

  it('has a test for every migration', () => {
    expect([...tested].sort()).toEqual(MIGRATIONS.map((m) => m.id).sort());
  });
});

describe('migration properties', () => {
  it('a migrated pathway is the pathway it was (state, context, history), and nothing is lost', () => {
    fc.assert(
      fc.property(randomPathway(), (p: Pathway) => {
        const migrated = right(restorePathway(downgradeToV1(p, '2026-01-01'), { migrate: true, subject: p.subject }));
        expect(migrated.state).toBe(p.state);
        expect(migrated.revision).toBe(p.revision);
        expect(migrated.snapshot).toEqual(p.snapshot);
        expect(migrated.history.map((h) => [h.seq, h.at, h.role, h.event, h.from, h.to])).toEqual(
          p.history.map((h) => [h.seq, h.at, h.role, h.event, h.from, h.to]),
        );
        expect(migrated.ruleSets.map((r) => [r.id, r.version])).toEqual(p.ruleSets.map((r) => [r.id, r.version]));
      }),
      { numRuns: 30 },
    );
  });

  it('a migration never moves a pathway backwards', () => {
    fc.assert(
      fc.property(randomPathway(), (p: Pathway) => {
        const old = downgradeToV1(p) as { snapshot: { value: keyof typeof V1_STATE_RANK }; history: { to: keyof typeof V1_STATE_RANK }[] };
        const migrated = right(restorePathway(old, { migrate: true, subject: SUBJECT }));
        expect(STATE_RANK[migrated.state]).toBeGreaterThanOrEqual(V1_STATE_RANK[old.snapshot.value]);
        migrated.history.forEach((h, i) => expect(STATE_RANK[h.to]).toBeGreaterThanOrEqual(V1_STATE_RANK[old.history[i]!.to]));
      }),
      { numRuns: 30 },
    );
  });
});
