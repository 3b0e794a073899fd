import * as z from 'zod';
import { dateProblem } from '../../../util/dates.js';

/*
 * Loose shapes for the FHIR elements the input adapter reads. FHIR resources carry many elements the
 * library does not need, so these are open objects; each element read is checked for its type here,
 * and elements that are present but not read are reported by the element check, not dropped.
 */

/** A Coding as received. */
export const CodingIn = z.looseObject({
  system: z.string().optional(),
  version: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
/** A received Coding. */
export type CodingIn = z.infer<typeof CodingIn>;

/** A CodeableConcept as received. */
export const CodeableConceptIn = z.looseObject({ coding: z.array(CodingIn).optional(), text: z.string().optional() });
/** A received CodeableConcept. */
export type CodeableConceptIn = z.infer<typeof CodeableConceptIn>;

/** An Identifier as received. */
export const IdentifierIn = z.looseObject({ system: z.string().optional(), value: z.string().optional() });

/** A Reference as received. */
export const ReferenceIn = z.looseObject({
  reference: z.string().optional(),
  type: z.string().optional(),
  identifier: IdentifierIn.optional(),
  display: z.string().optional(),
});
/** A received Reference. */
export type ReferenceIn = z.infer<typeof ReferenceIn>;

/** A Period as received. */
export const PeriodIn = z.looseObject({ start: z.string().optional(), end: z.string().optional() });

/** A Quantity as received. */
export const QuantityIn = z.looseObject({
  value: z.number().optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});

/**
 * The calendar date of a FHIR `date`, `dateTime` or `instant`, as `YYYY-MM-DD`, or `undefined` when
 * the value is partial (`2026`, `2026-05`) or malformed. The date is taken as written, so a time zone
 * never moves an event to another day.
 */
export function fhirDate(value: string | undefined): string | undefined {
  if (value === undefined || value.length < 10) return undefined;
  const d = value.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || dateProblem(d)) return undefined;
  if (value.length > 10 && !/^T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(value.slice(10))) return undefined;
  return d;
}

/** The codings of a concept in any of the given systems. */
export function codingsIn(concept: CodeableConceptIn | undefined, systems: readonly string[]): CodingIn[] {
  return (concept?.coding ?? []).filter((c) => c.system !== undefined && systems.includes(c.system) && typeof c.code === 'string');
}

/**
 * The code systems of a concept's codings, each once, for reports. Only the system: a code is a
 * value from the record (an SNOMED CT or ICD-10 code can name an HIV diagnosis), and reports carry
 * paths, never values. A system that is not a plain URI (free text where a URI belongs) is `?`.
 */
export function seenCodes(concept: CodeableConceptIn | undefined): string[] {
  return [...new Set((concept?.coding ?? []).map((c) => (c.system !== undefined && SYSTEM_URI.test(c.system) ? c.system : '?')))];
}

// A URI or URN without blanks, of a sensible length; anchored, one repeated class (linear).
const SYSTEM_URI = /^[a-zA-Z][a-zA-Z0-9+.-]{0,20}:[^\s]{1,200}$/;

/** An Extension as received; only simple values are read. */
export const ExtensionIn = z.looseObject({
  url: z.string(),
  valueString: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  valueCode: z.string().optional(),
});

/** The values of the extensions with `url` on an element (strings, codes and booleans). */
export function extValues(element: unknown, url: string): (string | boolean)[] {
  const raw = typeof element === 'object' && element !== null ? (element as { extension?: unknown }).extension : undefined;
  const list = z.array(ExtensionIn).safeParse(raw);
  if (!list.success) return [];
  return list.data
    .filter((e) => e.url === url)
    .flatMap((e) => [e.valueString ?? e.valueCode ?? e.valueBoolean].filter((v): v is string | boolean => v !== undefined));
}

/** The first string value of an extension, or undefined. */
export function extStringValue(element: unknown, url: string): string | undefined {
  return extValues(element, url).find((v): v is string => typeof v === 'string');
}

/** The first boolean value of an extension, or undefined. */
export function extBooleanValue(element: unknown, url: string): boolean | undefined {
  return extValues(element, url).find((v): v is boolean => typeof v === 'boolean');
}
