import * as z from 'zod';

/*
 * FHIR R4 data types as the library writes them. Optional elements are omitted, never empty: FHIR
 * forbids empty strings, arrays and objects, so every optional string here has a minimum length.
 */

const Str = z.string().min(1);

/** FHIR `date` or `dateTime` as written here: a full date, or a date-time with seconds and a zone. */
export const FhirDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/);

/** A Coding. */
export const Coding = z.strictObject({
  system: Str.optional(),
  version: Str.optional(),
  code: Str.optional(),
  display: Str.optional(),
});
/** A FHIR Coding. */
export type Coding = z.infer<typeof Coding>;

/** A CodeableConcept. */
export const CodeableConcept = z.strictObject({
  coding: z.array(Coding).min(1).optional(),
  text: Str.optional(),
});
/** A FHIR CodeableConcept. */
export type CodeableConcept = z.infer<typeof CodeableConcept>;

/** An Identifier. */
export const Identifier = z.strictObject({
  use: z.enum(['usual', 'official', 'temp', 'secondary', 'old']).optional(),
  system: Str.optional(),
  value: Str.optional(),
});
/** A FHIR Identifier. */
export type Identifier = z.infer<typeof Identifier>;

/** A Reference: a relative or `urn:uuid:` reference, an identifier, or only a display text. */
export const Reference = z.strictObject({
  reference: Str.optional(),
  type: Str.optional(),
  identifier: Identifier.optional(),
  display: Str.optional(),
});
/** A FHIR Reference. */
export type Reference = z.infer<typeof Reference>;

/** A Period. */
export const Period = z.strictObject({ start: FhirDateTime.optional(), end: FhirDateTime.optional() });
/** A FHIR Period. */
export type Period = z.infer<typeof Period>;

/** An Extension with a simple value (the library only writes these). */
export const Extension = z.strictObject({
  url: Str,
  valueString: Str.optional(),
  valueBoolean: z.boolean().optional(),
  valueCode: Str.optional(),
});
/** A FHIR Extension. */
export type Extension = z.infer<typeof Extension>;

/** An Annotation (note). */
export const Annotation = z.strictObject({ text: Str });
/** A FHIR Annotation. */
export type Annotation = z.infer<typeof Annotation>;
