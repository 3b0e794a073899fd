import { describe, expect, it } from 'vitest';
import { loadBundledRuleSet, summariseFollowUp } from '../../src/index.js';
import { allowedEvents, replayPathway, sendEvent } from '../../src/pathway/index.js';
import type { Pathway } from '../../src/pathway/index.js';
import { cdsResponse } from '../../src/adapters/cdsHooks/index.js';
import { left, right } from '../support/helpers.js';
import { start, SUBJECT } from '../support/pathwayHelpers.js';

/*
 * Functions that take a value the library made, or the host's options object, called from
 * JavaScript with something else: each returns its typed error naming the argument, where it used
 * to throw a TypeError (everyFunction.test.ts checks that nothing throws; this checks what comes back).
 */

const D = '2026-03-02';
const send = (p: unknown, lang?: 'en') =>
  sendEvent(p as Pathway, { type: 'REVIEW_RELEVANT' }, { asOf: D, role: 'gp', subject: SUBJECT, ...(lang ? { lang } : {}) });

describe('a value that is not a pathway', () => {
  it('sendEvent: CorruptEnvelope naming the first field that is wrong, in the requested language', () => {
    expect(left(send(undefined))).toMatchObject({ _tag: 'CorruptEnvelope', issues: [{ code: 'invalid_type', path: '' }] });
    const noHistory = left(send({ ...start(), history: [] }, 'en'));
    expect(noHistory).toMatchObject({ _tag: 'CorruptEnvelope', issues: [{ code: 'invalid_type', path: 'history' }] });
    expect((noHistory as { issues: { message: string }[] }).issues[0]!.message).toMatch(/^«history» has the wrong type/);
    const { snapshot: _, ...noSnapshot } = start();
    expect(left(send(noSnapshot))).toMatchObject({ _tag: 'CorruptEnvelope', issues: [{ path: 'snapshot' }] });
    // A real pathway still works.
    expect(right(send(start())).state).toBe('offer');
  });

  it('replayPathway: CorruptEnvelope with the path of what is wrong; a real pathway replays', () => {
    expect(left(replayPathway(null as never))).toMatchObject({ _tag: 'CorruptEnvelope' });
    const p = start();
    expect(left(replayPathway({ ...p, history: [{ ...p.history[0]!, at: 7 }] } as never))).toMatchObject({
      _tag: 'CorruptEnvelope',
      issues: [{ path: 'history[0].at' }],
    });
    expect(right(replayPathway(p))).toHaveLength(1);
  });

  it('allowedEvents: none for a value that is not a pathway, or a state the machine does not have', () => {
    expect(allowedEvents(7 as never)).toEqual([]);
    expect(allowedEvents({ ...start(), snapshot: { ...start().snapshot, value: 'nowhere' } })).toEqual([]);
    expect(allowedEvents(start())).toContain('REVIEW_RELEVANT');
  });
});

describe('options that are not an object', () => {
  it('loadBundledRuleSet and summariseFollowUp: InvalidRuleSet / InvalidOptions at options', () => {
    expect(left(loadBundledRuleSet('identification', null as never)).issues[0]).toMatchObject({ code: 'invalid_type', path: 'options' });
    expect(left(summariseFollowUp({}, undefined as never))).toMatchObject({ _tag: 'InvalidOptions', issues: [{ path: 'options' }] });
  });

  it('cdsResponse: cards or actions that are not arrays, or options that are not an object, are InvalidCdsHooks', () => {
    expect(left(cdsResponse(undefined as never))).toMatchObject({
      _tag: 'InvalidCdsHooks',
      message: 'response',
      issues: [{ path: 'cards' }],
    });
    expect(left(cdsResponse([], { systemActions: 'x' as never })).issues[0]).toMatchObject({ path: 'systemActions' });
    expect(left(cdsResponse([], null as never)).issues[0]).toMatchObject({ code: 'invalid_type', path: 'options' });
    expect(right(cdsResponse([]))).toEqual({ cards: [] });
  });
});
