/**
 * The EPJ's side of a CDS Hooks call, simulated: answer the service's prefetch templates from the
 * patient's record (a FHIR Bundle) and build the `patient-view` request. A real EPJ runs the
 * templates' FHIR queries against its own FHIR server instead.
 */
import { PREFETCH_TEMPLATES } from '../../src/adapters/cdsHooks/index.js';

type Resource = Record<string, unknown> & { resourceType: string; id?: string };
type BundleJson = { entry?: { fullUrl?: string; resource?: Resource }[] };

/** The resource types a template's query asks for: the searched type plus `_include`d ones. */
function typesOf(query: string): string[] {
  const base = /^([A-Za-z]+)[?/]/.exec(query)?.[1] ?? '';
  const includes = [...query.matchAll(/_include=[A-Za-z]+:([a-z-]+)/g)].map((m) =>
    m[1] === 'medication' ? 'Medication' : m[1] === 'goal' ? 'Goal' : m[1] === 'activity-reference' ? 'Task' : '',
  );
  return [base, ...includes].filter((t) => t !== '');
}

/** Answers every prefetch template from the record, as search-set Bundles (the Patient as itself). */
export function prefetchFromRecord(record: BundleJson): Record<string, unknown> {
  const entries = (record.entry ?? []).filter((e): e is { fullUrl?: string; resource: Resource } => e.resource !== undefined);
  const prefetch: Record<string, unknown> = {};
  for (const [key, template] of Object.entries(PREFETCH_TEMPLATES)) {
    const types = typesOf(template.query);
    if (key === 'patient') {
      prefetch[key] = entries.find((e) => e.resource.resourceType === 'Patient')?.resource ?? null;
      continue;
    }
    const hits = entries.filter((e) => types.includes(e.resource.resourceType));
    prefetch[key] = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: hits.length,
      entry: hits.map((e) => ({ ...(e.fullUrl ? { fullUrl: e.fullUrl } : {}), resource: e.resource })),
    };
  }
  return prefetch;
}

/** A CDS Hooks 2.0 `patient-view` request for the record's patient, opened by `userId`. */
export function patientViewRequest(record: BundleJson, hookInstance: string, userId: string): Record<string, unknown> {
  const prefetch = prefetchFromRecord(record);
  const patient = prefetch['patient'] as Resource | null;
  return {
    hook: 'patient-view',
    hookInstance,
    fhirServer: 'https://epj.example.no/fhir',
    context: { userId, patientId: String(patient?.id ?? 'unknown') },
    prefetch,
  };
}
