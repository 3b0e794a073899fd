import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinFacts, bundledCodeLists, deriveFacts } from '../../../src/policy/index.js';
import { bundledRuleSetIds, evaluate, evaluateParsed } from '../../../src/index.js';
import { completeNationalId } from '../../../src/population/index.js';
import { LIBRARY_CODE_SYSTEMS as LIB, PERSON_LIST_KINDS, personFromBundle, personFromPrefetch } from '../../../src/adapters/fhir/index.js';
import type { FhirPerson, PersonListKind } from '../../../src/adapters/fhir/index.js';
import type { PersonInput } from '../../../src/index.js';
import { examplePerson, left, readJson, right, ruleSet } from '../../support/helpers.js';

/*
 * FHIR R4 input: the example EPJ bundles read back as the example persons, every accepted system
 * name is accepted, and nothing is dropped silently: what is not used is reported with a path, and
 * never with a value.
 */

const AS_OF = '2026-11-23';
const MAPPED = [
  'id',
  'nationalId',
  'birthDate',
  'sex',
  'municipality',
  'hasGp',
  ...PERSON_LIST_KINDS,
  'team',
  'coordinator',
  'individualPlan',
];

const patient = (extra: Record<string, unknown> = {}) => ({ resourceType: 'Patient', id: 'p1', birthDate: '1950-06-01', ...extra });
const bundle = (...resources: Record<string, unknown>[]) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({
    fullUrl: `https://epj.example.no/fhir/${String(resource['resourceType'])}/${String(resource['id'] ?? 'x')}`,
    resource,
  })),
});
const subject = { reference: 'Patient/p1' };
const condition = (system: string, code: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Condition',
  id: `c-${code}`,
  code: { coding: [{ system, code }] },
  subject,
  ...extra,
});
const read = (b: unknown, options = {}): FhirPerson => right(personFromBundle(b, options));
const codes = (r: FhirPerson) => r.notUnderstood.map((i) => `${i.code} ${i.path}`);

describe('FHIR input: the example EPJ bundles', () => {
  for (const name of ['klara', 'morten', 'kasper', 'nora']) {
    it(`${name}: bundle + non-FHIR fields = the example person, and the same decisions (run npm run examples:fhir if persons changed)`, () => {
      const person = examplePerson(name) as Record<string, unknown>;
      const supplement = Object.fromEntries(Object.entries(person).filter(([k]) => !MAPPED.includes(k))) as PersonInput;
      const complete = PERSON_LIST_KINDS.filter((k) => Array.isArray(person[k])) as PersonListKind[];
      const r = read(readJson(`examples/fhir/${name}.json`), { supplement, complete });
      expect(r.person).toEqual({ ...person, id: `Patient/${name}` });
      for (const id of bundledRuleSetIds()) {
        const rs = ruleSet(id);
        const viaFhir = evaluateParsed(rs, r.person, { asOf: AS_OF, trace: 'none' });
        const direct = right(evaluate(rs, person, { asOf: AS_OF, trace: 'none' }));
        expect(viaFhir.outcomes).toEqual(direct.outcomes);
        expect(viaFhir.score).toEqual(direct.score);
      }
      expect(r.basis.length).toBeGreaterThan(1);
      expect(r.basis).toContain(`Patient/${name}`);
    });
  }

  it('Klara: the allergy and the SNOMED-only condition are reported, not dropped', () => {
    const r = read(readJson('examples/fhir/klara.json'));
    const found = codes(r);
    expect(found.some((c) => c.startsWith('fhir_resource_type entry['))).toBe(true);
    expect(found.some((c) => /^fhir_code entry\[\d+\]\.resource\.code$/.test(c))).toBe(true);
    const snomed = r.notUnderstood.find((i) => i.code === 'fhir_code')!;
    expect(snomed.detail?.['seen']).toEqual(['http://snomed.info/sct']);
    expect(JSON.stringify(r.notUnderstood)).not.toContain('Penicillin');
  });
});

