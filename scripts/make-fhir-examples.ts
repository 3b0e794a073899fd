/**
 * Writes `examples/fhir/<name>.json`: a fictional FHIR R4 collection Bundle for each example person,
 * as an EPJ would hold it (HL7 Norway no-basis identifiers, ICPC-2 and ICD-10 under both their OID
 * and URL system names, ATC, the library's codes for IPLOS, PSFS, care team and plan). Run
 * `npm run examples:fhir` after changing `examples/persons/`. Everything here is fictional.
 *
 * Fields FHIR does not carry in this mapping (frailty screening, social facts, municipal services,
 * service needs, wishes, capacity) are left out on purpose: the examples show how the library reports
 * them as unknown ("data needed") instead of guessing.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadExamplePersons } from '../examples/loadPersons.js';
import {
  ATC_SYSTEM,
  DNR_SYSTEM,
  FNR_SYSTEM,
  HPR_SYSTEM,
  ICD10_SYSTEMS,
  ICPC2_SYSTEMS,
  LIBRARY_CODE_SYSTEMS as LIB,
  MUNICIPALITY_EXTENSION,
  MUNICIPALITY_SYSTEM,
  toCareTeam,
  toConsents,
  toFollowUpPlan,
} from '../src/adapters/fhir/index.js';
import { HL7 as HL7_SYSTEMS } from '../src/adapters/fhir/model/systems.js';
import { validateNationalId } from '../src/index.js';
import type { PersonInput } from '../src/index.js';

type R = Record<string, unknown>;

const ENCOUNTER_CLASS: Record<string, { code: string; priority?: string }> = {
  'gp-consultation': { code: 'AMB' },
  'outpatient-visit': { code: 'AMB' },
  'emergency-visit': { code: 'EMER' },
  'emergency-admission': { code: 'IMP', priority: 'EM' },
  'elective-admission': { code: 'IMP', priority: 'EL' },
};

/** A fictional EPJ bundle for one example person. */
export function exampleBundle(name: string, person: PersonInput): R {
  const patientRef = `Patient/${name}`;
  const subject = { reference: patientRef };
  const entries: { fullUrl: string; resource: R }[] = [];
  const add = (resource: R) => {
    const fullUrl = resource['id']
      ? `https://epj.example.no/fhir/${resource['resourceType']}/${resource['id']}`
      : `urn:uuid:${(resource['identifier'] as { value: string }[])[0]!.value.slice(9)}`;
    entries.push({ fullUrl, resource });
  };

  const patient: R = { resourceType: 'Patient', id: name, name: [{ family: 'Eksempel', given: [name[0]!.toUpperCase() + name.slice(1)] }] };
  if (person.nationalId)
    patient['identifier'] = [
      { system: validateNationalId(person.nationalId) === 'dnr' ? DNR_SYSTEM : FNR_SYSTEM, value: person.nationalId },
    ];
  if (person.birthDate) patient['birthDate'] = person.birthDate;
  if (person.sex) patient['gender'] = person.sex;
  if (person.municipality)
    patient['address'] = [
      {
        _district: {
          extension: [{ url: MUNICIPALITY_EXTENSION, valueCoding: { system: MUNICIPALITY_SYSTEM, code: person.municipality } }],
        },
      },
    ];
  if (person.hasGp) patient['generalPractitioner'] = [{ reference: `Practitioner/gp-${name}` }];
  add(patient);
  if (person.hasGp)
    add({
      resourceType: 'Practitioner',
      id: `gp-${name}`,
      identifier: [{ system: HPR_SYSTEM, value: '9999999' }],
      name: [{ family: 'Fastlege', given: ['Eksempel'] }],
    });

  (person.diagnoses ?? []).forEach((d, i) => {
    const systems = d.system === 'ICPC-2' ? ICPC2_SYSTEMS : ICD10_SYSTEMS;
    const c: R = {
      resourceType: 'Condition',
      id: `${name}-condition-${i + 1}`,
      code: { coding: [{ system: systems[i % 2], code: d.code }] },
      subject,
    };
    if (d.active !== undefined)
      c['clinicalStatus'] = { coding: [{ system: HL7_SYSTEMS.conditionClinical, code: d.active ? 'active' : 'inactive' }] };
    if (d.onset) c['onsetDateTime'] = d.onset;
    if (d.abatement) c['abatementDateTime'] = d.abatement;
    add(c);
  });

  (person.encounters ?? []).forEach((e, i) => {
    const cls = ENCOUNTER_CLASS[e.type]!;
    const r: R = {
      resourceType: 'Encounter',
      id: `${name}-encounter-${i + 1}`,
      status: 'finished',
      class: { system: HL7_SYSTEMS.actCode, code: cls.code },
      type: [{ coding: [{ system: LIB.encounterType, code: e.type }] }],
      subject,
      period: { start: e.date, ...(e.endDate ? { end: e.endDate } : {}) },
    };
    if (cls.priority) r['priority'] = { coding: [{ system: HL7_SYSTEMS.actPriority, code: cls.priority }] };
    if (e.lengthOfStayDays !== undefined) r['length'] = { value: e.lengthOfStayDays, unit: 'd', system: HL7_SYSTEMS.ucum, code: 'd' };
    add(r);
  });

  (person.medications ?? []).forEach((m, i) => {
    const id = `${name}-medication-${i + 1}`;
    const r: R = {
      resourceType: 'MedicationStatement',
      id,
      status: m.end ? 'completed' : 'active',
      subject,
      dosage: [{ asNeededBoolean: m.regimen === 'as-needed' }],
    };
    // Every third line refers to a Medication resource instead of carrying the code inline.
    if (i % 3 === 2) {
      add({ resourceType: 'Medication', id: `${id}-med`, code: { coding: [{ system: ATC_SYSTEM, code: m.atc }] } });
      r['medicationReference'] = { reference: `Medication/${id}-med` };
    } else r['medicationCodeableConcept'] = { coding: [{ system: ATC_SYSTEM, code: m.atc }] };
    if (m.start || m.end) r['effectivePeriod'] = { ...(m.start ? { start: m.start } : {}), ...(m.end ? { end: m.end } : {}) };
    add(r);
  });

  (person.iplos ?? []).forEach((s, i) =>
    add({
      resourceType: 'Observation',
      id: `${name}-iplos-${i + 1}`,
      status: 'final',
      code: { coding: [{ system: LIB.iplosVariable, code: s.variable }] },
      subject,
      effectiveDateTime: s.date,
      valueInteger: s.score,
    }),
  );
  (person.functionMeasures ?? []).forEach((f, i) =>
    add({
      resourceType: 'Observation',
      id: `${name}-psfs-${i + 1}`,
      status: 'final',
      code: { coding: [{ system: LIB.functionMeasure, code: 'PSFS' }] },
      subject,
      effectiveDateTime: f.date,
      component: [
        {
          code: { coding: [{ system: LIB.functionMeasure, code: 'direction' }] },
          valueCodeableConcept: { coding: [{ system: LIB.functionMeasure, code: f.direction }] },
        },
        ...f.activities.map((a) => ({
          code: { coding: [{ system: LIB.functionMeasure, code: 'activity' }], text: a.activity },
          valueInteger: a.score,
        })),
      ],
    }),
  );

  const made = <T>(e: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: T }): T => {
    if (e._tag === 'Left') throw new Error(`example person ${patientRef}: ${JSON.stringify(e.left)}`);
    return e.right;
  };
  for (const c of made(toConsents(person, { patient: patientRef }))) add(c as unknown as R);
  if (person.team || person.coordinator) add(made(toCareTeam(person, { patient: patientRef })) as unknown as R);
  const plan = made(toFollowUpPlan(person, { patient: patientRef }));
  for (const e of plan?.entry ?? []) entries.push({ fullUrl: e.fullUrl, resource: e.resource as unknown as R });

  return { resourceType: 'Bundle', type: 'collection', entry: entries };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL('../examples/fhir/', import.meta.url));
  for (const { name, person } of loadExamplePersons()) {
    const bundle = exampleBundle(name, person as PersonInput);
    // Klara's record also holds things the library does not read, to show how they are reported.
    if (name === 'klara') {
      (bundle['entry'] as unknown[]).push(
        {
          fullUrl: 'https://epj.example.no/fhir/AllergyIntolerance/klara-allergy-1',
          resource: {
            resourceType: 'AllergyIntolerance',
            id: 'klara-allergy-1',
            patient: { reference: 'Patient/klara' },
            code: { text: 'Penicillin' },
          },
        },
        {
          fullUrl: 'https://epj.example.no/fhir/Condition/klara-condition-snomed',
          resource: {
            resourceType: 'Condition',
            id: 'klara-condition-snomed',
            code: { coding: [{ system: 'http://snomed.info/sct', code: '73211009' }] },
            subject: { reference: 'Patient/klara' },
          },
        },
      );
    }
    writeFileSync(`${dir}${name}.json`, `${JSON.stringify(bundle, null, 2)}\n`);
  }
}
