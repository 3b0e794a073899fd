import * as E from '../../../util/either.js';
import type { ParsedPerson } from '../../../engine/evaluate.js';
import type { InvalidFhirInputError } from '../errors.js';
import { invalidFhirInput } from '../errors.js';
import type { PersonListKind } from '../model/prefetch.js';
import { PERSON_LIST_KINDS, PREFETCH_TEMPLATES } from '../model/prefetch.js';
import { DNR_SYSTEM, FNR_SYSTEM, LIB } from '../model/systems.js';
import { readInput } from '../../../model/inputShape.js';
import { compileFastParse } from '../../../model/fastParse.js';
import { capIssues, fromZodIssues } from '../../../model/issues.js';
import type { FhirIssue } from '../issueMessages.js';
import { fhirIssue } from '../issueMessages.js';
import type { Lang } from '../../../model/lang.js';
import type { PersonInput } from '../../../model/person.js';
import { Person } from '../../../model/person.js';
import { readCarePlan } from './carePlan.js';
import { readCareTeam } from './careTeam.js';
import { readCondition } from './condition.js';
import { readConsent } from './consent.js';
import type { PatientIdentity } from './context.js';
import { ReadContext } from './context.js';
import { readEncounter } from './encounter.js';
import type { Entry } from './entries.js';
import { bundleEntries, isPartialSearch, prefetchEntries, Resolver } from './entries.js';
import { isWhatMatters, readWhatMatters } from './goal.js';
import { readMedicationStatement } from './medicationStatement.js';
import { readObservation } from './observation.js';
import { readPatient } from './patient.js';
import { Reporter } from './report.js';
import { checkOptions } from './options.js';
import type { SnomedMap } from './snomedMap.js';

/*
 * A FHIR R4 Bundle, or the prefetch of a CDS Hooks request, → the person model.
 *
 * Unknown stays unknown: a list (diagnoses, encounters, …) is set only when the input answers it —
 * a prefetch key that was fetched, or, for a plain Bundle, a resource of that kind being present (or
 * the host saying the list is complete). A list whose resources could not be read stays unknown
 * rather than becoming "none". Everything not used is reported, with a path and never a value.
 *
 * A search result that is only one page (a `next` link, or `total` above the matches it holds) does
 * not answer its lists: they stay unknown, even for the resources the page does hold, because a list
 * read as complete would be too short (a score fell from 15 to 12 when a server paged encounters).
 * That, and a birth date that is not a date, are gaps: reported in `gaps` as well as `notUnderstood`.
 */

/** A search result that is only a page: where it is in the input, and which lists it was to answer (`present`: those it holds). */
interface Page {
  readonly segs: readonly (string | number)[];
  readonly kinds: readonly PersonListKind[] | 'present';
}

/** Options for reading FHIR input. */
export interface FhirToPersonOptions {
  /** Language of the reports and errors. Default `nb`. */
  readonly lang?: Lang;
  /**
   * Which person lists the input answers completely, so that no resources means "known to be none".
   * `present` (default for Bundles): the lists of which at least one resource is present; `all`: every
   * list; or the list kinds. For a prefetch, the fetched keys always count, plus these.
   */
  readonly complete?: 'present' | 'all' | readonly PersonListKind[];
  /** Person fields FHIR does not carry here (frailty, social, services, wishes, …). Mapped fields win. */
  readonly supplement?: PersonInput;
  /** The expected Patient id (e.g. the CDS Hooks `context.patientId`); a different Patient is an error. */
  readonly patientId?: string;
  /**
   * Validate the person read with the fast accept path first, as `evaluate` does (src/model/fastParse.ts);
   * `false` validates it with the schema alone. The person is the same either way. Default `true`.
   */
  readonly fastParse?: boolean;
  /**
   * The host's SNOMED CT → ICD-10/ICPC-2 map ({@link parseSnomedMap}). A Condition coded only in
   * SNOMED CT is read as the code it maps to; when any is not in the map, the diagnosis list is
   * unknown and a gap says how many codes (never which). Without a map, SNOMED CT-only Conditions
   * are reported in `notUnderstood` as before.
   */
  readonly snomedMap?: SnomedMap;
}

