import * as E from '../../../util/either.js';
import * as z from 'zod';
import type { DiagnosisSystem } from '../../../model/person.js';
import { Diagnosis } from '../../../model/person.js';
import { readInput } from '../../../model/inputShape.js';
import { capIssues, fromZodIssues } from '../../../model/issues.js';
import type { Lang } from '../../../model/lang.js';
import { resolveLang } from '../../../model/lang.js';
import { locateJsonPath, positionAt, scanJson } from '../../../util/jsonScan.js';
import type { FhirIssue } from '../issueMessages.js';
import { fhirIssue } from '../issueMessages.js';

/*
 * SNOMED CT → ICD-10 / ICPC-2, as the host supplies it. The rules are written in ICD-10 and ICPC-2
 * (the codes Norwegian primary care and the registries use); hospital records increasingly code
 * diagnoses in SNOMED CT. The library ships no map of its own: which map is right (the national
 * one from Helsedirektoratet's terminology service, a vendor's, a local one) is the host's decision,
 * and the host states where it came from (`source`). A code the map does not hold is a data gap,
 * counted by system, never named: a code in a record is health data.
 */

/** The code system URL of SNOMED CT in FHIR. */
export const SNOMED_SYSTEM = 'http://snomed.info/sct';

/** The version tag of the map file format. */
export const SNOMED_MAP_FORMAT = 'oppfolgingsteam/snomed-map@1';

/** Entries in one map file: SNOMED CT's clinical findings and disorders are a few hundred thousand. */
const MAX_ENTRIES = 300_000;

// An SCTID: 6 to 18 digits, no leading zero (SNOMED CT Technical Implementation Guide, 6.1).
const SCTID = /^[1-9]\d{5,17}$/;

const Target = (system: DiagnosisSystem) =>
  z
    .string()
    .max(16)
    .refine((c) => Diagnosis.safeParse({ system, code: c.trim().toUpperCase() }).success, {
      params: { code: system === 'ICPC-2' ? 'icpc2_code' : 'icd10_code' },
    });

const Entry = z
  .strictObject({
    snomed: z.string().regex(SCTID, { message: 'sctid' }),
    icd10: Target('ICD-10').optional(),
    icpc2: Target('ICPC-2').optional(),
  })
  .refine((e) => (e.icd10 === undefined) !== (e.icpc2 === undefined), { params: { code: 'snomed_target' } });

/** A SNOMED CT map file, version 1 (schemas/snomed-map.schema.json). */
export const SnomedMapFile = z.strictObject({
  $schema: z.string().max(500).optional(),
  format: z.literal(SNOMED_MAP_FORMAT),
  /** Where the map comes from (publisher, release, date), shown with what it was used for. */
  source: z.string().min(1).max(500),
  /** One line per SNOMED CT concept: to exactly one ICD-10 or one ICPC-2 code. */
  entries: z.array(Entry).max(MAX_ENTRIES),
});
/** A SNOMED CT map file as written. */
export type SnomedMapFile = z.infer<typeof SnomedMapFile>;

const BRAND: unique symbol = Symbol('SnomedMap');

/** A checked SNOMED CT map, made by {@link parseSnomedMap}; pass it as `snomedMap` to the FHIR readers. */
export interface SnomedMap {
  readonly [BRAND]: true;
  /** Where the map comes from, as the file says. */
  readonly source: string;
  /** How many SNOMED CT concepts it maps. */
  readonly size: number;
  /** The diagnosis a SNOMED CT concept maps to, or undefined. */
  lookup(sctid: string): { readonly system: DiagnosisSystem; readonly code: string } | undefined;
}

/** Whether a value is a map made by {@link parseSnomedMap} (not a look-alike object). */
export function isSnomedMap(v: unknown): v is SnomedMap {
  return typeof v === 'object' && v !== null && (v as { [BRAND]?: unknown })[BRAND] === true;
}

/** An issue in a map file; from JSON text, with the line and column of the field. */
export type SnomedMapIssue = FhirIssue & { readonly line?: number; readonly column?: number };

/** A SNOMED CT map file could not be read. */
export interface InvalidSnomedMapError {
  readonly _tag: 'InvalidSnomedMap';
  readonly issues: readonly SnomedMapIssue[];
}