describe('FHIR input: Norwegian systems under every name', () => {
  it('ICPC-2 (Volven OID and HL7 URL) and ICD-10 (both)', () => {
    const r = read(
      bundle(
        patient(),
        condition('urn:oid:2.16.578.1.12.4.1.1.7170', 'K77'),
        condition('http://hl7.org/fhir/sid/icpc-2', 't90'),
        condition('urn:oid:2.16.578.1.12.4.1.1.7110', 'I50.0'),
        condition('http://hl7.org/fhir/sid/icd-10', 'F102'),
      ),
    );
    expect(r.person.diagnoses).toEqual([
      { system: 'ICPC-2', code: 'K77' },
      { system: 'ICPC-2', code: 'T90' },
      { system: 'ICD-10', code: 'I50.0' },
      { system: 'ICD-10', code: 'F102' },
    ]);
    expect(r.notUnderstood).toEqual([]);
  });

  it('fødselsnummer and D-nummer; an invalid number is an error at its path', () => {
    const fnr = '02835110039';
    const dnr = completeNationalId('410150123')!;
    expect(read(bundle(patient({ identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: fnr }] }))).person.nationalId).toBe(fnr);
    expect(read(bundle(patient({ identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.2', value: dnr }] }))).person.nationalId).toBe(dnr);
    const e = left(personFromBundle(bundle(patient({ identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '02835110038' }] }))));
    expect(e._tag).toBe('InvalidFhirInput');
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([['national_id', 'entry[0].resource.identifier[0].value']]);
    expect(JSON.stringify(e)).not.toContain('02835110038');
    const other = read(bundle(patient({ identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.4', value: '123' }] })));
    expect(codes(other)).toEqual(['fhir_element entry[0].resource.identifier[0]']);
  });

  it('ATC medication lines, inline and by reference, with regular and as-needed dosage', () => {
    const r = read(
      bundle(
        patient(),
        {
          resourceType: 'MedicationStatement',
          id: 'm1',
          status: 'active',
          subject,
          medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'C03CA01' }] },
          dosage: [{ text: '1 x 1' }],
        },
        {
          resourceType: 'MedicationStatement',
          id: 'm2',
          status: 'active',
          subject,
          medicationReference: { reference: 'Medication/med2' },
          dosage: [{ asNeededBoolean: true }],
        },
        { resourceType: 'Medication', id: 'med2', code: { coding: [{ system: 'http://www.whocc.no/atc', code: 'N02BE01' }] } },
      ),
    );
    expect(r.person.medications).toEqual([
      { atc: 'C03CA01', regimen: 'regular' },
      { atc: 'N02BE01', regimen: 'as-needed' },
    ]);
  });

  it('the municipality from the no-basis extension, sex, birth date and GP', () => {
    const p = read(
      bundle(
        patient({
          gender: 'female',
          generalPractitioner: [{ reference: 'Practitioner/1' }],
          address: [
            {
              district: 'Bø',
              _district: {
                extension: [
                  {
                    url: 'http://hl7.no/fhir/StructureDefinition/no-basis-municipalitycode',
                    valueCoding: { system: 'urn:oid:2.16.578.1.12.4.1.1.3402', code: '1867' },
                  },
                ],
              },
            },
          ],
        }),
      ),
    ).person;
    expect(p).toMatchObject({ sex: 'female', hasGp: true, municipality: '1867', birthDate: '1950-06-01' });
  });

  it('IPLOS and PSFS observations in the library code systems; PSFS without a direction is never guessed', () => {
    const psfs = (withDirection: boolean) => ({
      resourceType: 'Observation',
      id: withDirection ? 'o2' : 'o3',
      status: 'final',
      subject,
      code: { coding: [{ system: LIB.functionMeasure, code: 'PSFS' }] },
      effectiveDateTime: '2026-10-01T10:00:00+02:00',
      component: [
        ...(withDirection
          ? [
              {
                code: { coding: [{ system: LIB.functionMeasure, code: 'direction' }] },
                valueCodeableConcept: { coding: [{ system: LIB.functionMeasure, code: 'higher-is-better' }] },
              },
            ]
          : []),
        { code: { coding: [{ system: LIB.functionMeasure, code: 'activity' }], text: 'Gå i trapper' }, valueInteger: 4 },
      ],
    });
    const r = read(
      bundle(
        patient(),
        {
          resourceType: 'Observation',
          id: 'o1',
          status: 'final',
          subject,
          code: { coding: [{ system: LIB.iplosVariable, code: 'bevege seg utendørs' }] },
          effectiveDateTime: '2026-03-01',
          valueInteger: 4,
        },
        psfs(true),
        psfs(false),
      ),
    );
    expect(r.person.iplos).toEqual([{ variable: 'bevege seg utendørs', score: 4, date: '2026-03-01' }]);
    expect(r.person.functionMeasures).toEqual([
      { instrument: 'PSFS', date: '2026-10-01', direction: 'higher-is-better', activities: [{ activity: 'Gå i trapper', score: 4 }] },
    ]);
    expect(codes(r)).toEqual(['missing entry[3].resource.component.direction']);
  });
});

describe('FHIR input: errors', () => {
  it('not a Bundle, no Patient, two Patients', () => {
    expect(left(personFromBundle({ resourceType: 'Patient' })).issues[0]!.code).toBe('invalid_value');
    expect(left(personFromBundle(bundle())).issues.map((i) => [i.code, i.detail])).toEqual([['fhir_patient', { count: 0 }]]);
    expect(left(personFromBundle(bundle(patient(), patient({ id: 'p2' })))).issues.map((i) => [i.code, i.detail])).toEqual([
      ['fhir_patient', { count: 2 }],
    ]);
  });

  it("another patient's resource is an error, never attributed to this person", () => {
    for (const ref of ['Patient/p2', 'https://other.example/fhir/Patient/p2']) {
      const e = left(
        personFromBundle(bundle(patient(), condition('http://hl7.org/fhir/sid/icpc-2', 'K77', { subject: { reference: ref } }))),
      );
      expect(e.issues.map((i) => [i.code, i.path])).toEqual([['fhir_subject', 'entry[1].resource.subject']]);
    }
    const byId = left(
      personFromBundle(
        bundle(
          patient({ identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '02835110039' }] }),
          condition('http://hl7.org/fhir/sid/icpc-2', 'K77', {
            subject: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '14889820110' } },
          }),
        ),
      ),
    );
    expect(byId.issues[0]!.code).toBe('fhir_subject');
  });

  it('the expected patient id of a CDS Hooks call is checked', () => {
    expect(left(personFromPrefetch({ patient: patient() }, { patientId: 'p9' })).issues[0]!.code).toBe('fhir_subject');
    expect(right(personFromPrefetch({ patient: patient() }, { patientId: 'p1' })).person.id).toBe('Patient/p1');
  });
});