/** A person read from FHIR, with everything that was not used. */
export interface FhirPerson {
  readonly person: ParsedPerson;
  /** Resources, elements, extensions and codes that were not used, and why. Never values. */
  readonly notUnderstood: readonly FhirIssue[];
  /**
   * What the input sent that could not be used and leaves a fact the rules read unknown: a search
   * result that is only a page (its lists are unknown), a birth date that is not a date (the age is
   * unknown). Also in `notUnderstood`. Show them to the user: the decision is made without that data.
   */
  readonly gaps: readonly FhirIssue[];
  /** References (`Condition/123` or full URLs) of the resources that fed the person, for RiskAssessment.basis. */
  readonly basis: readonly string[];
}

/** The person's fast accept path, compiled from the schema on first use (`null` when the schema has a kind it does not know). */
let fastPersonParser: ((input: unknown) => unknown) | null | undefined;

const SUPPORTING = new Set(['Medication', 'Practitioner', 'PractitionerRole', 'Organization', 'RelatedPerson', 'Location']);

function identity(patient: Entry): PatientIdentity {
  const keys = new Set<string>();
  const id = typeof patient.resource['id'] === 'string' ? (patient.resource['id'] as string) : undefined;
  if (id) keys.add(`Patient/${id}`);
  if (patient.fullUrl) keys.add(patient.fullUrl);
  const identifiers = new Set<string>();
  const ids = patient.resource['identifier'];
  if (Array.isArray(ids))
    // Raw, before the Patient shape is checked: a null or scalar element is skipped here and reported by the shape check.
    for (const x of ids as unknown[]) {
      if (typeof x !== 'object' || x === null) continue;
      const { system, value } = x as { system?: unknown; value?: unknown };
      if ((system === FNR_SYSTEM || system === DNR_SYSTEM) && typeof value === 'string') identifiers.add(`${system}|${value}`);
    }
  return { id, keys, identifiers };
}

