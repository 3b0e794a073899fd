import { describe, expect, it } from 'vitest';
import { evaluate, loadBundledRuleSet, summariseFollowUp } from '../../src/index.js';
import type { PersonInput } from '../../src/index.js';
import { toCareTeam, toConsents, toEvaluationTasks, toFlags, toFollowUpPlan, toRiskAssessment } from '../../src/adapters/fhir/index.js';
import { allowedEvents, describeHistory, nextCheckpoint, replayPathway, sendEvent } from '../../src/pathway/index.js';
import type { Pathway } from '../../src/pathway/index.js';
import { cdsResponse } from '../../src/adapters/cdsHooks/index.js';
import { compareCodeLists, compareRuleSets } from '../../src/policy/index.js';
import { examplePerson, left, right, ruleSet } from '../support/helpers.js';
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
    expect((noHistory as unknown as { issues: { message: string }[] }).issues[0]!.message).toMatch(/^«history» has the wrong type/);
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

describe('the FHIR output builders', () => {
  const rs = ruleSet('identification');
  const d = right(evaluate(rs, examplePerson('klara'), { asOf: '2026-11-23' }));
  const other = ruleSet('plan');

  it('a decision of another rule set, or something that is not a decision: InvalidFhirOutput naming the argument', () => {
    type Build = (
      d: unknown,
      r: unknown,
      o: unknown,
    ) => { _tag: 'Left'; left: { issues: readonly { code: string }[] } } | { _tag: 'Right'; right: unknown };
    for (const f of [toRiskAssessment, toFlags] as unknown as Build[]) {
      expect(left(f(d, other, { patient: 'Patient/p1', lang: 'en' }))).toMatchObject({
        _tag: 'InvalidFhirOutput',
        issues: [
          { code: 'fhir_other_rule_set', path: 'ruleSet', message: expect.stringContaining('is not the rule set (id and version)') },
        ],
      });
      expect(left(f(undefined as never, rs, { patient: 'Patient/p1' })).issues[0]).toMatchObject({
        code: 'invalid_type',
        path: 'decision',
      });
      expect(left(f({ ...d, prompts: 7, score: { points: 1 } } as never, rs, { patient: 'Patient/p1' })).issues[0]).toMatchObject({
        code: 'invalid_shape',
        path: 'decision',
      });
    }
  });

  it('options without a patient, or a person that does not validate: InvalidFhirOutput at options.patient or under person', () => {
    const person = examplePerson('klara') as PersonInput;
    type Build = (
      p: unknown,
      o: unknown,
    ) => { _tag: 'Left'; left: { issues: readonly { code: string }[] } } | { _tag: 'Right'; right: unknown };
    for (const f of [toCareTeam, toFollowUpPlan, toEvaluationTasks, toConsents] as unknown as Build[]) {
      expect(left(f(person, null as never)).issues[0]).toMatchObject({ code: 'invalid_type', path: 'options' });
      expect(left(f(person, {} as never)).issues[0]).toMatchObject({ code: 'missing', path: 'options.patient' });
      expect(left(f({ ...person, consents: 'ja' } as never, { patient: 'Patient/p1' })).issues[0]).toMatchObject({
        path: 'person.consents',
      });
    }
    expect(left(toRiskAssessment(d, rs, { patient: '' })).issues[0]).toMatchObject({ code: 'invalid_type', path: 'options.patient' });
  });
});

describe('the pathway queries', () => {
  it('describeHistory and nextCheckpoint: CorruptEnvelope for a value that is not a pathway; the answer for one that is', () => {
    const p = start();
    expect(left(describeHistory({ ...p, history: 'x' } as never, 'en'))).toMatchObject({
      _tag: 'CorruptEnvelope',
      issues: [{ path: 'history' }],
    });
    expect(right(describeHistory(p, 'en'))).toHaveLength(1);
    expect(left(nextCheckpoint(null as never))).toMatchObject({ _tag: 'CorruptEnvelope' });
    expect(right(nextCheckpoint(p))).toBeUndefined();
  });
});

describe('the policy comparisons', () => {
  it('compareRuleSets and compareCodeLists: both sides absent, or a side that is not a file, is InvalidRuleSet naming the side', () => {
    for (const f of [compareRuleSets, compareCodeLists] as ((b: unknown, a: unknown) => ReturnType<typeof compareRuleSets>)[]) {
      expect(left(f(undefined, undefined)).issues[0]).toMatchObject({ code: 'missing', path: 'after' });
      expect(left(f(undefined, 7)).issues[0]).toMatchObject({ code: 'invalid_type', path: 'after' });
      expect(left(f({ id: 'x', rules: 7, entries: 7 }, undefined)).issues[0]).toMatchObject({ code: 'invalid_shape', path: 'before' });
    }
    expect(right(compareRuleSets(ruleSet('plan').file, undefined)).status).toBe('removed');
  });
});