describe('FHIR input: nothing dropped silently', () => {
  it('unread types, codes, values, statuses, modifiers and references are each reported', () => {
    const r = read(
      bundle(
        patient({ name: [{ family: 'Hemmelig' }], birthDate: '2026-13-40' }),
        { resourceType: 'Procedure', id: 'pr1', subject },
        condition('http://snomed.info/sct', '44054006'),
        condition('http://hl7.org/fhir/sid/icpc-2', 'K77', {
          id: 'c2',
          verificationStatus: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'entered-in-error' }],
          },
        }),
        condition('http://hl7.org/fhir/sid/icpc-2', 'T90', {
          id: 'c3',
          modifierExtension: [{ url: 'http://example.org/negated', valueBoolean: true }],
        }),
        condition('http://hl7.org/fhir/sid/icpc-2', '-30', { id: 'c4' }),
        {
          resourceType: 'Encounter',
          id: 'e1',
          status: 'finished',
          subject,
          class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
          period: { start: '2026-01-01' },
        },
        {
          resourceType: 'MedicationStatement',
          id: 'm1',
          status: 'active',
          subject,
          medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'C03CA01' }] },
        },
        {
          resourceType: 'MedicationStatement',
          id: 'm2',
          status: 'stopped',
          subject,
          medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'C03CA01' }] },
          dosage: [{}],
        },
        {
          resourceType: 'MedicationStatement',
          id: 'm3',
          status: 'active',
          subject,
          medicationReference: { reference: 'Medication/missing' },
          dosage: [{}],
        },
        {
          resourceType: 'Encounter',
          id: 'e2',
          status: 'finished',
          subject,
          class: { code: 'EMER' },
          period: { start: '2026-02-01' },
          serviceProvider: { reference: 'Organization/1' },
          extension: [{ url: 'http://example.org/x', valueString: 'y' }],
        },
      ),
    );
    expect(codes(r)).toEqual([
      'fhir_value entry[0].resource.birthDate',
      'fhir_resource_type entry[1].resource',
      'fhir_code entry[2].resource.code',
      'fhir_excluded entry[3].resource',
      'fhir_modifier entry[4].resource.modifierExtension',
      'icpc2_code entry[5].resource.code',
      'fhir_value entry[6].resource.class',
      'missing entry[7].resource.dosage',
      'fhir_value entry[8].resource.effectivePeriod.end',
      'fhir_reference entry[9].resource.medicationReference',
      'fhir_extension Encounter.extension',
      'fhir_element Encounter.serviceProvider',
      'fhir_element Patient.name',
    ]);
    expect(r.person.encounters).toEqual([{ type: 'emergency-visit', date: '2026-02-01' }]);
    // The one readable encounter is kept; the unreadable conditions leave diagnoses unknown, not "none".
    expect(r.person.diagnoses).toBeUndefined();
    expect(r.person.medications).toBeUndefined();
    const ext = r.notUnderstood.find((i) => i.code === 'fhir_extension')!;
    expect(ext.detail).toEqual({ url: 'http://example.org/x', count: 1 });
  });

  it('messages never contain values from the record', () => {
    const secret = fc.stringMatching(/^[A-Za-z]{12}$/);
    fc.assert(
      fc.property(secret, fc.constantFrom('en', 'nb', 'nn'), (s, lang) => {
        const r = read(
          bundle(
            patient({ name: [{ family: s }], birthDate: s }),
            condition('http://snomed.info/sct', '1', {
              code: { coding: [{ system: 'http://snomed.info/sct', code: '1', display: s }], text: s },
              note: [{ text: s }],
            }),
            { resourceType: 'AllergyIntolerance', id: 'a', patient: subject, code: { text: s } },
            { resourceType: 'Observation', id: 'o', status: 'final', subject, code: { text: s }, valueString: s },
          ),
          { lang },
        );
        expect(r.notUnderstood.length).toBeGreaterThan(3);
        expect(JSON.stringify(r.notUnderstood)).not.toContain(s);
      }),
      { numRuns: 40 },
    );
  });

  it('reports are localized in nb, nn and en', () => {
    const b = bundle(patient(), { resourceType: 'Procedure', id: 'x', subject });
    const [nb, nn, en] = (['nb', 'nn', 'en'] as const).map((lang) => read(b, { lang }).notUnderstood[0]!.message);
    expect(new Set([nb, nn, en]).size).toBe(3);
    expect(nn).toContain('ikkje');
  });
});