/** Options for {@link parseSnomedMap}. */
export interface SnomedMapOptions {
  /** Language of the errors. Default `nb`. */
  readonly lang?: Lang;
}

/** The zod issue codes this file sets, mapped to the FHIR adapter's issue codes. */
function fromZod(issues: readonly z.core.$ZodIssue[], lang: Lang): FhirIssue[] {
  const out: FhirIssue[] = [];
  const rest: z.core.$ZodIssue[] = [];
  for (const i of issues) {
    const segs = i.path.map((s) => (typeof s === 'symbol' ? String(s) : s));
    const custom = i.code === 'custom' ? (i.params as { code?: string } | undefined)?.code : undefined;
    if (custom === 'snomed_target') out.push(fhirIssue('snomed_target', segs, lang));
    else if (i.code === 'invalid_format' && i.message === 'sctid') out.push(fhirIssue('invalid_format', segs, lang, { format: 'SCTID' }));
    else rest.push(i);
  }
  return [...out, ...fromZodIssues(rest, lang)];
}

/**
 * Reads a SNOMED CT map: JSON text (errors then carry the line and column of the field) or the
 * parsed value. Every entry maps one SNOMED CT concept id to one ICD-10 or one ICPC-2 code; a concept
 * mapped twice is an error, since which mapping wins would be a guess.
 *
 * @example
 * ```ts
 * const map = parseSnomedMap(readFileSync('snomed-map.json', 'utf8'), { lang: 'en' });
 * if (map._tag === 'Left') throw new Error(map.left.issues.map((i) => `line ${i.line}: ${i.message}`).join('\n'));
 * const read = personFromBundle(bundle, { snomedMap: map.right });
 * ```
 */
export function parseSnomedMap(input: unknown, options: SnomedMapOptions = {}): E.Either<InvalidSnomedMapError, SnomedMap> {
  const lang = resolveLang(typeof options === 'object' && options !== null ? options.lang : undefined);
  const text = typeof input === 'string' ? input : undefined;
  let value: unknown = input;
  if (text !== undefined) {
    const s = scanJson(text);
    if (!s.ok) {
      const { line, column } = positionAt(text, s.offset);
      return E.left({
        _tag: 'InvalidSnomedMap',
        issues: [{ ...fhirIssue('json_syntax', [], lang, { line, column, reason: s.reason }), line, column }],
      });
    }
    value = JSON.parse(text) as unknown;
  }
  const plain = readInput(value, lang);
  const fail = (issues: readonly FhirIssue[]): E.Either<InvalidSnomedMapError, SnomedMap> =>
    E.left({ _tag: 'InvalidSnomedMap', issues: capIssues(issues, lang).map((i) => locate(text, i)) });
  if ('issue' in plain) return fail([plain.issue]);
  const parsed = SnomedMapFile.safeParse(plain.value);
  if (!parsed.success) return fail(fromZod(parsed.error.issues, lang));
  const table = new Map<string, { system: DiagnosisSystem; code: string }>();
  const first = new Map<string, number>();
  const dupes: FhirIssue[] = [];
  parsed.data.entries.forEach((e, i) => {
    const seen = first.get(e.snomed);
    if (seen !== undefined) {
      dupes.push(fhirIssue('snomed_duplicate', ['entries', i, 'snomed'], lang, { first: `entries[${seen}]` }));
      return;
    }
    first.set(e.snomed, i);
    table.set(
      e.snomed,
      e.icd10 !== undefined
        ? { system: 'ICD-10', code: e.icd10.trim().toUpperCase() }
        : { system: 'ICPC-2', code: e.icpc2!.trim().toUpperCase() },
    );
  });
  if (dupes.length > 0) return fail(dupes);
  const map: SnomedMap = {
    [BRAND]: true,
    source: parsed.data.source,
    size: table.size,
    lookup: (sctid) => (typeof sctid === 'string' ? table.get(sctid.trim()) : undefined),
  };
  return E.right(Object.freeze(map));
}

/** The issue with the line and column of its field, when the map came as text. */
function locate(text: string | undefined, issue: FhirIssue): SnomedMapIssue {
  if (text === undefined) return issue;
  const at = locateJsonPath(text, issue.segments);
  return at ? { ...issue, line: at.line, column: at.column } : issue;
}