function read(
  entries: readonly Entry[],
  complete: (kind: PersonListKind, present: boolean) => boolean,
  options: FhirToPersonOptions,
  pages: readonly Page[] = [],
): E.Either<InvalidFhirInputError, FhirPerson> {
  const lang = options.lang ?? 'nb';
  const reporter = new Reporter(lang);
  const patients = new Map<string, Entry>();
  for (const e of entries) if (e.resource.resourceType === 'Patient') patients.set(Resolver.key(e) ?? `#${patients.size}`, e);
  if (patients.size !== 1) return E.left(invalidFhirInput([fhirIssue('fhir_patient', [], lang, { count: patients.size })]));
  const patientEntry = [...patients.values()][0]!;
  const who = identity(patientEntry);
  if (options.patientId !== undefined && who.id !== options.patientId)
    return E.left(invalidFhirInput([fhirIssue('fhir_subject', [...patientEntry.segs, 'id'], lang)]));
  const ctx = new ReadContext(reporter, new Resolver(entries), lang, who, options.snomedMap);

  const mapped: Record<string, unknown> = { ...readPatient(patientEntry, ctx) };
  const patientKey = Resolver.key(patientEntry);
  const lists: Record<PersonListKind, unknown[]> = {
    diagnoses: [],
    encounters: [],
    medications: [],
    iplos: [],
    functionMeasures: [],
    consents: [],
    whatMatters: [],
  };
  const present = new Set<PersonListKind>();
  const unreadable = new Set<PersonListKind>();
  const basis: string[] = patientKey ? [patientKey] : [];
  // Resources a plan used, by identity and by `Type/id`: a prefetch may carry the same Goal under two keys.
  const consumed = new Set<Record<string, unknown>>();
  const consumedKeys = new Set<string>();
  const idKey = (r: Record<string, unknown>) => (typeof r['id'] === 'string' ? `${String(r['resourceType'])}/${r['id']}` : undefined);
  const used = (e: Entry) => {
    const k = Resolver.key(e);
    if (k && !basis.includes(k)) basis.push(k);
  };
  /** Runs a reader and records whether a skipped resource was understood (left out by status) or not. */
  const attempt = <T>(e: Entry, kinds: readonly PersonListKind[], f: () => T | undefined): T | undefined => {
    for (const k of kinds) present.add(k);
    const before = reporter.notUnderstood.length;
    const v = f();
    if (v === undefined) {
      const last = reporter.notUnderstood.slice(before);
      if (!last.every((i) => i.code === 'fhir_excluded')) for (const k of kinds) unreadable.add(k);
    } else used(e);
    return v;
  };

  // Plans first, so the Goals and Tasks they use are not read again as stand-alone resources.
  for (const e of entries) {
    if (e.resource.resourceType !== 'CarePlan') continue;
    const r = readCarePlan(e, ctx);
    if (!r) continue;
    r.consumed.forEach((c) => {
      consumed.add(c);
      const k = idKey(c);
      if (k) consumedKeys.add(k);
      // The same resource may arrive again under another prefetch key, with the same full URL.
      for (const x of entries) if (x.resource === c && x.fullUrl) consumedKeys.add(x.fullUrl);
    });
    if (r.whatMatters.length > 0) {
      present.add('whatMatters');
      lists.whatMatters.push(...r.whatMatters);
    }
    if (mapped['individualPlan'] === undefined) {
      mapped['individualPlan'] = r.plan;
      used(e);
    } else reporter.report('fhir_value', e.segs, { expected: '1 CarePlan' });
  }

  for (const e of entries) {
    const type = e.resource.resourceType;
    if (
      type === 'Patient' ||
      type === 'CarePlan' ||
      consumed.has(e.resource) ||
      consumedKeys.has(idKey(e.resource) ?? '') ||
      consumedKeys.has(e.fullUrl ?? '') ||
      SUPPORTING.has(type)
    )
      continue;
    if (type === 'Condition') {
      const d = attempt(e, ['diagnoses'], () => readCondition(e, ctx));
      if (d) lists.diagnoses.push(d);
    } else if (type === 'Encounter') {
      const v = attempt(e, ['encounters'], () => readEncounter(e, ctx));
      if (v) lists.encounters.push(v);
    } else if (type === 'MedicationStatement') {
      const v = attempt(e, ['medications'], () => readMedicationStatement(e, ctx));
      if (v) lists.medications.push(v);
    } else if (type === 'Consent') {
      const v = attempt(e, ['consents'], () => readConsent(e, ctx));
      if (v) lists.consents.push(v);
    } else if (type === 'Observation') {
      // Which list an Observation is meant for, so an unreadable one keeps that list unknown.
      const code = jsonText(e.resource['code'] ?? '');
      const kinds: PersonListKind[] = [
        ...(code.includes(LIB.iplosVariable) ? ['iplos' as const] : []),
        ...(code.includes(LIB.functionMeasure) ? ['functionMeasures' as const] : []),
      ];
      const v = attempt(e, kinds, () => readObservation(e, ctx));
      if (v?.kind === 'iplos') {
        present.add('iplos');
        lists.iplos.push(v.value);
      } else if (v?.kind === 'psfs') {
        present.add('functionMeasures');
        lists.functionMeasures.push(v.value);
      }
    } else if (type === 'CareTeam') {
      const v = attempt(e, [], () => readCareTeam(e, ctx));
      if (v && mapped['team'] === undefined) {
        mapped['team'] = v.team;
        if (v.coordinator) mapped['coordinator'] = v.coordinator;
      } else if (v) reporter.report('fhir_value', e.segs, { expected: '1 CareTeam' });
    } else if (type === 'Goal' && isWhatMatters(e.resource)) {
      const v = attempt(e, ['whatMatters'], () => readWhatMatters(e, ctx));
      if (v) lists.whatMatters.push(v);
    } else if (type === 'Goal' || type === 'Task') {
      reporter.report('fhir_value', e.segs, {
        expected: type === 'Goal' ? ['CarePlan.goal', `${LIB.goalCategory}|what-matters`] : 'CarePlan.activity.reference',
      });
    } else {
      reporter.report('fhir_resource_type', e.segs, { resourceType: type });
    }
  }

  const paged = new Set<PersonListKind>();
  if (ctx.unmappedSnomed > 0) {
    // Like a page: the list read would be too short, so it stays unknown rather than complete.
    reporter.gap('fhir_unmapped', ['Condition'], { count: ctx.unmappedSnomed, system: 'SNOMED CT', expected: ['ICPC-2', 'ICD-10'] });
    paged.add('diagnoses');
  }
  for (const page of pages) {
    const kinds = page.kinds === 'present' ? PERSON_LIST_KINDS.filter((k) => present.has(k)) : page.kinds;
    kinds.forEach((k) => paged.add(k));
    reporter.gap('fhir_page', page.segs, { lists: [...kinds] });
  }
  for (const kind of PERSON_LIST_KINDS) {
    const items = lists[kind];
    if (paged.has(kind)) continue;
    if (items.length > 0) mapped[kind] = items;
    else if (!unreadable.has(kind) && complete(kind, present.has(kind))) mapped[kind] = [];
  }

  if (reporter.errors.length > 0) return E.left(invalidFhirInput(reporter.errors));
  const input = { ...(options.supplement ?? {}), ...mapped };
  if (options.fastParse !== false) {
    fastPersonParser ??= compileFastParse(Person) ?? null;
    const fast = fastPersonParser === null ? undefined : fastPersonParser(input);
    if (fast !== undefined)
      return E.right({ person: fast as ParsedPerson, notUnderstood: reporter.all(), gaps: [...reporter.gaps], basis });
  }
  const person = Person.safeParse(input);
  if (!person.success) return E.left(invalidFhirInput(fromZodIssues(person.error.issues, lang)));
  return E.right({ person: person.data as ParsedPerson, notUnderstood: reporter.all(), gaps: [...reporter.gaps], basis });
}

