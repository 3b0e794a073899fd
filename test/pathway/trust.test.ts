import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pathway, PathwayStateId, SendEventError } from '../../src/pathway/index.js';
import { allowedEvents, persistPathway, restorePathway, sendEvent, startPathway } from '../../src/pathway/index.js';
import { left, right } from '../support/helpers.js';
import { randomPathway } from '../support/pathwayArbitraries.js';
import { drive, fixtureRuleSets, HOSTS, roleFor, send, start, SUBJECT, toPlanActive } from '../support/pathwayHelpers.js';

/*
 * Stored pathways a host can trust. Restore checks the history against the machine and the context
 * against the history, so an envelope edited into a state the machine never reached does not come
 * back. Every envelope names its subject (the host's reference to the person, never the national
 * identity number in clear), and an event for another person is refused. Every accepted event
 * increments the revision; an event sent with a stale revision is refused, which with
 * compare-and-swap in the host's database closes the race between two writers. A restore for a
 * date refuses history dated after it.
 */

const D = '2026-01-05';
const stored = (p: Pathway) => JSON.parse(JSON.stringify(persistPathway(p))) as Record<string, any>;
const valueOf = (id: PathwayStateId): unknown =>
  id === 'closed'
    ? 'closed'
    : ['teamEstablishment', 'planning', 'planActive', 'evaluation'].includes(id)
      ? { open: { followUp: id } }
      : { open: id };

/** Moves the stored pathway's end to another state, consistently: state, snapshot value and status, the last entry's `to`. */
function claim(e: Record<string, any>, to: PathwayStateId): Record<string, any> {
  e['state'] = to;
  e['snapshot'].value = valueOf(to);
  e['snapshot'].status = to === 'closed' ? 'done' : 'active';
  e['history'].at(-1).to = to;
  return e;
}

const inReferral = drive(start(D), D, [{ type: 'REVIEW_RELEVANT' }, { type: 'ACCEPT_OFFER', unit: 'adults' }]);

