import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, evaluate, parsePerson } from '../../src/index.js';
import { generateCohort, stratify } from '../../src/population/index.js';
import { parseVectorFile } from '../../src/policy/index.js';
import { personFromBundle } from '../../src/adapters/fhir/index.js';
import { persistPathway, restorePathway, sendEvent, startPathway, whatIsDue } from '../../src/pathway/index.js';
import { examplePerson, left, readJson, right } from '../support/helpers.js';
import { cli } from '../cli/run.js';
import { drive, start, SUBJECT } from '../support/pathwayHelpers.js';

/*
 * Every date from outside lies in one documented range, 1800-01-01 to 2199-12-31, checked where it
 * comes in (persons, events, stored pathways, rule files, vectors, every asOf, the CLI's --as-of),
 * with `date_range` naming the field. A decline on 9999-11-03 used to store a re-flag date of
 * "+010000-05", and the pathway no longer restored.
 */

const MIN = '1800-01-01';
const MAX = '2199-12-31';
const OUT = ['1799-12-31', '2200-01-01', '9999-11-03', '0100-01-01'];

describe('one range for every date from outside', () => {
  it("the issue's case: a decline on 9999-11-03 is refused at the edge, naming asOf", () => {
    const offer = drive(start('2026-01-05'), '2026-01-05', [{ type: 'REVIEW_RELEVANT' }]);
    const e = left(sendEvent(offer, { type: 'DECLINE_OFFER' }, { asOf: '9999-11-03', role: 'gp', subject: SUBJECT }));
    expect(e).toMatchObject({ _tag: 'InvalidOptions', issues: [{ code: 'date_range', path: 'asOf' }] });
    expect(left(startPathway({ channel: 'staff' }, { asOf: '9999-11-03', role: 'staff', subject: SUBJECT }))).toMatchObject({
      issues: [{ code: 'date_range', path: 'asOf' }],
    });
  });

  it('a decline on the last day keeps its re-flag date in the range, and the pathway round-trips', () => {
    const offer = drive(start(MAX), MAX, [{ type: 'REVIEW_RELEVANT' }]);
    const declined = right(sendEvent(offer, { type: 'DECLINE_OFFER' }, { asOf: MAX, role: 'gp', subject: SUBJECT }));
    expect(declined.snapshot.context.declined?.reflagNotBefore).toBe(MAX);
    expect(right(restorePathway(JSON.stringify(persistPathway(declined))))).toEqual(declined);
  });

  it('persons: dates on the bounds are accepted, one day outside is date_range at the field', () => {
    right(parsePerson({ birthDate: MIN, encounters: [{ type: 'gp-consultation', date: MAX }] }));
    for (const d of OUT) {
      expect(left(parsePerson({ birthDate: d })).issues, d).toMatchObject([{ code: 'date_range', path: 'birthDate' }]);
      expect(left(parsePerson({ encounters: [{ type: 'gp-consultation', date: d }] })).issues, d).toMatchObject([
        { code: 'date_range', path: 'encounters[0].date' },
      ]);
    }
    // An impossible date is still a bad date, reported once (a birth date may also be partial, so its code says that).
    expect(left(parsePerson({ birthDate: '2023-02-30' })).issues).toMatchObject([{ code: 'birth_date', path: 'birthDate' }]);
    expect(left(parsePerson({ encounters: [{ type: 'gp-consultation', date: '2023-02-30' }] })).issues).toMatchObject([
      { code: 'iso_date', path: 'encounters[0].date' },
    ]);
  });

  it('any real calendar date is accepted exactly when it is in the range', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0100-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const r = parsePerson({ birthDate: iso });
        expect(r._tag === 'Right', iso).toBe(iso >= MIN && iso <= MAX);
        if (r._tag === 'Left') expect(r.left.issues[0]!.code).toBe('date_range');
      }),
      { numRuns: 300 },
    );
  });

  it('asOf of evaluate, stratify and whatIsDue', () => {
    const rs = right(compileRuleSet(readJson('rules/identification.json')));
    const e = left(evaluate(rs, examplePerson('klara'), { asOf: '2200-01-01', lang: 'en' }));
    expect(e).toMatchObject({
      _tag: 'InvalidOptions',
      issues: [{ code: 'date_range', path: 'asOf', message: '«asOf» must be between 1800-01-01 and 2199-12-31.' }],
    });
    expect(left(stratify([], { asOf: '2200-01-01' }))).toMatchObject({ issues: [{ code: 'date_range', path: 'asOf' }] });
    expect(left(whatIsDue(start('2026-01-05'), '2200-01-01'))).toMatchObject({
      _tag: 'InvalidOptions',
      issues: [{ code: 'date_range', path: 'asOf' }],
    });
    expect(() => generateCohort({ seed: 1, size: 1, asOf: '2200-01-01' })).toThrow(RangeError);
  });

  it('events and stored pathways', () => {
    const p = start('2026-01-05');
    const ev = left(
      sendEvent(
        p,
        { type: 'RECORD_CONSENT', consent: { scope: 'team', givenBy: 'person', date: '2300-01-01' } },
        { asOf: '2026-01-05', role: 'gp', subject: SUBJECT },
      ),
    );
    expect(ev).toMatchObject({ _tag: 'InvalidEvent', issues: [{ code: 'date_range', path: 'consent.date' }] });
    const e = JSON.parse(JSON.stringify(persistPathway(p))) as { history: { at: string }[] };
    e.history[0]!.at = '9999-01-01';
    expect(left(restorePathway(e))).toMatchObject({ _tag: 'CorruptEnvelope', issues: [{ code: 'date_range', path: 'history[0].at' }] });
  });

  it('rule files and test vectors', () => {
    const file = { ...(readJson('rules/identification.json') as object), validTo: '9999-12-31' };
    expect(left(compileRuleSet(file)).issues).toMatchObject([{ code: 'date_range', path: 'validTo' }]);
    expect(
      left(parseVectorFile({ ruleSet: 'x', vectors: [{ name: 'v', asOf: '2200-01-01', facts: {}, expect: {} }] })).issues,
    ).toMatchObject([{ code: 'date_range', path: 'vectors[0].asOf' }]);
  });

  it('FHIR: a date outside the range is not read, and is reported', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', id: 'p', birthDate: '1700-01-01' } }],
    };
    const r = right(personFromBundle(bundle));
    expect(r.person.birthDate).toBeUndefined();
    expect(r.notUnderstood.some((i) => i.path.includes('birthDate'))).toBe(true);
  });

  it('the CLI refuses an --as-of outside the range (exit 2), saying the range', async () => {
    const explain = await cli(['explain', 'examples/persons/klara.json', '--as-of', '2200-01-01', '--lang', 'en']);
    expect(explain.code).toBe(2);
    expect(explain.stderr).toContain('--as-of must be a date in the form YYYY-MM-DD from 1800-01-01 to 2199-12-31');
    const stratified = await cli(['stratify', '--synthetic', '10', '--as-of', '2200-01-01', '--lang', 'en']);
    expect(stratified.code).toBe(2);
    expect(stratified.stderr).toContain('--as-of: 2200-01-01');
    expect((await cli(['explain', 'examples/persons/klara.json', '--as-of', MAX, '--lang', 'en'])).code).not.toBe(2);
  });
});
