import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PersonInput } from '../../src/index.js';
import { sendEvent } from '../../src/pathway/index.js';
import type { PathwayEventInput, SendOptions } from '../../src/pathway/index.js';
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
