import type { Lang } from '../../../model/lang.js';
import { DNR_SYSTEM, FNR_SYSTEM, LIBRARY_EXTENSION } from '../model/systems.js';
import type { Entry, Resolver } from './entries.js';
import type { Reporter } from './report.js';
import type { SnomedMap } from './snomedMap.js';
import { ReferenceIn } from './shapes.js';

/*
 * What every resource reader needs: the reporter, the reference resolver, the patient the bundle is
 * about, and two checks that each reader runs first — which elements it does not read, and whether
 * the resource is about this patient at all.
 */

/** Elements every resource may carry that need no reading: identity, metadata and the narrative. */
const ENVELOPE = new Set(['resourceType', 'id', 'meta', 'text', 'language', 'contained', 'identifier']);

/** How the bundle's Patient can be referred to. */
export interface PatientIdentity {
  readonly id: string | undefined;
  readonly keys: ReadonlySet<string>;
  /** `system|value` of its fødselsnummer / D-nummer identifiers. */
  readonly identifiers: ReadonlySet<string>;
}

/** State shared by the resource readers while one bundle is read. */
export class ReadContext {
  constructor(
    readonly reporter: Reporter,
    readonly resolver: Resolver,
    readonly lang: Lang,
    readonly patient: PatientIdentity,
    readonly snomedMap?: SnomedMap,
  ) {}

  /** SNOMED CT codes the host's map does not hold: counted, never named (a code in a record is health data). */
  unmappedSnomed = 0;

  /**
   * Reports the elements of `entry` that the reader does not read, and refuses the resource when it
   * carries a modifier extension or implicit rules (FHIR forbids ignoring those). Returns false when
   * the resource must be skipped.
   */
  elements(entry: Entry, read: readonly string[]): boolean {
    const r = entry.resource;
    const type = r.resourceType;
    const mods = r['modifierExtension'];
    if ((Array.isArray(mods) && mods.length > 0) || r['implicitRules'] !== undefined) {
      this.reporter.report('fhir_modifier', [
        ...entry.segs,
        Array.isArray(mods) && mods.length > 0 ? 'modifierExtension' : 'implicitRules',
      ]);
      return false;
    }
    for (const key of Object.keys(r)) {
      if (ENVELOPE.has(key) || read.includes(key) || key === 'modifierExtension') continue;
      if (key === 'extension' && Array.isArray(r[key])) {
        for (const ext of r[key] as unknown[]) {
          const url = typeof ext === 'object' && ext !== null ? (ext as { url?: unknown }).url : undefined;
          // The library's own extensions are read by the resource readers.
          if (typeof url === 'string' && url.startsWith(LIBRARY_EXTENSION)) continue;
          this.reporter.element('fhir_extension', type, 'extension', { url: typeof url === 'string' ? url : '?' });
        }
        continue;
      }
      this.reporter.element('fhir_element', type, key);
    }
    return true;
  }

  /**
   * Checks that the reference in `element` points at this patient. A reference to another patient is
   * an error (a mixed bundle must never be attributed to one person); a missing or unresolvable one
   * is reported and the resource skipped.
   */
  isAboutPatient(entry: Entry, element: string): boolean {
    const segs = [...entry.segs, element];
    const raw = entry.resource[element];
    if (raw === undefined) {
      this.reporter.report('missing', segs);
      return false;
    }
    const parsed = ReferenceIn.safeParse(raw);
    if (!parsed.success) {
      this.reporter.report('invalid_shape', segs);
      return false;
    }
    const ref = parsed.data;
    if (ref.reference !== undefined) {
      const clean = ref.reference.replace(/\/_history\/.*$/, '');
      if (this.patient.keys.has(clean)) return true;
      const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(clean);
      if (m) {
        if (m[1] === this.patient.id) return true;
        this.reporter.error('fhir_subject', segs);
        return false;
      }
      const target = this.resolver.resolve(ref.reference, entry);
      if (target && target['resourceType'] === 'Patient') {
        this.reporter.error('fhir_subject', segs);
        return false;
      }
      this.reporter.report(target ? 'fhir_value' : 'fhir_reference', segs, target ? { expected: 'Patient' } : {});
      return false;
    }
    const idf = ref.identifier;
    if (idf?.system !== undefined && idf.value !== undefined && (idf.system === FNR_SYSTEM || idf.system === DNR_SYSTEM)) {
      if (this.patient.identifiers.has(`${idf.system}|${idf.value}`)) return true;
      this.reporter.error('fhir_subject', segs);
      return false;
    }
    this.reporter.report('fhir_reference', segs);
    return false;
  }
}
