import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateParsed } from '../../../src/index.js';
import { isSnomedMap, parseSnomedMap, personFromBundle, personFromPrefetch, SNOMED_MAP_FORMAT } from '../../../src/adapters/fhir/index.js';
import type { FhirPerson, SnomedMap } from '../../../src/adapters/fhir/index.js';
import { left, right, ruleSet } from '../../support/helpers.js';

/*
 * SNOMED CT diagnoses are read through the host's map. A mapped code is the ICD-10 or ICPC-2 code it
 * maps to, for every rule; a code the map does not hold leaves the diagnosis list unknown and is
 * counted in a gap by system, never named. ID-TRIGGER-PHYSICAL-MENTAL (NICE NG56 1.2.1: both a
 * long-term physical and a mental health condition) is the rule the vectors watch.
 */

const AS_OF = '2026-11-23';
const HEART_FAILURE = '84114007'; // SNOMED CT: heart failure (disorder) → ICD-10 I50
const DEPRESSION = '35489007'; // SNOMED CT: depressive disorder (disorder) → ICPC-2 P76
const SCT = 'http://snomed.info/sct';

const subject = { reference: 'Patient/p1' };
const bundle = (...codes: string[]) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { fullUrl: 'https://epj.example.no/fhir/Patient/p1', resource: { resourceType: 'Patient', id: 'p1', birthDate: '1950-06-01' } },
    ...codes.map((code, i) => ({
      fullUrl: `https://epj.example.no/fhir/Condition/c${i}`,
      resource: { resourceType: 'Condition', id: `c${i}`, subject, code: { coding: [{ system: SCT, code, display: 'Diagnose' }] } },
    })),
  ],
});

const mapFile = (entries: readonly Record<string, string>[]) => ({ format: SNOMED_MAP_FORMAT, source: 'Test map, 2026-12', entries });
const MAP: SnomedMap = right(
  parseSnomedMap(
    mapFile([
      { snomed: HEART_FAILURE, icd10: 'I50' },
      { snomed: DEPRESSION, icpc2: 'p76' },
    ]),
  ),
);
const ONLY_HEART: SnomedMap = right(parseSnomedMap(mapFile([{ snomed: HEART_FAILURE, icd10: 'I50' }])));

const outcome = (r: FhirPerson, ruleId: string) =>
  evaluateParsed(ruleSet('identification'), r.person, { asOf: AS_OF, trace: 'none' }).outcomes.find((o) => o.ruleId === ruleId)?.outcome;

describe('SNOMED CT through the host’s map', () => {
  it('a mapped code counts as the ICD-10 / ICPC-2 code it maps to: the physical-and-mental trigger fires', () => {
    const r = right(personFromBundle(bundle(HEART_FAILURE, DEPRESSION), { snomedMap: MAP }));
    expect(r.person.diagnoses).toEqual([
      { system: 'ICD-10', code: 'I50' },
      { system: 'ICPC-2', code: 'P76' },
    ]);
    expect(r.gaps).toEqual([]);
    expect(outcome(r, 'ID-TRIGGER-PHYSICAL-MENTAL')).toBe(true);
  });

  it('the same through a CDS Hooks prefetch', () => {
    const b = bundle(HEART_FAILURE, DEPRESSION);
    const prefetch = { patient: b.entry[0]!.resource, conditions: { resourceType: 'Bundle', type: 'searchset', entry: b.entry.slice(1) } };
    const r = right(personFromPrefetch(prefetch, { snomedMap: MAP }));
    expect(r.person.diagnoses).toHaveLength(2);
    expect(outcome(r, 'ID-TRIGGER-PHYSICAL-MENTAL')).toBe(true);
  });

  it('an unmapped code: a gap by system with the count, the diagnosis list unknown, the rule unknown, the code never named', () => {
    for (const lang of ['nb', 'nn', 'en'] as const) {
      const r = right(personFromBundle(bundle(HEART_FAILURE, DEPRESSION), { snomedMap: ONLY_HEART, lang }));
      expect(r.person.diagnoses).toBeUndefined();
      const gap = r.gaps.find((g) => g.code === 'fhir_unmapped');
      expect(gap?.detail).toEqual({ count: 1, system: 'SNOMED CT', expected: ['ICPC-2', 'ICD-10'] });
      expect(gap?.message).toMatch(
        lang === 'en' ? /^«Condition»: 1 diagnosis codes in SNOMED CT have no mapping/ : /^«Condition»: 1 diagnosekod(er|ar) i SNOMED CT/,
      );
      expect(r.notUnderstood).toContain(gap);
      expect(outcome(r, 'ID-TRIGGER-PHYSICAL-MENTAL')).toBe('unknown');
      const text = JSON.stringify([r.notUnderstood, r.gaps]);
      expect(text).not.toContain(DEPRESSION);
      expect(text).not.toContain(HEART_FAILURE);
      expect(text).not.toContain('Diagnose');
    }
  });

  it('counts every unmapped code, whichever they are (property), and never names one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[1-9]\d{5,17}$/), { minLength: 1, maxLength: 8 }), (sctids) => {
        const unmapped = sctids.filter((s) => s !== HEART_FAILURE && s !== DEPRESSION);
        const r = right(personFromBundle(bundle(...sctids), { snomedMap: MAP }));
        const gap = r.gaps.find((g) => g.code === 'fhir_unmapped');
        expect(gap?.detail?.['count'] ?? 0).toBe(unmapped.length);
        if (unmapped.length > 0) expect(r.person.diagnoses).toBeUndefined();
        const text = JSON.stringify(r.notUnderstood);
        for (const s of unmapped) expect(text).not.toContain(s);
      }),
    );
  });

  it('an ICD-10 or ICPC-2 coding on the same Condition wins over the map', () => {
    const b = bundle(DEPRESSION);
    ((b.entry[1]!.resource as { code: { coding: unknown[] } }).code.coding as { system: string; code: string }[]).push({
      system: 'http://hl7.org/fhir/sid/icd-10',
      code: 'F32',
    });
    const r = right(personFromBundle(b, { snomedMap: MAP }));
    expect(r.person.diagnoses).toEqual([{ system: 'ICD-10', code: 'F32' }]);
  });

  it('without a map, a SNOMED CT-only Condition is reported as before (not a gap)', () => {
    const r = right(personFromBundle(bundle(HEART_FAILURE)));
    expect(r.notUnderstood.map((i) => i.code)).toContain('fhir_code');
    expect(r.gaps).toEqual([]);
  });

  it('a map the host built by hand, or options that are not an object, are typed errors naming the option', () => {
    const fake = { source: 'x', size: 1, lookup: () => ({ system: 'ICD-10', code: 'I50' }) };
    const e = left(personFromBundle(bundle(HEART_FAILURE), { snomedMap: fake as unknown as SnomedMap, lang: 'en' }));
    expect(e.issues[0]).toMatchObject({
      code: 'invalid_type',
      path: 'options.snomedMap',
      detail: { expected: 'SnomedMap (parseSnomedMap)' },
    });
    for (const bad of [null, 7, 'en', []]) {
      const n = left(personFromPrefetch({}, bad as never));
      expect(n.issues[0]).toMatchObject({ code: 'invalid_type', path: 'options' });
    }
    expect(isSnomedMap(MAP)).toBe(true);
    expect(isSnomedMap(fake)).toBe(false);
  });
});