/**
 * JSON text of a host value, or '' when it has none: a host's object may hold a BigInt or a cycle,
 * which JSON.stringify throws on (the fuzzer found a BigInt in an Observation's code). The reader
 * then reports the resource as not understood instead of throwing.
 */
function jsonText(v: unknown): string {
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '';
  }
}

function completeness(option: FhirToPersonOptions['complete'], fetched: ReadonlySet<PersonListKind>, defaultPresent: boolean) {
  return (kind: PersonListKind, present: boolean): boolean => {
    if (fetched.has(kind)) return true;
    if (option === 'all') return true;
    if (Array.isArray(option)) return option.includes(kind);
    return (option === 'present' || (option === undefined && defaultPresent)) && present;
  };
}

/**
 * Reads a FHIR R4 Bundle (any type: collection, searchset, transaction, document) about one patient
 * into the person model. Returns an error when there is not exactly one Patient, when a resource
 * belongs to another patient, or when an identifier is invalid; everything else that cannot be used
 * is reported in `notUnderstood` and left out.
 *
 * @example
 * ```ts
 * import { evaluateParsed } from 'oppfolgingsteam';
 * import { personFromBundle } from 'oppfolgingsteam/fhir';
 *
 * const read = personFromBundle(bundle, { lang: 'nb' });
 * if (read._tag === 'Left') throw new Error(read.left.issues.map((i) => i.message).join('\n'));
 * for (const issue of read.right.notUnderstood) console.warn(issue.message); // paths, never values
 * const decision = evaluateParsed(ruleSet, read.right.person, { asOf: '2026-11-23' });
 * ```
 */