describe('FHIR input: unknown stays unknown', () => {
  it('a plain Bundle answers the lists it has resources for; `complete` says more', () => {
    const b = bundle(patient(), condition('http://hl7.org/fhir/sid/icpc-2', 'K77'));
    const p = read(b).person;
    expect(p.diagnoses).toHaveLength(1);
    expect(p.encounters).toBeUndefined();
    expect(read(b, { complete: 'all' }).person.encounters).toEqual([]);
    expect(read(b, { complete: ['medications'] }).person).toMatchObject({ medications: [] });
  });

  it('an unreadable IPLOS observation keeps IPLOS unknown even when the search was complete', () => {
    const obs = {
      resourceType: 'Observation',
      id: 'o1',
      status: 'final',
      subject,
      code: { coding: [{ system: LIB.iplosVariable, code: 'spise' }] },
      effectiveDateTime: '2026-03-01',
      valueInteger: 7,
    };
    const p = right(
      personFromPrefetch({ patient: patient(), observations: { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: obs }] } }),
    ).person;
    expect(p.iplos).toBeUndefined();
    expect(p.functionMeasures).toEqual([]);
  });

  it('a fetched empty search means none; a prefetch key that is null or absent means unknown', () => {
    const empty = { resourceType: 'Bundle', type: 'searchset', total: 0 };
    const p = right(personFromPrefetch({ patient: patient(), conditions: empty, medications: null })).person;
    expect(p.diagnoses).toEqual([]);
    expect(p.medications).toBeUndefined();
    expect(p.encounters).toBeUndefined();
  });

  it('a prefetch value that is not a resource is an error at its key', () => {
    const e = left(personFromPrefetch({ patient: patient(), conditions: { entry: [] } }));
    expect(e.issues[0]!.path).toBe('conditions.resourceType');
    expect(left(personFromPrefetch(undefined)).issues[0]!.code).toBe('missing');
  });
});