describe('parseSnomedMap: the map file', () => {
  it('reads a map from JSON text and an object alike; lookup gives the mapped code', () => {
    const text = JSON.stringify(mapFile([{ snomed: HEART_FAILURE, icd10: 'i50.1' }]), null, 2);
    for (const input of [text, JSON.parse(text) as unknown]) {
      const m = right(parseSnomedMap(input));
      expect(m.source).toBe('Test map, 2026-12');
      expect(m.size).toBe(1);
      expect(m.lookup(HEART_FAILURE)).toEqual({ system: 'ICD-10', code: 'I50.1' });
      expect(m.lookup(DEPRESSION)).toBeUndefined();
    }
  });

  it('from text, each error names the field, what was expected, and its line', () => {
    const text = [
      '{',
      `  "format": "${SNOMED_MAP_FORMAT}",`,
      '  "source": "Test",',
      '  "entries": [',
      `    { "snomed": "${HEART_FAILURE}", "icd10": "I50" },`,
      `    { "snomed": "${DEPRESSION}", "icd10": "F32", "icpc2": "P76" },`,
      '    { "snomed": "0123", "icd10": "I50" },',
      `    { "snomed": "${HEART_FAILURE}", "icpc2": "K77" },`,
      `    { "snomed": "44054006", "icd10": "not a code" }`,
      '  ]',
      '}',
    ].join('\n');
    const e = left(parseSnomedMap(text, { lang: 'en' }));
    expect(e._tag).toBe('InvalidSnomedMap');
    const got = e.issues.map((i) => [i.code, i.path, i.line]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['snomed_target', 'entries[1]', 6],
        ['invalid_format', 'entries[2].snomed', 7],
        ['icd10_code', 'entries[4].icd10', 9],
      ]),
    );
    expect(e.issues.find((i) => i.code === 'invalid_format')?.message).toContain('SCTID');
    expect(e.issues.find((i) => i.code === 'snomed_target')?.message).toContain('exactly one of "icd10" and "icpc2"');
  });

  it('a concept mapped twice is an error at the second entry, in nb, nn and en', () => {
    const file = mapFile([
      { snomed: HEART_FAILURE, icd10: 'I50' },
      { snomed: HEART_FAILURE, icpc2: 'K77' },
    ]);
    const text = JSON.stringify(file, null, 2);
    const msgs = (['nb', 'nn', 'en'] as const).map((lang) => left(parseSnomedMap(text, { lang })).issues[0]!);
    for (const m of msgs) expect(m).toMatchObject({ code: 'snomed_duplicate', path: 'entries[1].snomed', line: 10 });
    expect(new Set(msgs.map((m) => m.message)).size).toBe(3);
    expect(msgs[1]!.message).toContain('omgrep');
  });

  it('the format tag, a missing source and JSON syntax errors are typed, with a line', () => {
    expect(left(parseSnomedMap({ format: 'other@1', source: 's', entries: [] })).issues[0]).toMatchObject({
      code: 'invalid_value',
      path: 'format',
    });
    expect(left(parseSnomedMap({ format: SNOMED_MAP_FORMAT, entries: [] })).issues[0]).toMatchObject({ code: 'missing', path: 'source' });
    expect(left(parseSnomedMap('{\n  "format": \n}')).issues[0]).toMatchObject({ code: 'json_syntax', line: 3 });
  });

  it('never throws, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (input, options) => {
        const r = parseSnomedMap(input, options as never);
        expect(['Left', 'Right']).toContain(r._tag);
      }),
    );
  });
});
