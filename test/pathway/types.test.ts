import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PersonInput } from '../../src/index.js';
import { sendEvent, startPathway } from '../../src/pathway/index.js';
import type { PathwayEventInput, SendOptions, StartPathwayInput } from '../../src/pathway/index.js';
import { left } from '../support/helpers.js';
import { drive, HOSTS, start, SUBJECT, TO_TEAM_ESTABLISHMENT } from '../support/pathwayHelpers.js';

/*
 * The inputs of `sendEvent` are typed: a misspelt event or person does not compile (`tsc --noEmit`
 * checks the `@ts-expect-error` lines below: each must be an error, or the check itself fails). The
 * same calls, as a JavaScript host would make them, still get a typed error at run time.
 */

const D = '2026-03-02';
const offered = () => drive(start(), D, TO_TEAM_ESTABLISHMENT.slice(0, 1));
const opts = (person?: PersonInput): SendOptions => ({ asOf: D, role: 'person', subject: SUBJECT, ...(person ? { person } : {}) });

describe('sendEvent: typed inputs', () => {
  it('takes PathwayEventInput and a PersonInput', () => {
    expectTypeOf(sendEvent).parameter(1).toEqualTypeOf<PathwayEventInput>();
    expectTypeOf<SendOptions['person']>().toEqualTypeOf<PersonInput | undefined>();
  });

  it('does not compile a wrong event, and still refuses it at run time with the field named', () => {
    // @ts-expect-error -- the unit is 'adults', not 'adult'
    const wrongUnit = left(sendEvent(offered(), { type: 'ACCEPT_OFFER', unit: 'adult' }, opts(HOSTS.adult)));
    expect(wrongUnit).toMatchObject({ _tag: 'InvalidEvent', issues: [{ path: 'unit', code: 'invalid_value' }] });

    // @ts-expect-error -- no such event type
    const unknownType = left(sendEvent(offered(), { type: 'ACCEPT' }, opts(HOSTS.adult)));
    expect(unknownType).toMatchObject({ _tag: 'InvalidEvent', issues: [{ path: 'type' }] });

    // @ts-expect-error -- a field the event does not have
    const extra = left(sendEvent(offered(), { type: 'DECLINE_OFFER', because: 'x' }, opts(HOSTS.adult)));
    expect(extra).toMatchObject({ _tag: 'InvalidEvent', issues: [{ path: 'because', code: 'unknown_key' }] });
  });

  it('does not compile a wrong person, and still refuses it at run time', () => {
    const accept: PathwayEventInput = { type: 'ACCEPT_OFFER', unit: 'adults' };
    // @ts-expect-error -- birthDate is a YYYY-MM-DD string
    const wrongPerson = left(sendEvent(offered(), accept, { ...opts(), person: { birthDate: 1960 } }));
    expect(wrongPerson).toMatchObject({ _tag: 'InvalidPerson' });
  });
});

describe('startPathway: a typed input', () => {
  const startOpts = { asOf: D, role: 'staff', subject: SUBJECT } as const;

  it('takes StartPathwayInput', () => {
    expectTypeOf(startPathway).parameter(0).toEqualTypeOf<StartPathwayInput>();
  });

  it('does not compile a wrong start, and still refuses it at run time with the field named', () => {
    // @ts-expect-error -- 'gp' is a role, not a channel
    const wrongChannel = left(startPathway({ channel: 'gp' }, startOpts));
    expect(wrongChannel).toMatchObject({ _tag: 'InvalidEvent', issues: [{ path: 'channel', code: 'invalid_value' }] });

    // @ts-expect-error -- the channel is required
    const noChannel = left(startPathway({ reason: 'Bekymring' }, startOpts));
    expect(noChannel).toMatchObject({ _tag: 'InvalidEvent', issues: [{ path: 'channel', code: 'invalid_value' }] });

    // @ts-expect-error -- a field the start does not have
    const extra = left(startPathway({ channel: 'staff', note: 'x' }, startOpts));
    expect(extra).toMatchObject({ _tag: 'InvalidEvent', issues: [{ path: 'note', code: 'unknown_key' }] });
  });
});

describe('COMPLETE_ASSESSMENT: what matters is dated by the assessment', () => {
  const assessing = () => drive(start(), D, TO_TEAM_ESTABLISHMENT.slice(0, 3));
  const complete = (date: string): PathwayEventInput => ({
    type: 'COMPLETE_ASSESSMENT',
    whatMatters: [
      { text: 'Å klare seg hjemme', date: D },
      { text: 'Å gå tur med hunden', date },
    ],
    serviceNeeds: [
      { service: 'gp', longTerm: true },
      { service: 'home-nursing', longTerm: true },
    ],
  });

  it('a date after asOf is refused, naming the field, in nb, nn and en; the same day is accepted', () => {
    const msgs = (['nb', 'nn', 'en'] as const).map((lang) => {
      const e = left(sendEvent(assessing(), complete('2026-03-03'), { ...opts(HOSTS.adult), lang }));
      expect(e).toMatchObject({ _tag: 'InvalidEvent', issues: [{ path: 'whatMatters[1].date', code: 'after_event_date' }] });
      return (e as unknown as { issues: { message: string }[] }).issues[0]!.message;
    });
    expect(msgs[2]).toContain('«whatMatters[1].date» is after the date of the event (asOf)');
    expect(new Set(msgs).size).toBe(3);
    for (const m of msgs) expect(m).not.toContain('hunden');
    expect(sendEvent(assessing(), complete(D), opts(HOSTS.adult))._tag).toBe('Right');
  });
});