describe('restore checks the history against the machine', () => {
  it('an envelope edited from referral to planActive (state, snapshot, last entry) is CorruptEnvelope at that entry', () => {
    expect(inReferral.state).toBe('referral');
    const e = claim(stored(inReferral), 'planActive');
    const err = left(restorePathway(e));
    expect(err).toMatchObject({
      _tag: 'CorruptEnvelope',
      issues: [{ code: 'not_a_transition', path: `history[${inReferral.history.length - 1}]` }],
    });
    // What the edit was after: START_EVALUATION in a state the pathway never reached.
    expect(allowedEvents(inReferral)).not.toContain('START_EVALUATION');
  });

  it('a jump to closed is CorruptEnvelope', () => {
    expect(left(restorePathway(claim(stored(inReferral), 'closed')))).toMatchObject({
      _tag: 'CorruptEnvelope',
      issues: [{ code: 'not_a_transition' }],
    });
  });

  it('context edits the history does not give are CorruptEnvelope at the field: wantsTeam false in referral, since after the last event', () => {
    const a = stored(inReferral);
    a['snapshot'].context.wantsTeam = false;
    expect(left(restorePathway(a))).toMatchObject({
      _tag: 'CorruptEnvelope',
      issues: [{ code: 'context_mismatch', path: 'snapshot.context.wantsTeam' }],
    });
    const b = stored(inReferral);
    b['snapshot'].context.since = '2026-03-01';
    expect(left(restorePathway(b))).toMatchObject({
      _tag: 'CorruptEnvelope',
      issues: [{ code: 'context_mismatch', path: 'snapshot.context.since' }],
    });
  });

  it('any entry moved to another state, with the chain kept whole, is refused at the first entry that does not follow', () => {
    const states: PathwayStateId[] = [
      'candidate',
      'checkedOut',
      'offer',
      'declined',
      'referral',
      'assessment',
      'teamDecision',
      'otherFollowUp',
      'teamEstablishment',
      'planning',
      'planActive',
      'evaluation',
      'closed',
    ];
    fc.assert(
      fc.property(randomPathway(30), fc.nat(), fc.constantFrom(...states), (p: Pathway, at, to) => {
        fc.pre(p.history.length > 1);
        const i = 1 + (at % (p.history.length - 1));
        fc.pre(p.history[i]!.to !== to);
        const e = stored(p);
        e['history'][i].to = to;
        if (i + 1 < p.history.length) e['history'][i + 1].from = to;
        else claim(e, to);
        const err = left(restorePathway(e));
        expect(err._tag).toBe('CorruptEnvelope');
        if (err._tag === 'CorruptEnvelope')
          expect(err.issues[0]!.path.startsWith('history[') || err.issues[0]!.path.startsWith('snapshot')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('every pathway the API makes restores as it is', () => {
    fc.assert(
      fc.property(randomPathway(30), (p: Pathway) => {
        expect(right(restorePathway(stored(p)))).toEqual(p);
      }),
      { numRuns: 30 },
    );
  });
});

describe('the subject: whose pathway it is', () => {
  it('startPathway needs a subject, and refuses a national identity number in it, written any usual way, without echoing it', () => {
    const noSubject = left(startPathway({ channel: 'staff' }, { asOf: D, role: 'staff' } as never));
    expect(noSubject).toMatchObject({ _tag: 'InvalidOptions', issues: [{ code: 'missing', path: 'subject' }] });
    for (const subject of ['02835110039', 'Patient/02835110039', 'fnr 028351 10039', 'x-028351-10039', '028351.10039']) {
      const e = left(startPathway({ channel: 'staff' }, { asOf: D, role: 'staff', subject }));
      expect(e, subject).toMatchObject({ _tag: 'InvalidOptions', issues: [{ code: 'national_id_in_clear', path: 'subject' }] });
      expect(JSON.stringify(e)).not.toContain('10039');
    }
    // Longer numbers, and eleven digits that are no identity number, are ordinary references.
    for (const subject of ['Patient/1234567890123', 'Patient/12345678901', 'urn:uuid:5d2b1c3e-7f4a-4b8c-9d0e-1f2a3b4c5d6e', SUBJECT])
      expect(right(startPathway({ channel: 'staff' }, { asOf: D, role: 'staff', subject })).subject, subject).toBe(subject);
  });

  it('an event for another subject is WrongSubject, and the pathway is unchanged; the message names neither reference', () => {
    const p = start(D);
    const before = JSON.stringify(p);
    const e = left(sendEvent(p, { type: 'REVIEW_RELEVANT' }, { asOf: D, role: 'gp', subject: 'Patient/zq-9' }));
    expect(e).toMatchObject({ _tag: 'WrongSubject', field: 'subject' });
    expect(JSON.stringify(e)).not.toContain('zq-9');
    expect(JSON.stringify(e)).not.toContain(SUBJECT);
    expect(JSON.stringify(p)).toBe(before);
  });

  it('an event carrying another person’s record is WrongSubject; the same person’s record is accepted', () => {
    const p = start(D);
    expect(left(send(p, { type: 'REVIEW_RELEVANT' }, D, { ...HOSTS.adult, id: 'Patient/other' }))).toMatchObject({
      _tag: 'WrongSubject',
      field: 'person.id',
    });
    expect(right(send(p, { type: 'REVIEW_RELEVANT' }, D, { ...HOSTS.adult, id: SUBJECT })).state).toBe('offer');
  });

  it('a restore for another subject is WrongSubject', () => {
    expect(right(restorePathway(stored(inReferral), { subject: SUBJECT })).subject).toBe(SUBJECT);
    expect(left(restorePathway(stored(inReferral), { subject: 'Patient/other' }))).toMatchObject({ _tag: 'WrongSubject' });
  });

  it('an envelope whose subject was edited to a national identity number is CorruptEnvelope', () => {
    const e = stored(inReferral);
    e['subject'] = '02835110039';
    expect(left(restorePathway(e))).toMatchObject({ _tag: 'CorruptEnvelope', issues: [{ code: 'national_id_in_clear', path: 'subject' }] });
  });
});

describe('the revision: compare-and-swap', () => {
  it('starts at 0, every accepted event adds one, a refused event changes nothing', () => {
    const p = start(D);
    expect(p.revision).toBe(0);
    const a = right(send(p, { type: 'REVIEW_RELEVANT' }, D));
    expect(a.revision).toBe(1);
    expect(left(send(a, { type: 'START_EVALUATION' }, D))._tag).toBe('EventNotAllowed');
    const b = right(send(a, { type: 'ACCEPT_OFFER', unit: 'adults' }, D));
    expect(b.revision).toBe(2);
    expect(b.revision).toBe(b.history.length - 1);
  });

  it('an event sent with the revision the host read is refused with StaleRevision once another writer has moved the pathway on', () => {
    const read = start(D);
    const opts = { asOf: D, role: 'gp' as const, subject: SUBJECT, revision: read.revision };
    const first = right(sendEvent(read, { type: 'REVIEW_RELEVANT' }, opts));
    // The second writer read the same revision, but the host hands it the pathway as it is now.
    const second = left(sendEvent(first, { type: 'REVIEW_NOT_RELEVANT', reason: 'Ikke aktuelt' }, opts));
    expect(second).toMatchObject({ _tag: 'StaleRevision', expected: 0, actual: 1 });
    expect((second as { message: { nb: string } }).message.nb).toContain('les forløpet på nytt');
    expect(left(sendEvent(read, { type: 'REVIEW_RELEVANT' }, { ...opts, revision: 1.5 }))).toMatchObject({
      _tag: 'InvalidOptions',
      issues: [{ path: 'revision' }],
    });
  });

  it('the compare-and-swap pattern: of two writers of one stored envelope, one wins and the other retries on what is stored', () => {
    // A table of envelopes with an UPDATE … WHERE revision = ? (here a Map).
    const db = new Map<string, string>();
    const put = (id: string, expected: number | undefined, p: Pathway): boolean => {
      const cur = db.get(id);
      const at = cur === undefined ? undefined : (JSON.parse(cur) as { revision: number }).revision;
      if (at !== expected) return false;
      db.set(id, JSON.stringify(persistPathway(p)));
      return true;
    };
    expect(put(SUBJECT, undefined, start(D))).toBe(true);
    const write = (event: Parameters<typeof send>[1]): { ok: boolean; error?: SendEventError } => {
      const p = right(restorePathway(db.get(SUBJECT)!, { subject: SUBJECT }));
      const r = sendEvent(p, event, {
        asOf: D,
        role: roleFor(event.type),
        subject: SUBJECT,
        revision: p.revision,
        person: HOSTS.adult,
        ruleSets: fixtureRuleSets(),
      });
      if (r._tag === 'Left') return { ok: false, error: r.left };
      return { ok: put(SUBJECT, p.revision, r.right) };
    };
    // Both read revision 0; the first to store wins, the second's UPDATE matches no row.
    const a = right(restorePathway(db.get(SUBJECT)!));
    const b = right(restorePathway(db.get(SUBJECT)!));
    const ra = right(sendEvent(a, { type: 'REVIEW_RELEVANT' }, { asOf: D, role: 'gp', subject: SUBJECT, revision: a.revision }));
    const rb = right(
      sendEvent(
        b,
        { type: 'REVIEW_NOT_RELEVANT', reason: 'Ikke aktuelt' },
        { asOf: D, role: 'gp', subject: SUBJECT, revision: b.revision },
      ),
    );
    expect(put(SUBJECT, a.revision, ra)).toBe(true);
    expect(put(SUBJECT, b.revision, rb)).toBe(false);
    // The loser reads again and decides anew: the pathway is in offer now, so its event is not possible any more.
    expect(write({ type: 'REVIEW_NOT_RELEVANT', reason: 'Ikke aktuelt' })).toMatchObject({ ok: false, error: { _tag: 'EventNotAllowed' } });
    expect(write({ type: 'ACCEPT_OFFER', unit: 'adults' })).toEqual({ ok: true });
    expect(right(restorePathway(db.get(SUBJECT)!)).revision).toBe(2);
  });

  it('an envelope whose revision does not match its history is CorruptEnvelope at revision', () => {
    const e = stored(inReferral);
    e['revision'] = 0;
    expect(left(restorePathway(e))).toMatchObject({ _tag: 'CorruptEnvelope', issues: [{ path: 'revision' }] });
  });
});

describe('restore for a date', () => {
  const p = drive(start('2026-01-05'), '2026-01-20', toPlanActive('2026-01-20', '2026-06-01'));

  it('refuses history dated after asOf, naming the first such entry', () => {
    const first = p.history.findIndex((h) => h.at > '2026-01-10');
    expect(left(restorePathway(stored(p), { asOf: '2026-01-10' }))).toMatchObject({
      _tag: 'CorruptEnvelope',
      issues: [{ code: 'after_as_of', path: `history[${first}].at` }],
    });
    expect(right(restorePathway(stored(p), { asOf: '2026-01-20' }))).toEqual(p);
  });

  it('an asOf that is not a date in range is InvalidOptions', () => {
    expect(left(restorePathway(stored(p), { asOf: '2026-02-30' }))).toMatchObject({
      _tag: 'InvalidOptions',
      issues: [{ code: 'iso_date', path: 'asOf' }],
    });
    expect(left(restorePathway(stored(p), { asOf: '9999-01-01' }))).toMatchObject({
      _tag: 'InvalidOptions',
      issues: [{ code: 'date_range', path: 'asOf' }],
    });
  });
});