describe('FHIR input: a page is not the whole list, and a birth date is read for what it says', () => {
  const klara = readJson('examples/fhir/klara.json') as { entry: { resource: Record<string, unknown> }[] };
  const klaraPatient = klara.entry.find((e) => e.resource['resourceType'] === 'Patient')!.resource;
  const klaraEncounters = klara.entry
    .filter((e) => e.resource['resourceType'] === 'Encounter')
    .map((e) => ({ resource: e.resource, search: { mode: 'match' } }));
  const searchset = (entry: unknown[], extra: Record<string, unknown> = {}) => ({
    resourceType: 'Bundle',
    type: 'searchset',
    entry,
    ...extra,
  });
  const identification = ruleSet('identification');
  const score = (prefetch: Record<string, unknown>) =>
    evaluateParsed(identification, right(personFromPrefetch(prefetch, { patientId: 'klara' })).person, { asOf: AS_OF, trace: 'none' })
      .score!;

  it('a search result with a next link leaves its list unknown and reports the gap, so the score is never lowered by a page', () => {
    expect(klaraEncounters.length).toBeGreaterThan(2);
    const whole = score({ patient: klaraPatient, encounters: searchset(klaraEncounters) });
    const page = searchset(klaraEncounters.slice(0, 2), {
      link: [
        { relation: 'self', url: 'x' },
        { relation: 'next', url: 'https://epj.example.no/fhir/Encounter?page=2' },
      ],
    });
    const read = right(personFromPrefetch({ patient: klaraPatient, encounters: page }, { patientId: 'klara' }));
    expect(read.person.encounters).toBeUndefined();
    expect(read.gaps.map((g) => [g.code, g.path, g.detail?.['lists']])).toEqual([['fhir_page', 'encounters', ['encounters']]]);
    expect(read.notUnderstood.map((g) => g.code)).toContain('fhir_page');
    const paged = score({ patient: klaraPatient, encounters: page });
    // The page alone would have counted too few admissions and visits; unknown, it can only keep the full score in reach.
    expect(paged.maxPoints).toBeGreaterThanOrEqual(whole.points);
  });

  it('total above the matches it holds is a page too; included resources do not count as matches; a complete result is read', () => {
    const two = klaraEncounters.slice(0, 2);
    const short = right(personFromPrefetch({ patient: klaraPatient, encounters: searchset(two, { total: 5 }) }, { patientId: 'klara' }));
    expect(short.person.encounters).toBeUndefined();
    expect(short.gaps).toHaveLength(1);
    const withInclude = searchset([...two, { resource: { resourceType: 'Organization', id: 'o1' }, search: { mode: 'include' } }], {
      total: 2,
    });
    const whole = right(personFromPrefetch({ patient: klaraPatient, encounters: withInclude }, { patientId: 'klara' }));
    expect(whole.person.encounters).toHaveLength(2);
    expect(whole.gaps).toEqual([]);
  });

  it('a plain searchset Bundle with a next link leaves every list it holds unknown', () => {
    const b = {
      ...bundle(patient(), condition('http://hl7.org/fhir/sid/icpc-2', 'K77')),
      type: 'searchset',
      link: [{ relation: 'next', url: 'x' }],
    };
    const r = read(b);
    expect(r.person.diagnoses).toBeUndefined();
    expect(r.gaps.map((g) => [g.code, g.detail?.['lists']])).toEqual([['fhir_page', ['diagnoses']]]);
  });

  it('a birth date that is not a date is a gap the host sees, and the age is unknown; no value is echoed', () => {
    const r = read(bundle(patient({ birthDate: '2026-13-40' })));
    expect(r.person.birthDate).toBeUndefined();
    expect(r.gaps.map((g) => [g.code, g.path])).toEqual([['fhir_value', 'entry[0].resource.birthDate']]);
    expect(JSON.stringify(r.gaps)).not.toContain('2026-13-40');
    const d = evaluateParsed(ruleSet('identification'), r.person, { asOf: AS_OF, trace: 'none' });
    expect(d.outcomes.find((o) => o.ruleId === 'ID-SUBGROUP-CHRONIC')!.outcome).toBe('unknown');
  });

  it('a birth date of only year and month, or only a year, is read for what it says', () => {
    const ageOf = (birthDate: string, asOf: string) => {
      const p = read(bundle(patient({ birthDate }))).person;
      return deriveFacts(p, asOf, builtinFacts(), bundledCodeLists())['age'];
    };
    expect(read(bundle(patient({ birthDate: '1951-03' }))).gaps).toEqual([]);
    expect(ageOf('1951-03', '2026-11-23')).toBe(75);
    expect(ageOf('1951-03', '2026-03-15')).toBeUndefined(); // 74 or 75, depending on the day
    expect(ageOf('1951', '2026-06-01')).toBeUndefined();
    expect(ageOf('1951', '2026-12-31')).toBe(75); // every day of 1951 has had its birthday by then
  });
});
