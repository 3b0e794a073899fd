import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personFromBundle } from '../../src/adapters/fhir/index.js';
import { right } from '../support/helpers.js';

/*
 * What the FHIR adapter did not read is reported with a path and, for a code it could not use, the
 * code system, never the code: a SNOMED CT code can name a diagnosis (86406008 is HIV infection), and
 * SECURITY.md promises paths, never values. Every coded element the adapter reports is covered:
 * Condition.code, Observation.code and its components, MedicationStatement.medication,
 * CarePlan.category, CareTeam.category and participant role, Consent.category.
 */

const subject = { reference: 'Patient/p1' };
const coding = (system: string, code: string) => ({ coding: [{ system, code, display: 'HIV-infeksjon' }] });

/** One resource of each kind the adapter reads, each with `concept` where it expects a code. */
function bundleWith(system: string, code: string) {
  const c = coding(system, code);
  const resources = [
    { resourceType: 'Patient', id: 'p1', birthDate: '1950-06-01' },
    { resourceType: 'Condition', id: 'c1', subject, code: c },
    { resourceType: 'Observation', id: 'o1', subject, status: 'final', code: c, effectiveDateTime: '2026-01-01', valueInteger: 3 },
    {
      resourceType: 'Observation',
      id: 'o2',
      subject,
      status: 'final',
      code: coding('http://oppfolgingsteam.no/fhir/CodeSystem/psfs', 'psfs'),
      effectiveDateTime: '2026-01-01',
      component: [{ code: c, valueInteger: 3 }],
    },
    { resourceType: 'MedicationStatement', id: 'm1', subject, status: 'active', medicationCodeableConcept: c },
    { resourceType: 'CarePlan', id: 'cp1', subject, status: 'active', intent: 'plan', category: [c] },
    {
      resourceType: 'CareTeam',
      id: 'ct1',
      subject,
      status: 'active',
      category: [c],
      participant: [{ role: [c], member: { reference: 'Practitioner/x' } }],
    },
    { resourceType: 'Consent', id: 'cs1', patient: subject, status: 'active', scope: c, category: [c], dateTime: '2026-01-01' },
  ];
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}

describe('notUnderstood names code systems, never codes', () => {
  it('an HIV code in SNOMED CT is reported by its system only, in every element that reports codes', () => {
    const r = right(personFromBundle(bundleWith('http://snomed.info/sct', '86406008')));
    const seen = r.notUnderstood.flatMap((i) => (i.detail?.['seen'] ?? []) as string[]);
    expect(seen.filter((s) => s === 'http://snomed.info/sct').length).toBeGreaterThanOrEqual(6);
    expect(seen.every((s) => !s.includes('|'))).toBe(true);
    expect(JSON.stringify(r)).not.toContain('86406008');
    expect(JSON.stringify(r.notUnderstood)).not.toContain('HIV');
  });

  it('no code, and no system that is not a URI, reaches a report', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl(), fc.constantFrom('urn:oid:2.16.578.1.12.4.1.1.9999', 'Ola Nordmann har HIV', '', 'x')),
        fc.stringMatching(/^[A-Z0-9]{6,12}$/),
        (system, code) => {
          const r = personFromBundle(bundleWith(system, code));
          const text = JSON.stringify(r._tag === 'Right' ? r.right.notUnderstood : r.left);
          expect(text).not.toContain(code);
          expect(text).not.toContain('Ola Nordmann');
        },
      ),
      { numRuns: 100 },
    );
  });
});