export function personFromBundle(input: unknown, options: FhirToPersonOptions = {}): E.Either<InvalidFhirInputError, FhirPerson> {
  const checked = checkOptions(options);
  if ('issue' in checked) return E.left(invalidFhirInput([checked.issue]));
  options = { ...checked.ok.rest, lang: checked.ok.lang, ...(checked.ok.snomedMap ? { snomedMap: checked.ok.snomedMap } : {}) };
  const lang = checked.ok.lang;
  const plain = readFhir(input, lang);
  if ('issue' in plain) return E.left(invalidFhirInput([plain.issue]));
  const bundle = plain.value;
  const reporter = new Reporter(lang);
  const got = bundleEntries(bundle, [], reporter, lang);
  if (!got.ok) return E.left(invalidFhirInput(got.issues));
  const pages: Page[] = isPartialSearch(bundle) ? [{ segs: [], kinds: 'present' }] : [];
  const r = read(got.entries, completeness(options.complete, new Set(), true), options, pages);
  return E.map((p: FhirPerson) => ({ ...p, notUnderstood: [...reporter.all(), ...p.notUnderstood] }))(r);
}

/**
 * The host's FHIR input read once into plain data, which is all the adapter reads after: a getter or
 * proxy trap that throws is an `unreadable` issue, not an exception. Depth and size are bounded as
 * for every input; string lengths are not, since a resource the adapter does not read (a Binary, a
 * narrative) may carry long text or base64 data.
 */
function readFhir(input: unknown, lang: Lang, prefix: readonly (string | number)[] = []): ReturnType<typeof readInput> {
  return readInput(input, lang, prefix, { strings: false });
}

/**
 * Reads the `prefetch` of a CDS Hooks request (each value a resource, a Bundle, or `null` when the
 * client could not fetch it) into the person model. A key from the service's prefetch templates
 * whose value is a Bundle answers its lists completely, so an empty search result means "none".
 *
 * @example
 * ```ts
 * const read = personFromPrefetch(request.prefetch, { patientId: request.context.patientId });
 * if (read._tag === 'Right') evaluateParsed(ruleSet, read.right.person, { asOf: '2026-11-23' });
 * ```
 */
export function personFromPrefetch(input: unknown, options: FhirToPersonOptions = {}): E.Either<InvalidFhirInputError, FhirPerson> {
  const checked = checkOptions(options);
  if ('issue' in checked) return E.left(invalidFhirInput([checked.issue]));
  options = { ...checked.ok.rest, lang: checked.ok.lang, ...(checked.ok.snomedMap ? { snomedMap: checked.ok.snomedMap } : {}) };
  const lang = checked.ok.lang;
  const plain = readFhir(input, lang);
  if ('issue' in plain) return E.left(invalidFhirInput([plain.issue]));
  const prefetch = plain.value;
  if (typeof prefetch !== 'object' || prefetch === null || Array.isArray(prefetch))
    return E.left(
      invalidFhirInput([
        fhirIssue(
          prefetch === undefined ? 'missing' : 'invalid_type',
          ['prefetch'],
          lang,
          prefetch === undefined ? {} : { expected: 'object' },
        ),
      ]),
    );
  const reporter = new Reporter(lang);
  const entries: Entry[] = [];
  const fetched = new Set<PersonListKind>();
  const pages: Page[] = [];
  const errors: FhirIssue[] = [];
  for (const [key, value] of Object.entries(prefetch as Record<string, unknown>)) {
    const got = prefetchEntries(key, value, reporter, lang);
    if (!got.ok) {
      errors.push(...got.issues);
      continue;
    }
    entries.push(...got.entries);
    const tpl = Object.prototype.hasOwnProperty.call(PREFETCH_TEMPLATES, key) ? PREFETCH_TEMPLATES[key] : undefined;
    const isBundle = typeof value === 'object' && value !== null && (value as { resourceType?: unknown }).resourceType === 'Bundle';
    if (isBundle && isPartialSearch(value)) pages.push({ segs: [key], kinds: tpl ? tpl.completes : [] });
    else if (tpl && isBundle) tpl.completes.forEach((k) => fetched.add(k));
  }
  // Capped like every other error: a prefetch with 10,000 bad keys would otherwise be 10,000 issues.
  if (errors.length > 0) return E.left(invalidFhirInput(capIssues(errors, lang)));
  const r = read(entries, completeness(options.complete, fetched, false), options, pages);
  return E.map((p: FhirPerson) => ({ ...p, notUnderstood: [...reporter.all(), ...p.notUnderstood] }))(r);
}
